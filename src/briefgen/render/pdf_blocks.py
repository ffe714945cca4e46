"""Turn blocks into reportlab flowables in the theme's fonts and colours (for the brief and the fact sheet).

Text reaches reportlab only through `fonts.Glyphs.markup`, which escapes it, so
a brief's "<b>" or "<img src=…>" prints as written. Headings and numbered
paragraphs carry their outline entry; `pdf_writer` adds it when they are drawn.
"""
from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any, cast

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle, paragraph as rl_paragraph
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import HRFlowable, KeepTogether, PageBreak as RLPageBreak
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from .. import cache
from . import RenderOptions
from .blocks import (
    Block,
    BulletList,
    Chart,
    Document,
    Heading,
    More,
    PageBreak,
    Paragraph as ParagraphBlock,
    Quote,
    Rule,
    Run,
    Runs,
    Stats,
    Table as TableBlock,
    Toc,
    column_fractions,
    plain,
)
from .breaks import breakable
from .catalogue import DEFAULT_LANGUAGE
from .fonts import Family, Glyphs, family, register
from .reportlab_calls import CanvasCalls, FragmentCase, MarkupParser
from .theme import Theme

PARAGRAPH_CLASSES = {"subtitle", "kicker", "meta", "marking", "label", "note", "annex"}


OUTLINE_DEPTH = 2  # sections and one level below them (areas; the annex's paragraphs)
STAT_MIN = 12.0  # points: a headline value is never set smaller (the row splits in two instead)
HYPHEN_RETRIES = 3  # lines a page may end early to keep a hyphenated word off its foot
SHORT_QUOTE = 400  # characters: a quote this short is kept whole with its speaker; a longer one may split
CHUNK = 2000  # characters: longer paragraphs are laid out in pieces of about this size


def _chunks(runs: Runs, size: int) -> list[Runs]:
    """The runs cut at spaces into pieces of about `size` characters (one piece when shorter)."""
    if sum(len(r.text) for r in runs) <= size:
        return [runs]
    pieces: list[Runs] = []
    current: list[Run] = []
    length = 0
    for r in runs:
        text = r.text
        while length + len(text) > size:
            cut = text.rfind(" ", 0, size - length)
            if cut <= 0:
                cut = text.find(" ", size - length)
            if cut <= 0:
                break
            current.append(Run(text[: cut + 1], r.bold, r.italic, r.link))
            pieces.append(tuple(current))
            current, length, text = [], 0, text[cut + 1 :]
        if text:
            current.append(Run(text, r.bold, r.italic, r.link))
            length += len(text)
    if current:
        pieces.append(tuple(current))
    return pieces


class Para(Paragraph):
    """A paragraph that may start an outline entry and may have a bar down its left side (quotes).

    `outline` = (title, destination, level) stays with the first part when the paragraph splits.
    """

    outline: tuple[str, str, int] | None = None
    _wrapped: tuple[float, tuple[float, float]] | None = None  # the last wrap: (width, size)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        """The size, lines broken once per width (layout asks again and again; reportlab would break them each time).

        reportlab's lines depend on the width alone; a split may change the words, so it forgets them.
        """
        if self._wrapped is None or self._wrapped[0] != aW or not hasattr(self, "blPara"):
            self._wrapped = (aW, super().wrap(aW, aH))
        return self._wrapped[1]

    def _split(self, availWidth: float, availHeight: float) -> list[Any]:
        try:
            return super().split(availWidth, availHeight)
        finally:
            self._wrapped = None

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = self._split(availWidth, availHeight)
        for shorter in range(1, HYPHEN_RETRIES + 1):  # never a word hyphenated at the foot of a page: a line less
            if len(parts) != 2 or not _last_line(parts[0]).endswith("-"):
                break
            height = availHeight - shorter * self.style.leading
            if height < 2 * self.style.leading:  # too few lines left: all of it on the next page
                return []
            self.wrap(availWidth, height)
            parts = self._split(availWidth, height)
        for i, p in enumerate(parts):
            if isinstance(p, Para):
                p.outline = self.outline if i == 0 else None
        return parts

    def draw(self) -> None:
        super().draw()
        bar = getattr(self.style, "barColor", None)
        if bar is not None:
            self.canv.setStrokeColor(bar)
            self.canv.setLineWidth(2)
            x = self.style.leftIndent - 9
            self.canv.line(x, 0, x, self.height)


def _last_line(p: Flowable) -> str:
    """The text of a laid-out paragraph's last line ("" when it has none)."""
    lines: Sequence[object] = getattr(getattr(p, "blPara", None), "lines", None) or ()
    if not lines:
        return ""
    line = lines[-1]
    words = cast(Sequence[object], line[1] if isinstance(line, tuple) else getattr(line, "words", []))
    return "".join(w if isinstance(w, str) else getattr(w, "text", "") for w in words).rstrip()


