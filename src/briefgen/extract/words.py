"""Turn a document's sentences into analysed words: offsets, lemmas and grammar, once per text.

Each distinct word form is parsed by pymorphy3 once per process (the one cache
of readings, `nlp.parses`), and each sentence is split into words once per text
(kept on the extraction context), so every extractor that reads lemmas shares
the same work.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import nlp
from ..grammars.tokens import fold

_TOKEN = re.compile(r"\w+(?:[-‐]\w+)*|[^\w\s]")
_LAST_WORD = re.compile(r"(\w+)[ \t]+\Z")
WORD_REACH = 40  # characters before an offset in which the word just before it is looked for
_LATIN = re.compile(r"[a-z]")
MIN_SCORE = 0.1  # another lemma or part of speech rated below this is too unlikely to count
MAX_GAP = 2  # words a phrase's "..." may stand for
GAP = "..."


@dataclass(frozen=True, slots=True)
class Word:
    """A word or punctuation mark of a sentence with its likely readings (lemma, grammar tag)."""

    start: int
    end: int
    text: str
    readings: tuple[tuple[str, Any], ...]  # (lemma, pymorphy3 tag), most likely first; () for punctuation

    @property
    def lemma(self) -> str:
        """The most likely lemma (the text itself for punctuation)."""
        return self.readings[0][0] if self.readings else self.text

    @property
    def lemmas(self) -> frozenset[str]:
        """Every likely lemma."""
        return frozenset(lemma for lemma, _ in self.readings)

    @property
    def tag(self) -> Any:
        """The most likely reading's grammar tag, or None for punctuation."""
        return self.readings[0][1] if self.readings else None

    def reading(self, lemmas) -> tuple[str, Any] | None:
        """The most likely reading whose lemma is one of `lemmas`."""
        return next((r for r in self.readings if r[0] in lemmas), None)

    def has(self, *grammemes: str) -> bool:
        """True when the most likely reading carries every one of `grammemes`."""
        tag = self.tag
        return tag is not None and all(g in tag for g in grammemes)

    @property
    def is_word(self) -> bool:
        return bool(self.readings)


def sentence_words(ctx) -> list[list[Word]]:
    """The analysed words of every sentence of the document (computed once per context)."""
    if not ctx.words and ctx.doc.sentences:
        ctx.words = [words_of(s.text, s.start) for s in ctx.doc.sentences]
    return ctx.words


def words_of(text: str, offset: int = 0) -> list[Word]:
    """The words and punctuation marks of `text`, offsets shifted by `offset`."""
    return [Word(offset + m.start(), offset + m.end(), m.group(), readings(m.group())) for m in _TOKEN.finditer(text)]


def readings(token: str) -> tuple[tuple[str, Any], ...]:
    """The likely (lemma, tag) readings of a word form: every case and number of its most likely lemma and
    part of speech ("стороны": genitive singular, nominative plural …), and other readings that are not
    too unlikely; () for punctuation."""
    if not (token[0].isalnum() or token[0] == "_"):
        return ()
    word = token.lower()
    if _LATIN.match(word):
        return tuple((form, None) for form in english_forms(word))
    parses = nlp.parses(word)
    top = parses[0]
    keep = [p for p in parses if (p.normal_form, p.tag.POS) == (top.normal_form, top.tag.POS) or p.score >= MIN_SCORE]
    return tuple((p.normal_form.replace("ё", "е"), p.tag) for p in keep)


def english_forms(word: str) -> list[str]:
    """The word and the stems its regular endings allow ("proposed" → "propose"), for English cues."""
    out = [word]
    for ending, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("d", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.append(word[: -len(ending)] + repl)
    return list(dict.fromkeys(out))


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
