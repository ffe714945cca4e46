"""How briefgen's TrueType fonts go into a PDF: subsets compressed fast, each distinct one made once per process.

The embedded font subsets are nine tenths of a brief's bytes and, at zlib's
default level 6, the largest single cost of writing the PDF. Glyph outlines
barely compress (level 6 saves 5 % over level 1 at three times the time), so
font files are compressed at FONT_LEVEL; page streams keep reportlab's default.
A subset (the same characters in the same order) that comes back in the same
process, as when a brief is rendered again, is taken from a small cache.
Only fonts made by `embedded_font` are affected; other reportlab users in the
process are not.
"""
from __future__ import annotations

import functools
import zlib
from collections.abc import Sequence
from typing import Any, cast

from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from .reportlab_calls import SubsetObjects

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


def embedded_font(name: str, filename: str) -> TTFont:
    """A reportlab TrueType font whose face embeds itself through `EmbeddedFace`."""
    font = TTFont(name, filename)
    font.face.__class__ = EmbeddedFace  # the face TTFont parsed, kept: only how it is embedded changes
    return font
