"""Every pack briefs: on the seed and the held-out texts under tests/ (and the kit's texts in ../shared when present).

No two places of the body share 8 words of the source; at least min(3, items
found) key points, each short, third person, uncut and backed by its
paragraph; the body within its length; a fact sheet with short labels and no
[§n]; a true title; labels in the source's language.
"""
from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

import pytest

from briefgen.digest import make_digest
from briefgen.digest.source import SourceText
from briefgen.digest.words import body_limit
from briefgen.render import RenderOptions, audit
from briefgen.render.compose import compose

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = sorted((ROOT / "tests" / "heldout" / "texts").glob("*.txt"))
SHARED = ROOT.parent / "shared" / "eval"
LEAD_FACTS = 0.70


@functools.cache
def brief_of(path: Path):
    from briefgen.extract import extract_brief
    from briefgen.source import read_source

    return extract_brief(read_source(path))


def check_pack(brief) -> None:
    digest = make_digest(brief, brief.source.language)
    src = SourceText(brief.source.text)
    tree, _ = compose(brief, RenderOptions(), "brief.j2")
    sheet, _ = compose(brief, RenderOptions(), "factsheet.j2")
    items = len(brief.commitments) + len(brief.figures) + bool(brief.event)
    points = audit.check_points(digest.points, src)
    assert audit.repeated_runs(tree, brief.source.text) == 0
    assert points.count >= min(3, items)
    assert (points.long, points.first_person, points.cut, points.unsupported) == (0, 0, 0, 0)
    assert audit.words(tree) <= body_limit(src.words)
    assert audit.long_labels(sheet) == [] and audit.dangling_refs(sheet) == 0
    assert not audit.bare_title(digest.title) and digest.title == tree.meta.title
    assert tree.meta.lang.startswith(brief.source.language if brief.source.language in ("ru", "en") else "ru")


def test_the_seed_briefs(seed_brief):
    from briefgen.render import get_writer

    check_pack(seed_brief)
    tree, _ = compose(seed_brief, RenderOptions(), "brief.j2")
    _, before_appendix = audit.pdf_pages(get_writer("pdf")(seed_brief, RenderOptions()), audit.appendix_title(tree))
    assert before_appendix <= 2 and audit.pdf_pages(get_writer("factsheet")(seed_brief, RenderOptions()), "")[0] == 1


@pytest.mark.parametrize("path", HELDOUT, ids=[p.stem for p in HELDOUT])
def test_each_held_out_text_briefs(path):
    check_pack(brief_of(path))


@pytest.mark.skipif(not (SHARED / "leads").is_dir(), reason="the evaluation kit (../shared/eval) is absent")
def test_leads_carry_the_reference_facts():
    spec = importlib.util.spec_from_file_location("lead_score", SHARED / "lead_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    carried = total = 0
    for ref in sorted((SHARED / "leads").glob("*.json")):
        doc = json.loads(ref.read_text(encoding="utf-8"))
        path = next((p for p in (ROOT / "seeds", SHARED / "texts", SHARED / "real-dev" / "texts") if (p / doc["doc"]).is_file()), None)
        if path is None:
            continue
        brief = brief_of(path / doc["doc"])
        digest = make_digest(brief, brief.source.language)
        c, n = module.score("\n".join([digest.title, *(p.text for p in digest.points)]), doc)["facts"]
        carried, total = carried + c, total + n
    assert total and carried / total >= LEAD_FACTS

