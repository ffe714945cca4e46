"""Turn a Brief into the context the templates read: plain dicts and strings, ranked and formatted.

Everything a template may print is prepared here, so templates hold wording and
order only, and the sandbox hands them no Python objects. Every item carries
`ref`: the number and id of the source paragraph it comes from (the numbering
of the source annex: `spans.paragraphs` after the date marker).
"""
from __future__ import annotations

import datetime as dt
import math
import os
from collections import Counter
from typing import Any

from ..errors import BriefgenError
from ..model import Brief, Commitment, Figure, Quote, Span
from ..source import date_marker
from ..spans import index_of, paragraphs
from .formats import Formats
from .sentences import sentence_around, shorten, tidy, window
from .theme import Theme

# Editorial weights: which kinds of fact a desk officer puts first.
COMMITMENT_WEIGHT = {"agreement": 5, "creation": 5, "instruction": 4, "proposal": 3, "intention": 3, "invitation": 2}
FIGURE_WEIGHT = {"money": 4, "count": 3, "percent": 2, "quantity": 1}
SUMMARY_POINTS = 5  # at most; figures take up to two of them
SHORT_TITLE = 70  # characters of the title in the running header


def preparation_date(prepared: str | None) -> dt.datetime | None:
    """When the unit says the documents were prepared: `--prepared`, else SOURCE_DATE_EPOCH, else None.

    Never the clock, so the same brief renders to the same bytes on every run.
    """
    if prepared:
        return dt.datetime.fromisoformat(prepared)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
    return None


def source_date(brief: Brief) -> dt.datetime | None:
    """The source's own date, None when it has none or it is not a date."""
    try:
        return dt.datetime.fromisoformat(brief.source.date[:10]) if brief.source.date else None
    except ValueError:
        return None


def build_context(brief: Brief, labels: dict[str, Any], theme: Theme, lang: str, prepared: str | None = None) -> dict[str, Any]:
    """The template context for one brief in one label language (`prepared`: the preparation date, ISO)."""
    return _Builder(brief, labels, theme, lang, prepared).context()


