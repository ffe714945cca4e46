"""English: no dictionary, cue words matched through their regular endings; natasha's NER still runs (as it
always has: it finds the Russian names an English report transliterates)."""
from __future__ import annotations

from . import Language
from .suffixes import Suffixes

ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("d", ""))

LANGUAGE = Language(
    code="en", name="English", alphabet="abcdefghijklmnopqrstuvwxyz", morphology=Suffixes(ENDINGS), ner=True
)
