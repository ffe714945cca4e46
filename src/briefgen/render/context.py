"""Turn a Brief and its Digest into the context the templates read: plain dicts and strings, formatted.

What the documents say (which points, rows, figures, chart; in what order; how
much fits the body) is decided by `briefgen.digest`; this module only formats
it in the label language: `[§n]` references, dates, numbers, kinds and
periods. The sandbox hands templates no Python objects.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any, cast

from ..digest import Digest, make_digest
from ..digest.model import CommitmentRow, FigureRow
from ..digest.rank import ranked_quotes
from ..digest.sentences import sentence_around, shorten, tidy, window
from ..digest.source import SourceText
from ..digest.words import Seen
from ..model import Brief, Figure, Quote, Span
from .formats import Formats, iso_date
from .theme import Theme

SHORT_TITLE = 70  # characters of the title in the running header
FACT_STATS = 4  # headline figures on the fact sheet
FACT_ROWS = 6  # commitments on the fact sheet
_YEAR = re.compile(r"\d{4}")


def preparation_date(prepared: str | None) -> dt.datetime | None:
    """When the unit says the documents were prepared: `--prepared`, else SOURCE_DATE_EPOCH, else None.

    Never the clock, so the same brief renders to the same bytes on every run.
    """
    if prepared:
        return dt.datetime.fromisoformat(prepared)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return None


def source_date(brief: Brief) -> dt.datetime | None:
    """The source's own date, None when it has none or it is not a date."""
    day = iso_date(brief.source.date)
    return dt.datetime.combine(day, dt.time()) if day else None


def build_context(brief: Brief, labels: dict[str, Any], theme: Theme, lang: str, prepared: str | None = None) -> dict[str, Any]:
    """The template context for one brief in one label language (`prepared`: the preparation date, ISO)."""
    return _Builder(brief, make_digest(brief, lang), labels, theme, lang, prepared).context()


