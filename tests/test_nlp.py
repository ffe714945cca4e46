"""The model helpers: NER in bounded pieces."""
from __future__ import annotations

import pytest

from briefgen import nlp


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        ("короткий текст", 100, ["короткий текст"]),
        ("первая строка\nвторая строка\nтретья", 18, ["первая строка\n", "вторая строка\n", "третья"]),
        ("одна длинная строка без переводов", 12, ["одна ", "длинная ", "строка без ", "переводов"]),
        ("абвгдежзийклмн", 5, ["абвгд", "ежзий", "клмн"]),
    ],
)
def test_pieces_cover_the_text_at_line_breaks_else_spaces(text, limit, pieces):
    got = list(nlp._pieces(text, limit))
    assert [p for _, p in got] == pieces
    assert all(text[start : start + len(p)] == p and len(p) <= limit for start, p in got)


def test_entities_of_a_long_text_keep_their_offsets(monkeypatch):
    line = "Президент Казахстана Касым-Жомарт Токаев прибыл в Ташкент.\n"
    whole = list(nlp.entities(line))
    monkeypatch.setattr(nlp, "NER_PIECE", len(line))
    text = line * 5
    found = list(nlp.entities(text))
    assert found == [(s + i * len(line), e + i * len(line), t) for i in range(5) for s, e, t in whole]
    assert {t for _, _, t in whole} >= {"PER", "LOC"}

