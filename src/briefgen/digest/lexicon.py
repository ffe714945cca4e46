"""Read the digest's language knowledge (data/digest.yaml): entries by key and language, and listed words in a text.

Plain word lists are read with `briefgen.data.word_set("digest", key, lang)`.
"""
from __future__ import annotations

import re
from typing import Any

from ..data import load
from ..lang import lemma

_WORD = re.compile(r"[^\W\d_]+")


Pronouns = dict[str, str | dict[str, str]]  # a pronoun's replacement, or one per place ("plain", "after_preposition")


def _entry(key: str, lang: str) -> Any:
    """The `key` entry of data/digest.yaml in one language (None when the file has none for it): YAML, untyped."""
    return (load("digest").get(key) or {}).get(lang)


def listed(key: str, lang: str) -> list[str]:
    """The `key` word list ([] when the language has none)."""
    return _entry(key, lang) or []


def table(key: str, lang: str) -> dict[str, str]:
    """The `key` mapping of words to words ({} when the language has none)."""
    return _entry(key, lang) or {}


def wording(key: str, lang: str) -> str | None:
    """The `key` text (None when the language has none)."""
    return _entry(key, lang)


def pronouns(lang: str) -> Pronouns:
    """What each first-person pronoun becomes in the third person ({} when the language has none)."""
    return _entry("pronouns", lang) or {}


def holds(text: str, key: str, lang: str) -> bool:
    """True when `text` has a word of the `key` list (or the keys of its mapping), as written or by lemma."""
    marks = set(_entry(key, lang) or [])
    return any(w.lower() in marks or lemma(w) in marks for w in _WORD.findall(text))
