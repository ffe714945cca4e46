"""Kazakh (Cyrillic), added from outside the package: this module and the word lists beside it."""
from __future__ import annotations

from pathlib import Path

from briefgen.lang import Language
from briefgen.lang.suffixes import Suffixes

LANGUAGE = Language(
    code="kk",
    name="Kazakh",
    alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя" + "әғқңөұүһі",
    morphology=Suffixes((("ды", ""), ("ді", ""), ("ты", ""), ("ті", ""))),  # "салды" → "сал"
    ner=False,
    data_dir=Path(__file__).parent,
)
