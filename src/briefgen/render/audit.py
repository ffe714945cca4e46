"""Check a rendered pack against the rules of a brief that briefs, for `make review` and the tests.

Works on block trees (so on what the reader sees): the body is everything
before the first heading that opens an appendix ("Приложение…", "Appendix…",
"Annex…"); a place is one paragraph, list item, table cell, quotation or stat.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..digest.model import KeyPoint
from ..digest.rewrite import first_person
from ..digest.source import SourceText
from ..digest.words import RUN, count, runs
from .blocks import Block, BulletList, Chart, Document, Heading, Paragraph, Quote, Runs, Stats, Table

APPENDIX = re.compile(r"^\s*(Приложение|Appendix|Annex)\b", re.IGNORECASE)
REF = re.compile(r"\[§\d+\]|§\d+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
BARE_TITLES = ("справка", "brief")
LABEL_WORDS = 4


@dataclass(frozen=True, slots=True)
class PointCheck:
    """What is wrong with the key points: too long, first person, cut, numbers their paragraph lacks."""

    count: int
    long: int
    first_person: int
    cut: int
    unsupported: int  # points stating a number or date their [§n] paragraph does not hold


def body(tree: Document) -> list[Block]:
    """The blocks before the first appendix heading."""
    out: list[Block] = []
    for b in tree.blocks:
        if isinstance(b, Heading) and b.level >= 1 and APPENDIX.match(_text(b.runs)):
            break
        out.append(b)
    return out


def appendix_title(tree: Document) -> str:
    """The text of the first appendix heading ("" when there is none)."""
    for b in tree.blocks:
        if isinstance(b, Heading) and b.level >= 1 and APPENDIX.match(_text(b.runs)):
            return _text(b.runs)
    return ""


def places(blocks: Sequence[Block]) -> list[str]:
    """The text of every place of the blocks: heading, paragraph, list item, table cell, quotation, stat, bar."""
    out: list[str] = []
    for b in blocks:
        match b:
            case Heading() | Paragraph():
                out.append(_text(b.runs))
            case BulletList():
                out.extend(_text(i.runs) for i in b.items)
            case Table():
                out.extend(_text(c) for row in b.rows for c in row)
            case Quote():
                out.extend((_text(b.runs), _text(b.cite)))
            case Stats():
                out.extend(f"{s.value} {s.label} {s.note}" for s in b.items)
            case Chart():
                out.append(b.title)
                out.extend(f"{x.label} {x.display}" for x in b.bars)
            case _:  # page furniture (contents, rules, breaks) says nothing
                pass
    return [p for p in out if p.strip()]


def words(tree: Document) -> int:
    """The body's words (letters or digits), headings, labels and table cells included."""
    return sum(count(p) for p in places(body(tree)))


def repeated_runs(tree: Document, source: str) -> int:
    """How many runs of 8 source words occur in two places of the body."""
    from_source = runs(source, RUN)
    where: dict[tuple[str, ...], int] = {}
    for i, p in enumerate(places(body(tree))):
        for r in runs(p, RUN) & from_source:
            where.setdefault(r, i)
            if where[r] != i:
                where[r] = -1
    return sum(1 for v in where.values() if v == -1)


def check_points(points: tuple[KeyPoint, ...], src: SourceText) -> PointCheck:
    """Count the key points and what is wrong with them."""
    unsupported = 0
    for p in points:
        n = src.paragraph(p.offset)
        para = src.paras[n - 1].text if n else ""
        if any(x not in _numbers(para) for x in _numbers(p.text)):
            unsupported += 1
    return PointCheck(
        count=len(points),
        long=sum(count(REF.sub("", p.text)) > 30 for p in points),
        first_person=sum(first_person(p.text) for p in points),
        cut=sum("…" in p.text or p.text.rstrip().endswith("...") for p in points),
        unsupported=unsupported,
    )


def bare_title(title: str) -> bool:
    """True for a title that only names the document ("Справка")."""
    return title.strip().strip(".").lower() in BARE_TITLES


def long_labels(tree: Document) -> list[str]:
    """The fact sheet's stat and bar labels of more than 4 words."""
    out: list[str] = []
    for b in tree.blocks:
        if isinstance(b, Stats):
            out.extend(s.label for s in b.items if count(s.label) > LABEL_WORDS)
        if isinstance(b, Chart):
            out.extend(x.label for x in b.bars if count(x.label) > LABEL_WORDS)
    return out


def dangling_refs(tree: Document) -> int:
    """How many [§n] references a document without the source annex prints."""
    return sum(len(REF.findall(p)) for p in places(tree.blocks))


def pdf_pages(data: bytes, appendix: str) -> tuple[int, int]:
    """(all pages, pages before the one where `appendix` starts) of a PDF (needs pypdf, a test extra)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    for i, page in enumerate(reader.pages):
        if appendix and appendix in " ".join((page.extract_text() or "").split()):
            return len(reader.pages), i
    return len(reader.pages), len(reader.pages)


def _numbers(text: str) -> set[str]:
    return {m.group().replace(",", ".") for m in _NUMBER.finditer(text)}


def _text(runs: Runs) -> str:
    return "".join(r.text for r in runs)
