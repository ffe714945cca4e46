"""The DOCX brief: Word's built-in styles, a TOC field, links to bookmarks, reproducible bytes."""
from __future__ import annotations

import io
import re

import docx
import pytest

from briefgen.render import RenderOptions, get_writer

BUILTIN = {"Title", "Heading 1", "Heading 2", "List Bullet", "Quote"}


@pytest.fixture(scope="module")
def data(each_brief):
    return get_writer("docx")(each_brief, RenderOptions())


def test_reopens_with_builtin_styles(data):
    d = docx.Document(io.BytesIO(data))
    used = {p.style.name for p in d.paragraphs}
    assert used >= BUILTIN
    assert all(s.builtin for s in d.styles if s.name in BUILTIN)


def test_the_contents_are_written_with_page_numbers_and_word_asks_nothing(docx_part):
    # the brief's body is two pages at most and has no contents list; a template that asks for one gets it written out
    from briefgen.render.docx_writer import render_docx
    from briefgen.render.markup import parse
    from briefgen.render.theme import load_theme

    sections = "".join(f'<h1 id="s{i}">Section {i}</h1>' + "<p>Text of the section. </p>" * 40 for i in range(6))
    tree = parse(f'<doc title="T"><toc title="Contents" depth="1"/>{sections}</doc>')
    data = render_docx(tree, load_theme(RenderOptions()))
    body = docx_part(data)
    assert re.search(r'<w:instrText[^>]*> TOC \\o "1-\d" \\h', body)
    entries = re.findall(r'<w:pStyle w:val="TOC1"/>.*?</w:p>', body)
    assert len(entries) == 6 and all(re.search(r"<w:tab/>.*<w:t[^>]*>\d+</w:t>", e) for e in entries)
    assert "updateFields" not in docx_part(data, "word/settings.xml")


def test_a_short_brief_has_no_contents(english_brief, docx_part):
    assert "TOC1" not in docx_part(get_writer("docx")(english_brief, RenderOptions()))


def test_every_reference_links_to_an_annex_paragraph(data, docx_part):
    body = docx_part(data)
    anchors = set(re.findall(r'<w:hyperlink w:anchor="([^"]+)"', body))
    marks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', body))
    refs = {a for a in anchors if a.startswith("p")}
    assert refs and refs <= marks
    assert anchors <= marks


def test_kazakh_and_uzbek_letters_survive(large_brief, docx_part):
    body = docx_part(get_writer("docx")(large_brief, RenderOptions()))
    for word in ("Әлихан", "Қасымов", "Ғылыми", "Өтепов", "Ұлан", "Үсенов", "Һадия", "Ілиясова", "Oʻzbekiston", "gʻalla"):
        assert word in body


def test_two_builds_are_byte_identical(each_brief, data):
    assert get_writer("docx")(each_brief, RenderOptions()) == data


def test_properties_language_header_rows_and_page_fields(golden_brief, docx_part, unit_theme):
    data = get_writer("docx")(golden_brief, RenderOptions(lang="en", marking="RESTRICTED", theme=unit_theme))
    d = docx.Document(io.BytesIO(data))
    cp = d.core_properties
    assert cp.title.startswith("Второе заседание") and cp.author == "Отдел Центральной Азии"
    assert cp.created.date().isoformat() == golden_brief.source.date
    assert "Trade" in cp.keywords
    assert 'w:val="en-GB"' in docx_part(data, "word/styles.xml")
    body = docx_part(data)
    assert "<w:tblHeader/>" in body and body.count("<w:cantSplit/>") > 10
    footers = "".join(docx_part(data, n) for n in ("word/footer1.xml", "word/footer2.xml"))
    assert "NUMPAGES" in footers and " PAGE " in footers
    assert "RESTRICTED" in docx_part(data, "word/header1.xml") + docx_part(data, "word/header2.xml")


def test_marking_at_top_and_bottom_of_every_page(golden_brief):
    d = docx.Document(io.BytesIO(get_writer("docx")(golden_brief, RenderOptions(marking="Для служебного пользования"))))
    section = d.sections[0]

    def text(part):
        return "".join(p.text for p in part.paragraphs)

    assert "Для служебного пользования" in d.paragraphs[0].text  # page 1 opens with it
    for part in (section.header, section.footer, section.first_page_footer):
        assert "Для служебного пользования" in text(part)


def test_every_face_the_text_uses_is_embedded_and_the_file_stays_small(golden_brief, docx_part):
    from briefgen.render.docx_fonts import faces_used

    data = get_writer("docx")(golden_brief, RenderOptions())
    used = faces_used(docx.Document(io.BytesIO(data)))
    table = docx_part(data, "word/fontTable.xml")
    rels = docx_part(data, "word/_rels/fontTable.xml.rels")
    assert {f.family for f in used} == {"PT Serif", "PT Sans"}
    for face in used:
        name = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
        entry = re.search(rf'<w:font w:name="{face.family}">(.*?)</w:font>', table, re.S).group(1)
        rid = re.search(rf'<w:embed{name[(face.bold, face.italic)]} [^>]*r:id="(rId\d+)"', entry).group(1)
        assert f'Id="{rid}"' in rels
        assert re.search(r'<w:family w:val="(roman|swiss)"/>', entry)  # a named fallback class as well
    assert len(data) < 1_000_000


def test_no_table_has_a_heavy_black_grid(each_brief, docx_part):
    data = get_writer("docx")(each_brief, RenderOptions())
    styles, body = docx_part(data, "word/styles.xml"), docx_part(data, "word/document.xml")
    used = set(re.findall(r'<w:tblStyle w:val="([^"]+)"/>', body))
    assert used
    for style_id in used:
        style = re.search(rf'<w:style w:type="table"[^>]*w:styleId="{style_id}".*?</w:style>', styles, re.S).group(0)
        for edge in ("left", "right", "insideV"):
            assert re.search(rf'<w:{edge} w:val="(nil|none)"', style), (style_id, edge)
    assert "<w:tblBorders>" not in body


def test_lists_and_subtitle_look_as_in_the_pdf(golden_brief, docx_part):
    data = get_writer("docx")(golden_brief, RenderOptions())
    styles, numbering = docx_part(data, "word/styles.xml"), docx_part(data, "word/numbering.xml")
    subtitle = re.search(r'<w:style [^>]*w:styleId="Subtitle".*?</w:style>', styles, re.S).group(0)
    assert "<w:numPr>" not in subtitle and "w:spacing w:val" not in subtitle
    assert '<w:lvlText w:val="\u2022"/>' in numbering and '<w:color w:val="2F6DB5"/>' in numbering


def test_zip_entries_have_a_fixed_order_and_date(data):
    import zipfile

    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    assert names[0] == "[Content_Types].xml" and names[2:] == sorted(names[2:])
    assert len({i.date_time for i in z.infolist()}) == 1
    assert "docProps/thumbnail.jpeg" not in names


def test_the_generator_is_named_in_the_metadata_only(golden_brief, docx_part):
    data = get_writer("docx")(golden_brief, RenderOptions())
    assert "<Application>briefgen " in docx_part(data, "docProps/app.xml")
    assert "briefgen" not in docx_part(data)
