"""The last layout is kept: found again for the same tree or an equal one on the same theme, and handed over whole."""
from __future__ import annotations

import dataclasses

import pytest

from briefgen.render import RenderOptions, pages
from briefgen.render.blocks import Document, Heading, Meta, Run
from briefgen.render.theme import load_theme


@pytest.fixture(scope="module")
def theme():
    return load_theme(RenderOptions(lang="ru"))


def tree(title: str) -> Document:
    return Document(Meta(title=title), (Heading(1, (Run(title),)),))


def layout_of(t: Document) -> pages.Layout:
    return pages.Layout(b"%PDF", t, 3, {"h1": 2}, "header", 0)


def test_an_equal_tree_on_the_same_theme_finds_the_kept_layout(theme):
    kept = layout_of(tree("Итоги"))
    pages.remember(tree("Итоги"), theme, kept)
    assert pages.recall(tree("Итоги"), theme) is kept  # another object, equal: a tree handed over by another process


def test_another_tree_or_theme_finds_nothing(theme):
    pages.remember(tree("Итоги"), theme, layout_of(tree("Итоги")))
    assert pages.recall(tree("Повестка"), theme) is None
    assert pages.recall(tree("Итоги"), dataclasses.replace(theme, paper="Letter")) is None


def test_a_handed_back_layout_is_kept_with_its_pdf(theme):
    pages.remember(tree("Итоги"), theme, layout_of(tree("Итоги")))
    handed = pages.last()
    pages.remember(tree("Другое"), theme, layout_of(tree("Другое")))
    pages.adopt(handed)
    assert pages.recall(tree("Итоги"), theme).pdf == b"%PDF"


def test_a_provisional_layout_lasts_for_its_block_only(theme):
    kept = layout_of(tree("Итоги"))
    pages.remember(tree("Итоги"), theme, kept)
    with pages.provisional(tree("Повестка"), theme):
        found = pages.recall(tree("Повестка"), theme)
        assert found is not None and found.pages == 1 and found.anchor_pages == {}
    assert pages.recall(tree("Повестка"), theme) is None
    assert pages.recall(tree("Итоги"), theme) is kept
