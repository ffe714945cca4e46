"""Turn the fonts a DOCX uses into embedded, obfuscated subsets, so it looks the same on a reader's machine.

Word and LibreOffice read fonts embedded in a DOCX (ECMA-376 §17.8.1); the PT and
DejaVu licences permit it. Only the faces the document's text is set in are
embedded, each cut to the characters of common Latin and Cyrillic text plus
any other the document uses (so a reader can still edit it), which keeps a
brief's DOCX small. The font table also names each family's PANOSE class and
generic family, Word's way of choosing a look-alike where embedding is off.
"""
from __future__ import annotations

import functools
import hashlib
import io
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

from .. import cache
from .ooxml import TEXT_PARTS, el

FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
SUBSET_FORMAT = "subset-1"  # change when how a face is cut changes
FACES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
STYLE_OF_FACE = {"Regular": "regular", "Bold": "bold", "Italic": "italic", "BoldItalic": "bolditalic"}
# always kept in a subset: Basic Latin, Latin-1, Cyrillic, general punctuation, №
COMMON = frozenset([*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x400, 0x460), *range(0x2010, 0x2040), 0x2116])
# the qualified tags faces_used reads, named once (qn on every run and style was a fifth of its time)
_P, _R, _RPR, _T, _INSTR, _B, _I, _VAL = (qn(t) for t in ("w:p", "w:r", "w:rPr", "w:t", "w:instrText", "w:b", "w:i", "w:val"))
_PSTYLE = f"{qn('w:pPr')}/{qn('w:pStyle')}"
_STYLE, _STYLE_ID, _BASED_ON, _RFONTS, _ASCII = (qn(t) for t in ("w:style", "w:styleId", "w:basedOn", "w:rFonts", "w:ascii"))
# the elements of w:font in schema order, so new ones go in their place
_FONT_CHILDREN = ("w:altName", "w:panose1", "w:charset", "w:family", "w:notTrueType", "w:pitch", "w:sig",
                  "w:embedRegular", "w:embedBold", "w:embedItalic", "w:embedBoldItalic")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Face:
    """One face of a family a run is set in."""

    family: str
    bold: bool
    italic: bool


def embed_fonts(doc: Any, font_files: dict[str, dict[str, Path]]) -> list[Face]:
    """Embed the faces the document's text uses (of the families in `font_files`); the faces embedded."""
    used = faces_used(doc)
    font_table = next(p for p in doc.part.package.iter_parts() if p.partname.endswith("/fontTable.xml"))
    root = _parse(font_table.blob)
    embedded: list[Face] = []
    for n, face in enumerate(sorted(used, key=lambda f: (f.family, f.bold, f.italic)), 1):
        files = font_files.get(face.family)
        if not files:
            continue
        name = FACES[(face.bold, face.italic)]
        path = files[STYLE_OF_FACE[name]]
        key = _font_key(face)
        data = obfuscate(subset(path, COMMON | frozenset(used[face])), key)
        part = Part(PackURI(f"/word/fonts/font{n}.odttf"), OBFUSCATED_FONT, data, doc.part.package)
        rid = font_table.relate_to(part, FONT_RELATIONSHIP)
        entry = _font_entry(root, face.family, path)
        embed = el(f"w:embed{name}", fontKey=key)
        embed.set(qn("r:id"), rid)
        _place(entry, embed)
        embedded.append(face)
    font_table._blob = _serialise(root)
    return embedded


def faces_used(doc: Any) -> dict[Face, set[int]]:
    """Each face some text of the document is set in, with the characters set in it."""
    looks = _style_looks(doc.part.part_related_by(RT.STYLES))
    texts: dict[tuple[str, bool, bool], list[str]] = {}  # by family, bold, italic
    for part in doc.part.package.iter_parts():
        if part.partname.rsplit("/", 1)[-1].split(".")[0].rstrip("0123456789") not in TEXT_PARTS:
            continue
        root = part.element if hasattr(part, "element") else _parse(part.blob)
        for p in root.iter(_P):
            pstyle = p.find(_PSTYLE)
            family, bold, italic = looks.look(pstyle.get(_VAL) if pstyle is not None else None)
            if not family:
                continue
            for r in p.iter(_R):
                text = [t.text for t in r.iterchildren(_T, _INSTR) if t.text]
                if text:
                    rpr = r.find(_RPR)
                    texts.setdefault((family, _toggle(rpr, _B, bold), _toggle(rpr, _I, italic)), []).extend(text)
    return {Face(*face): set(map(ord, set("".join(t)))) for face, t in texts.items()}


@functools.lru_cache(maxsize=16)
def subset(path: Path, codepoints: frozenset[int]) -> bytes:
    """The font file cut to the glyphs of some characters (the same bytes for the same input).

    Kept per process and in the user cache (keyed by the font's and fontTools' files): cutting a face takes about 0.3 s.
    """
    codes = ",".join(map(str, sorted(codepoints)))
    name = f"font-{cache.key(SUBSET_FORMAT, *cache.identity(path, cache.package_file('fontTools')), codes)}.ttf"
    data = cache.read(name)
    if data is None:
        data = _cut(path, codepoints)
        cache.write(name, data)
    return data


