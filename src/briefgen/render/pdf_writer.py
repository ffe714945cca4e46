"""Turn the block tree of `brief.j2` into a PDF with outline, internal links, page X of Y and metadata.

One layout pass (a second only when the body is long enough for its contents):
numbers not known until the end (the page count, the pages in the contents) are
PDF forms drawn where they belong and defined just before the file is written.
reportlab's invariant mode and the tree's date make the bytes reproducible.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import warnings
from collections.abc import Callable
from typing import Any, Literal, TypedDict, cast

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFInfo
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import LayoutError

from .. import __version__
from ..model import Brief
from . import DOCUMENTS, RenderOptions, RenderWarning
from .blocks import Document, Run, Toc
from .compositions import composed
from .fonts import unique_subset_tags
from .pages import Layout, recall, remember
from .pdf_blocks import KeepStart, Kit, Para, TocEntry
from .reportlab_calls import CanvasCalls, InfoFormat
from .theme import Theme

PAPER = {"A4": A4, "Letter": LETTER}
FORM_BOX = (-300, -50, 300, 50)  # forms draw right-aligned at their origin, so they reach left of it
TOC_MIN_PAGES = 4  # a body shorter than this gets no contents
class Margins(TypedDict):
    """The page margins, by the names BaseDocTemplate takes them."""

    leftMargin: float
    rightMargin: float
    topMargin: float
    bottomMargin: float


MARGINS = Margins(leftMargin=25 * mm, rightMargin=20 * mm, topMargin=22 * mm, bottomMargin=20 * mm)


def write(brief: Brief, options: RenderOptions) -> bytes:
    """The brief as a PDF file (the same bytes for the same brief, templates and theme)."""
    tree, theme = composed(brief, options, DOCUMENTS["brief"].template)
    return render_pdf(tree, theme)


def render_pdf(tree: Document, theme: Theme) -> bytes:
    """A block tree as PDF bytes."""
    laid = layout(tree, theme)
    warn_missing(laid.missing, tree)
    return laid.pdf


def layout(tree: Document, theme: Theme) -> Layout:
    """The tree laid out; its contents are left out when the body (appendices and annex not counted) is under TOC_MIN_PAGES pages."""
    kept = recall(tree, theme)
    if kept is not None:
        return kept
    short = without_toc(tree)
    result = _laid_out(short, theme)
    if short is not tree and body_pages(result) >= TOC_MIN_PAGES:
        result = _laid_out(tree, theme)
    remember(tree, theme, result)
    return result


def without_toc(tree: Document) -> Document:
    """The tree without its table of contents (the tree itself when it has none)."""
    if not any(isinstance(b, Toc) for b in tree.blocks):
        return tree
    return dataclasses.replace(tree, blocks=tuple(b for b in tree.blocks if not isinstance(b, Toc)))


def body_pages(result: Layout) -> int:
    """Pages before the back matter (appendices, annex; all pages when there is none), which starts on a page of its own."""
    back = result.tree.back_matter_id()
    return result.anchor_pages[back] - 1 if back in result.anchor_pages else result.pages


def _laid_out(tree: Document, theme: Theme) -> Layout:
    """Tables may split inside a row only when a row is taller than a page."""
    try:
        return _build(tree, theme, split_rows=False)
    except LayoutError:
        return _build(tree, theme, split_rows=True)


def _build(tree: Document, theme: Theme, split_rows: bool) -> Layout:
    out = io.BytesIO()
    kit = Kit(theme, tree, text_width(theme), split_rows=split_rows)
    doc = BriefDoc(out, tree, theme, kit)
    doc.build(kit.flowables(tree.blocks), canvasmaker=FormCanvas)
    return Layout(unique_subset_tags(out.getvalue()), tree, doc.page, dict(doc.anchor_pages), doc.header(), kit.glyphs.missing)


def warn_missing(missing: int, tree: Document) -> None:
    """One warning when some characters had no glyph in any font."""
    if missing:
        warnings.warn(
            f"{tree.meta.title[:60]!r}: {missing} character(s) no font has, shown as \ufffd",
            RenderWarning,
            stacklevel=3,
        )


def text_width(theme: Theme) -> float:
    """The width of the text frame on the theme's paper."""
    return PAPER[theme.paper][0] - MARGINS["leftMargin"] - MARGINS["rightMargin"]


def pdf_date(when: dt.datetime) -> str:
    """A date as a PDF date string, in UTC."""
    return when.strftime("D:%Y%m%d%H%M%S+00'00'")


class UndatedInfo(PDFInfo):
    """The document information dictionary without CreationDate and ModDate (both optional in PDF)."""

    def format(self, document: Any) -> bytes:
        dated = cast(InfoFormat, super()).format(document)
        return re.sub(rb"/(?:CreationDate|ModDate) \(D:[^)]*\)\s*", b"", dated)


class FormCanvas(Canvas):
    """A canvas that runs `finish` (defining the forms drawn earlier) just before it writes the file."""

    finish: Callable[[Canvas], None] | None = None

    def save(self) -> None:
        if self.finish is not None:
            self.finish(self)
        super().save()


