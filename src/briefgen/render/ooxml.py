"""Turn paragraphs, runs, links, bookmarks, fields and tables into WordprocessingML.

python-docx keeps the package, styles, sections and properties; the body is
written here as XML text and parsed once, because python-docx's object API costs
about 0.3 ms per paragraph (a brief took 80 ms; this way it takes 3). Also the
few settings python-docx has no API for, and the reproducible zip.
"""
# pyright: reportPrivateUsage=false
# (package_entries runs the three steps of python-docx's PackageWriter.write, which are private)
from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any, cast

from docx.opc.package import Unmarshaller
from docx.opc.packuri import PackURI
from docx.opc.part import Part, PartFactory
from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgreader import PackageReader
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.package import Package

_BOOKMARK = re.compile(r"[^A-Za-z0-9_]")
TEXT_PARTS = ("document", "header", "footer")  # the package parts that hold text, by name without number
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def escape(text: str) -> str:
    """Text as XML character data (as xml.sax.saxutils.escape, whose module would load urllib, http and email)."""
    return text.translate(_TEXT)


def quoteattr(value: str) -> str:
    """A value as a quoted XML attribute (as xml.sax.saxutils.quoteattr)."""
    value = value.translate(_ATTRIBUTE)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


def el(tag: str, **attrs: str) -> Any:
    """A WordprocessingML element with w: attributes."""
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


# -- body XML ----------------------------------------------------------------------


def run(text: str, bold: bool = False, italic: bool = False, style: str | None = None, colour: str | None = None) -> str:
    """A run of text (the text escaped; spaces kept)."""
    props = "".join(
        (
            f'<w:rStyle w:val="{style}"/>' if style else "",
            "<w:b/>" if bold else "",
            "<w:i/>" if italic else "",
            f'<w:color w:val="{colour}"/>' if colour else "",
        )
    )
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def tab() -> str:
    """A tab character."""
    return "<w:r><w:tab/></w:r>"


def link(anchor: str, runs_xml: str) -> str:
    """An internal hyperlink to the bookmark `anchor` around some runs."""
    return f"<w:hyperlink w:anchor={quoteattr(anchor)} w:history=\"1\">{runs_xml}</w:hyperlink>"


def field(instruction: str, shown: str = "") -> str:
    """A complex field (PAGE, NUMPAGES, TOC…) showing `shown` until Word updates it."""
    return field_begin(instruction) + (run(shown) if shown else "") + field_end()


def field_begin(instruction: str) -> str:
    """The start of a complex field; what follows is its current result, up to `field_end`."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


def field_end() -> str:
    """The end of the field begun last (it may be in an earlier paragraph: a TOC spans several)."""
    return '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def toc_instruction(depth: int) -> str:
    """A TOC of heading levels 1–depth whose entries link to their headings."""
    return f'TOC \\o "1-{depth}" \\h \\z \\u'


def paragraph(style_id: str, content: str, bookmark: tuple[int, str] | None = None, props: str = "") -> str:
    """A paragraph in a style; `bookmark` = (id, name) puts all of it inside a bookmark."""
    start = end = ""
    if bookmark:
        start = f'<w:bookmarkStart w:id="{bookmark[0]}" w:name={quoteattr(bookmark[1])}/>'
        end = f'<w:bookmarkEnd w:id="{bookmark[0]}"/>'
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{props}</w:pPr>{start}{content}{end}</w:p>'


def page_break() -> str:
    """A paragraph that only starts a new page."""
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def table(style_id: str, widths: list[int], rows: list[tuple[bool, list[tuple[str, str | None]]]]) -> str:
    """A fixed-width table: rows of (is_header, [(cell paragraph XML, fill RRGGBB or None)]).

    Header rows repeat on every page; no row splits across pages.
    """
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    ]
    for header, cells in rows:
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if header else ''}</w:trPr>")
        for w, (content, fill) in zip(widths, cells, strict=False):  # cells past the given widths are dropped
            shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{shd}</w:tcPr>{content}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def append_body(doc: Any, blocks_xml: Iterable[str]) -> None:
    """Parse the blocks once and put them in the body, before its section properties."""
    holder = parse_xml(f"<w:body {nsdecls('w')}>{''.join(blocks_xml)}</w:body>")
    sect = doc.element.body.find(qn("w:sectPr"))
    for el in list(holder):
        sect.addprevious(el)


def set_content(part_element: Any, blocks_xml: Iterable[str]) -> None:
    """Replace the paragraphs of a header or footer with the given blocks."""
    for p in part_element.findall(qn("w:p")):
        part_element.remove(p)
    holder = parse_xml(f"<w:body {nsdecls('w')}>{''.join(blocks_xml)}</w:body>")
    for el in list(holder):
        part_element.append(el)


class Bookmarks:
    """Ids of the block tree → Word bookmark names (letters, digits and _, at most 40, unique) and ids."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.count = 0

    def name(self, block_id: str) -> str:
        if block_id not in self.names:
            base = _BOOKMARK.sub("_", block_id)
            base = (base if base[:1].isalpha() else f"b{base}")[:36]
            name, n, taken = base, 1, set(self.names.values())
            while name in taken:
                n += 1
                name = f"{base[:33]}_{n}"
            self.names[block_id] = name
        return self.names[block_id]

    def mark(self, block_id: str) -> tuple[int, str]:
        """A new (id, name) pair for the bookmark around a block."""
        self.count += 1
        return self.count, self.name(block_id)


