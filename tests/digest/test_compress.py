"""Shorter by whole clauses: asides without numbers go first, then trailing clauses; never "…"."""
from __future__ import annotations

import pytest

from briefgen.digest.compress import clip, compress, without_asides
from briefgen.digest.words import count

LONG = (
    "Министры подписали план развития северного транспортного коридора, который свяжет порты двух морей "
    "и позволит сократить сроки доставки грузов почти вдвое уже в следующем году."
)


@pytest.mark.parametrize(
    "text, limit, keep, expected",
    [
        ("Министры подписали план.", 30, (), "Министры подписали план."),
        (LONG, 12, (), "Министры подписали план развития северного транспортного коридора."),
        (LONG, 12, ("вдвое",), None),  # the clause holding what must stay cannot go
        (
            "Стороны (по данным министерства экономики и торговли обеих стран) обсудили поставки зерна на 2 млрд рублей.",
            10,
            (),
            "Стороны обсудили поставки зерна на 2 млрд рублей.",
        ),
        ("Одно длинное предложение без единой запятой которое никак нельзя сократить по частям вообще.", 5, (), None),
    ],
)
def test_compress(text, limit, keep, expected):
    assert compress(text, limit, "ru", keep) == expected


def test_clip_always_fits_and_never_ends_on_a_short_word():
    text = "Министры договорились обсудить вопросы поставок зерна и удобрений в регионы страны до конца следующего года"
    out = clip(text, 8, "ru")
    assert count(out) <= 8 and "…" not in out and len(out.rstrip(".").split()[-1]) > 3


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Банк развития (Development Bank) подписал договор", "Банк развития подписал договор"),
        ("Банк развития подписал договор", "Банк развития подписал договор"),
    ],
)
def test_without_asides(text, expected):
    assert without_asides(text) == expected
