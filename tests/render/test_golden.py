"""Golden files: the block trees of the seed's brief, so a template change shows as a readable diff.

Rewrite them with `pytest --accept` (or `make golden`) and review the diff before committing.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.render import RenderOptions
from briefgen.render.blocks import dump
from briefgen.render.compose import compose

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.mark.parametrize(
    "template, lang, name",
    [("brief.j2", "ru", "seed.brief.blocks.txt"), ("factsheet.j2", "ru", "seed.factsheet.blocks.txt"), ("brief.j2", "en", "seed.brief.en.blocks.txt")],
)
def test_block_tree_matches_golden(golden_brief, accept, monkeypatch, template, lang, name):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    tree, _ = compose(golden_brief, RenderOptions(lang=lang), template)
    text = dump(tree)
    path = GOLDEN / name
    if accept:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text
