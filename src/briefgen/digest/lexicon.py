"""Read the digest's language knowledge (data/digest.yaml) that is not a plain word list: one entry per key and language.

Plain word lists are read with `briefgen.data.word_set("digest", key, lang)`.
"""
from __future__ import annotations

from typing import Any

from ..data import load


def entry(key: str, lang: str) -> Any:
    """The `key` entry of data/digest.yaml in one language (None when the file has none for it)."""
    return (load("digest").get(key) or {}).get(lang)