class KeepStart(KeepTogether):
    """Headings kept with the start of what follows them, not all of it (reportlab's keepWithNext keeps it all).

    The group moves to the next page only when the headings and the first lines (or rows) of the block after
    them do not fit; a long table or paragraph then splits below its heading instead of leaving a hole.
    """

    _content: list[Flowable]  # reportlab's own: the flowables kept together
    _H: float  # reportlab's own: their height at the last wrap

    def split(self, aW: float, aH: float) -> list[Any]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = list(self._content)
        frame = getattr(self, "_frame", None)
        if aH >= self._H or getattr(frame, "_atTop", False):
            return content
        *lead, last = content
        room = aH - sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lead) - last.getSpaceBefore()
        if room > 0 and (last.wrap(aW, room)[1] <= room or last.split(aW, room)):
            return content
        return [FrameBreak(), *content]


class TocEntry(Para):
    """A contents line whose page number is a form ("toc_<target>") that `pdf_writer` defines at the end."""

    target: str = ""

    def draw(self) -> None:
        super().draw()
        if self.target:
            c = self.canv
            c.saveState()
            c.translate(self.width, self.height - self.style.fontSize)  # the first line's baseline, as reportlab sets it
            cast(CanvasCalls, c).doForm(f"toc_{self.target}")
            c.restoreState()
            c.__dict__.setdefault("toc_targets", set()).add(self.target)

    @staticmethod
    def targets(canv: Any) -> list[str]:
        """The targets whose page numbers the contents drew, in a stable order."""
        return sorted(getattr(canv, "toc_targets", ()))


def get_ready(options: RenderOptions) -> None:
    """What every layout needs, done ahead (a forked layout process does it while the brief is made): the theme's
    fonts registered, and the hyphenation of the label language loaded (the source's is not known yet)."""
    register(options)
    _hyphenator(options.lang or DEFAULT_LANGUAGE)


@functools.cache
def _hyphenator(lang: str) -> Any:
    """pyphen's hyphenation for a language code ("ru" → ru_RU), or None when it has none.

    pyphen parses its dictionary file on every start (30–100 ms); the parsed
    patterns are kept in the user cache, keyed by the file and pyphen's version.
    Words that start with a capital (personal and place names) are never hyphenated.
    """
    import pyphen

    found = pyphen.language_fallback(lang.replace("-", "_"))
    if not found:
        return None
    path = pyphen.LANGUAGES[found]
    name = f"hyph-{cache.key(pyphen.__version__, path.read_bytes())}.pickle"
    pyphen.hdcache.setdefault(path, cache.pickled(name, lambda: pyphen.HyphDict(path)))
    pairs = pyphen.Pyphen(lang=found).iterate

    def hyphenate(word: str) -> Any:
        return () if word[:1].isupper() else pairs(word)

    return hyphenate


