"""Count words and find repeated runs of them, the way the length and say-it-once rules count.

A word is a run of letters or digits (`\\w+`), so "1,7 млрд" is three words and
"[§4]" one; a run is compared case-insensitively, ё read as е.
"""
from __future__ import annotations

import re

WORD = re.compile(r"\w+")
RUN = 8  # consecutive source words two places of the body may not share


def count(text: str) -> int:
    """The number of words of letters or digits in `text`."""
    return len(WORD.findall(text))


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, ё as е."""
    return [w.lower().replace("ё", "е") for w in WORD.findall(text)]


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    """Every run of n consecutive words of `text`."""
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


class Seen:
    """What the body already says, so that nothing is said twice: a text is fresh when it shares no run of 8 words."""

    def __init__(self) -> None:
        self._runs: set[tuple[str, ...]] = set()

    def fresh(self, text: str) -> bool:
        """True when `text` repeats no run of words already taken."""
        return not (runs(text) & self._runs)

    def take(self, text: str) -> None:
        """Remember `text` as said."""
        self._runs |= runs(text)


def body_limit(source_words: int) -> int:
    """The most words a brief's body may have: 250 or 0.7 × the source, whichever is larger, at most the source + 100."""
    return min(max(250, int(0.7 * source_words)), source_words + 100)
