"""Fonts embedded in the DOCX: obfuscated as ECMA-376 says, cut to the characters used, the same on every build."""
from __future__ import annotations

import io
import re

import pytest

from briefgen.render import RenderOptions
from briefgen.render.docx_fonts import COMMON, Face, _cut, _font_key, obfuscate, subset
from briefgen.render.theme import load_theme


@pytest.fixture(scope="module")
def serif():
    return load_theme(RenderOptions()).font_files["PT Serif"]["regular"]


def test_obfuscation_touches_only_the_first_32_bytes_and_undoes_itself():
    key = _font_key(Face("PT Serif", False, False))
    font = bytes(range(256)) * 4
    hidden = obfuscate(font, key)
    assert hidden[32:] == font[32:] and hidden[:32] != font[:32]
    assert obfuscate(hidden, key) == font


def test_keys_are_guids_fixed_per_face():
    a, b = _font_key(Face("PT Serif", False, False)), _font_key(Face("PT Serif", True, False))
    assert re.fullmatch(r"\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", a)
    assert a != b and a == _font_key(Face("PT Serif", False, False))


def test_a_subset_keeps_the_characters_asked_for_and_is_smaller(serif):
    from fontTools.ttLib import TTFont

    extra = ord("Ә")
    data = subset(serif, COMMON | {extra})
    with TTFont(io.BytesIO(data)) as font:
        cmap = font.getBestCmap()
        assert extra in cmap and ord("Ж") in cmap and ord("€") not in cmap
        assert font["name"].getDebugName(1) == "PT Serif"  # readers match the embedded font by this name
    assert len(data) < serif.stat().st_size / 2
    assert _cut(serif, COMMON | {extra}) == data  # the same bytes when cut again


def test_faces_used_reads_the_same_from_styles_parsed_or_left_as_bytes(golden_brief):
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT

    from briefgen.render import get_writer, ooxml
    from briefgen.render.docx_fonts import faces_used

    data = get_writer("docx")(golden_brief, RenderOptions())
    parsed = faces_used(docx.Document(io.BytesIO(data)))
    assert faces_used(ooxml.open_document(ooxml.read_package(data), [CT.WML_STYLES])) == parsed
    assert {(f.family, f.bold) for f in parsed} >= {("PT Serif", False), ("PT Sans", True)}


def test_cutting_a_face_with_a_table_fonttools_cannot_cut_says_nothing(caplog):
    theme = load_theme(RenderOptions())
    dejavu = theme.font_files[theme.fallback_font]["regular"]  # has FontForge's FFTM table
    with caplog.at_level("DEBUG"):
        _cut(dejavu, frozenset(map(ord, "Oʻzbekiston")))
    assert not [r for r in caplog.records if r.levelno >= 30]
