#!/usr/bin/env python3
"""Review the packs of every text of the evaluation kit as a reader would: is the brief a briefing?

For the seed (seeds/), ../shared/eval/texts/ and ../shared/eval/real-dev/texts/
(when present) prints one line per text: source words, body words / limit and
pages, repeated 8-word runs in the body, key points (count, long, first-person,
cut, numbers their paragraph lacks), the chart and why, the fact sheet's pages,
long labels and dangling [§n], and lead_score.py's facts where a reference lead
exists; then a summary, whose last line is the lead facts over those texts.

    python tools/review.py [--eval-dir ../shared/eval] [--seeds-dir seeds]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefgen.digest import make_digest
from briefgen.digest.source import SourceText
from briefgen.digest.words import body_limit
from briefgen.extract import extract_brief
from briefgen.render import RenderOptions, audit, for_brief
from briefgen.render.compose import compose
from briefgen.source import read_source

MAX_BODY_PAGES = 2  # for a source of up to 1,000 words
SHORT_SOURCE = 1000


def texts(eval_dir: Path, seeds_dir: Path) -> list[Path]:
    """Every text the review covers, in a fixed order."""
    out = sorted(seeds_dir.glob("*.txt"))
    for sub in ("texts", "real-dev/texts"):
        out += sorted((eval_dir / sub).glob("*.txt"))
    return out


Scorer = Callable[[str, dict[str, Any]], dict[str, Any]]  # lead_score.score(lead, reference)


def lead_scorer(eval_dir: Path) -> Scorer | None:
    """lead_score.py's score function, or None when the kit is absent."""
    path = eval_dir / "lead_score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("lead_score", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def review(path: Path, eval_dir: Path, score: Scorer | None) -> dict[str, Any]:
    """The figures of one text's pack."""
    from briefgen.render.factsheet_writer import render_factsheet
    from briefgen.render.pdf_writer import write as write_pdf

    brief = extract_brief(read_source(path))
    options = for_brief(RenderOptions(), brief)
    digest = make_digest(brief, options.lang or "ru")
    src = SourceText(brief.source.text)
    tree, _ = compose(brief, options, "brief.j2")
    sheet, theme = compose(brief, options, "factsheet.j2")
    pages, body_pages = audit.pdf_pages(write_pdf(brief, options), audit.appendix_title(tree))
    sheet_pages, _ = audit.pdf_pages(render_factsheet(sheet, theme), "")
    points = audit.check_points(digest.points, src)
    row = {
        "name": path.stem,
        "lang": options.lang,
        "source_words": src.words,
        "body_words": audit.words(tree),
        "limit": body_limit(src.words),
        "pages": pages,
        "body_pages": body_pages,
        "repeats": audit.repeated_runs(tree, brief.source.text),
        "points": points,
        "items": len(brief.commitments) + len(brief.figures) + (1 if brief.event else 0),
        "chart": digest.chart_reason if digest.chart else f"-- {digest.chart_reason}",
        "sheet_pages": sheet_pages,
        "long_labels": len(audit.long_labels(sheet)),
        "dangling": audit.dangling_refs(sheet),
        "bare_title": audit.bare_title(digest.title),
        "lead": None,
    }
    ref = eval_dir / "leads" / f"{path.stem}.json"
    if score is not None and ref.is_file():
        lead = "\n".join([digest.title, *(p.text for p in digest.points)])
        row["lead"] = score(lead, json.loads(ref.read_text(encoding="utf-8")))["facts"]
    return row


def problems(r: dict) -> list[str]:
    """What the pack of one text gets wrong, in a few words each."""
    p = r["points"]
    out = []
    if r["body_words"] > r["limit"]:
        out.append("body too long")
    if r["source_words"] <= SHORT_SOURCE and r["body_pages"] > MAX_BODY_PAGES:
        out.append("body over 2 pages")
    if r["repeats"]:
        out.append("repeats")
    if p.count < min(3, r["items"]):
        out.append("few points")
    if p.long or p.first_person or p.cut or p.unsupported:
        out.append("point faults")
    if r["sheet_pages"] != 1 or r["long_labels"] or r["dangling"]:
        out.append("fact sheet")
    if r["bare_title"]:
        out.append("bare title")
    return out


def show(r: dict) -> None:
    p = r["points"]
    lead = f"  lead {r['lead'][0]}/{r['lead'][1]}" if r["lead"] else ""
    print(
        f"{r['name']:22} {r['lang']} src {r['source_words']:4}w  body {r['body_words']:4}/{r['limit']}w "
        f"{r['body_pages']}p (of {r['pages']})  repeats {r['repeats']}  "
        f"points {p.count} long {p.long} 1st {p.first_person} cut {p.cut} unsupported {p.unsupported}  "
        f"sheet {r['sheet_pages']}p labels>4 {r['long_labels']} refs {r['dangling']}{lead}"
    )
    print(f"{'':22} chart: {r['chart']}" + (f"  PROBLEMS: {', '.join(problems(r))}" if problems(r) else ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--seeds-dir", type=Path, default=Path("seeds"))
    args = ap.parse_args()
    score = lead_scorer(args.eval_dir)
    rows = []
    for path in texts(args.eval_dir, args.seeds_dir):
        r = review(path, args.eval_dir, score)
        show(r)
        rows.append(r)
    led = [r["lead"] for r in rows if r["lead"]]
    carried, facts = sum(c for c, _ in led), sum(n for _, n in led)
    bad = [r["name"] for r in rows if problems(r)]
    charts = sum(1 for r in rows if not r["chart"].startswith("--"))
    print()
    print(f"texts {len(rows)}  with problems {len(bad)}{': ' + ', '.join(bad) if bad else ''}")
    print(f"body words / source words {sum(r['body_words'] for r in rows)}/{sum(r['source_words'] for r in rows)}  "
          f"over the limit {sum(r['body_words'] > r['limit'] for r in rows)}  max body pages {max((r['body_pages'] for r in rows), default=0)}  "
          f"repeated runs {sum(r['repeats'] for r in rows)}  charts {charts}")
    print(f"key points {sum(r['points'].count for r in rows)}  long {sum(r['points'].long for r in rows)}  "
          f"first-person {sum(r['points'].first_person for r in rows)}  cut {sum(r['points'].cut for r in rows)}  "
          f"unsupported numbers {sum(r['points'].unsupported for r in rows)}")
    print(f"lead facts {carried / facts if facts else 0:.2f} ({carried}/{facts}) over {len(led)} texts with a reference lead")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
