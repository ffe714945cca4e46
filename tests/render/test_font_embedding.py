"""Font subsets are compressed at FONT_LEVEL and made once per distinct subset; other reportlab fonts are untouched."""
from __future__ import annotations

import io
import zlib

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas

from briefgen.render import RenderOptions, fonts
from briefgen.render.font_embedding import FONT_LEVEL
from briefgen.render.theme import load_theme


def _pdf(font_name: str, text: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.setFont(font_name, 12)
    canvas.drawString(72, 720, text)
    canvas.save()
    return out.getvalue()


def _font_files(pdf_reader, pdf: bytes) -> list[tuple[bytes, bytes]]:
    """(raw stream bytes, decoded font file) of every embedded TrueType font file."""
    found = []
    for obj in pdf_reader(pdf).pages[0]["/Resources"]["/Font"].values():
        font = obj.get_object()
        if "/FontDescriptor" in font:  # not the canvas's initial Helvetica
            stream = font["/FontDescriptor"]["/FontFile2"].get_object()
            found.append((stream._data, stream.get_data()))
    return found


def _theme_font() -> str:
    theme = load_theme(RenderOptions())
    return fonts.family(theme, theme.heading_font).font()


def test_font_files_are_compressed_at_the_chosen_level(pdf_reader):
    files = _font_files(pdf_reader, _pdf(_theme_font(), "Съезд партии, 2025 год"))
    assert files
    for raw, font_file in files:
        assert raw == zlib.compress(font_file, FONT_LEVEL)


def test_a_subset_seen_before_is_not_made_again(monkeypatch):
    name = _theme_font()
    first = _pdf(name, "Подпись под соглашением о торговле")
    made: list[object] = []
    original = TTFontFace.makeSubset
    monkeypatch.setattr(TTFontFace, "makeSubset", lambda face, subset: made.append(subset) or original(face, subset))
    assert _pdf(name, "Подпись под соглашением о торговле") == first
    assert made == []
    _pdf(name, "Другие буквы: щёки, эхо, юрта")
    assert made


def test_fonts_made_elsewhere_keep_reportlab_defaults(pdf_reader):
    _theme_font()
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))  # shipped with reportlab, not a theme font
    (raw, font_file), = _font_files(pdf_reader, _pdf("Vera", "Plain reportlab"))
    assert raw == zlib.compress(font_file)
