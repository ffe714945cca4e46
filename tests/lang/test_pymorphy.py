"""The pymorphy3 backend: any letter is read, and tags come out in the normalised grammar."""
from __future__ import annotations

import pytest

from briefgen import lang
from briefgen.lang import grammar as g


def test_morphology_takes_a_letter_unicode_gives_no_name():
    assert lang.lemma("𗀀") == "𗀀"  # a Tangut ideograph: pymorphy3 alone raises ValueError


@pytest.mark.parametrize(
    ("word", "marks", "form"),
    [
        ("делегаций", (g.NOM, g.PLURAL), "делегации"),
        ("планируем", (g.THIRD, g.PLURAL), "планируют"),
        ("планируем", (g.THIRD, g.SINGULAR), "планирует"),
        ("российская", (g.GEN,), "российской"),
    ],
)
def test_a_reading_inflects_to_normalised_marks(word, marks, form):
    assert lang.readings(word)[0].inflect(*marks) == form


@pytest.mark.parametrize(
    ("word", "name"),
    [("москва", True), ("иванов", True), ("ооо", True), ("проект", False), ("быстро", False)],
)
def test_names_marks_a_name_not_a_common_word(word, name):
    assert any(m in lang.readings(word)[0] for m in g.NAMES) is name
