"""Turn the block tree of `brief.j2` into a PDF with outline, internal links, page X of Y and metadata.

One layout pass: numbers not known until the end (the page count, the pages in
the contents) are PDF forms drawn where they belong and defined just before the
file is written. reportlab's invariant mode and the tree's date make the bytes
reproducible.
"""
from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Callable
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import LayoutError

from ..model import Brief
from . import RenderOptions, RenderWarning
from .blocks import Document, Run
from .compose import compose
from .pdf_blocks import Kit, Para, TocEntry
from .theme import Theme

PAPER = {"A4": A4, "Letter": LETTER}
FORM_BOX = (-300, -50, 300, 50)  # forms draw right-aligned at their origin, so they reach left of it
MARGINS = {"leftMargin": 25 * mm, "rightMargin": 20 * mm, "topMargin": 22 * mm, "bottomMargin": 20 * mm}


def write(brief: Brief, options: RenderOptions) -> bytes:
    """The brief as a PDF file (the same bytes for the same brief, templates and theme)."""
    tree, theme = compose(brief, options, "brief.j2")
    return render_pdf(tree, theme)


def render_pdf(tree: Document, theme: Theme) -> bytes:
    """A block tree as PDF bytes; tables may split inside a row only when a row is taller than a page."""
    try:
        return _build(tree, theme, split_rows=False)
    except LayoutError:
        return _build(tree, theme, split_rows=True)


def _build(tree: Document, theme: Theme, split_rows: bool) -> bytes:
    out = io.BytesIO()
    kit = Kit(theme, tree, text_width(theme), split_rows=split_rows)
    doc = BriefDoc(out, tree, theme, kit)
    doc.build(kit.flowables(tree.blocks), canvasmaker=FormCanvas)
    warn_missing(kit, tree)
    return out.getvalue()


def warn_missing(kit: Kit, tree: Document) -> None:
    """One warning when some characters had no glyph in any font."""
    if kit.glyphs.missing:
        warnings.warn(
            f"{tree.meta.title[:60]!r}: {kit.glyphs.missing} character(s) no font has, shown as \ufffd",
            RenderWarning,
            stacklevel=3,
        )


def text_width(theme: Theme) -> float:
    """The width of the text frame on the theme's paper."""
    return PAPER[theme.paper][0] - MARGINS["leftMargin"] - MARGINS["rightMargin"]


def pdf_date(tree: Document) -> str:
    """The PDF date string of the tree's `created` (2000-01-01 without one), in UTC."""
    try:
        when = dt.datetime.fromisoformat(tree.meta.created) if tree.meta.created else dt.datetime(2000, 1, 1)
    except ValueError:
        when = dt.datetime(2000, 1, 1)
    return when.strftime("D:%Y%m%d%H%M%S+00'00'")


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
            creator="briefgen",
            invariant=1,
            lang=meta.lang,
            displayDocTitle=1,
            initialFontName=kit.head.font(),
        )
        self.tree, self.theme, self.kit, self.one_page = tree, theme, kit, one_page
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self.furniture)])
        self.anchor_pages: dict[str, int] = {}

    def beforeDocument(self) -> None:
        self.canv.setDateFormatter(lambda *_: pdf_date(self.tree))
        self.canv.finish = self.define_forms  # type: ignore[attr-defined]

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, Para) and flowable.outline:
            title, key, level = flowable.outline
            self.canv.addOutlineEntry(title, key, level=level, closed=True)
            self.anchor_pages[key] = self.page

    # -- page furniture ----------------------------------------------------------

    def _text(self, text: str, size: float, colour: str, bold: bool = False, align: int = 0) -> Paragraph:
        head = self.kit.head
        style = ParagraphStyle("furniture", fontName=head.font(bold=bold), fontSize=size, leading=size * 1.2,
                               textColor=self.kit.c[colour], alignment=align)  # fmt: skip
        return Paragraph(self.kit.markup((Run(text),), head), style)

    def _draw(self, canv: Canvas, p: Paragraph, x: float, y: float, width: float) -> None:
        p.wrapOn(canv, width, 100)
        p.drawOn(canv, x, y)

    def furniture(self, canv: Canvas, doc: Any) -> None:
        """Header (from page 2: short title and marking), logo on page 1, footer with the page number."""
        page = canv.getPageNumber()
        meta, left, width = self.tree.meta, self.leftMargin, self.width
        top = self.pagesize[1] - self.topMargin + 8 * mm
        canv.saveState()
        if page == 1 and self.theme.logo:
            canv.drawImage(str(self.theme.logo), left, top - 4 * mm, height=12 * mm, width=40 * mm,
                           preserveAspectRatio=True, anchor="sw", mask="auto")  # fmt: skip
        if page > 1 and not self.one_page:
            half = width * 0.62
            self._draw(canv, self._text(meta.header, 8, "muted"), left, top, half)
            if meta.marking:
                self._draw(canv, self._text(meta.marking, 8, "marking", bold=True, align=TA_RIGHT), left + half, top, width - half)
            canv.setStrokeColor(self.kit.c["rule"])
            canv.setLineWidth(0.5)
            canv.line(left, top - 2.5 * mm, left + width, top - 2.5 * mm)
        if meta.footer and not self.one_page:
            canv.translate(left + width, self.bottomMargin - 10 * mm)
            canv.doForm(f"page{page}")
        canv.restoreState()

    def define_forms(self, canv: Canvas) -> None:
        """The numbers only the end knows: each page's "page X of Y" and the contents' page numbers."""
        total = canv.getPageNumber() - 1
        footer = self.tree.meta.footer
        for page in range(1, total + 1):
            canv.beginForm(f"page{page}", *FORM_BOX)
            text = footer.replace("{page}", str(page)).replace("{pages}", str(total))
            self._draw(canv, self._text(text, 8, "muted", align=TA_RIGHT), -200, 0, 200)
            canv.endForm()
        for target in TocEntry.targets(canv):
            canv.beginForm(f"toc_{target}", *FORM_BOX)
            page = self.anchor_pages.get(target)
            if page:
                style = self.kit.styles["toc1"]
                canv.setFont(style.fontName, style.fontSize)
                canv.setFillColor(self.kit.c["muted"])
                canv.drawRightString(0, 0, str(page))
            canv.endForm()