def plain_frags(text: str, style: ParagraphStyle) -> list[ParaFrag] | None:
    """The fragments reportlab's markup parser makes of a text without markup, made without it (None: text with markup).

    Parsing is a tenth of a PDF's time, and two thirds of a brief's paragraphs have no markup: the one fragment
    of such a paragraph is a copy of the one the parser made of the same style, with the text cleaned as
    reportlab cleans it.
    """
    if "<" in text or "&" in text:
        return None
    clean = cleanBlockQuotedText(text)
    if not clean:
        return None
    frags = [_style_frag(style.fontName, style.fontSize, style.textColor).clone(text=clean, link=[], us_lines=[])]
    cast(FragmentCase, rl_paragraph).textTransformFrags(frags, style)
    return frags


@functools.lru_cache(maxsize=256)
def _style_frag(font: str, size: float, colour: Color) -> ParaFrag:
    """The fragment reportlab's parser makes of a plain word in a style with this font, size and colour."""
    style = ParagraphStyle("plain", fontName=font, fontSize=size, textColor=colour)
    return cast(MarkupParser, ParaParser()).parse("x", style)[1][0]


class Kit:
    """Styles and flowables for one document: fonts registered, colours parsed, text made safe."""

    def __init__(self, theme: Theme, tree: Document, width: float, split_rows: bool = False) -> None:
        self.theme, self.tree, self.width, self.split_rows = theme, tree, width, split_rows
        self.c: dict[str, Color] = {k: HexColor(v) for k, v in theme.colours.items()}
        self.body: Family = family(theme, theme.body_font)
        self.head: Family = family(theme, theme.heading_font)
        self.glyphs = Glyphs(theme)
        self.styles = self._styles(_hyphenator(tree.meta.text_lang))
        self.section = -1  # outline level of the last heading: paragraph entries go one below it
        self.keys = 0

    # -- styles ------------------------------------------------------------------

    def _styles(self, hyphenator: Any) -> dict[str, ParagraphStyle]:
        size, c = self.theme.size, self.c
        body, head = self.body.name, self.head.name
        lead = round(size * 1.38, 1)
        base = ParagraphStyle("body", fontName=body, fontSize=size, leading=lead, textColor=c["text"],
                              alignment=TA_JUSTIFY, spaceAfter=5, hyphenationLang=hyphenator,
                              embeddedHyphenation=1, uriWasteReduce=0.3, allowWidows=0)  # fmt: skip

        def s(name: str, parent: ParagraphStyle = base, **kw: Any) -> ParagraphStyle:
            return ParagraphStyle(name, parent=parent, **kw)

        sans = s("sans", fontName=head, alignment=TA_LEFT, hyphenationLang="")
        styles = {
            "body": base,
            "item": s("item", alignment=TA_LEFT, hyphenationLang="", leftIndent=14, bulletIndent=3, spaceAfter=3, bulletFontName=body, bulletColor=c["accent"]),
            "title": s("title", sans, fontName=self.head.font(bold=True), fontSize=20, leading=24, textColor=c["heading"], spaceAfter=4),
            "h1": s("h1", sans, fontName=self.head.font(bold=True), fontSize=14, leading=18, textColor=c["heading"],
                    spaceBefore=16, spaceAfter=6, keepWithNext=1),
            "h2": s("h2", sans, fontName=self.head.font(bold=True), fontSize=12, leading=15, textColor=c["heading"],
                    spaceBefore=11, spaceAfter=4, keepWithNext=1),
            "h3": s("h3", sans, fontName=self.head.font(bold=True), fontSize=10.5, leading=13, textColor=c["heading"],
                    spaceBefore=8, spaceAfter=3, keepWithNext=1),
            "subtitle": s("subtitle", sans, fontSize=12, leading=15, textColor=c["muted"], spaceAfter=6),
            "kicker": s("kicker", sans, fontName=self.head.font(bold=True), fontSize=8.5, leading=11, textColor=c["accent"],
                        textTransform="uppercase", spaceAfter=2),
            "meta": s("meta", sans, fontSize=8.5, leading=11.5, textColor=c["muted"], spaceAfter=1),
            "marking": s("marking", sans, fontName=self.head.font(bold=True), fontSize=9, leading=11, textColor=c["marking"],
                         alignment=TA_RIGHT, spaceAfter=6),
            "label": s("label", sans, fontName=self.head.font(bold=True), fontSize=9.5, leading=12, textColor=c["heading"],
                       spaceBefore=6, spaceAfter=3, keepWithNext=1),
            "note": s("note", sans, fontName=self.head.font(italic=True), fontSize=8.5, leading=11, textColor=c["muted"], spaceAfter=8),
            "annex": s("annex", fontSize=max(size - 0.5, 8), leading=round(max(size - 0.5, 8) * 1.36, 1), leftIndent=24,
                       bulletIndent=0, bulletFontName=self.head.font(bold=True), bulletFontSize=8.5, bulletColor=c["muted"],
                       spaceAfter=4),
            "quote": s("quote", fontName=self.body.font(italic=True), leftIndent=16, rightIndent=8, spaceBefore=6, spaceAfter=2,
                       alignment=TA_LEFT, hyphenationLang="", barColor=c["quote_bar"]),
            "cite": s("cite", sans, fontSize=8.5, leading=11, textColor=c["muted"], leftIndent=16, spaceAfter=8),
            "cell": s("cell", sans, fontSize=8.5, leading=10.5, spaceAfter=0),
            "cell_head": s("cell_head", sans, fontName=self.head.font(bold=True), fontSize=8.5, leading=10.5,
                           textColor=c["table_header_text"], spaceAfter=0),
            "toc_title": s("toc_title", sans, fontName=self.head.font(bold=True), fontSize=11, leading=14,
                           textColor=c["heading"], spaceBefore=4, spaceAfter=4),
            "toc1": s("toc1", sans, fontSize=10, leading=15, rightIndent=30, spaceAfter=0),
            "toc2": s("toc2", sans, fontSize=9.5, leading=13.5, leftIndent=14, rightIndent=30, spaceAfter=0),
            "stat_value": s("stat_value", sans, fontName=self.head.font(bold=True), fontSize=17, leading=20,
                            textColor=c["accent"], spaceAfter=3),
            "stat_label": s("stat_label", sans, fontSize=8.5, leading=10.5, textColor=c["text"], spaceAfter=2),
            "stat_value_small": s("stat_value_small", sans, fontName=self.head.font(bold=True), fontSize=14, leading=17,
                                  textColor=c["accent"], spaceAfter=3),
            "stat_note": s("stat_note", sans, fontName=self.head.font(italic=True), fontSize=8, leading=10, textColor=c["muted"]),
        }  # fmt: skip
        return styles

    # -- text --------------------------------------------------------------------

    def markup(self, runs: Runs, fam: Family) -> str:
        """Reportlab markup for some runs: escaped text, bold/italic, internal links."""
        out: list[str] = []
        for r in runs:
            t = self.glyphs.markup(breakable(r.text), fam)  # bounded line breaking for any word (render/breaks.py)
            if r.bold:
                t = f"<b>{t}</b>"
            if r.italic:
                t = f"<i>{t}</i>"
            if r.link:
                t = f'<a href="#{r.link}" color="{self.theme.colours["link"]}">{t}</a>'
            out.append(t)
        return "".join(out)

    def para(self, runs: Runs, style: str, anchor: str | None = None, cls: type[Para] = Para, **kw: Any) -> Para:
        st = self.styles[style]
        fam = self.body if st.fontName.startswith(self.body.name) else self.head
        text = self.markup(runs, fam)
        if anchor:
            text = f'<a name="{anchor}"/>{text}'
        return cls(text, st, frags=plain_frags(text, st), **kw)

    def pieces(self, runs: Runs, style: str, anchor: str | None = None, **kw: Any) -> list[Para]:
        """A paragraph, laid out in pieces when huge (else reportlab re-wraps the remainder on every page)."""
        parts = _chunks(runs, CHUNK)
        last = len(parts) - 1
        return [
            self.para(part, style if i == last else self.joined(style), anchor if i == 0 else None, **(kw if i == 0 else {}))
            for i, part in enumerate(parts)
        ]

    def joined(self, style: str) -> str:
        """A variant of the style for a piece of a paragraph that the next piece continues."""
        name = f"{style}+joined"
        if name not in self.styles:
            self.styles[name] = ParagraphStyle(name, parent=self.styles[style], spaceAfter=0)
        return name

    def outline(self, p: Para, title: str, level: int) -> Para:
        """Give the paragraph an outline entry at `level`, never deeper than OUTLINE_DEPTH nor below a missing parent."""
        level = max(0, min(level, self.section + 1, OUTLINE_DEPTH - 1))
        if not p.text.startswith("<a name="):
            self.keys += 1
            p = type(p)(f'<a name="o{self.keys}"/>' + p.text, p.style, bulletText=p.bulletText)
            key = f"o{self.keys}"
        else:
            key = p.text.split('"', 2)[1]
        p.outline = (title, key, level)
        return p

    # -- blocks ------------------------------------------------------------------

    def flowables(self, blocks: tuple[Block, ...]) -> list[Flowable]:
        out: list[Flowable] = []
        for b in blocks:
            out.extend(self.block(b))
        return out

    def block(self, b: Block) -> Sequence[Flowable]:
        match b:
            case Heading():
                p = self.para(b.runs, "title" if b.level == 0 else f"h{b.level}", b.id)
                if not b.level:
                    return [p]
                p = self.outline(p, plain(b.runs), b.level - 1)
                self.section = p.outline[2] if p.outline else self.section
                return [p]
            case ParagraphBlock():
                out = self.pieces(b.runs, b.style if b.style in PARAGRAPH_CLASSES else "body", b.id, bulletText=b.num)
                if b.outline:
                    out[0] = self.outline(out[0], b.outline, self.section + 1)
                return out
            case BulletList():
                return [self.para(i.runs, "item", bulletText="•") for i in b.items]
            case TableBlock():
                return [self.table(b)]
            case Quote():
                out = self.pieces(b.runs, "quote")
                if b.cite:
                    out.append(self.para((Run("— "), *b.cite), "cite"))
                    if len(plain(b.runs)) <= SHORT_QUOTE:  # a short quote stays on one page with its speaker
                        out[0].keepWithNext = 1
                return out
            case Stats():
                return [self.stats(b)] if b.items else []
            case Chart():
                return self.chart(b) if b.bars else []
            case More():
                return [self.para((Run(b.label.replace("{n}", str(b.count))),), "note")] if b.count else []
            case Toc():
                return self.toc(b)
            case PageBreak():
                return [RLPageBreak()]
            case Rule():
                return [HRFlowable(width="100%", thickness=0.8, color=self.c["accent"], spaceBefore=2, spaceAfter=10)]
        raise TypeError(f"unknown block {b!r}")

    def table(self, b: TableBlock) -> Table:
        widths = [f * self.width for f in column_fractions(b)]
        ncols = len(widths)
        data: list[list[Para | str]] = []
        for i, row in enumerate(b.rows):
            style = "cell_head" if i < b.header_rows else "cell"
            cells = [self.para(cell, style) for cell in row]
            data.append(cells + [""] * (ncols - len(cells)))
        t = Table(data, colWidths=widths, repeatRows=b.header_rows, splitInRow=int(self.split_rows), hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.head.font()),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, b.header_rows), (-1, -1), 0.4, self.c["rule"]),
            ("ROWBACKGROUNDS", (0, b.header_rows), (-1, -1), [None, self.c["table_stripe"]]),
        ]
        if b.header_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, b.header_rows - 1), self.c["table_header"]))
        t.setStyle(TableStyle(commands))
        t.spaceAfter = 10
        return t

    def stats(self, b: Stats) -> Table:
        """Headline figures side by side, each value on one line: smaller, or in two rows, when it would not fit."""
        values = [s.value for s in b.items]
        per_row = len(values)
        while True:
            column = self.width / per_row - 14  # less the cell's padding
            style = self.fitted_stat_style("stat_value" if per_row <= 3 else "stat_value_small", values, column)
            if style or per_row == 1:
                break
            per_row = (per_row + 1) // 2
        cells: list[Any] = []
        for s in b.items:
            cell: list[Flowable] = [self.para((Run(s.value),), style or "stat_value_small")]
            if s.label:
                cell.append(self.para((Run(s.label),), "stat_label"))
            if s.note:
                cell.append(self.para((Run(s.note),), "stat_note"))
            cells.append(cell)
        cells += [""] * (-len(cells) % per_row)
        rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        t = Table(rows, colWidths=[self.width / per_row] * per_row, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.head.font()),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 2, self.c["accent"]),
            ("BACKGROUND", (0, 0), (-1, -1), self.c["table_stripe"]),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ]
        t.setStyle(TableStyle(commands))
        t.spaceBefore, t.spaceAfter = 4, 12
        return t

    def fitted_stat_style(self, name: str, values: list[str], width: float) -> str | None:
        """The stat style, smaller when needed (down to STAT_MIN pt), in which every value fits `width` unbroken."""
        style = self.styles[name]
        widest = max((stringWidth(v, style.fontName, style.fontSize) for v in values), default=0.0)
        if widest <= width:
            return name
        size = math.floor(style.fontSize * width / widest * 2) / 2
        if size < STAT_MIN:
            return None
        fitted = f"{name}@{size}"
        if fitted not in self.styles:
            self.styles[fitted] = ParagraphStyle(fitted, parent=style, fontSize=size, leading=round(size * 1.2, 1))
        return fitted

    def chart(self, b: Chart) -> list[Flowable]:
        """A horizontal bar chart: label, bar (reportlab.graphics) and value per row, longest bar full width."""
        from reportlab.graphics.shapes import Drawing, Rect

        widths = [self.width * 0.40, self.width * 0.38, self.width * 0.22]
        top = max((x.value for x in b.bars), default=0) or 1.0
        rows: list[list[Flowable]] = []
        for x in b.bars:
            d = Drawing(widths[1] - 8, 12, initialFontName=self.head.font())  # else reportlab.graphics starts in Helvetica
            bar = Rect(0, 1, max((widths[1] - 8) * max(x.value, 0) / top, 1), 10)
            bar.fillColor, bar.strokeColor = self.c["accent"], None
            d.add(bar)
            rows.append([self.para((Run(x.label),), "cell"), d, self.para((Run(x.display, bold=True),), "cell")])
        t = Table(rows, colWidths=widths, hAlign="LEFT")
        t.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.head.font()),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, self.c["rule"]),
        ]))  # fmt: skip
        t.spaceAfter = 4 if b.source else 12
        out: list[Flowable] = [self.para((Run(b.title),), "label"), t]
        return out + ([self.para((Run(b.source),), "note")] if b.source else [])

    def toc(self, b: Toc) -> list[Flowable]:
        out: list[Flowable] = [self.para((Run(b.title),), "toc_title")] if b.title else []
        for h in self.tree.headings(b.depth):
            runs = tuple(Run(r.text, r.bold, r.italic, h.id) for r in h.runs) if h.id else h.runs
            entry = cast(TocEntry, self.para(runs, "toc1" if h.level == 1 else "toc2", cls=TocEntry))
            entry.target = h.id or ""
            out.append(entry)
        out.append(Spacer(1, 8))
        return out
