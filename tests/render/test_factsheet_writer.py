"""The fact sheet: always one page, lower-ranked items dropped and counted, no text below 8 pt."""
from __future__ import annotations

import re

import pytest

from briefgen.render import RenderOptions, factsheet_writer, get_writer
from briefgen.render.blocks import BulletList, Document, Item, Meta, More, Paragraph, Run, Stat, Stats
from briefgen.render.factsheet_writer import drop_lowest, render_factsheet
from briefgen.render.pdf_blocks import Kit
from briefgen.render.theme import load_theme


@pytest.fixture(scope="module")
def data(each_brief):
    return get_writer("factsheet")(each_brief, RenderOptions())


def test_exactly_one_page(data, pdf_reader):
    assert len(pdf_reader(data).pages) == 1


def test_no_text_below_8_points(data, pdf_reader):
    content = pdf_reader(data).pages[0].get_contents().get_data().decode("latin-1")
    sizes = [float(s) for s in re.findall(r"/F\d+(?:\+\d+)? ([\d.]+) Tf", content)]
    assert sizes and min(sizes) >= 8


def test_two_builds_are_byte_identical(each_brief, data):
    assert get_writer("factsheet")(each_brief, RenderOptions()) == data


def test_each_font_subset_has_its_own_tag(data, font_tags):
    tags = font_tags(data)
    assert len(tags) > 2 and len(set(tags)) == len(tags)


def test_overflow_is_counted_in_the_note(large_brief, pdf_reader):
    text = pdf_reader(get_writer("factsheet")(large_brief, RenderOptions())).pages[0].extract_text()
    shown = int(re.search(r"Ещё (\d+)", text).group(1))
    assert shown > 40 - 8  # at least the commitments the template left out


def test_kazakh_letters_survive(large_brief, pdf_reader):
    text = pdf_reader(get_writer("factsheet")(large_brief, RenderOptions())).pages[0].extract_text()
    assert "Ғылыми" in text and "Oʻzbekiston" in text


def test_drop_lowest_takes_the_highest_rank_and_counts_it():
    tree = Document(
        Meta(),
        (
            Stats((Stat("1", rank=1), Stat("2", rank=7))),
            BulletList((Item((Run("a"),), rank=3), Item((Run("b"),), rank=5))),
            More("+{n}", count=2),
        ),
    )
    smaller = drop_lowest(tree)
    assert [s.value for s in smaller.blocks[0].items] == ["1"] and smaller.blocks[2].count == 3
    smaller = drop_lowest(smaller)
    assert [i.runs[0].text for i in smaller.blocks[1].items] == ["a"] and smaller.blocks[2].count == 4


def test_drop_lowest_stops_when_nothing_is_ranked():
    assert drop_lowest(Document(Meta(), (Paragraph((Run("x"),)),))) is None


def test_fitting_measures_each_block_once_not_the_page_after_every_drop(monkeypatch):
    long = "Договорённость о поставках зерна и удобрений на пять лет вперёд. " * 3
    lists = tuple(BulletList(tuple(Item((Run(f"{n}. {long}"),), rank=10 * b + n) for n in range(8))) for b in range(6))
    tree = Document(Meta(), (*lists, More("Ещё {n}", count=0)))
    built: list[object] = []
    dropped: list[object] = []
    block, drop = Kit.block, factsheet_writer.drop_lowest
    monkeypatch.setattr(Kit, "block", lambda kit, b: built.append(b) or block(kit, b))
    monkeypatch.setattr(factsheet_writer, "drop_lowest", lambda t: dropped.append(t) or drop(t))
    render_factsheet(tree, load_theme(RenderOptions()))
    drops = len(dropped)
    assert drops > 5
    # every block measured once, then after each drop only the two blocks it changed, then the page built once
    assert len(built) <= len(tree.blocks) + 2 * drops + len(tree.blocks)
