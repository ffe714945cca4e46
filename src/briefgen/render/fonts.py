"""Turn the theme's font files into registered reportlab families, and text into markup those fonts can draw.

Fonts are registered once per process. A character the main font lacks is set
in the fallback font (DejaVu Sans covers the Uzbek ʻ that PT fonts lack); one
that no font has becomes a visible U+FFFD, counted for one warning per document.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import RenderError
from . import RenderOptions
from .font_embedding import embedded_font
from .reportlab_calls import FontRegistry
from .theme import STYLES, Theme, load_theme

REPLACEMENT = "\ufffd"
_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_WHITE = re.compile(r"\s")

_registered: dict[tuple[str, bool, tuple[Path, ...]], str] = {}


@dataclass(frozen=True, slots=True)
class Family:
    """A registered family: its base name and the reportlab font name of each style."""

    name: str
    fonts: dict[str, str]
    glyphs: frozenset[int]  # code points of the regular face

    def font(self, bold: bool = False, italic: bool = False) -> str:
        return self.fonts[("bold" if bold else "") + ("italic" if italic else "") or "regular"]


_families: dict[str, Family] = {}
_LOOKS: dict[str, tuple[Literal[0, 1], Literal[0, 1]]] = {"regular": (0, 0), "bold": (1, 0), "italic": (0, 1), "bolditalic": (1, 1)}


def family(theme: Theme, name: str, lean: bool = True) -> Family:
    """The family `name` of the theme, registered with reportlab (once per process and set of files).

    A text family is embedded from lean faces (see `font_embedding`); the fallback, which sets a few
    characters a document, from its files as they are (leaning DejaVu's 6000 glyphs takes seconds).
    """
    files = theme.font_files[name]
    key = (name, lean, tuple(files[s] for s in STYLES))
    if key in _registered:
        return _families[_registered[key]]
    base = re.sub(r"\W", "", name) or "Font"
    while base in _families:  # a different set of files under the same family name
        base += "_"
    fonts: dict[str, str] = {}
    faces: dict[str, TTFont] = {}
    for style in STYLES:
        font_name = base if style == "regular" else f"{base}-{style}"
        try:
            faces[style] = embedded_font(font_name, str(files[style]), lean)
            cast(FontRegistry, pdfmetrics).registerFont(faces[style])
        except Exception as e:
            raise RenderError(f"font {files[style]}: cannot be used: {' '.join(str(e).split())}") from None
        fonts[style] = font_name
    for style, (bold, italic) in _LOOKS.items():
        addMapping(base, bold, italic, fonts[style])
    fam = Family(base, fonts, frozenset(faces["regular"].face.charToGlyph))
    _families[base] = fam
    _registered[key] = base
    return fam


def register(options: RenderOptions) -> None:
    """Register the theme's body and heading families ahead of layout (parsing the eight font files is a good
    part of a cold PDF; see pdf_blocks.get_ready)."""
    theme = load_theme(options)
    family(theme, theme.body_font)
    family(theme, theme.heading_font)


class Glyphs:
    """Escapes text for reportlab paragraphs, switching to the fallback font where the main font has no glyph.

    The fallback family is registered only when some text needs it (DejaVu's four faces take longer to load than
    the rest of a brief takes to lay out).
    """

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.missing = 0  # characters no font has, shown as U+FFFD

    @functools.cached_property
    def fallback(self) -> Family:
        return family(self.theme, self.theme.fallback_font, lean=False)

    def markup(self, text: str, main: Family) -> str:
        """Reportlab paragraph markup that shows `text` literally."""
        if all(_WHITE.match(chr(c)) for c in set(map(ord, text)) - main.glyphs):  # the usual case, at C speed
            return text.translate(_SPECIAL)
        out: list[str] = []
        run: list[str] = []
        in_fallback = False

        def flush() -> None:
            if run:
                chunk = "".join(run).translate(_SPECIAL)
                out.append(f'<font face="{self.fallback.name}">{chunk}</font>' if in_fallback else chunk)
                run.clear()

        for c in text:
            code = ord(c)
            if code in main.glyphs or _WHITE.match(c):
                need_fallback = False
            elif code in self.fallback.glyphs:
                need_fallback = True
            else:
                self.missing += 1
                c, need_fallback = REPLACEMENT, ord(REPLACEMENT) not in main.glyphs
            if need_fallback != in_fallback:
                flush()
                in_fallback = need_fallback
            run.append(c)
        flush()
        return "".join(out)


_SUBSET_TAG = re.compile(rb"/[A-K]{6}\+([A-Za-z0-9_.-]+)")


def unique_subset_tags(pdf: bytes) -> bytes:
    """The PDF with each font subset's tag ("AAAAAA+PTSans-Bold") made its own, as the PDF standard asks.

    reportlab tags the first subset of every font "AAAAAA". The new tag is six capitals taken from a hash
    of the old tag and the font's name, so it is the same on every build; the bytes keep their length.
    """

    def tag(m: re.Match[bytes]) -> bytes:
        digest = hashlib.sha256(m.group(0)).digest()
        return b"/" + bytes(65 + d % 26 for d in digest[:6]) + b"+" + m.group(1)

    return _SUBSET_TAG.sub(tag, pdf)
