"""Themes: the user's file overrides the default key by key; bad values name the file and key."""
from __future__ import annotations

import io
import zipfile

import pytest

from briefgen.errors import RenderError
from briefgen.render import RenderOptions, get_writer
from briefgen.render.theme import load_theme


def theme_file(tmp_path, text: str):
    path = tmp_path / "theme.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_user_theme_overrides_only_what_it_names(tmp_path):
    t = load_theme(RenderOptions(theme=theme_file(tmp_path, 'colours: {heading: "#000000"}\nmarking: Секретно\n')))
    assert t.colours["heading"] == "#000000" and t.colours["accent"] != "#000000"
    assert t.marking == "Секретно" and t.paper == "A4" and t.body_font == "PT Serif"


def test_command_line_wins_over_theme(tmp_path):
    theme = theme_file(tmp_path, "paper: Letter\nmarking: A\norganisation: C\n")
    t = load_theme(RenderOptions(theme=theme, paper="A4", marking="B", organisation="D"))
    assert (t.paper, t.marking, t.organisation) == ("A4", "B", "D")


@pytest.mark.parametrize(
    "text, message",
    [
        ("paper: A5\n", "paper: expected one of A4, Letter"),
        ('colours: {text: "red"}\n', "colours.text: expected #RRGGBB"),
        ("fonts: {size: 6}\n", "fonts.size"),
        ("fonts: {body: Comic}\n", "fonts.body: 'Comic' has no entry"),
        ("logo: missing.png\n", "logo: no such image"),
        ("- a list\n", "must be a mapping"),
        ("paper: [\n", "not valid YAML"),
    ],
)
def test_bad_theme_names_file_and_key(tmp_path, text, message):
    with pytest.raises(RenderError, match=message):
        load_theme(RenderOptions(theme=theme_file(tmp_path, text)))


def test_a_logo_that_is_no_image_is_named_before_any_writer_meets_it(tmp_path):
    (tmp_path / "logo.png").write_text("not an image", encoding="utf-8")
    with pytest.raises(RenderError, match=r"logo: '.*logo\.png' is not a PNG or JPEG image"):
        load_theme(RenderOptions(theme=theme_file(tmp_path, "logo: logo.png\n")))


def test_logo_and_marking_reach_both_formats(tmp_path, golden_brief, docx_part, pdf_reader):
    from PIL import Image

    Image.new("RGB", (40, 20), (20, 60, 120)).save(tmp_path / "logo.png")
    options = RenderOptions(theme=theme_file(tmp_path, "logo: logo.png\nmarking: ДСП-ТЕСТ\n"))
    data = get_writer("docx")(golden_brief, options)
    assert "ДСП-ТЕСТ" in docx_part(data, "word/header2.xml") + docx_part(data, "word/header1.xml")
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(io.BytesIO(data)).namelist())
    reader = pdf_reader(get_writer("pdf")(golden_brief, options))
    assert "ДСП-ТЕСТ" in reader.pages[1].extract_text()
    assert "/XObject" in reader.pages[0]["/Resources"]


def test_an_unknown_docx_table_style_is_an_error_not_a_silent_fall_back(tmp_path, golden_brief):
    from briefgen.render import get_writer

    options = RenderOptions(theme=theme_file(tmp_path, "docx: {table_style: Tabel Grid}\n"))
    with pytest.raises(RenderError, match="theme docx.table_style: Word has no table style 'Tabel Grid'"):
        get_writer("docx")(golden_brief, options)
