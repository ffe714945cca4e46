"""Russian: pymorphy3's dictionary, natasha's NER."""
from __future__ import annotations

from . import Language
from .pymorphy import Pymorphy

LANGUAGE = Language(
    code="ru",
    name="Russian",
    alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    morphology=Pymorphy(),
    ner=True,
    name_letters="әғқңөұүһіўҳӣӯҷ",  # Kazakh, Uzbek, Kyrgyz and Tajik names in Russian reports
)
