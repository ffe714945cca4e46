"""Read the digest's language knowledge (data/digest.yaml): entries by key and language, and listed words in a text.

Plain word lists are read with `briefgen.data.word_set("digest", key, lang)`.
"""
from __future__ import annotations

import re
from typing import Any

from ..data import load
from ..nlp import lemma

_WORD = re.compile(r"[^\W\d_]+")


def entry(key: str, lang: str) -> Any:
    """The `key` entry of data/digest.yaml in one language (None when the file has none for it)."""
    return (load("digest").get(key) or {}).get(lang)


def holds(text: str, key: str, lang: str) -> bool:
    """True when `text` has a word of the `key` list (or the keys of its mapping), as written or by lemma."""
    marks = set(entry(key, lang) or [])
    return any(w.lower() in marks or lemma(w) in marks for w in _WORD.findall(text))
