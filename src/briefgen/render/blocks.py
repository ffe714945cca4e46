"""The block tree: what a template says a document contains, with no notion of format or brief.

The markup parser (`markup.py`) builds it; each writer walks it. Inline text is
a flat tuple of `Run`s (text + bold/italic/link), which both python-docx and
reportlab want. `dump()` prints the tree as text for golden files and reviews.
"""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

Runs = tuple["Run", ...]
LINE = 115  # characters of table text across the page, for sizing columns
SHORT_CELL = 14  # characters: a body cell this short is kept on one line
UNBREAKABLE = 40  # characters: a header word or joined value longer than this may wrap after all
FLOOR = 6.0  # characters: no column is narrower (its padding alone takes two)


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of inline text with one look; `link` is the id of a block it points to."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass(frozen=True, slots=True)
class Meta:
    """What a document says about itself: properties, running header and footer."""

    title: str = ""
    subject: str = ""
    author: str = ""
    keywords: tuple[str, ...] = ()
    lang: str = "ru-RU"  # language of the labels (document language)
    text_lang: str = "ru"  # language of the source text (hyphenation)
    created: str | None = None  # ISO date or date-time
    header: str = ""  # short title for the running header
    marking: str = ""  # handling marking, empty when off
    footer: str = ""  # e.g. "Страница {page} из {pages}"

    def date(self) -> dt.datetime | None:
        """The document's date (`created`), None when it has none: the clock is never read."""
        try:
            return dt.datetime.fromisoformat(self.created) if self.created else None
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Heading:
    """A title (level 0) or a section heading (levels 1–3); `id` makes it a link target."""

    level: int
    runs: Runs
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Body text; `style` names a look (subtitle, meta, note…); `num` is a paragraph number shown in the margin."""

    runs: Runs
    style: str | None = None
    id: str | None = None
    num: str | None = None
    outline: str | None = None  # a title for the PDF outline, nested under the current heading


@dataclass(frozen=True, slots=True)
class Item:
    """A list item; `rank` (1 = most important) lets a one-page writer drop the least important first."""

    runs: Runs
    rank: int | None = None


@dataclass(frozen=True, slots=True)
class BulletList:
    """A bulleted list."""

    items: tuple[Item, ...]
    rank: int | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table whose first `header_rows` rows repeat on every page."""

    rows: tuple[tuple[Runs, ...], ...]
    header_rows: int = 1
    widths: tuple[float, ...] | None = None  # relative column widths; None: sized to content
    ranks: tuple[int | None, ...] = ()  # per body row, as Item.rank


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words and who said them."""

    runs: Runs
    cite: Runs = ()
    rank: int | None = None


@dataclass(frozen=True, slots=True)
class Stat:
    """A headline figure: the value set large, what it measures, and its period."""

    value: str
    label: str = ""
    note: str = ""
    rank: int | None = None


@dataclass(frozen=True, slots=True)
class Stats:
    """A row of headline figures."""

    items: tuple[Stat, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart: a label, the number it is drawn to, and how that number reads."""

    label: str
    value: float
    display: str
    rank: int | None = None


@dataclass(frozen=True, slots=True)
class Chart:
    """A horizontal bar chart of comparable values."""

    title: str
    bars: tuple[Bar, ...]
    rank: int | None = None
    source: str = ""  # where the numbers come from, printed under the bars


@dataclass(frozen=True, slots=True)
class More:
    """A note counting what was left out: `label` holds "{n}", `count` what the template already left out."""

    label: str
    count: int = 0


