"""Tokens: numbers, words and signs with offsets, and whether they are glued to the previous one."""
from __future__ import annotations

import pytest

from briefgen.grammars.tokens import tokenize

TOKENS = [
    ("5,3млн", [("5,3", "num", False), ("млн", "word", True)]),
    ("$27.5 млн", [("$", "sign", False), ("27.5", "num", True), ("млн", "word", False)]),
    ("13-ю филиалами", [("13", "num", False), ("-", "sign", True), ("ю", "word", True), ("филиалами", "word", False)]),
    ("торгово-экономических связей", [("торгово-экономических", "word", False), ("связей", "word", False)]),
    ("Ёлка 2-3%", [("Ёлка", "word", False), ("2", "num", False), ("-", "sign", True), ("3", "num", True),
                  ("%", "sign", True)]),
]


@pytest.mark.parametrize("text, expected", TOKENS)
def test_tokens_with_kinds_and_glue(text, expected):
    toks = tokenize(text)
    assert [(t.text, t.kind, t.glued and i > 0) for i, t in enumerate(toks)] == expected
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_offsets_are_into_the_whole_text_and_keys_are_folded():
    text = "date x\nЁЖИК 15 тысяч"
    toks = tokenize(text, 7)
    assert [text[t.start : t.end] for t in toks] == ["ЁЖИК", "15", "тысяч"]
    assert toks[0].key == "ежик"


def test_a_line_break_is_a_token_so_nothing_runs_across_it():
    toks = tokenize("Итоги 2024\nГод прошёл")
    assert [t.text for t in toks] == ["Итоги", "2024", "\n", "Год", "прошёл"]
