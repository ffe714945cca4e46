"""Turn the block tree of `brief.j2` into a DOCX file with Word's built-in styles.

Headings use Heading 1–3 (navigation pane, TOC), lists List Bullet, quotes
Quote; the few looks Word has no built-in style for are named "Brief …" styles
a user can restyle. Fields, bookmarks and links come from `ooxml`.
"""
from __future__ import annotations

import inspect
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

from docx import Document as new_document, __version__ as docx_version
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.pkgreader import PackageReader
from docx.shared import Cm, Emu, Pt, RGBColor

from .. import __version__, cache
from ..errors import RenderError
from ..model import Brief
from . import DOCUMENTS, RenderOptions, ooxml
from .blocks import (
    Block,
    BulletList,
    Chart,
    Document,
    Heading,
    More,
    PageBreak,
    Paragraph,
    Quote,
    Rule,
    Run,
    Runs,
    Stats,
    Table,
    Toc,
    column_fractions,
    plain,
)
from .compositions import composed
from .docx_fonts import embed_fonts
from .pages import Layout, recall
from .theme import Theme

PAPER = {"A4": (Cm(21.0), Cm(29.7)), "Letter": (Emu(7772400), Emu(10058400))}
MARGINS = {"top": Cm(2.0), "bottom": Cm(2.0), "left": Cm(2.5), "right": Cm(2.0)}
# paragraph style of each `class` a template may give a <p>
PARAGRAPH_STYLES = {
    None: "Normal",
    "subtitle": "Subtitle",
    "kicker": "Brief Kicker",
    "meta": "Brief Meta",
    "marking": "Brief Marking",
    "label": "Brief Label",
    "note": "Brief Note",
    "annex": "Brief Annex",
}
CORE_LIMIT = 255
RULED_TABLE = "Brief Ruled Table"  # the table style the PDF's tables look like (theme key docx.table_style)
_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


def write(brief: Brief, options: RenderOptions) -> bytes:
    """The brief as a DOCX file (the same bytes for the same brief, templates and theme)."""
    tree, theme = composed(brief, options, DOCUMENTS["brief"].template)
    return render_docx(tree, theme)


def render_docx(tree: Document, theme: Theme) -> bytes:
    """A block tree as DOCX bytes."""
    return _Writer(tree, theme).save()


_BASES: dict[tuple[str, str], tuple[PackageReader, dict[str, str]]] = {}
# what the base sets up and no pack changes: opened as bytes, neither parsed nor serialised per pack
BASE_ONLY = (CT.WML_STYLES, CT.WML_NUMBERING, CT.WML_SETTINGS)


def _base(theme: Theme, lang: str) -> tuple[PackageReader, dict[str, str]]:
    """An empty document with page set-up, styles and settings, read, and its style ids.

    Built once per theme and language, kept in memory (read, so that each pack only opens it) and in the user cache.
    """
    key = (repr(theme), lang)
    if key not in _BASES:
        code = b"".join(Path(inspect.getfile(m)).read_bytes() for m in (ooxml, sys.modules[__name__]))
        name = f"base-{cache.key(repr(theme), lang, docx_version, code)}"
        data, ids = cache.read(f"{name}.docx"), cache.read(f"{name}.json")
        if data is None or ids is None:
            doc = new_document()
            style_ids = _Styles(doc, theme, lang).ids
            _page_parts(doc)
            ooxml.settings(doc)
            ooxml.drop_thumbnail(doc)
            ooxml.application(doc, f"briefgen {__version__}")
            out = io.BytesIO()
            doc.save(out)
            data, ids = out.getvalue(), json.dumps(style_ids).encode()
            cache.write(f"{name}.docx", data)
            cache.write(f"{name}.json", ids)
        _BASES[key] = (ooxml.read_package(data), json.loads(ids))
    return _BASES[key]


