"""Turn a sentence's words into clauses: the stretches a commitment is anchored on.

A clause starts after a comma or semicolon where a clause-opening word follows
(", что", ", который", ", в котором", ", а", ", если"), and where a quotation
begins or ends. A coordinate stretch with no verb of its own (", а также …",
", но настойчиво вести …") stays part of the clause before it. The opening
words are language data (`clauses` in data/commitments.yaml).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..lang import grammar as g
from ..lang.words import Word

MAIN, COMPLEMENT, RELATIVE, COORDINATE, CONDITION, QUOTE = (
    "main", "complement", "relative", "coordinate", "condition", "quote")
_PREDICATES = (g.VERB, g.PARTICIPLE_SHORT, g.ADJ_SHORT, g.PREDICATIVE)


@dataclass(slots=True)
class Clause:
    """A run of a sentence's words (punctuation included) and how it is joined to what precedes it."""

    kind: str  # main | complement | relative | coordinate | condition | quote
    words: list[Word] = field(default_factory=list)

    @property
    def tokens(self) -> list[Word]:
        """The clause's words without punctuation."""
        return [w for w in self.words if w.is_word]

    def has_predicate(self, auxiliaries: frozenset[str] = frozenset()) -> bool:
        """True when some word is a finite verb or a predicative form ("намерен", "надо"), or, where there is
        no morphology, one of `auxiliaries` ("would")."""
        return any(
            w.tag is not None and (w.tag.pos in _PREDICATES or g.PREDICATIVE_USE in w.tag) or w.tag is None and w.lemmas & auxiliaries
            for w in self.words
        )


def split(words: list[Word], openers: dict[str, str], regions: Sequence[tuple[int, int]] = ()) -> list[Clause]:
    """The clauses of a sentence. `openers` maps an opening lemma to its clause kind; `regions` are
    quotations (start, end): a clause never crosses their edges."""
    clauses: list[Clause] = []
    for i, w in enumerate(words):
        kind = _opens(words, i, openers, regions)
        if kind is not None or not clauses:
            clauses.append(Clause(kind or _first_kind(w, openers)))
        clauses[-1].words.append(w)
    return _merge_verbless(clauses)


def _first_kind(word: Word, openers: dict[str, str]) -> str:
    kind = openers.get(word.lemma)
    return CONDITION if kind == CONDITION else MAIN


def _opens(words: list[Word], i: int, openers: dict[str, str], regions) -> str | None:
    """The kind of clause words[i] opens, or None when it continues the current one."""
    if i == 0:
        return None
    prev, word = words[i - 1], words[i]
    if _region(prev, regions) != _region(word, regions):
        return QUOTE
    if prev.text == ";":
        return COORDINATE
    if prev.text != "," or not word.is_word:
        return None
    kind = openers.get(word.lemma)
    if kind is None and word.has(g.PREPOSITION) and i + 1 < len(words):
        kind = openers.get(words[i + 1].lemma)  # ", в котором"
        kind = kind if kind == RELATIVE else None
    return kind


def _region(word: Word, regions) -> int:
    return next((k for k, (s, e) in enumerate(regions) if s <= word.start < e), -1)


def _merge_verbless(clauses: list[Clause]) -> list[Clause]:
    out: list[Clause] = []
    for c in clauses:
        if out and c.kind == COORDINATE and not c.has_predicate():
            out[-1].words.extend(c.words)
        else:
            out.append(c)
    return out
