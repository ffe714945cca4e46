"""Status: what the sentence says a figure is."""
from __future__ import annotations

import pytest

from briefgen.grammars import status
from briefgen.grammars.tokens import tokenize
from briefgen.grammars.words import words

CUES = words("ru").cues


def status_of(sentence: str, figure: str):
    toks = tokenize(sentence)
    first = next(i for i, t in enumerate(toks) if t.start == sentence.index(figure))
    end = next(i for i, t in enumerate(toks) if t.end == sentence.index(figure) + len(figure)) + 1
    return status.read(toks, first, end, 0, len(toks), CUES)


STATUS = [
    ("К 2030 году товарооборот достигнет 10 млрд долларов.", "10 млрд долларов", ("target", 2030)),
    ("Товарооборот до 10 млрд долларов к 2030 году.", "до 10 млрд долларов", ("target", 2030)),
    ("Доля рынка должна возрасти до 10%.", "до 10%", ("target", None)),
    ("Объем торговли увеличился на 20%.", "20%", ("actual", None)),
    ("С начала года поставки составили 5 млн тонн.", "5 млн тонн", ("actual", None)),
    ("За 2018 год доходы составили 3 млрд долларов.", "3 млрд долларов", ("actual", 2018)),
    ("Реализуются проекты на сумму 2 млрд долларов.", "2 млрд долларов", ("portfolio", None)),
    ("Компания планирует, что завод будет в 110 км от города.", "110 км", (None, None)),
    ("Завод стоит 5 млн долларов.", "5 млн долларов", (None, None)),
]


@pytest.mark.parametrize("sentence, figure, expected", STATUS)
def test_status_and_year(sentence, figure, expected):
    assert status_of(sentence, figure) == expected