class _Builder:
    def __init__(self, brief: Brief, digest: Digest, labels: dict[str, Any], theme: Theme, lang: str, prepared: str | None = None) -> None:
        self.brief, self.d, self.L, self.theme, self.lang, self.prepared = brief, digest, labels, theme, lang, prepared
        self.fmt = Formats(labels)
        self.src = SourceText(brief.source.text)
        self.text = brief.source.text
        self.area_labels = {a.id: self._area_label(a.id, a.label) for a in brief.agenda_areas}

    # -- references ----------------------------------------------------------------

    def ref(self, offset: int) -> dict[str, Any] | None:
        n = self.src.paragraph(offset)
        return None if n is None else {"n": n, "id": f"p{n}", "label": self.L["ref"].format(n=n)}

    def refs(self, offsets: tuple[int, ...], limit: int = 8) -> list[dict[str, Any]]:
        """One reference per paragraph, in order."""
        out: dict[int, dict[str, Any]] = {}
        for o in offsets:
            r = self.ref(o)
            if r and r["n"] not in out:
                out[r["n"]] = r
        return [out[n] for n in sorted(out)][:limit]

    def _area_label(self, area_id: str, label: str) -> str:
        """The brief's label in its own language; the taxonomy's label in another, when it has one."""
        if self.lang == self.brief.source.language:
            return label
        from ..data import load

        try:
            areas = load("taxonomy").get("areas", [])
        except Exception:  # a broken user taxonomy must not stop rendering
            return label
        for a in cast(list[Any], areas):
            if isinstance(a, dict) and cast(dict[str, Any], a).get("id") == area_id:
                names: Any = cast(dict[str, Any], a).get("label")
                if isinstance(names, dict):
                    return str(cast(dict[str, Any], names).get(self.lang) or label)
        return label

    def dated_line(self, prepared: dt.datetime | None, source: dt.datetime | None) -> str:
        """"Prepared <date>" when the unit gave a date; else a line saying the date is the source's."""
        if prepared:
            return str(self.L["generated"]).format(date=self.fmt.date(prepared.date().isoformat()))
        if source:
            return str(self.L["source_dated"]).format(date=self.fmt.date(source.date().isoformat()))
        return ""

    # -- items ---------------------------------------------------------------------

    def row(self, r: CommitmentRow) -> dict[str, Any]:
        who = r.actor if not r.party or r.party in r.actor else f"{r.actor} ({r.party})" if r.actor else r.party
        return {
            "actor": who,
            "action": r.action,
            "deadline": self.deadline(r.deadline),
            "kind": self.L["kinds"].get(r.kind, r.kind),
            "area": self.area_labels.get(r.area, ""),
            "refs": self.refs(r.offsets),
            "sentence": r.sentence,
        }

    def deadline(self, text: str) -> str:
        """A deadline as the label language writes it: a bare year becomes "к 2030 г." / "by 2030"."""
        return self.L["deadline_year"].format(year=text) if _YEAR.fullmatch(text.strip()) else text

    def figure(self, r: FigureRow) -> dict[str, Any]:
        f = r.figure
        sent = self.src.sentence(f.start, f.end)
        before, item, after = window(self.text[sent.start : sent.end], f.start - sent.start, f.end - sent.start, 110)
        return {
            "value": self.fmt.figure(f),
            "label": r.label,
            "short": r.short_label,
            "period": self.period(f),
            "context": {"before": tidy_start(before), "item": item, "after": tidy_end(after)},
            "ref": self.ref(f.start),
        }

    def period(self, f: Figure) -> str:
        """What a figure's value is for: "цель к 2030 г.", "факт, 2024 г.", "портфель", or as of the source's date."""
        status = self.L["status"].get(f.status or "", f.status or "")
        if f.year and f.status == "target":
            return self.L["target_by"].format(year=f.year)
        if f.year:
            year = self.L["in_year"].format(year=f.year)
            return f"{status}, {year}" if status else year
        if status:
            return status
        return self.L["as_of"].format(date=self.fmt.date(self.brief.source.date)) if self.brief.source.date else ""

    def quote(self, q: Quote) -> dict[str, Any]:
        return {
            "text": q.text.strip(),
            "short": _quote_excerpt(q.text),
            "speaker": q.speaker or "",
            "role": q.speaker_role or "",
            "ref": self.ref(q.start),
        }

    def chart(self) -> dict[str, Any] | None:
        """The digest's chart with its title, unit and bar labels in the label language."""
        c = self.d.chart
        if c is None:
            return None
        unit = self.L["numbers"]["currencies"].get(c.unit, c.unit)
        if c.by == "when":
            title = self.L["factsheet"]["chart_measure"].format(measure=c.title, unit=unit)
            label = self.period
        else:
            title = self.L["factsheet"]["chart_status"].format(status=self.L["status"].get(c.title, c.title), unit=unit)
            label = None
        bars = [
            {"label": label(r.figure) if label else r.short_label, "value": r.figure.value, "display": self.fmt.figure(r.figure)}
            for r in c.bars
        ]
        return {"title": title, "bars": bars}

    # -- the whole context -----------------------------------------------------------

    def context(self) -> dict[str, Any]:
        b, d, L = self.brief, self.d, self.L
        src = b.source
        prepared = preparation_date(self.prepared)
        dated = prepared or source_date(b)
        marking = self.theme.marking or ""
        area_names = [self.area_labels[a.id] for a in b.agenda_areas]
        rows = [self.row(r) for r in d.commitments]
        own = [self.row(r) for r in d.commitments if r.point is None]  # rows no key point states
        body_rows = own[: d.body_commitments]
        figures = [self.figure(r) for r in d.figures]
        quotes = [self.quote(q) for q in ranked_quotes(b.quotes)]
        said = Seen()
        for p in d.points:
            said.take(p.text)
        fresh_quotes = [q for q in quotes if said.fresh(q["text"])]  # the fact sheet's quotation adds to its key points
        participants = [
            {"name": p.name, "role": p.role, "ref": self.ref(p.offset) if p.offset is not None else None} for p in d.participants
        ]
        source_line = ", ".join(x for x in (src.publisher, self.fmt.date(src.date)) if x)
        return {
            "L": L,
            "lang": self.lang,
            "doc": {
                "title": d.title,
                "short_title": shorten(d.title, SHORT_TITLE),
                "subject": " · ".join(x for x in (src.publisher, self.fmt.date(src.date), d.headline) if x),
                "author": self.theme.organisation,
                "keywords": "|".join(area_names),
                "created": dated.isoformat() if dated else "",
                "lang": L["lang"],
                "text_lang": src.language,
                "marking": marking,
                "footer": L["page"],
            },
            "title": d.title,
            "when_where": ", ".join(x for x in (self.fmt.date(src.date), src.place) if x),
            "source": {
                "publisher": src.publisher or "",
                "date": self.fmt.date(src.date),
                "title": d.headline,
                "url": src.url or "",
                "name": src.name,
            },
            "generated": self.dated_line(prepared, source_date(b)),
            "marking": marking,
            "organisation": self.theme.organisation,
            "points": [{"text": p.text, "ref": self.ref(p.offset)} for p in d.points],
            "agreed": d.agreed,
            "participants": participants,
            "body": {
                "commitments": body_rows,
                "figures": figures[: d.body_figures],
                "areas": [{"label": self.area_labels.get(a.id, a.label), "refs": self.refs(a.offsets, 6)} for a in d.areas[: d.body_areas]],
            },
            "appendix": {"commitments": rows, "figures": figures, "quotes": quotes},
            "annex": [{"n": i, "id": f"p{i}", "label": L["ref"].format(n=i), "text": p.text} for i, p in enumerate(self.src.paras, 1)],
            "fact": {
                "stats": figures[:FACT_STATS],
                "chart": self.chart(),
                "source_line": L["factsheet"]["source_line"].format(source=source_line) if source_line else "",
                "commitments": own[:FACT_ROWS],
                "more": max(len(own) - FACT_ROWS, 0) + max(len(figures) - FACT_STATS, 0),
                "participants": [{"name": p.name, "role": p.role or ""} for p in b.participants[: len(d.participants)]],
                "details": [
                    {"label": label, "value": value}
                    for label, value in (
                        (L["factsheet"]["date"], self.fmt.date(src.date)),
                        (L["factsheet"]["place"], src.place or ""),
                        (L["factsheet"]["topics"], ", ".join(self.area_labels.get(a.id, a.label) for a in d.areas)),
                        (L["factsheet"]["agreements"], "" if d.agreed else L["no_agreement"]),
                    )
                    if value
                ],
                "quote": fresh_quotes[0] if fresh_quotes else None,
            },
        }


def tidy_start(text: str) -> str:
    """Context before an item, without a quotation mark left open at its start."""
    return text.lstrip("\"«„“ ") if text[:1] in "\"«„“" else text


def tidy_end(text: str) -> str:
    """Context after an item, without a quotation mark left dangling at its end."""
    return text.rstrip("\"»” ") if text.rstrip()[-1:] in "\"»”" else text


def _quote_excerpt(text: str, limit: int = 280) -> str:
    """A quotation cut to whole sentences (at least one) within `limit`, "[…]" marking the cut."""
    text = " ".join(tidy(text).split())
    if len(text) <= limit:
        return text
    para = Span(0, len(text), text)
    end = sentence_around(text, para, 0, 1).end
    while end < len(text):
        nxt = sentence_around(text, para, end, end + 1).end
        if nxt > limit or nxt <= end:
            break
        end = nxt
    head = text[:end].strip()
    return shorten(head, limit) if len(head) > limit else head + " " + "[…]"