class BriefDoc(BaseDocTemplate):
    """Pages with a running header, a footer "page X of Y", outline entries and contents page numbers."""

    def __init__(self, out: io.BytesIO, tree: Document, theme: Theme, kit: Kit, one_page: bool = False) -> None:
        meta = tree.meta
        super().__init__(
            out,
            pagesize=PAPER[theme.paper],
            **MARGINS,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords=list(meta.keywords),
            creator=f"briefgen {__version__}",  # the generator is named here, not on the page
            invariant=1,
            lang=meta.lang,
            displayDocTitle=1,
            initialFontName=kit.head.font(),
            keepTogetherClass=KeepStart,  # headings keep with the start of the next block only
        )
        self.tree, self.theme, self.kit, self.one_page = tree, theme, kit, one_page
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self.furniture)])
        self.anchor_pages: dict[str, int] = {}

    def beforeDocument(self) -> None:
        when = self.tree.meta.date()
        if when is None:  # an undated source and no preparation date: say nothing rather than a made-up date
            vars(self.canv)["_doc"].info.__class__ = UndatedInfo  # reportlab keeps the document in a private field
        else:
            cast(CanvasCalls, self.canv).setDateFormatter(lambda *_: pdf_date(when))
        if not self.one_page:
            self.canv.showOutline()  # open with the outline panel shown
        cast(FormCanvas, self.canv).finish = self.define_forms  # build() is given canvasmaker=FormCanvas

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, Para) and flowable.outline:
            title, key, level = flowable.outline
            cast(CanvasCalls, self.canv).addOutlineEntry(title, key, level=level, closed=True)
            self.anchor_pages[key] = self.page

    # -- page furniture ----------------------------------------------------------

    def _text(self, text: str, size: float, colour: str, bold: bool = False, align: Literal[0, 1, 2, 4] = 0) -> Paragraph:
        head = self.kit.head
        style = ParagraphStyle("furniture", fontName=head.font(bold=bold), fontSize=size, leading=size * 1.2,
                               textColor=self.kit.c[colour], alignment=align)  # fmt: skip
        return Paragraph(self.kit.markup((Run(text),), head), style)

    def _draw(self, canv: Canvas, p: Paragraph, x: float, y: float, width: float) -> None:
        p.wrapOn(canv, width, 100)
        p.drawOn(canv, x, y)

    def furniture(self, canv: Canvas, doc: Any) -> None:
        """Logo and organisation on page 1; from page 2 the title and marking on top; marking and page number below."""
        page = canv.getPageNumber()
        meta, left, width = self.tree.meta, self.leftMargin, self.width
        top = self.pagesize[1] - self.topMargin + 8 * mm
        foot = self.bottomMargin - 10 * mm
        canv.saveState()
        if page == 1 and self.theme.logo:
            cast(CanvasCalls, canv).drawImage(str(self.theme.logo), left, top - 4 * mm, height=12 * mm, width=40 * mm,
                           preserveAspectRatio=True, anchor="sw", mask="auto")  # fmt: skip
        elif page == 1 and meta.author:
            self._draw(canv, self._text(meta.author, 8, "muted"), left, top, width * 0.6)
        marking = meta.marking
        if page > 1 and not self.one_page:
            self._draw(canv, self._text(self.header(), 8, "muted"), left, top, self.header_room())
            if marking:
                self._draw(canv, self._text(marking, 8, "marking", bold=True, align=TA_RIGHT), left, top, width)
            canv.setStrokeColor(self.kit.c["rule"])
            canv.setLineWidth(0.5)
            canv.line(left, top - 2.5 * mm, left + width, top - 2.5 * mm)
        if marking:
            self._draw(canv, self._text(marking, 8, "marking", bold=True), left, foot, width * 0.6)
        if meta.footer and not self.one_page:
            canv.translate(left + width, foot)
            cast(CanvasCalls, canv).doForm(f"page{page}")
        canv.restoreState()

    def _width(self, text: str, bold: bool = False) -> float:
        return stringWidth(text, self.kit.head.font(bold=bold), 8)

    def header_room(self) -> float:
        """The width the running header's title may take: the line, less the marking beside it."""
        marking = self.tree.meta.marking
        return self.width - (self._width(marking, bold=True) + 6 * mm if marking else 0)

    def header(self) -> str:
        """The title for the running header, cut at a word with "…" only when wider than its room."""
        text, room = self.tree.meta.title or self.tree.meta.header, self.header_room()
        if self._width(text) <= room:
            return text
        words = text.split(" ")
        while len(words) > 1 and self._width(" ".join(words) + "…") > room:
            words.pop()
        return " ".join(words).rstrip(",;:—–- ") + "…"

    def define_forms(self, canv: Canvas) -> None:
        """The numbers only the end knows: each page's "page X of Y" and the contents' page numbers."""
        total = canv.getPageNumber() - 1
        footer = self.tree.meta.footer
        forms = cast(CanvasCalls, canv)
        for page in range(1, total + 1):
            forms.beginForm(f"page{page}", *FORM_BOX)
            text = footer.replace("{page}", str(page)).replace("{pages}", str(total))
            self._draw(canv, self._text(text, 8, "muted", align=TA_RIGHT), -200, 0, 200)
            forms.endForm()
        for target in TocEntry.targets(canv):
            forms.beginForm(f"toc_{target}", *FORM_BOX)
            page = self.anchor_pages.get(target)
            if page:
                style = self.kit.styles["toc1"]
                canv.setFont(style.fontName, style.fontSize)
                canv.setFillColor(self.kit.c["muted"])
                canv.drawRightString(0, 0, str(page))
            forms.endForm()