@dataclass(frozen=True, slots=True)
class Toc:
    """A table of contents (headings of levels 1–`depth`)."""

    title: str = ""
    depth: int = 2


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A thin horizontal line."""


Block = Heading | Paragraph | BulletList | Table | Quote | Stats | Chart | More | Toc | PageBreak | Rule


@dataclass(frozen=True, slots=True)
class Document:
    """A whole document: its properties and its blocks in reading order."""

    meta: Meta
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def annex_id(self) -> str | None:
        """The id of the section heading the annex paragraphs stand under (None without an annex)."""
        section = None
        for b in self.blocks:
            if isinstance(b, Heading) and b.level == 1:
                section = b.id
            elif isinstance(b, Paragraph) and b.style == "annex":
                return section
        return None

    def back_matter_id(self) -> str | None:
        """The id of the first section that starts on a page of its own (an appendix or the annex), else the annex's.

        What stands before it is the body: the part a reader reads, which decides whether contents are worth printing.
        """
        for before, b in itertools.pairwise(self.blocks):
            if isinstance(before, PageBreak) and isinstance(b, Heading) and b.level == 1:
                return b.id
        return self.annex_id()

    def headings(self, depth: int = 3) -> list[Heading]:
        """The section headings (levels 1–depth) in order."""
        return [b for b in self.blocks if isinstance(b, Heading) and 1 <= b.level <= depth]


def plain(runs: Runs) -> str:
    """The text of some runs, without their looks."""
    return "".join(r.text for r in runs)


def column_fractions(table: Table) -> list[float]:
    """Relative column widths sized to content, in characters so both writers size a table alike.

    Each column gets room for what must not wrap: a header's longest word, a short cell (a date,
    "к 2030 году") whole, and a value joined to its unit by no-break spaces whole; ordinary words count
    up to 16 characters (longer ones hyphenate). What is left goes by how much text the cells hold.
    """
    if table.widths:
        total = sum(table.widths) or 1.0
        return [w / total for w in table.widths]
    ncols = max(len(r) for r in table.rows)
    least = [4.0] * ncols
    volume: list[list[int]] = [[] for _ in range(ncols)]
    for r, row in enumerate(table.rows):
        header = r < table.header_rows
        for i, cell in enumerate(row):
            text = plain(cell)
            least[i] = max(least[i], unbreakable(text, header) * 1.15 + 3)
            if not header:
                volume[i].append(min(len(text), 80))
    if sum(least) > LINE:  # more than fits: every column keeps a floor, the rest shrinks in proportion
        floor = min(FLOOR, LINE / ncols)
        excess = sum(least) - floor * ncols
        widths = [floor + (x - floor) * (LINE - floor * ncols) / excess if excess > 0 else floor for x in least]
    else:
        want = [max(least[i], sum(v) / len(v) + 3 if v else 0) for i, v in enumerate(volume)]
        spare = sum(want) - sum(least)
        budget = LINE - sum(least)
        widths = [least[i] + (budget * (want[i] - least[i]) / spare if spare > 0 else budget / ncols) for i in range(ncols)]
    total = sum(widths)
    return [w / total for w in widths]


def unbreakable(text: str, header: bool = False) -> int:
    """The characters of a cell's text that must stand on one line (see `column_fractions`)."""
    text = text.strip()
    if len(text) <= SHORT_CELL and not header:
        return len(text)
    longest = 0
    for word in text.split(" "):
        joined = "\u00a0" in word or "\u202f" in word
        longest = max(longest, min(len(word), UNBREAKABLE) if header or joined else min(len(word), 16))
    return longest


def dump(doc: Document) -> str:
    """The tree as indented text, one block per line, for golden files and diffs."""
    m = doc.meta
    lines = [
        f"meta title={m.title!r} subject={m.subject!r} author={m.author!r} lang={m.lang} text_lang={m.text_lang}",
        f"meta keywords={list(m.keywords)!r} created={m.created} header={m.header!r} marking={m.marking!r} footer={m.footer!r}",
    ]
    for b in doc.blocks:
        lines.extend(_dump_block(b))
    return "\n".join(lines) + "\n"


def _runs(runs: Runs) -> str:
    out: list[str] = []
    for r in runs:
        t = r.text
        if r.bold:
            t = f"**{t}**"
        if r.italic:
            t = f"_{t}_"
        if r.link:
            t = f"[{t}](#{r.link})"
        out.append(t)
    return "".join(out)


def _rank(rank: int | None) -> str:
    return f" rank={rank}" if rank is not None else ""


def _dump_block(b: Block) -> list[str]:
    match b:
        case Heading():
            return [f"{'#' * b.level or 'title'}{f' {{#{b.id}}}' if b.id else ''} {_runs(b.runs)}"]
        case Paragraph():
            attrs = "".join(f" {k}={v}" for k, v in (("style", b.style), ("id", b.id), ("num", b.num), ("outline", b.outline)) if v)
            return [f"p{attrs}: {_runs(b.runs)}"]
        case BulletList():
            return [f"list{_rank(b.rank)}"] + [f"  -{_rank(i.rank)} {_runs(i.runs)}" for i in b.items]
        case Table():
            head = f"table header_rows={b.header_rows} widths={[round(w, 2) for w in column_fractions(b)]}"
            return [head] + ["  | " + " | ".join(_runs(c) for c in row) + " |" for row in b.rows]
        case Quote():
            return [f"quote{_rank(b.rank)}: {_runs(b.runs)}", f"  — {_runs(b.cite)}"]
        case Stats():
            return ["stats"] + [f"  *{_rank(s.rank)} {s.value} | {s.label} | {s.note}" for s in b.items]
        case Chart():
            bars = [f"  ={_rank(x.rank)} {x.label}: {x.display} ({x.value:g})" for x in b.bars]
            return [f"chart{_rank(b.rank)} {b.title}"] + bars + ([f"  source: {b.source}"] if b.source else [])
        case More():
            return [f"more count={b.count} {b.label}"]
        case Toc():
            return [f"toc depth={b.depth} {b.title}"]
        case PageBreak():
            return ["pagebreak"]
        case Rule():
            return ["rule"]
    raise TypeError(f"unknown block {b!r}")
