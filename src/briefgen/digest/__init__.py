"""Turn a Brief into a Digest: decide what the brief, the fact sheet and the e-mail say.

The brief.json keeps every extracted item; the digest ranks, merges, phrases
and labels them, and sizes the body to the source (see `words.body_limit`), so
the templates only lay it out. One module per concern: `points` (the bottom
line), `commitments` (who–what–when rows), `measures` (figure labels),
`charts` (what may be compared), `titles`, `rewrite` (third person),
`compress` (shorter by whole clauses), `rank`, `words` (counting and repeats).
"""
from __future__ import annotations

import functools
from dataclasses import replace

from ..lang import read_ahead
from ..model import Brief, Figure
from . import charts, commitments, measures, points, titles
from .model import AreaLine, CommitmentRow, Digest, FigureRow, KeyPoint, ParticipantLine
from .rank import ranked_figures
from .source import SourceText
from .words import RUN, WORD, Seen, body_limit, count, runs, words

OVERHEAD = 70  # words the templates add to every body: kicker, meta lines, headings, column heads
MAX_PARTICIPANTS = 8
MAX_AREA_REFS = 6
MAX_ROWS = 6  # commitments in the body's table (the appendix has them all)
MAX_FIGURES = 6
MAX_AREAS = 6

__all__ = ["Digest", "make_digest"]


@functools.lru_cache(maxsize=8)
def make_digest(brief: Brief, lang: str) -> Digest:
    """The digest of a brief; `lang` is the language of the words the digest itself generates."""
    src = SourceText(brief.source.text)
    read_ahead(WORD.findall(brief.source.text))  # the readings of the source's forms kept from earlier runs, in one go
    text_lang = brief.source.language or lang
    # Phase 1: the bottom line, which takes its sentences first.
    seen = Seen()
    title = titles.title(brief, src, text_lang)
    seen.take(title)
    key = points.key_points(brief, src, text_lang, seen)
    # Phase 2: commitments as rows; a row whose words a key point already says points to it instead.
    rows = [_placed(r, key, seen) for r in commitments.rows(brief, src, text_lang)]
    # Phase 3: figures with labels, the chart, the agenda overview.
    figs = [_figure_row(f, src, text_lang, lang) for f in ranked_figures(brief.figures)]
    chart, why = charts.plan(figs)
    areas = _areas(brief)
    # Phase 4: what of it the body has room for.
    limit = body_limit(src.words)
    used = OVERHEAD + count(title) + sum(count(p.text) + 1 for p in key)
    used += sum(count(f"{p.name} {p.role or ''}") + 1 for p in brief.participants[:MAX_PARTICIPANTS])
    own = [r for r in rows if r.point is None]
    n_rows, used = _fit([count(f"{r.actor} {r.party} {r.action} {r.deadline} {r.area}") + 3 for r in own[:MAX_ROWS]], used, limit)
    n_figs, used = _fit([count(r.label) + 7 for r in figs[:MAX_FIGURES]], used, limit)
    n_areas, used = _fit([count(a.label) + min(len(a.offsets), MAX_AREA_REFS) for a in areas[:MAX_AREAS]], used, limit)
    return Digest(
        title=title,
        headline=titles.headline(brief, src, text_lang),
        points=tuple(key),
        agreed=commitments.agreed(rows, src, text_lang),
        commitments=tuple(rows),
        figures=tuple(figs),
        chart=chart,
        chart_reason=why,
        areas=tuple(areas),
        participants=tuple(_participants(brief, seen)),
        body_commitments=n_rows,
        body_figures=n_figs,
        body_areas=n_areas,
        source_words=src.words,
        body_limit=limit,
    )


def _placed(row: CommitmentRow, key: list[KeyPoint], seen: Seen) -> CommitmentRow:
    """The row, pointing to the key point that already says it (8 words of it, or all of a shorter action);
    point 0 when an earlier row says it."""
    n = min(RUN, len(words(row.action)))
    said = next((i for i, p in enumerate(key, 1) if n and runs(p.text, n) & runs(row.action, n)), None)
    if said is not None:
        return replace(row, point=said)
    if seen.fresh(row.action):
        seen.take(row.action)
        return row
    return replace(row, point=0)


def _participants(brief: Brief, seen: Seen) -> list[ParticipantLine]:
    """The participants with their roles, a role left out when the key points already say it."""
    return [
        ParticipantLine(p.name, p.role if p.role and seen.fresh(f"{p.role} {p.name}") else "", p.mentions[0].start if p.mentions else None)
        for p in brief.participants[:MAX_PARTICIPANTS]
    ]


def _figure_row(f: Figure, src: SourceText, lang: str, label_lang: str) -> FigureRow:
    """A figure with its labels, read from the sentence it stands in."""
    sentence = src.sentence(f.start, f.end)
    label = measures.label(f, sentence.text, sentence.start, lang, label_lang)
    return FigureRow(f, label, measures.short(label))


def _areas(brief: Brief) -> list[AreaLine]:
    """One line per agenda area discussed in substance: its label and the places of its evidence and items."""
    out = []
    for a in brief.agenda_areas:
        offsets = {e.start for e in a.evidence}
        offsets |= {c.start for c in brief.commitments if c.area == a.id}
        offsets |= {f.start for f in brief.figures if f.area == a.id}
        if offsets:
            out.append(AreaLine(a.id, a.label, tuple(sorted(offsets))))
    return sorted(out, key=lambda x: (-len(x.offsets), x.offsets[0]))


def _fit(costs: list[int], used: int, limit: int) -> tuple[int, int]:
    """How many of the items (in order) fit within `limit` words after `used`, and the words then used."""
    n = 0
    for c in costs:
        if used + c > limit:
            break
        used += c
        n += 1
    return n, used
