"""Turn a word list of `data/figures.yaml` into a matcher over tokens: phrases in any inflected form."""
from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .. import lang
from .tokens import Token, fold, tokenize


@functools.cache
def _forms(word: str) -> frozenset[str]:
    """Every inflected form of a dictionary lemma (folded); just the word when it is no lemma."""
    key = fold(word)
    out = {key}
    for p in lang.readings(word):
        if p.known and fold(p.lemma) == key:
            out.update(fold(f) for f in p.forms())
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class _Part:
    """One word of an entry: the forms it matches, the lemma a match must have, whether it may be left out."""

    forms: frozenset[str]
    lemma: str | None
    optional: bool

    def takes(self, tok: Token) -> bool:
        return tok.key in self.forms and (self.lemma is None or lang.lemma(tok.text) == self.lemma)


def _part(tok: Token, inflected: bool) -> _Part:
    forms = _forms(tok.text) if inflected and tok.kind == "word" else frozenset({tok.key})
    # An inflected word must also be read as that lemma in the text ("семью" is "семья", not "семь").
    return _Part(forms, tok.key if len(forms) > 1 else None, tok.text == ".")


class Lexicon:
    """Phrases mapped to values; the longest phrase found at a token wins."""

    def __init__(self, table: Mapping[str, Any], inflected: bool) -> None:
        self._first: dict[str, list[tuple[tuple[_Part, ...], Any]]] = {}
        self._longest = 0
        for phrase, value in table.items():
            parts = tuple(_part(t, inflected) for t in tokenize(str(phrase)))
            self._longest = max(self._longest, len(parts))
            for form in parts[0].forms:
                self._first.setdefault(form, []).append((parts, value))
        for entries in self._first.values():
            entries.sort(key=lambda e: -len(e[0]))

    @classmethod
    def of_list(cls, items: Sequence[Any], inflected: bool) -> Lexicon:
        """A lexicon whose phrases are their own values."""
        return cls({str(x): str(x) for x in items}, inflected)

    @classmethod
    def of_groups(cls, groups: Mapping[str, Sequence[Any]], inflected: bool) -> Lexicon:
        """A lexicon from `{value: [phrase, ...]}` (a currency code and its names)."""
        return cls({str(p): value for value, phrases in groups.items() for p in phrases}, inflected)

    def __bool__(self) -> bool:
        """False for a lexicon with no phrases."""
        return bool(self._first)

    def match(self, toks: Sequence[Token], i: int) -> tuple[Any, int] | None:
        """(value, index after the phrase) for the longest phrase starting at token i."""
        if i >= len(toks):
            return None
        for parts, value in self._first.get(toks[i].key, ()):
            end = _match(parts, toks, i)
            if end is not None:
                return value, end
        return None

    def ends_at(self, toks: Sequence[Token], end: int) -> tuple[Any, int] | None:
        """(value, index of its first token) for the longest phrase that ends right before token `end`."""
        for start in range(max(0, end - self._longest), end):
            got = self.match(toks, start)
            if got and got[1] == end:
                return got[0], start
        return None


def _match(parts: tuple[_Part, ...], toks: Sequence[Token], i: int) -> int | None:
    k = i
    for n, part in enumerate(parts):
        inner = n + 1 < len(parts)
        if k < len(toks) and part.takes(toks[k]) and (n == 0 or not part.optional or _abbreviation_dot(toks, k, inner)):
            k += 1
        elif not part.optional:
            return None
    return k


def _abbreviation_dot(toks: Sequence[Token], k: int, inner: bool) -> bool:
    """A dot glued to an abbreviation inside a phrase, or not also ending the sentence ("млн. долларов", "долл.)");
    before a word in capitals it is the abbreviation's too ("тыс. TEU")."""
    after = toks[k + 1] if k + 1 < len(toks) else None
    capitals = after is not None and after.kind == "word" and len(after.text) > 1 and after.text.isupper()
    ends = after is None or after.text[:1].isupper() and not capitals or after.text == "\n"
    return toks[k].glued and (inner or not ends)
