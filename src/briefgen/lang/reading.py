"""A word's reading in the normalised grammar: lemma, part of speech and features, with inflection."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a word form: its lemma, part of speech and grammatical features (names from `grammar`).

    `marks` holds every feature of the reading (part of speech, case, number …,
    name kinds), so `grammar.PAST in reading` asks whether the reading has it.
    A reading without grammar (a language with no analyser) has `pos` None and no marks.
    """

    lemma: str
    pos: str | None = None
    case: str | None = None
    number: str | None = None
    gender: str | None = None
    person: str | None = None
    tense: str | None = None
    aspect: str | None = None
    marks: frozenset[str] = frozenset()
    score: float = 1.0
    known: bool = False  # the analyser's dictionary has the word (not a guess)
    inflector: Callable[[frozenset[str]], str | None] | None = field(default=None, compare=False, repr=False)
    lexeme: Callable[[], tuple[str, ...]] | None = field(default=None, compare=False, repr=False)

    def __contains__(self, mark: str) -> bool:
        return mark in self.marks

    @property
    def analysed(self) -> bool:
        """True when the analyser gave this reading a grammar (a part of speech or features)."""
        return bool(self.marks)

    def has(self, *marks: str) -> bool:
        """True when the reading carries every one of `marks`."""
        return all(m in self.marks for m in marks)

    def inflect(self, *marks: str) -> str | None:
        """The word form with `marks` (a case, a number …), lower-cased; None when it has none."""
        return self.inflector(frozenset(marks)) if self.inflector else None

    def forms(self) -> tuple[str, ...]:
        """Every inflected form of this reading's lemma (just the lemma without an analyser)."""
        return self.lexeme() if self.lexeme else (self.lemma,)
