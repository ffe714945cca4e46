"""Amounts: digits, number words, scale words and ranges read to a value."""
from __future__ import annotations

import pytest

from briefgen.grammars.numbers import read
from briefgen.grammars.tokens import tokenize
from briefgen.grammars.words import words

RU = words("ru")


def amount(text: str, at: int = 0):
    toks = tokenize(text)
    got = read(toks, at, RU)
    return None if got is None else (got.value, got.value_max, " ".join(t.text for t in toks[got.first : got.end]))


AMOUNTS = [
    ("10 млрд", (10e9, None, "10 млрд")),
    ("1,7 млрд", (1.7e9, None, "1,7 млрд")),
    ("27.5 млн", (27.5e6, None, "27.5 млн")),
    ("5,3млн", (5.3e6, None, "5,3 млн")),
    ("8,1 млн", (8.1e6, None, "8,1 млн")),
    ("250 000", (250000, None, "250 000")),
    ("1 250,5 тыс. руб", (1250500, None, "1 250,5 тыс .")),
    ("1 250,5 тыс.", (1250500, None, "1 250,5 тыс")),
    ("12.000.000", (12e6, None, "12.000.000")),
    ("полутора миллиардов", (1.5e9, None, "полутора миллиардов")),
    ("пяти миллионов", (5e6, None, "пяти миллионов")),
    ("шестисот", (600, None, "шестисот")),
    ("двадцать пять тысяч", (25000, None, "двадцать пять тысяч")),
    ("тысяча", (1000, None, "тысяча")),
    ("2-3", (2, 3, "2 - 3")),
    ("3 - 5 млн", (3e6, 5e6, "3 - 5 млн")),
]


@pytest.mark.parametrize("text, expected", AMOUNTS)
def test_amounts(text, expected):
    assert amount(text) == expected


def test_from_to_ranges_share_the_scale_and_start_at_from():
    assert amount("от 3 до 5 тыс. рублей", at=1) == (3000, 5000, "от 3 до 5 тыс .")


@pytest.mark.parametrize("text", ["30.03.2020", "тысячи", "семью", "COVID-19", "17:00"])
def test_no_amount_in_dates_times_codes_and_plural_scale_words(text):
    toks = tokenize(text)
    assert all(read(toks, i, RU) is None for i in range(len(toks)))
