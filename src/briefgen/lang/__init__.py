"""Languages behind one table: each says its letters, whether NER runs, and how its words are read.

A `Language` is registered once (`ru` and `en` here, in `ru.py` and `en.py`);
everything language-specific that is not a word list asks the registry:
`detect` picks the language of a text before any analysis, `readings` gives a
word's readings in the normalised grammar (`grammar`), and `letters` builds
character classes from a language's alphabet. Adding a language is one module that
calls `register`, plus its word lists (see `Language.data_dir`).
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .. import data
from . import letters
from .reading import Reading

OWN_SHARE = 0.01  # share of a text's letters that must be a language's own (ә, қ …) to tell it from its script's first


class Morphology(Protocol):
    """What a language's analyser gives: readings of a word form, most likely first."""

    name: str
    dictionary: bool  # True when readings carry a grammar (part of speech, case …), not just lemmas

    def readings(self, word: str) -> tuple[Reading, ...]: ...

    def is_known(self, word: str) -> bool: ...

    def read_ahead(self, words: Iterable[str]) -> None: ...

    def warm_up(self) -> None: ...


@dataclass(frozen=True)
class Language:
    """One language: its code, alphabet (lower case), analyser, and whether natasha's NER reads its texts."""

    code: str
    name: str
    alphabet: str
    morphology: Morphology
    ner: bool
    data_dir: Path | None = None
    name_letters: str = ""  # letters beyond the alphabet that names in its texts carry ("Қасым", "Ўткир")  # word lists shipped with the language: `<name>.yaml` holding this language's entries

    def writes(self, ch: str) -> bool:
        """True when `ch` is a letter of this language's alphabet (either case)."""
        return ch.lower() in self.alphabet


_TABLE: dict[str, Language] = {}


def register(language: Language) -> Language:
    """Add a language to the table (replacing one with the same code), its word lists to the data's."""
    _load()
    unregister(language.code)
    _TABLE[language.code] = language
    if language.data_dir is not None:
        data.add(language.data_dir)
    return language


def unregister(code: str) -> None:
    """Take a language and its word lists out (a test's own language, after the test)."""
    gone = _TABLE.pop(code, None)
    if gone is not None and gone.data_dir is not None:
        data.remove(gone.data_dir)


def get(code: str) -> Language:
    """The language of `code`; the default language for a code nobody registered."""
    _load()
    return _TABLE.get(code) or default()


def codes() -> tuple[str, ...]:
    """Every registered language's code, in registration order."""
    _load()
    return tuple(_TABLE)


def languages() -> tuple[Language, ...]:
    """Every registered language, in registration order."""
    _load()
    return tuple(_TABLE.values())


def default() -> Language:
    """The first registered language: it reads words no alphabet claims (numbers, other scripts)."""
    _load()
    return next(iter(_TABLE.values()))


def detect(text: str) -> Language:
    """The language of a text, from its letters alone: the language whose alphabet has most of them (the
    earlier registered on a tie); a language that adds letters to that alphabet (Kazakh's ә, қ … to
    Russian's) when they make at least OWN_SHARE of its letters."""
    langs = languages()
    counts = {lang.code: _count(text, lang.alphabet) for lang in langs}
    best = max(langs, key=lambda lang: counts[lang.code])  # max keeps the first of equals
    extended = [
        (counts[lang.code] - counts[best.code], lang)
        for lang in langs
        if lang is not best and set(best.alphabet) < set(lang.alphabet)
    ]
    own, richer = max(extended, key=lambda e: e[0], default=(0, best))
    return richer if counts[richer.code] and own >= OWN_SHARE * counts[richer.code] else best


def capitals() -> str:
    """Latin capitals and the default language's (its name letters too), for the character classes of names."""
    return "A-Z" + letters.upper(default())


def small() -> str:
    """Latin small letters and the default language's (its name letters too), for the character classes of names."""
    return "a-z" + letters.lower(default())


def _count(text: str, alphabet: str) -> int:
    return sum(text.count(ch) for ch in letters.both_cases(alphabet))


def reader(word: str, language: Language | None = None) -> Language:
    """The language whose analyser reads `word`: `language` when its alphabet has the word's first letter,
    else the first language whose alphabet does, else the default language."""
    first = word[:1]
    if language is not None and language.writes(first):
        return language
    return next((lang for lang in languages() if lang.writes(first)), default())


def readings(word: str, language: Language | None = None) -> tuple[Reading, ...]:
    """Every reading of a word form by `language`'s analyser (the default language's when None), most likely
    first; cached per form by the analyser."""
    return (language or default()).morphology.readings(word)


def read_ahead(words: Iterable[str], language: Language | None = None) -> None:
    """Tell `language`'s analyser (the default language's when None) the word forms a text will ask about, so what
    it keeps of them is read at once."""
    (language or default()).morphology.read_ahead(words)


@functools.cache
def lemma(word: str, language: Language | None = None) -> str:
    """The most likely dictionary form of a word, lower-cased, ё folded to е."""
    found = readings(word, language)
    return (found[0].lemma if found else word.lower()).replace("ё", "е")


def is_known(word: str, language: Language | None = None) -> bool:
    """True when the language's dictionary has the word form."""
    return (language or default()).morphology.is_known(word)


def _load() -> None:
    """Register the shipped languages on first use."""
    if not _TABLE:
        from . import en, ru

        _TABLE.update({ru.LANGUAGE.code: ru.LANGUAGE, en.LANGUAGE.code: en.LANGUAGE})
