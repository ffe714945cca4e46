"""Dates, numbers and figures written as each label language writes them."""
from __future__ import annotations

import pytest

from briefgen.model import Figure
from briefgen.render import RenderOptions
from briefgen.render.compose import load_labels
from briefgen.render.formats import Formats

NB = "\u00a0"


def fmt(lang: str) -> Formats:
    return Formats(load_labels(RenderOptions(lang=lang)))


def fig(kind, value, unit=None, qualifier=None, value_max=None):
    return Figure(0, 1, "x", kind, value, unit, value_max, qualifier)


@pytest.mark.parametrize(
    "lang, figure, expected",
    [
        ("ru", fig("money", 10e9, "USD", "до"), f"до{NB}10{NB}млрд{NB}долл.{NB}США"),
        ("ru", fig("money", 1.7e9, "USD"), f"1,7{NB}млрд{NB}долл.{NB}США"),
        ("ru", fig("money", 3e3, "KZT", value_max=5e3), f"3–5{NB}тыс.{NB}тенге"),
        ("ru", fig("money", 500, "EUR"), f"500{NB}евро"),
        ("ru", fig("percent", 15.5), f"15,5{NB}%"),
        ("ru", fig("count", 15000, qualifier="более"), f"более{NB}15{NB}000"),
        ("ru", fig("quantity", 2.5, "тонн"), f"2,5{NB}тонн"),
        ("en", fig("money", 10e9, "USD", "до"), f"up{NB}to{NB}USD{NB}10{NB}bn"),
        ("en", fig("money", 1.7e9, "XYZ"), f"XYZ{NB}1.7{NB}bn"),
        ("en", fig("percent", 15.5), "15.5%"),
        ("en", fig("count", 15000), "15,000"),
    ],
)
def test_figure_values(lang, figure, expected):
    assert fmt(lang).figure(figure) == expected


@pytest.mark.parametrize(
    "lang, iso, expected",
    [
        ("ru", "2025-11-15", "15 ноября 2025 г."),
        ("en", "2025-03-01", "1 March 2025"),
        ("en", "2025-03-01T09:30", "1 March 2025"),
        ("ru", "2025-13-01", "2025-13-01"),
        ("ru", "ноябрь", "ноябрь"),
        ("en", None, ""),
    ],
)
def test_dates(lang, iso, expected):
    assert fmt(lang).date(iso) == expected