def _cut(path: Path, codepoints: frozenset[int]) -> bytes:
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.name_IDs = ["*"]  # keep the names: Word and LibreOffice match the embedded font by its family name
    options.notdef_outline = True
    options.hinting = False  # screen hints for old rasterisers: half the size, no visible loss
    options.layout_features = ["*"]
    sub = ft_subset.Subsetter(options)
    sub.populate(unicodes=sorted(codepoints))
    out = io.BytesIO()
    says = logging.getLogger("fontTools.subset")
    level = says.level
    says.setLevel(logging.ERROR)  # a table it cannot cut (FontForge's FFTM in DejaVu) is dropped: nothing to tell a user
    try:
        with TTFont(str(path), recalcTimestamp=False) as font:
            sub.subset(font)
            font.save(out)
    finally:
        says.setLevel(level)
    return out.getvalue()


def obfuscate(font: bytes, key: str) -> bytes:
    """The font with its first 32 bytes XORed with the key's GUID bytes in reverse order (ECMA-376 §17.8.1)."""
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ guid[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def _font_key(face: Face) -> str:
    """A GUID for the face, the same on every build."""
    digest = hashlib.sha256(f"{face.family}|{face.bold}|{face.italic}".encode()).digest()
    return "{" + str(uuid.UUID(bytes=digest[:16])).upper() + "}"


def _style_looks(styles_part: Any) -> _StyleFonts:
    """The styles' fonts; read once per process for a styles part left as bytes (the same in every pack)."""
    if hasattr(styles_part, "element"):
        return _StyleFonts(styles_part.element)
    return _style_looks_of(styles_part.blob)


@functools.lru_cache(maxsize=4)
def _style_looks_of(blob: bytes) -> _StyleFonts:
    return _StyleFonts(_parse(blob))


class _StyleFonts:
    """Each paragraph style's font family, bold and italic, following `basedOn` to the document defaults."""

    def __init__(self, styles: Any) -> None:
        by_id = {s.get(_STYLE_ID): s for s in styles.iterchildren(_STYLE)}
        self.default = next((sid for sid, s in by_id.items()
                             if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) == "1"), None)  # fmt: skip
        rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        fonts = rpr.find(_RFONTS) if rpr is not None else None
        self.base_font: str | None = fonts.get(_ASCII) if fonts is not None else None
        self.looks = {sid: self._resolve(by_id, sid) for sid in by_id}

    def look(self, style_id: str | None) -> tuple[str | None, bool, bool]:
        """The family, bold and italic of a paragraph in a style (None: the default paragraph style)."""
        return self.looks.get(style_id or self.default, (self.base_font, False, False))

    def _resolve(self, by_id: dict[str, Any], style_id: str) -> tuple[str | None, bool, bool]:
        family: str | None = None
        bold = italic = None
        seen: set[str] = set()
        sid: str | None = style_id
        while sid and sid in by_id and sid not in seen:
            seen.add(sid)
            style = by_id[sid]
            rpr = style.find(_RPR)
            if rpr is not None:
                fonts = rpr.find(_RFONTS)
                if family is None and fonts is not None and fonts.get(_ASCII):
                    family = fonts.get(_ASCII)
                bold = _toggle(rpr, _B, None) if bold is None else bold
                italic = _toggle(rpr, _I, None) if italic is None else italic
            based = style.find(_BASED_ON)
            sid = based.get(_VAL) if based is not None else None
        return family or self.base_font, bool(bold), bool(italic)


def _toggle(rpr: Any, tag: str, inherited: bool | None) -> Any:
    """A bold or italic property (`tag` qualified): on, off, or (absent) as inherited."""
    if rpr is None:
        return inherited
    found = rpr.find(tag)
    if found is None:
        return inherited
    return found.get(_VAL, "true") not in ("0", "false", "off")


def _font_entry(root: Any, family: str, path: Path) -> Any:
    """The font table's w:font for a family, made when missing, with its PANOSE class and generic family."""
    for font in root.findall(qn("w:font")):
        if font.get(qn("w:name")) == family:
            break
    else:
        font = el("w:font", name=family)
        root.append(font)
        panose, generic = _classification(path)
        _place(font, el("w:panose1", val=panose))
        _place(font, el("w:charset", val="CC"))  # Cyrillic
        _place(font, el("w:family", val=generic))
        _place(font, el("w:pitch", val="variable"))
    return font


@functools.lru_cache(maxsize=32)
def _classification(path: Path) -> tuple[str, str]:
    """A font's PANOSE numbers (hex) and Word's generic family: swiss for sans serif, roman for serif.

    Read once per process and kept in the user cache, so a start that finds it imports no fontTools.
    """
    return cache.pickled(f"panose-{cache.key(*cache.identity(path))}", lambda: _read_classification(path))


def _read_classification(path: Path) -> tuple[str, str]:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        p = font["OS/2"].panose
    numbers = [p.bFamilyType, p.bSerifStyle, p.bWeight, p.bProportion, p.bContrast, p.bStrokeVariation,
               p.bArmStyle, p.bLetterForm, p.bMidline, p.bXHeight]  # fmt: skip
    return "".join(f"{n:02X}" for n in numbers), "swiss" if p.bSerifStyle in (11, 12, 13) else "roman"


def _place(parent: Any, child: Any) -> None:
    """Put a w:font child in schema order, replacing one of the same tag."""
    tag = child.tag
    for old in parent.findall(tag):
        parent.remove(old)
    order = [qn(t) for t in _FONT_CHILDREN]
    later = [c for c in parent if c.tag in order and order.index(c.tag) > order.index(tag)]
    if later:
        later[0].addprevious(child)
    else:
        parent.append(child)


def _parse(blob: bytes) -> Any:
    from docx.oxml import parse_xml

    return parse_xml(blob)


def _serialise(root: Any) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
