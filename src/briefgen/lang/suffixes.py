"""A morphology backend without a dictionary: a word's readings are its form and the stems its endings allow."""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from .reading import Reading

MIN_STEM = 3  # letters a stem keeps when an ending comes off


class Suffixes:
    """Readings from regular endings ("proposed" → "propose"): lemmas only, no grammar; for cue words."""

    name = "suffixes"
    dictionary = False

    def __init__(self, endings: Sequence[tuple[str, str]]) -> None:
        self.endings = tuple(endings)  # (ending, what replaces it), tried in order

    def readings(self, word: str) -> tuple[Reading, ...]:
        """The word and its stems, each a reading without grammar (computed once per lower-cased form)."""
        return _readings(word.lower(), self.endings)

    def is_known(self, word: str) -> bool:
        """Without a dictionary no word is known."""
        return False

    def read_ahead(self, words: Iterable[str]) -> None:
        """Nothing is kept: readings are made from the endings."""

    def warm_up(self) -> None:
        """Nothing to load."""


@functools.cache
def _readings(word: str, endings: tuple[tuple[str, str], ...]) -> tuple[Reading, ...]:
    out = [word]
    for ending, repl in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            out.append(word[: -len(ending)] + repl)
    return tuple(Reading(form) for form in dict.fromkeys(out))
