"""Text faces are embedded from lean copies; subsets are compressed at FONT_LEVEL and made once; other fonts are untouched."""
from __future__ import annotations

import io
import subprocess
import sys
import zlib

import pytest
from fontTools.ttLib import TTFont as FontTables
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas

from briefgen.render import RenderOptions, fonts
from briefgen.render.font_embedding import FONT_LEVEL, UNUSED_TABLES, lean_face
from briefgen.render.theme import STYLES, load_theme

HINTING = ("fpgm", "prep", "cvt ")


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


def _theme_files(family: str) -> list:
    theme = load_theme(RenderOptions())
    return [theme.font_files[getattr(theme, family)][style] for style in STYLES]


@pytest.mark.parametrize("path", _theme_files("body_font") + _theme_files("heading_font"), ids=lambda p: p.name)
def test_a_lean_face_draws_every_glyph_as_its_file_does(path, user_cache):
    lean = lean_face(path)
    original, copy = TTFontFace(str(path)), TTFontFace(io.BytesIO(lean))
    assert copy.charToGlyph == original.charToGlyph
    assert copy.charWidths == original.charWidths
    assert (copy.ascent, copy.descent, copy.bbox, copy.flags) == (original.ascent, original.descent, original.bbox, original.flags)
    full, cut = FontTables(str(path)), FontTables(io.BytesIO(lean))
    assert cut.getGlyphOrder() == full.getGlyphOrder()
    for name in full.getGlyphOrder()[:: len(full.getGlyphOrder()) // 40]:  # outlines kept, programs gone
        kept, before = cut["glyf"][name], full["glyf"][name]
        assert kept.getCoordinates(cut["glyf"])[0] == before.getCoordinates(full["glyf"])[0]
        assert not getattr(kept, "program", None) or not kept.program.getBytecode()
    assert not set(UNUSED_TABLES) & set(cut.keys())
    assert len(lean) < len(path.read_bytes()) / 2


def test_pdf_subsets_of_text_faces_carry_no_hinting_and_the_fallbacks_keep_theirs(pdf_reader):
    theme = load_theme(RenderOptions())
    text_face = fonts.family(theme, theme.body_font).font()
    fallback = fonts.family(theme, theme.fallback_font, lean=False).font()
    ((_, text_file),) = _font_files(pdf_reader, _pdf(text_face, "Соглашение о торговле"))
    ((_, fallback_file),) = _font_files(pdf_reader, _pdf(fallback, "Oʻzbekiston"))
    assert not set(HINTING) & set(FontTables(io.BytesIO(text_file)).keys())
    assert set(HINTING) <= set(FontTables(io.BytesIO(fallback_file)).keys())


def test_a_lean_face_is_made_once_per_user_and_a_damaged_copy_made_again(user_cache):
    path = _theme_files("body_font")[0]
    lean = lean_face(path)
    (entry,) = user_cache.glob("face-*.ttf")
    probe = (f"import sys; from pathlib import Path; from briefgen.render.font_embedding import lean_face;"
             f"data = lean_face(Path({str(path)!r})); print(len(data), 'fontTools' in sys.modules)")  # fmt: skip
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split() == [
        str(len(lean)), "False"]  # fmt: skip
    entry.write_bytes(entry.read_bytes()[:-10])
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split() == [
        str(len(lean)), "True"]  # fmt: skip
    assert lean_face(path) == lean


def test_a_face_fonttools_cannot_lean_is_embedded_as_it_is(user_cache, monkeypatch):
    from briefgen.render import font_embedding

    def unreadable(path):
        raise ValueError("not a font fontTools reads")

    path = _theme_files("body_font")[0]
    assert font_embedding.embedded_font("Lean", str(path), lean=True).face._ttf_data == lean_face(path)
    monkeypatch.setattr(font_embedding, "_without_hinting", unreadable)
    other = _theme_files("heading_font")[0]  # not leant yet
    assert lean_face(other) is None
    assert font_embedding.embedded_font("AsItIs", str(other), lean=True).face._ttf_data == other.read_bytes()
