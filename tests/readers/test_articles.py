"""The same article as text, web page, DOCX and PDF builds packs whose briefs hold the same items."""
from __future__ import annotations

import json

from briefgen.cli import main

from .article import TEXT, TITLE, URL, docx_file, pdf_file, web_page


def _items(brief: dict) -> dict:
    """Quotes, figures and commitments without their offsets."""
    drop = {"start", "end", "ref"}

    def plain(item):
        return {k: plain(v) if isinstance(v, dict) else v for k, v in item.items() if k not in drop}

    return {key: [plain(i) for i in brief[key]] for key in ("quotes", "figures", "commitments")}


def test_every_kind_builds_a_pack_with_the_plain_texts_items(runner, tmp_path):
    inputs = {"text.txt": TEXT.encode("utf-8"), "page.html": web_page().encode("utf-8"),
              "word.docx": docx_file(), "print.pdf": pdf_file()}
    for name, raw in inputs.items():
        (tmp_path / name).write_bytes(raw)
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", *(str(tmp_path / n) for n in inputs), "-o", str(out)])
    assert result.exit_code == 0, result.output
    briefs = {p.parent.name: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*/brief.json")}
    plain = _items(briefs["text"])
    assert plain["quotes"] and plain["figures"] and plain["commitments"]
    for name in ("page", "word", "print"):
        assert _items(briefs[name]) == plain, name
    assert (briefs["page"]["source"]["title"], briefs["page"]["source"]["url"]) == (TITLE, URL)
    assert all((out / name / "brief.pdf").is_file() for name in briefs)
