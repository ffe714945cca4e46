"""The PDF brief: an outline entry per section, only the bundled fonts, working links, reproducible bytes."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.render import RenderOptions, get_writer
from briefgen.render.paths import TEMPLATES_DIR


@pytest.fixture(scope="module")
def data(each_brief):
    return get_writer("pdf")(each_brief, RenderOptions())


def bundled_font_names() -> set[str]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    return {TTFontFile(str(p)).name.decode() for p in (TEMPLATES_DIR / "fonts").glob("*.ttf")}


def test_outline_has_every_section(data, pdf_reader, each_brief):
    from briefgen.render.compose import compose

    tree, _ = compose(each_brief, RenderOptions(), "brief.j2")
    sections = [h for h in tree.headings(1)]
    titles = [it.title for it in outline_items(pdf_reader(data))]
    assert len(sections) >= 6
    assert all("".join(r.text for r in h.runs) in titles for h in sections)


def test_embeds_only_the_bundled_fonts(data, pdf_reader):
    bundled = bundled_font_names()
    seen = set()
    reader = pdf_reader(data)
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+", 1)[-1])
    assert seen and seen <= bundled


def outline_items(reader) -> list:
    out = []

    def walk(items):
        for it in items:
            walk(it) if isinstance(it, list) else out.append(it)

    walk(reader.outline)
    return out


def test_every_link_goes_to_an_outlined_destination_and_references_to_the_annex(data, pdf_reader):
    reader = pdf_reader(data)
    where = {(it.page.idnum, round(float(it.top), 1)): it.title for it in outline_items(reader)}
    targets = []
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            a = annot.get_object()
            if a.get("/Subtype") == "/Link":
                dest = a["/Dest"]
                targets.append(where.get((dest[0].idnum, round(float(dest[3]), 1))))
    assert targets and None not in targets  # every link lands on an outline entry
    annex = [t for t in targets if t.startswith("§")]
    assert len(annex) > len(targets) / 2  # most links are references into the annex


def test_kazakh_and_uzbek_letters_survive_as_text(large_brief, pdf_reader):
    reader = pdf_reader(get_writer("pdf")(large_brief, RenderOptions()))
    text = "".join(p.extract_text() for p in reader.pages)
    for word in ("Әлихан", "Қасымов", "Ғылыми", "Өтепов", "Үсенов", "Һадия", "Ілиясова", "Oʻzbekiston", "gʻalla"):
        assert word in text


def test_two_builds_are_byte_identical(each_brief, data):
    assert get_writer("pdf")(each_brief, RenderOptions()) == data


def test_metadata_paper_and_date(golden_brief, pdf_reader):
    reader = pdf_reader(get_writer("pdf")(golden_brief, RenderOptions(paper="Letter")))
    meta = reader.metadata
    assert meta.title.startswith("Второе заседание") and meta.author == "Zakon.kz"
    assert meta["/CreationDate"].startswith("D:20251115")
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [612, 792]


def test_source_date_epoch_sets_the_date(golden_brief, pdf_reader, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    reader = pdf_reader(get_writer("pdf")(golden_brief, RenderOptions()))
    assert reader.metadata["/CreationDate"].startswith("D:20260101")
    assert "1 января 2026" in reader.pages[0].extract_text()


def test_templates_dir_is_found():
    assert (TEMPLATES_DIR / "brief.j2").is_file() and Path(TEMPLATES_DIR / "fonts" / "LICENSE-ParaType.txt").is_file()
