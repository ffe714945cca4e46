"""Turn text into analysed words (offsets, lemmas, grammar) and match phrases over them.

This is the one word layer extraction reads: each distinct word form is read
once per process by the analyser of the language that writes it (`reader`: a
Latin word in a Russian text is read as English), its likely readings kept once
per form (`_likely`); a Document splits each sentence into words once
(`Document.sentence_words`), so every extractor shares the same work.

Phrase syntax, the one every word list that names phrases is written in (agenda
keywords, commitment and deadline cues, the publisher cues of `extract.meta`).
A phrase is words separated by spaces, compared lower-cased with ё as е; each
word is one of:

- a lemma, any of its inflected forms: "объявить решение" matches "объявили решения";
- an exact form, marked "=": "=словам" matches that written form only ("по =словам"
  does not match "по слову");
- a prefix, marked "*" at its end: "сельхоз*" matches every lemma it begins
  ("сельхозтехника", "сельхозпроизводитель");
- a gap, "...": up to MAX_GAP words of any kind ("объявить ... решение").

`phrase_index`/`index_phrases` compile phrases for `phrases_at`, which matches
them over analysed words. `form_pattern` turns phrases without lemmas into a
regex for raw text (where a prefix begins a written form and case is the
caller's flags'), for cues that sit inside patterns of names and quotation
marks. The figure grammars' word lists (`grammars.lexicon`) match written forms
their own way: every inflected form of a listed word, a trailing "." optional.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from typing import Any, cast

from . import Language, reader
from .letters import fold
from .reading import Reading

_TOKEN = re.compile(r"\w+(?:[-‐]\w+)*|[^\w\s]")
_LAST_WORD = re.compile(r"(\w+)[ \t]+\Z")
WORD_REACH = 40  # characters before an offset in which the word just before it is looked for
MIN_SCORE = 0.1  # another lemma or part of speech rated below this is too unlikely to count
MAX_GAP = 2  # words a phrase's "..." may stand for
GAP = "..."  # a phrase's gap: up to MAX_GAP words
FORM = "="  # a phrase word opening so is an exact written form: "=словам"
PREFIX = "*"  # a phrase word ending so matches every lemma it begins: "сельхоз*"
Parts = tuple[str, ...]  # a phrase's words as written, folded: "по", "=словам", "агро*", "..."


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


def phrase_index(entries: Mapping[str, Any] | Iterable[str] | None) -> dict[str, list[tuple[Parts, Any]]]:
    """Index phrases ("объявить ... решение", or a plain lemma) by their first word: first → [(parts, value)].

    `entries` is a mapping phrase → value, or a list of phrases (value None).
    """
    if isinstance(entries, Mapping):
        return index_phrases(cast(Mapping[str, Any], entries).items())
    return index_phrases((str(e), None) for e in entries or ())


def index_phrases(pairs: Iterable[tuple[str, Any]]) -> dict[str, list[tuple[Parts, Any]]]:
    """Index (phrase, value) pairs (a phrase may come more than once) by their first word: a lemma under
    itself, an exact form under "=form", a prefix under PREFIX."""
    index: dict[str, list[tuple[Parts, Any]]] = {}
    for phrase, value in pairs:
        parts = tuple(fold(str(phrase)).split())
        first = PREFIX if parts[0].endswith(PREFIX) else parts[0]
        if first.startswith(FORM):
            index.setdefault(FORM, [])  # marks that some phrase opens with a form, so `phrases_at` looks forms up
        index.setdefault(first, []).append((parts, value))
    return index


def _fits(part: str, keys: Set[str], word: Word) -> bool:
    """Whether `word`, whose lemmas are `keys`, is the phrase word `part`, an =form or a prefix*."""
    if part[0] == FORM:
        return fold(word.text) == part[1:]
    if part[-1] == PREFIX:
        return any(k.startswith(part[:-1]) for k in keys)
    return False


def match_phrase(words: Sequence[Word], i: int, parts: Parts, keys: Sequence[Set[str]] | None = None) -> int | None:
    """The index after `parts` when they match `words` from `i` on ("..." skips ≤ MAX_GAP words); a word
    matches a lemma by any of its `keys` (its likely lemmas unless given)."""
    j, gap = i, 0
    for part in parts:
        if part == GAP:
            gap = MAX_GAP
            continue
        lemma = part[0] != FORM and part[-1] != PREFIX  # the common case, checked inline
        k = j
        while True:
            if k >= len(words):
                return None
            own = keys[k] if keys is not None else words[k].lemmas
            if part in own if lemma else _fits(part, own, words[k]):
                break
            if k - j >= gap:
                return None
            k += 1
        j, gap = k + 1, 0
    return j


def phrases_at(
    words: Sequence[Word], i: int, index: Mapping[str, list[tuple[Parts, Any]]], keys: Sequence[Set[str]] | None = None
) -> list[tuple[int, Any, str, bool]]:
    """Every indexed phrase that starts at words[i]: (index after it, its value, the lemma its first word
    matched (the word's own for an exact form), whether it has a gap); `keys` as in `match_phrase`."""
    own = keys[i] if keys is not None else words[i].lemmas
    out: list[tuple[int, Any, str, bool]] = []
    for lemma in own:
        for parts, value in index.get(lemma, ()):
            j = match_phrase(words, i, parts, keys)
            if j is not None:
                out.append((j, value, lemma, GAP in parts))
    if FORM in index:
        for parts, value in index.get(FORM + fold(words[i].text), ()):
            j = match_phrase(words, i, parts, keys)
            if j is not None:
                out.append((j, value, words[i].lemma, GAP in parts))
    for parts, value in index.get(PREFIX, ()):
        lemma = next((k for k in own if k.startswith(parts[0][:-1])), None)
        j = None if lemma is None else match_phrase(words, i, parts, keys)
        if lemma is not None and j is not None:
            out.append((j, value, lemma, GAP in parts))
    return out


def form_pattern(phrases: Iterable[str]) -> str:
    """A regex alternation matching `phrases` in raw text, in their order (never matching when there are none):
    an exact form as written, a prefix as the start of a written form, a gap as up to MAX_GAP words, words
    apart by spaces. A lemma has no place in raw text: ValueError."""
    out = []
    for phrase in phrases:
        regex = ""
        for part in str(phrase).split():
            if part == GAP:
                regex += rf"(?:[ \t]+\w+){{0,{MAX_GAP}}}"
                continue
            if not (part.startswith(FORM) or part.endswith(PREFIX)):
                raise ValueError(f"{phrase!r}: a raw-text phrase needs exact forms (=word) or prefixes (word*)")
            word = part.removeprefix(FORM)
            word = re.escape(word.removesuffix(PREFIX)) + (r"\w*" if word.endswith(PREFIX) else "")
            regex += (r"[ \t]+" if regex else "") + word
        out.append(regex)
    return "|".join(out) or r"(?!)"


def word_before(text: str, offset: int) -> str | None:
    """The word that ends just before `offset`, spaces between ("с" before "Президентом"), lower-cased."""
    m = _LAST_WORD.search(text, max(0, offset - WORD_REACH), offset)
    return m.group(1).lower() if m else None
