"""The source as the digest reads it: numbered paragraphs and sentences that initials do not break."""
from __future__ import annotations

import pytest

from briefgen.digest.source import SourceText


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Министры встретились. Стороны подписали план.", ["Министры встретились.", "Стороны подписали план."]),
        ("В.В. Путин провел встречу. Она длилась час.", ["В.В. Путин провел встречу.", "Она длилась час."]),
        ("The U.S. Envoy met the president. Talks lasted an hour.", ["The U.S. Envoy met the president.", "Talks lasted an hour."]),
        ("Первый абзац.\nВторой абзац.", ["Первый абзац.", "Второй абзац."]),
    ],
)
def test_sentences(text, expected):
    assert [s.text for s in SourceText(text).sentences()] == expected


def test_paragraph_numbers_start_after_the_date_marker():
    src = SourceText("date 2025-01-02\nПервый.\nВторой.")
    assert src.paragraph(src.text.index("Второй")) == 2 and src.words == 2