def _page_parts(doc: Any) -> None:
    """The four headers and footers, made in the base (in the order a pack fills them) so that a pack only fills them."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
        part.is_linked_to_previous = False


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


class _Styles:
    """Word's built-in styles in the theme's fonts and colours, plus the few "Brief …" styles."""

    def __init__(self, doc: Any, theme: Theme, lang: str) -> None:
        self.doc, self.theme, self.c = doc, theme, theme.colours
        section = doc.sections[0]
        section.page_width, section.page_height = PAPER[theme.paper]
        for side, value in MARGINS.items():
            setattr(section, f"{side}_margin", value)
        self.ids = {s.name: s.style_id for s in doc.styles}
        ooxml.language(doc, lang)
        self.setup()

    def style(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> Any:
        if name in self.ids:
            return self.doc.styles[name]
        style = self.doc.styles.add_style(name, kind, builtin=name.startswith(("TOC ", "Hyperlink")))
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            style.base_style = self.doc.styles["Normal"]
        self.ids[name] = style.style_id
        return style

    def look(self, name: str, font: str | None = None, size: float | None = None, colour: str | None = None,
             bold: bool | None = None, italic: bool | None = None, before: float | None = None,
             after: float | None = None, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> Any:  # fmt: skip
        style = self.style(name, kind)
        if font:
            ooxml.fonts(style, font)
        if size:
            style.font.size = Pt(size)
        if colour:
            style.font.color.rgb = _rgb(self.c[colour])
        if bold is not None:
            style.font.bold = bold
        if italic is not None:
            style.font.italic = italic
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            pf = style.paragraph_format
            if before is not None:
                pf.space_before = Pt(before)
            if after is not None:
                pf.space_after = Pt(after)
        return style

    def setup(self) -> None:
        t, body, head = self.theme, self.theme.body_font, self.theme.heading_font
        normal = self.look("Normal", body, t.size, "text", after=5)
        normal.paragraph_format.line_spacing = 1.12
        title = self.look("Title", head, 20, "heading", bold=True, before=2, after=6)
        for el in title.element.get_or_add_pPr().findall(ooxml.qn("w:pBdr")):
            el.getparent().remove(el)
        ooxml.fonts(self.look("Title Char", kind=WD_STYLE_TYPE.CHARACTER), head)
        for level, size, before in ((1, 14, 16), (2, 12, 12), (3, 11, 8)):
            style = self.look(f"Heading {level}", head, size, "heading", bold=True, italic=False, before=before, after=4)
            style.paragraph_format.keep_with_next = True
        ooxml.plain_style(self.look("Subtitle", head, 12, "muted", italic=False, before=0, after=4))
        ooxml.bullet(self.doc, self.look("List Bullet", after=3), body, _hex(self.c["accent"]))
        quote = self.look("Quote", body, t.size, "text", italic=True, before=6, after=2)
        quote.paragraph_format.left_indent = Cm(0.8)
        quote.paragraph_format.right_indent = Cm(0.4)
        quote.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        quote.paragraph_format.keep_with_next = True  # with its speaker
        ooxml.border(quote, "left", _hex(self.c["quote_bar"]), size=18, space=8)
        cite = self.look("Brief Cite", head, 9, "muted", before=0, after=8)
        cite.paragraph_format.left_indent = Cm(0.8)
        cite.paragraph_format.keep_together = True
        link = self.look("Hyperlink", colour="link", kind=WD_STYLE_TYPE.CHARACTER)
        link.font.underline = False
        self.look("Brief Kicker", head, 9, "accent", bold=True, after=0).font.all_caps = True
        self.look("Brief Meta", head, 9, "muted", after=1)
        marking = self.look("Brief Marking", head, 9, "marking", bold=True, after=6)
        marking.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        label = self.look("Brief Label", head, 9.5, "heading", bold=True, before=6, after=2)
        label.paragraph_format.keep_with_next = True
        self.look("Brief Note", head, 9, "muted", italic=True, after=8)
        annex = self.look("Brief Annex", body, max(t.size - 0.5, 8), "text", after=4)
        annex.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        annex.paragraph_format.left_indent = Cm(1.0)
        annex.paragraph_format.first_line_indent = Cm(-1.0)
        annex.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
        self.look("Brief Table", head, 8.5, "text", before=1, after=1).paragraph_format.line_spacing = 1.0
        self.look("Brief Table Head", head, 8.5, "table_header_text", bold=True, before=1, after=1)
        ooxml.ruled_table_style(self.style(RULED_TABLE, WD_STYLE_TYPE.TABLE), _hex(self.c["rule"]))
        rule = self.look("Brief Rule", size=4, before=0, after=10)
        ooxml.border(rule, "bottom", _hex(self.c["accent"]), size=8, space=1)
        width = self.doc.sections[0].page_width - MARGINS["left"] - MARGINS["right"]
        for level in (1, 2, 3):
            toc = self.look(f"TOC {level}", head, 10 if level == 1 else 9.5, "text", after=2)
            toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            toc.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        self.look("TOC Heading", head, 11, "heading", bold=True, before=6, after=4)
        for name in ("Header", "Footer"):
            tabs = self.look(name, head, 8, "muted", after=0).paragraph_format.tab_stops
            tabs.clear_all()  # Word's centre and right stops assume other margins
            tabs.add_tab_stop(self.doc.sections[0].page_width - MARGINS["left"] - MARGINS["right"], WD_TAB_ALIGNMENT.RIGHT)


def _pdf_layout(tree: Document, theme: Theme) -> Layout:
    """The PDF's layout of the tree: the one kept (the PDF writer's, or one handed back), else laid out now."""
    kept = recall(tree, theme)
    if kept is not None:
        return kept
    from .pdf_writer import layout  # reportlab: only when no layout is kept

    return layout(tree, theme)


class _Writer:
    """Blocks → body XML; header, footer and properties through python-docx."""

    def __init__(self, tree: Document, theme: Theme) -> None:
        self.layout = _pdf_layout(tree, theme)  # the PDF's pages: the contents' page numbers, and whether there are contents
        self.tree, self.theme, self.c = self.layout.tree, theme, theme.colours
        base, self.ids = _base(theme, tree.meta.lang)
        self.doc = ooxml.open_document(base, BASE_ONLY)
        section = self.doc.sections[0]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        if width is None or left is None or right is None:
            raise RenderError("the base document's section has no page width or margins")
        self.text_width: int = width - left - right
        self.marks = ooxml.Bookmarks()

    def save(self) -> bytes:
        self._page_furniture()  # first: python-docx searches the body to place headers
        ooxml.append_body(self.doc, (self.block(b) for b in self.tree.blocks))
        self._properties()
        embed_fonts(self.doc, self.theme.font_files)
        return ooxml.reproducible_zip(ooxml.package_entries(self.doc), self.tree.meta.date())

    def para(self, style: str, content: str, block_id: str | None = None) -> str:
        return ooxml.paragraph(self.ids[style], content, self.marks.mark(block_id) if block_id else None)

    def runs(self, runs: Runs) -> str:
        out: list[str] = []
        for r in runs:
            if r.link:
                out.append(ooxml.link(self.marks.name(r.link), ooxml.run(r.text, r.bold, r.italic, self.ids["Hyperlink"])))
            else:
                out.append(ooxml.run(r.text, r.bold, r.italic))
        return "".join(out)

    def block(self, b: Block) -> str:
        match b:
            case Heading():
                return self.para("Title" if b.level == 0 else f"Heading {b.level}", self.runs(b.runs), b.id)
            case Paragraph():
                number = ooxml.run(b.num, bold=True) + ooxml.tab() if b.num else ""
                return self.para(PARAGRAPH_STYLES.get(b.style, "Normal"), number + self.runs(b.runs), b.id)
            case BulletList():
                return "".join(self.para("List Bullet", self.runs(i.runs)) for i in b.items)
            case Table():
                return self.table(b)
            case Quote():
                cite = self.para("Brief Cite", self.runs((Run("— "), *b.cite))) if b.cite else ""
                return self.para("Quote", self.runs(b.runs)) + cite
            case Stats():
                return self.table(Table(tuple((_text(s.value), _text(s.label), _text(s.note)) for s in b.items), header_rows=0))
            case Chart():
                rows = tuple((_text(x.label), _text(x.display)) for x in b.bars)
                source = self.para("Brief Note", ooxml.run(b.source)) if b.source else ""
                return self.para("Brief Label", ooxml.run(b.title)) + self.table(Table(rows, header_rows=0)) + source
            case More():
                return self.para("Brief Note", ooxml.run(b.label.replace("{n}", str(b.count)))) if b.count else ""
            case Toc():
                return self.toc(b)
            case PageBreak():
                return ooxml.page_break()
            case Rule():
                return self.para("Brief Rule", "")

    def table(self, b: Table) -> str:
        widths = [int(f * self.text_width / 635) for f in column_fractions(b)]  # EMU → twips
        head_fill, stripe = _hex(self.c["table_header"]), _hex(self.c["table_stripe"])
        rows: list[tuple[bool, list[tuple[str, str | None]]]] = []
        for i, cells in enumerate(b.rows):
            header = i < b.header_rows
            style = "Brief Table Head" if header else "Brief Table"
            fill = head_fill if header else stripe if (i - b.header_rows) % 2 else None
            padded: list[Runs] = [*cells, *[()] * (len(widths) - len(cells))]
            rows.append((header, [(self.para(style, self.runs(c)), fill) for c in padded]))
        if self.theme.table_style not in self.ids:  # never a silent fall-back to another look
            raise RenderError(f"theme docx.table_style: Word has no table style {self.theme.table_style!r}")
        style_id = self.ids[self.theme.table_style]
        return ooxml.table(style_id, widths, rows) + self.para("Brief Rule", "")

    def toc(self, b: Toc) -> str:
        title = self.para("TOC Heading", ooxml.run(b.title)) if b.title else ""
        entries = self.tree.headings(b.depth)
        instruction = ooxml.toc_instruction(b.depth)
        if not entries:
            return title + self.para("TOC 1", ooxml.field(instruction))
        out: list[str] = []
        for i, h in enumerate(entries):
            page = self.layout.anchor_pages.get(h.id or "")
            text = ooxml.run(plain(h.runs), style=self.ids["Hyperlink"]) + (ooxml.tab() + ooxml.run(str(page)) if page else "")
            content = ooxml.link(self.marks.name(h.id), text) if h.id else text
            if i == 0:
                content = ooxml.field_begin(instruction) + content
            if i == len(entries) - 1:
                content += ooxml.field_end()
            out.append(self.para(f"TOC {h.level}", content))
        return title + "".join(out)

    # -- page furniture and properties -------------------------------------------

    def _page_furniture(self) -> None:
        """As the PDF: organisation (or logo) on page 1, title and marking above later pages, marking and page below."""
        meta, section = self.tree.meta, self.doc.sections[0]  # its headers and footers are the base's (`_page_parts`)
        marking = ooxml.run(meta.marking, bold=True, colour=_hex(self.c["marking"])) if meta.marking else ""
        header = ooxml.run(self.layout.header) + (ooxml.tab() + marking if marking else "")
        ooxml.set_content(section.header.part.element, [self.para("Header", header)])
        first = "" if self.theme.logo else ooxml.run(meta.author)  # the title block has the marking
        ooxml.set_content(section.first_page_header.part.element, [self.para("Header", first)])
        if self.theme.logo:
            logo = section.first_page_header.paragraphs[0]
            logo.add_run().add_picture(str(self.theme.logo), height=Cm(1.2))
        footer = [self.para("Footer", marking + ooxml.tab() + self._page_of())]
        ooxml.set_content(section.footer.part.element, footer)
        ooxml.set_content(section.first_page_footer.part.element, footer)

    def _page_of(self) -> str:
        out: list[str] = []
        for part in _PLACEHOLDER.split(self.tree.meta.footer):
            if part in ("page", "pages"):
                out.append(ooxml.field("PAGE", "1") if part == "page" else ooxml.field("NUMPAGES", str(self.layout.pages)))
            elif part:
                out.append(ooxml.run(part))
        return "".join(out)

    def _properties(self) -> None:
        meta, cp = self.tree.meta, self.doc.core_properties
        when = meta.date()
        cp.title = _fit(meta.title)
        cp.subject = _fit(meta.subject)
        cp.author = _fit(meta.author)
        keywords: list[str] = []
        for k in meta.keywords:  # as many whole keywords as fit
            if len("; ".join([*keywords, k])) > CORE_LIMIT:
                break
            keywords.append(k)
        cp.keywords = "; ".join(keywords)
        cp.language = meta.lang
        cp.comments = ""
        cp.category = ""
        cp.last_modified_by = "briefgen"
        cp.revision = 1
        if when:
            cp.created = cp.modified = cp.last_printed = when
        else:  # an undated source and no preparation date: no made-up date
            ooxml.drop_dates(cp)


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _fit(text: str) -> str:
    """Core properties hold at most 255 characters."""
    return text if len(text) <= CORE_LIMIT else text[: CORE_LIMIT - 1] + "…"


def _text(text: str) -> Runs:
    return (Run(text),)
