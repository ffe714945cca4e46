"""How briefgen's TrueType fonts go into a PDF: cut from lean faces, compressed fast, each distinct subset made once.

The embedded font subsets are most of a brief's bytes and, at zlib's
default level 6, the largest single cost of writing the PDF. A theme's text
faces are embedded from a lean copy (`lean_face`): the same glyphs, outlines and
metrics, without TrueType hinting (four fifths of PT Sans' glyph data: screen
hints for old rasterisers, which PDF viewers do without, as in the DOCX) and the
tables reportlab never reads. That halves a brief's PDF and the time spent on
its fonts; the copy is made once per user with fontTools and kept in the user
cache (the licences allow modified fonts embedded in documents, not
redistributed under their names: the copy never leaves the cache). Glyph outlines
barely compress (level 6 saves 5 % over level 1 at three times the time), so
font files are compressed at FONT_LEVEL; page streams keep reportlab's default.
A subset (the same characters in the same order) that comes back in the same
process, as when a brief is rendered again, is taken from a small cache.
Only fonts made by `embedded_font` are affected; other reportlab users in the
process are not.
"""
from __future__ import annotations

import functools
import io
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from .. import cache
from .reportlab_calls import SubsetObjects

LEAN_FORMAT = "lean-1"  # change when what a lean face holds changes
# what reportlab never reads or embeds once hinting is gone: hinting programs and data, kerning and OpenType
# layout (reportlab sets no kerning), device metrics, the signature (void once anything changes)
UNUSED_TABLES = ("fpgm", "prep", "cvt ", "gasp", "hdmx", "LTSH", "VDMX", "kern", "GPOS", "GSUB", "DSIG")
FONT_LEVEL = 1  # zlib level for font files: a third of level 6's time, 5 % more bytes
CACHED_SUBSETS = 32  # distinct subsets kept (each about 100 KB raw plus 60 KB compressed)


class FontFlate:
    """The FlateDecode filter at FONT_LEVEL, each distinct input compressed once (the last CACHED_SUBSETS kept)."""

    pdfname = "FlateDecode"

    def encode(self, data: bytes) -> bytes:
        return _compressed(data)


@functools.lru_cache(maxsize=CACHED_SUBSETS)
def _compressed(data: bytes) -> bytes:
    return zlib.compress(data, FONT_LEVEL)


@functools.lru_cache(maxsize=CACHED_SUBSETS)
def _subset(face: TTFontFace, codes: tuple[int, ...]) -> bytes:
    return TTFontFace.makeSubset(face, list(codes))


class EmbeddedFace(TTFontFace):
    """A face whose subsets are made once per distinct set of characters and written with `FontFlate`."""

    def makeSubset(self, subset: Sequence[int]) -> bytes:
        return _subset(self, tuple(subset))

    def addSubsetObjects(self, doc: Any, fontname: str, subset: Sequence[int]) -> object:
        descriptor = cast(SubsetObjects, super()).addSubsetObjects(doc, fontname, subset)
        font_file = doc.idToObject[f"fontFile:{self.filename}({fontname})"]  # the name reportlab gives the stream
        if font_file.filters:  # the document is compressed
            font_file.filters = [FontFlate()]
        return descriptor


def embedded_font(name: str, filename: str, lean: bool = False) -> TTFont:
    """A reportlab TrueType font whose face embeds itself through `EmbeddedFace`; from its lean copy when `lean`
    and fontTools can make one (a face it cannot read is embedded as it is: reportlab judges it)."""
    copy = lean_face(Path(filename)) if lean else None
    font = TTFont(name, io.BytesIO(copy) if copy is not None else filename)
    font.face.__class__ = EmbeddedFace  # the face TTFont parsed, kept: only how it is embedded changes
    font.face.filename = filename  # a lean face read from memory is still known by its file
    return font


def lean_face(path: Path) -> bytes | None:
    """The font file without hinting and UNUSED_TABLES: every glyph kept, with its outline, width and code points
    (None when fontTools cannot make it).

    Made with fontTools (about 60 ms for a PT face) and kept in the user cache, keyed by the file and by
    fontTools' own files (found without importing it, so a start that finds the copy loads no fontTools).
    """
    name = f"face-{cache.key(LEAN_FORMAT, *cache.identity(path, cache.package_file('fontTools')))}.ttf"
    data = cache.read(name)
    if data is None:
        try:
            data = _without_hinting(path)
        except Exception:  # not TrueType outlines, damaged: whether it can be used at all is reportlab's to say
            return None
        cache.write(name, data)
    return data


def _without_hinting(path: Path) -> bytes:
    from fontTools.ttLib import TTFont as FontTables

    out = io.BytesIO()
    with FontTables(str(path), recalcTimestamp=False, recalcBBoxes=False) as font:
        glyphs = font["glyf"]
        for glyph in font.getGlyphOrder():
            glyphs[glyph].removeHinting()
        for tag in UNUSED_TABLES:
            if tag in font:
                del font[tag]
        font.save(out)
    return out.getvalue()
