"""English: no dictionary, cue words matched through their regular endings; natasha's NER still runs (as it
always has: it finds the Russian names an English report transliterates)."""
from __future__ import annotations

from . import Language
from .suffixes import Suffixes

ALPHABET = "abcdefghijklmnopqrstuvwxyz" + "".join(map(chr, [*range(0xDF, 0xF7), *range(0xF8, 0x100)]))  # with ß à … ÿ
ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("d", ""))

LANGUAGE = Language(
    code="en", name="English", alphabet=ALPHABET, morphology=Suffixes(ENDINGS), ner=True
)