# -- styles and settings -------------------------------------------------------------

_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
               "w:rPr", "w:sectPr", "w:pPrChange")  # fmt: skip


def border(style: Any, edge: str, colour: str, size: int = 6, space: int = 4) -> None:
    """A line on one edge ("top", "bottom", "left") of a paragraph style (colour RRGGBB, size in 1/8 pt)."""
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    bdr = el("w:pBdr")
    bdr.append(el(f"w:{edge}", val="single", sz=str(size), space=str(space), color=colour))
    ppr.insert_element_before(bdr, *_AFTER_PBDR)


def fonts(style: Any, family: str) -> None:
    """Name the font family for every script of a style (python-docx sets only two of four)."""
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = el("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for key in ("ascii", "hAnsi", "cs", "eastAsia"):
        rfonts.set(qn(f"w:{key}"), family)


def language(doc: Any, lang: str) -> None:
    """The document's default language (spell check, hyphenation)."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    found = rpr.find(qn("w:lang"))
    if found is None:
        found = el("w:lang")
        rpr.append(found)
    found.set(qn("w:val"), lang)


def settings(doc: Any) -> None:
    """Keep embedded fonts on save, hyphenate automatically, drop stale state; fields are written filled in.

    No `updateFields`: the contents and page counts are written as laid out, so Word asks nothing on open.
    """
    s = doc.settings.element
    for tag in ("w:proofState", "w:savePreviewPicture", "w:rsids", "w:autoHyphenation", "w:updateFields",
                "w:embedTrueTypeFonts", "w:saveSubsetFonts"):  # fmt: skip
        for old in s.findall(qn(tag)):
            s.remove(old)
    zoom = s.find(qn("w:zoom"))
    if zoom is not None:  # these two come right after w:zoom in the schema's order
        zoom.addnext(el("w:saveSubsetFonts"))
        zoom.addnext(el("w:embedTrueTypeFonts"))
    tab_stop = s.find(qn("w:defaultTabStop"))
    if tab_stop is not None:
        tab_stop.addnext(el("w:autoHyphenation", val="true"))


def bullet(doc: Any, style: Any, font: str, colour: str) -> None:
    """The bullet of a list style: "•" in `font` and `colour` (RRGGBB), as the PDF draws it."""
    num_id = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id.get(qn("w:val")))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    level = abstract.find(qn("w:lvl"))
    level.find(qn("w:lvlText")).set(qn("w:val"), "\u2022")
    for old in level.findall(qn("w:rPr")):
        level.remove(old)
    rpr = el("w:rPr")
    rpr.append(el("w:rFonts", ascii=font, hAnsi=font, cs=font))
    rpr.append(el("w:color", val=colour))
    level.append(rpr)


def plain_style(style: Any) -> None:
    """Drop a built-in style's list numbering and letter spacing (Word's Subtitle has both)."""
    for parent, tag in ((style.element.pPr, "w:numPr"), (style.element.rPr, "w:spacing")):
        if parent is not None:
            for old in parent.findall(qn(tag)):
                parent.remove(old)


def ruled_table_style(style: Any, rule: str, size: int = 4) -> None:
    """A table style of thin horizontal rules (colour RRGGBB, size in 1/8 pt) and no vertical lines."""
    tbl = style.element.find(qn("w:tblPr"))
    if tbl is None:
        tbl = el("w:tblPr")
        style.element.append(tbl)
    for child in list(tbl):
        tbl.remove(child)
    borders = el("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if edge in ("bottom", "insideH"):
            borders.append(el(f"w:{edge}", val="single", sz=str(size), space="0", color=rule))
        else:
            borders.append(el(f"w:{edge}", val="nil"))
    margins = el("w:tblCellMar")
    for edge, width in (("top", "60"), ("left", "80"), ("bottom", "80"), ("right", "80")):
        margins.append(el(f"w:{edge}", w=width, type="dxa"))
    tbl.append(borders)
    tbl.append(margins)


def drop_dates(core_properties: Any) -> None:
    """Remove the template's creation, modification and printing dates from the core properties."""
    root = core_properties._element
    for child in list(root):
        if child.tag.rsplit("}", 1)[-1] in ("created", "modified", "lastPrinted"):
            root.remove(child)


def application(doc: Any, name: str) -> None:
    """Name the generator in the extended properties (python-docx's template says another word processor)."""
    for part in doc.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = re.sub(rb"<Application>[^<]*</Application>", f"<Application>{escape(name)}</Application>".encode(), part.blob)


def drop_thumbnail(doc: Any) -> None:
    """Remove the template's preview picture (of an empty page), which would misrepresent the brief."""
    rels = doc.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == THUMBNAIL:
            rels.pop(rid)


