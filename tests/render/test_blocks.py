"""The block tree: columns sized so values and short cells never wrap, and where the annex starts."""
from __future__ import annotations

import pytest

from briefgen.render.blocks import LINE, Document, Heading, Meta, Paragraph, Run, Table, column_fractions, unbreakable

NB = "\u00a0"


def cells(*texts: str) -> tuple:
    return tuple((Run(t),) for t in texts)


@pytest.mark.parametrize(
    "text, header, expected",
    [
        (f"свыше{NB}1,5{NB}млрд{NB}долл.{NB}США", False, 24),  # a value with its unit stands whole
        ("к 2030 году", False, 11),  # a short cell stands whole
        ("Недропользование и металлургия", False, 16),  # a long one wraps at its spaces
        ("межгосударственного сотрудничества", False, 16),  # a long word may hyphenate past 16 letters
        ("Межгосударственного", True, 19),  # a header word never breaks
        ("", False, 0),
    ],
)
def test_what_must_stand_on_one_line(text, header, expected):
    assert unbreakable(text, header) == expected


def test_every_column_holds_its_longest_value_even_when_the_table_is_crowded():
    value = f"свыше{NB}1,5{NB}млрд{NB}долл.{NB}США"
    long_text = "слово " * 60
    table = Table((cells("Кто", "Что", "Срок", "Сколько", "Вид", "Абз."),
                   cells("Иван Иванов", long_text, "к 2030 году", value, "договорённость", "[§12]"),
                   cells("Пётр Петров", long_text, "—", value, "намерение", "[§3]")))  # fmt: skip
    fractions = column_fractions(table)
    assert sum(fractions) == pytest.approx(1.0)
    for i, text in enumerate(("", "", "к 2030 году", value, "договорённость", "[§12]")):
        assert fractions[i] * LINE >= len(text)
    assert fractions[1] * LINE > 16 * 1.15 + 3  # the running text gets more than its longest word: what is left


def test_given_widths_win():
    table = Table((cells("a", "b"),), widths=(1.0, 3.0))
    assert column_fractions(table) == [0.25, 0.75]


def test_the_annex_is_the_section_holding_annex_paragraphs():
    blocks = (Heading(1, (Run("Главное"),), "s-summary"), Paragraph((Run("текст"),)),
              Heading(1, (Run("Приложение"),), "s-annex"), Paragraph((Run("абзац"),), style="annex", id="p1"))  # fmt: skip
    assert Document(Meta(), blocks).annex_id() == "s-annex"
    assert Document(Meta(), blocks[:2]).annex_id() is None


@pytest.mark.parametrize("created, expected", [("2025-11-15", "2025-11-15"), ("", None), ("никогда", None)])
def test_the_document_date_is_never_made_up(created, expected):
    when = Meta(created=created).date()
    assert (when.date().isoformat() if when else None) == expected


def test_no_column_is_squeezed_to_nothing_by_a_huge_value():
    huge = NB.join(["слово"] * 60)
    table = Table((cells("Показатель", "Значение", "Цель", "Абз."), cells("а", huge, "б", "[§1]")))
    fractions = column_fractions(table)
    assert min(fractions) * LINE >= 6 - 1e-9 and sum(fractions) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("markup", "back"),
    [
        ('<h1 id="a">A</h1><pagebreak/><h1 id="app">Appendix</h1><h1 id="ann">Annex</h1><p class="annex">1</p>', "app"),
        ('<h1 id="a">A</h1><h1 id="ann">Annex</h1><p class="annex">1</p>', "ann"),  # no page break: the annex
        ('<h1 id="a">A</h1><pagebreak/><p>text</p>', None),
    ],
)
def test_the_back_matter_starts_at_the_first_section_on_a_page_of_its_own(markup, back):
    from briefgen.render.markup import parse

    assert parse(f'<doc title="T">{markup}</doc>').back_matter_id() == back
