"""Turn text into analysed words (offsets, lemmas, grammar) and match lemma phrases over them.

This is the one word layer extraction reads: each distinct word form is read
once per process by the analyser of the language that writes it (`reader`: a
Latin word in a Russian text is read as English), its likely readings kept once
per form (`_likely`); a Document splits each sentence into words once
(`Document.sentence_words`), so every extractor shares the same work.

Phrase syntax (`phrase_index`): words are lemmas ("объявить решение" matches
"объявили решения"); "..." stands for up to MAX_GAP words ("объявить ...
решение"). The figure grammars' word lists (`grammars.lexicon`) match written
forms instead: every inflected form of a listed word, a trailing "." optional.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Container
from dataclasses import dataclass, replace
from typing import Any

from . import Language, reader
from .letters import fold
from .reading import Reading

_TOKEN = re.compile(r"\w+(?:[-‐]\w+)*|[^\w\s]")
_LAST_WORD = re.compile(r"(\w+)[ \t]+\Z")
WORD_REACH = 40  # characters before an offset in which the word just before it is looked for
MIN_SCORE = 0.1  # another lemma or part of speech rated below this is too unlikely to count
MAX_GAP = 2  # words a phrase's "..." may stand for
GAP = "..."


@dataclass(frozen=True, slots=True)
class Word:
    """A word or punctuation mark of a sentence with its likely readings."""

    start: int
    end: int
    text: str
    readings: tuple[Reading, ...]  # most likely first; () for punctuation

    @property
    def lemma(self) -> str:
        """The most likely lemma (the text itself for punctuation)."""
        return self.readings[0].lemma if self.readings else self.text

    @property
    def lemmas(self) -> frozenset[str]:
        """Every likely lemma."""
        return frozenset(r.lemma for r in self.readings)

    @property
    def tag(self) -> Reading | None:
        """The most likely reading when it has a grammar; None for punctuation and words read without one."""
        return self.readings[0] if self.readings and self.readings[0].analysed else None

    def reading(self, lemmas: Container[str]) -> Reading | None:
        """The most likely reading whose lemma is one of `lemmas`."""
        return next((r for r in self.readings if r.lemma in lemmas), None)

    def grammar_as(self, lemmas: Container[str]) -> Reading | None:
        """The most likely reading whose lemma is one of `lemmas`, when it has a grammar."""
        r = self.reading(lemmas)
        return r if r is not None and r.analysed else None

    def has(self, *marks: str) -> bool:
        """True when the most likely reading carries every one of `marks` (names from `lang.grammar`)."""
        tag = self.tag
        return tag is not None and tag.has(*marks)

    @property
    def is_word(self) -> bool:
        return bool(self.readings)


def words_of(text: str, offset: int = 0, language: Language | None = None) -> list[Word]:
    """The words and punctuation marks of `text` (in `language`, when known), offsets shifted by `offset`."""
    return [
        Word(offset + m.start(), offset + m.end(), m.group(), readings(m.group(), language))
        for m in _TOKEN.finditer(text)
    ]


def readings(token: str, language: Language | None = None) -> tuple[Reading, ...]:
    """The likely readings of a word form: every case and number of its most likely lemma and part of speech
    ("стороны": genitive singular, nominative plural …), and other readings that are not too unlikely,
    lemmas with ё as е; () for punctuation."""
    if not (token[0].isalnum() or token[0] == "_"):
        return ()
    word = token.lower()
    return _likely(word, reader(word, language))


@functools.cache
def _likely(word: str, language: Language) -> tuple[Reading, ...]:
    found = language.morphology.readings(word)
    top = found[0]
    keep = [r for r in found if (r.lemma, r.pos) == (top.lemma, top.pos) or r.score >= MIN_SCORE]
    return tuple(replace(r, lemma=r.lemma.replace("ё", "е")) if "ё" in r.lemma else r for r in keep)


def phrase_index(entries) -> dict[str, list[tuple[tuple[str, ...], Any]]]:
    """Index phrases ("объявить ... решение", or a plain lemma) by their first lemma: first → [(parts, value)].

    `entries` is a mapping phrase → value, or a list of phrases (value None).
    """
    items = entries.items() if isinstance(entries, dict) else ((e, None) for e in entries or ())
    index: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
    for phrase, value in items:
        parts = tuple(fold(str(phrase)).split())
        index.setdefault(parts[0], []).append((parts, value))
    return index


def match_phrase(words: list[Word], i: int, parts: tuple[str, ...]) -> int | None:
    """The index after `parts` when they match `words` from `i` on (any reading's lemma; "..." skips ≤ MAX_GAP words)."""
    j, gap = i, 0
    for part in parts:
        if part == GAP:
            gap = MAX_GAP
            continue
        k = j
        while k < len(words) and k - j < gap and part not in words[k].lemmas:
            k += 1
        if k >= len(words) or part not in words[k].lemmas:
            return None
        j, gap = k + 1, 0
    return j


def phrases_at(words: list[Word], i: int, index: dict) -> list[tuple[int, Any, str, bool]]:
    """Every indexed phrase that starts at words[i]: (index after it, its value, its first lemma, whether
    it has a gap)."""
    out = []
    for lemma in words[i].lemmas:
        for parts, value in index.get(lemma, ()):
            j = match_phrase(words, i, parts)
            if j is not None:
                out.append((j, value, lemma, GAP in parts))
    return out


def word_before(text: str, offset: int) -> str | None:
    """The word that ends just before `offset`, spaces between ("с" before "Президентом"), lower-cased."""
    m = _LAST_WORD.search(text, max(0, offset - WORD_REACH), offset)
    return m.group(1).lower() if m else None