def read_package(data: bytes) -> PackageReader:
    """A DOCX's parts and relationships, read once and opened as new documents by `open_document`."""
    return cast(Any, PackageReader).from_file(io.BytesIO(data))  # unannotated


def open_document(package: PackageReader, kept_as_bytes: Iterable[str] = ()) -> Any:
    """A new python-docx Document of a read package (as `docx.Document` opens a file).

    Parts of the content types in `kept_as_bytes` are plain parts of bytes, neither parsed nor
    serialised again, for parts nothing will change; python-docx's API to them (`doc.styles`…) then fails.
    """
    plain = frozenset(kept_as_bytes)

    def part(partname: PackURI, content_type: str, reltype: str, blob: bytes, owner: Package) -> Part:
        if content_type in plain:
            return Part(partname, content_type, blob, owner)
        return PartFactory(partname, content_type, reltype, blob, owner)

    opened = Package()
    cast(Any, Unmarshaller).unmarshal(package, opened, part)  # unannotated
    return cast(Any, opened.main_document_part).document


def package_entries(doc: Any) -> dict[str, bytes]:
    """The document's package as member name -> bytes, serialised as python-docx's `save` does but not zipped:
    `reproducible_zip` compresses each member once (saving, then re-zipping, compressed everything twice)."""
    from docx.opc.pkgwriter import PackageWriter as W

    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    entries = _Entries()
    untyped = cast(Any, W)  # two of the three steps have no annotations
    untyped._write_content_types_stream(entries, package.parts)
    untyped._write_pkg_rels(entries, package.rels)
    W._write_parts(entries, package.parts)
    return entries.members


class _Entries(PhysPkgWriter):
    """Stands in for python-docx's zip writer (what `PackageWriter.write` writes through): keeps each member's bytes."""

    def __new__(cls) -> _Entries:
        return object.__new__(cls)

    def __init__(self) -> None:  # no zip file to open
        self.members: dict[str, bytes] = {}

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.members[uri.membername] = blob


def reproducible_zip(members: dict[str, bytes], when: dt.datetime | None) -> bytes:
    """The package's members zipped in a fixed order, each dated `when` (1980-01-01 without one).

    The bytes Python's `zipfile` writes for deflated members with Unix mode 0644, written here
    so that a member already deflated in this process is not deflated again (`_deflated`).
    ZIP (DOS) dates run from 1980 to 2107: a date outside is clamped to that range.
    """
    low, high = dt.datetime(1980, 1, 1), dt.datetime(2107, 12, 31, 23, 59, 58)
    y, mo, d, h, mi, s = min(max(when or low, low), high).timetuple()[:6]
    dos_time, dos_date = h << 11 | mi << 5 | s // 2, (y - 1980) << 9 | mo << 5 | d
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in members]
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in first + sorted(n for n in members if n not in first):
        data = members[name]
        crc, packed = _deflated(data)
        encoded, flags = name.encode(), 0 if name.isascii() else _UTF8_NAME
        # version needed, flags, method, time, date, CRC, sizes, name length: the same in both headers
        common = struct.pack("<HHHHHLLLH", _ZIP_VERSION, flags, _DEFLATE, dos_time, dos_date, crc, len(packed), len(data),
                             len(encoded))  # fmt: skip
        # made by (version, Unix), the common fields, no extra or comment, disk 0, internal and external attributes, offset
        central.append(b"PK\x01\x02" + struct.pack("<BB", _ZIP_VERSION, _UNIX) + common
                       + struct.pack("<HHHHLL", 0, 0, 0, 0, _MODE_644, offset) + encoded)  # fmt: skip
        local.append(b"PK\x03\x04" + common + b"\x00\x00" + encoded + packed)
        offset += len(local[-1])
    directory = b"".join(central)
    end = b"PK\x05\x06" + struct.pack("<HHHHLLH", 0, 0, len(central), len(central), len(directory), offset, 0)
    return b"".join(local) + directory + end


_ZIP_VERSION, _UNIX, _DEFLATE, _UTF8_NAME, _MODE_644 = 20, 3, 8, 0x800, 0o644 << 16
_DEFLATED: OrderedDict[bytes, tuple[int, bytes]] = OrderedDict()  # member bytes -> (CRC-32, deflated), most recent last
DEFLATED_BUDGET = 8 << 20  # bytes of members kept deflated: the template's parts and the font subsets of a few packs


def _deflated(data: bytes) -> tuple[int, bytes]:
    """A member's CRC-32 and raw deflate stream (zlib's default level, as `zipfile`), kept for members seen again:
    the template's styles and the same font subsets recur in every pack of a process."""
    found = _DEFLATED.pop(data, None)
    if found is not None:
        _DEFLATED[data] = found  # now the most recent
        return found
    deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    found = zlib.crc32(data), deflate.compress(data) + deflate.flush()
    if len(data) <= DEFLATED_BUDGET // 4:  # a huge one-off document would only push the recurring parts out
        _DEFLATED[data] = found
        while sum(map(len, _DEFLATED)) > DEFLATED_BUDGET:
            _DEFLATED.popitem(last=False)
    return found