class _Builder:
    def __init__(self, brief: Brief, labels: dict[str, Any], theme: Theme, lang: str, prepared: str | None = None) -> None:
        self.brief, self.L, self.theme, self.lang, self.prepared = brief, labels, theme, lang, prepared
        self.fmt = Formats(labels)
        self.text = brief.source.text
        try:
            _, body_start = date_marker(self.text)
        except BriefgenError:  # a brief file whose text has a broken marker: number from the top
            body_start = 0
        self.paras = paragraphs(self.text, body_start)
        self.area_labels = {a.id: self._area_label(a.id, a.label) for a in brief.agenda_areas}

    # -- references and sentences ------------------------------------------------

    def ref(self, offset: int) -> dict[str, Any] | None:
        i = index_of(self.paras, offset)
        if i is None:
            return None
        return {"n": i + 1, "id": f"p{i + 1}", "label": self.L["ref"].format(n=i + 1)}

    def sentence(self, start: int, end: int) -> Span:
        i = index_of(self.paras, start)
        if i is None:
            return Span(start, end, self.text[start:end])
        return sentence_around(self.text, self.paras[i], start, end)

    def _area_label(self, area_id: str, label: str) -> str:
        """The brief's label in its own language; the taxonomy's label in another, when it has one."""
        if self.lang == self.brief.source.language:
            return label
        from ..data import load

        try:
            areas = load("taxonomy").get("areas", [])
        except Exception:  # noqa: BLE001 — a broken user taxonomy must not stop rendering
            return label
        for a in areas:
            if isinstance(a, dict) and a.get("id") == area_id and isinstance(a.get("label"), dict):
                return str(a["label"].get(self.lang) or label)
        return label

    def dated_line(self, prepared: dt.datetime | None, source: dt.datetime | None) -> str:
        """"Prepared <date>" when the unit gave a date; else a line saying the date is the source's."""
        if prepared:
            return str(self.L["generated"]).format(date=self.fmt.date(prepared.date().isoformat()))
        if source:
            return str(self.L["source_dated"]).format(date=self.fmt.date(source.date().isoformat()))
        return ""

    # -- items -------------------------------------------------------------------

    def commitment(self, c: Commitment, rank: int) -> dict[str, Any]:
        return {
            "actor": _capital(c.actor or ""),
            "lead": _capital(c.actor) if c.actor and c.actor not in c.text else "",  # the actor, when the text does not name it
            "text": shorten(tidy(c.text), 600),
            "short": shorten(tidy(c.text), 160),
            "deadline": c.deadline or "",
            "area": self.area_labels.get(c.area or "", ""),
            "kind": self.L["kinds"].get(c.kind, c.kind),
            "ref": self.ref(c.start),
            "rank": rank,
        }

    def figure(self, f: Figure, rank: int) -> dict[str, Any]:
        sent = self.sentence(f.start, f.end)
        before, item, after = window(self.text[sent.start : sent.end], f.start - sent.start, f.end - sent.start, 110)
        if f.year:
            period = self.L["target_by" if f.status == "target" else "in_year"].format(year=f.year)
        elif f.status:
            period = self.L["status"].get(f.status, f.status)
        else:
            period = self.L["as_of"].format(date=self.fmt.date(self.brief.source.date)) if self.brief.source.date else ""
        status = self.L["status"].get(f.status or "", f.status or "")
        if f.year and f.status == "target":
            status = self.L["target_by"].format(year=f.year)
        return {
            "value": self.fmt.figure(f),
            "measure": f.measure or "",
            "context": {"before": tidy_start(before), "item": item, "after": tidy_end(after)},
            "status": status,
            "period": period,
            "kind": f.kind,
            "area": self.area_labels.get(f.area or "", ""),
            "ref": self.ref(f.start),
            "rank": rank,
        }

    def quote(self, q: Quote, rank: int) -> dict[str, Any]:
        return {
            "text": q.text.strip(),
            "short": _quote_excerpt(q.text),
            "speaker": q.speaker or "",
            "role": q.speaker_role or "",
            "ref": self.ref(q.start),
            "rank": rank,
        }

    # -- ranking -----------------------------------------------------------------

    def ranked_figures(self) -> list[Figure]:
        def score(f: Figure) -> tuple[float, ...]:
            s = FIGURE_WEIGHT.get(f.kind, 0) + bool(f.status) + bool(f.measure) + bool(f.year)
            size = math.log10(abs(f.value)) if f.kind == "money" and f.value else 0.0
            return (-s, -size, f.start)

        return sorted(self.brief.figures, key=score)

    def ranked_commitments(self) -> list[Commitment]:
        def score(c: Commitment) -> tuple[int, int]:
            return (-(COMMITMENT_WEIGHT.get(c.kind, 1) + 2 * bool(c.deadline) + bool(c.actor)), c.start)

        return sorted(self.brief.commitments, key=score)

    def ranked_quotes(self) -> list[Quote]:
        def score(q: Quote) -> tuple[int, int]:
            n = len(q.text)
            return (-(2 * bool(q.speaker) + (q.resolution == "explicit") + (60 <= n <= 400)), q.start)

        return sorted(self.brief.quotes, key=score)

    # -- sections ----------------------------------------------------------------

    def summary(self, figs: list[Figure], coms: list[Commitment]) -> list[dict[str, Any]]:
        """Key points: the headline figures (two at most) and the most important commitments, one sentence each."""
        points: list[tuple[int, dict[str, Any]]] = []
        used: list[Span] = []

        def free(span: Span) -> bool:
            return not any(span.start < u.end and u.start < span.end for u in used)

        for f in figs:
            if len(points) >= 2:
                break
            sent = self.sentence(f.start, f.end)
            if not free(sent):
                continue
            used.append(sent)
            s = self.text[sent.start : sent.end]
            before, item, after = window(s, f.start - sent.start, f.end - sent.start, 260)
            segs = [{"text": tidy_start(before), "bold": False}, {"text": item, "bold": True}, {"text": tidy_end(after), "bold": False}]
            points.append((sent.start, {"segments": [x for x in segs if x["text"]], "ref": self.ref(f.start)}))
        for c in coms:
            if len(points) >= SUMMARY_POINTS:
                break
            span = Span(c.start, c.end, c.text)
            if not free(span):
                continue
            used.append(span)
            segs = [{"text": f"{_capital(c.actor)}: ", "bold": True}] if c.actor and c.actor not in c.text else []  # as "lead"
            segs.append({"text": shorten(tidy(c.text), 260), "bold": False})
            points.append((c.start, {"segments": segs, "ref": self.ref(c.start)}))
        return [p for _, p in sorted(points, key=lambda x: x[0])]

    def areas(self, coms: dict[int, dict[str, Any]], figs: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
        """One entry per agenda area: its evidence as bullets (each sentence in one area only), its commitments and figures."""
        areas = self.brief.agenda_areas
        home: dict[tuple[int, int], int] = {}  # a sentence goes to the most specific area citing it
        for i, a in enumerate(areas):
            for e in a.evidence:
                j = home.get((e.start, e.end))
                if j is None or len(areas[j].evidence) > len(a.evidence):
                    home[(e.start, e.end)] = i
        owner_c = {id(c): self._owner(c.area, c.start) for c in self.brief.commitments}
        owner_f = {id(f): self._owner(f.area, f.start) for f in self.brief.figures}
        out = []
        for i, a in enumerate(areas):
            mine_c = [coms[id(c)] for c in self.brief.commitments if owner_c[id(c)] == i]
            taken = [(c.start, c.end) for c in self.brief.commitments if owner_c[id(c)] == i]
            evidence = [e for e in a.evidence if not _heading_like(self.text, e) and not _inside(e, taken)]
            own = [e for e in evidence if home.get((e.start, e.end)) == i] or evidence[:1]
            bullets = [{"text": shorten(tidy(e.text), 220), "ref": self.ref(e.start)} for e in own]
            out.append(
                {
                    "id": a.id,
                    "label": self.area_labels[a.id],
                    "bullets": bullets,
                    "commitments": mine_c,
                    "figures": [figs[id(f)] for f in self.brief.figures if owner_f[id(f)] == i],
                }
            )
        return [a for a in out if a["bullets"] or a["commitments"] or a["figures"]]

    def _owner(self, area_id: str | None, offset: int) -> int | None:
        """The area an item belongs to: the one it names, else the most specific area whose evidence holds it."""
        areas = self.brief.agenda_areas
        for i, a in enumerate(areas):
            if area_id and a.id == area_id:
                return i
        holding = [i for i, a in enumerate(areas) if any(e.start <= offset < e.end for e in a.evidence)]
        return min(holding, key=lambda i: (len(areas[i].evidence), i)) if holding else None

    def chart(self, figs: list[Figure]) -> dict[str, Any] | None:
        """Bars for the money figures in the most common currency, when there are at least two distinct ones."""
        money = [f for f in figs if f.kind == "money" and f.value and f.unit]
        if not money:
            return None
        unit = Counter(f.unit for f in money).most_common(1)[0][0]
        seen: set[float] = set()
        bars = []
        for f in money:
            if f.unit == unit and f.value not in seen:
                seen.add(f.value)  # type: ignore[arg-type]
                bars.append(f)
        if len(bars) < 2:
            return None
        currency = self.L["numbers"]["currencies"].get(unit, unit)
        return {
            "title": self.L["factsheet"]["chart"].format(unit=currency),
            "bars": [
                {"label": self._bar_label(f), "value": f.value, "display": self.fmt.figure(f), "ref": self.ref(f.start)}
                for f in sorted(bars, key=lambda f: -(f.value or 0))
            ],
        }

    def _bar_label(self, f: Figure) -> str:
        """What a bar measures: the figure's measure, else the words just before it in its sentence."""
        if f.measure:
            return shorten(f.measure, 48)
        sent = self.sentence(f.start, f.end)
        before = tidy_start(self.text[sent.start : f.start]).rstrip(" (,:–—-")
        if before:
            return window(before, len(before), len(before), 48)[0]
        return shorten(tidy_end(self.text[f.end : sent.end]).strip(" ),.;:"), 48)

    def context(self) -> dict[str, Any]:
        b, L = self.brief, self.L
        figs, coms, quotes = self.ranked_figures(), self.ranked_commitments(), self.ranked_quotes()
        fig_rank = {id(f): r for r, f in enumerate(figs, 1)}
        com_rank = {id(c): r for r, c in enumerate(coms, 1)}
        q_rank = {id(q): r for r, q in enumerate(quotes, 1)}
        com_ctx = {id(c): self.commitment(c, com_rank[id(c)]) for c in b.commitments}
        fig_ctx = {id(f): self.figure(f, fig_rank[id(f)]) for f in b.figures}
        q_ctx = {id(q): self.quote(q, q_rank[id(q)]) for q in b.quotes}

        src = b.source
        title = b.event or src.title or (L["brief_on"].format(publisher=src.publisher) if src.publisher else L["brief"])
        prepared = preparation_date(self.prepared)
        dated = prepared or source_date(b)
        marking = self.theme.marking or ""
        area_names = [self.area_labels[a.id] for a in b.agenda_areas]
        return {
            "L": L,
            "lang": self.lang,
            "doc": {
                "title": title,
                "short_title": shorten(title, SHORT_TITLE),
                "subject": " · ".join(x for x in (src.publisher, self.fmt.date(src.date), src.title) if x),
                "author": self.theme.organisation,
                "keywords": "|".join(area_names),
                "created": dated.isoformat() if dated else "",
                "lang": L["lang"],
                "text_lang": src.language,
                "marking": marking,
                "footer": L["page"],
            },
            "title": title,
            "when_where": ", ".join(x for x in (self.fmt.date(src.date), src.place) if x),
            "source": {
                "publisher": src.publisher or "",
                "date": self.fmt.date(src.date),
                "title": src.title or "",
                "name": src.name,
            },
            "generated": self.dated_line(prepared, source_date(b)),
            "marking": marking,
            "organisation": self.theme.organisation,
            "summary": self.summary(figs, coms),
            "participants": [
                {"name": p.name, "role": p.role or "", "ref": self.ref(p.mentions[0].start) if p.mentions else None}
                for p in b.participants
            ],
            "areas": self.areas(com_ctx, fig_ctx),
            "commitments": [com_ctx[id(c)] for c in b.commitments],
            "figures": [fig_ctx[id(f)] for f in b.figures],
            "quotes": [q_ctx[id(q)] for q in b.quotes],
            "annex": [{"n": i, "id": f"p{i}", "label": L["ref"].format(n=i), "text": p.text} for i, p in enumerate(self.paras, 1)],
            "fact": {
                "headline": [fig_ctx[id(f)] for f in figs],
                "chart": self.chart(figs),
                "commitments": [com_ctx[id(c)] for c in coms],
                "quote": q_ctx[id(quotes[0])] if quotes else None,
            },
        }


def tidy_start(text: str) -> str:
    """Context before an item, without a quotation mark left open at its start."""
    return text.lstrip("\"«„“ ") if text[:1] in "\"«„“" else text


def tidy_end(text: str) -> str:
    """Context after an item, without a quotation mark left dangling at its end."""
    return text.rstrip("\"»” ") if text.rstrip()[-1:] in "\"»”" else text


def _capital(text: str) -> str:
    """The text with its first letter in upper case (an actor opening a line)."""
    return text[:1].upper() + text[1:]


def _heading_like(text: str, span: Span) -> bool:
    """A source sub-heading ("Цель визита"): a whole short line without a full stop."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return line == span.text.strip() and len(line.split()) <= 5 and not line.endswith((".", "!", "?", "…", '"', "»"))


def _inside(span: Span, taken: list[tuple[int, int]]) -> bool:
    return any(s <= span.start and span.end <= e or span.start <= s and e <= span.end for s, e in taken)


def _quote_excerpt(text: str, limit: int = 280) -> str:
    """A quotation cut to whole sentences (at least one) within `limit`, "…" marking the cut."""
    text = " ".join(text.split())
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
