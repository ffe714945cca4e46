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
    assert BUILTIN <= used
    assert all(s.builtin for s in d.styles if s.name in BUILTIN)


def test_a_toc_block_becomes_a_field_word_updates_on_open(docx_part):
    # the brief's body is two pages at most and has no contents list; a template that asks for one gets a field
    from briefgen.render.docx_writer import render_docx
    from briefgen.render.markup import parse
    from briefgen.render.theme import load_theme

    tree = parse('<doc title="T"><toc title="Contents" depth="1"/><h1 id="a">One</h1><p>Text.</p></doc>')
    data = render_docx(tree, load_theme(RenderOptions()))
    assert re.search(r'<w:instrText[^>]*> TOC \\o "1-\d" \\h', docx_part(data))
    assert '<w:updateFields w:val="true"/>' in docx_part(data, "word/settings.xml")


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


def test_properties_language_header_rows_and_page_fields(golden_brief, docx_part):
    data = get_writer("docx")(golden_brief, RenderOptions(lang="en", marking="RESTRICTED"))
    d = docx.Document(io.BytesIO(data))
    cp = d.core_properties
    assert cp.title.startswith("Второе заседание") and cp.author == "Zakon.kz"
    assert cp.created.date().isoformat() == golden_brief.source.date
    assert "Trade" in cp.keywords
    assert 'w:val="en-GB"' in docx_part(data, "word/styles.xml")
    body = docx_part(data)
    assert "<w:tblHeader/>" in body and body.count("<w:cantSplit/>") > 10
    footers = "".join(docx_part(data, n) for n in ("word/footer1.xml", "word/footer2.xml"))
    assert "NUMPAGES" in footers and " PAGE " in footers
    assert "RESTRICTED" in docx_part(data, "word/header1.xml") + docx_part(data, "word/header2.xml")


def test_zip_entries_have_a_fixed_order_and_date(data):
    import zipfile

    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    assert names[0] == "[Content_Types].xml" and names[2:] == sorted(names[2:])
    assert len({i.date_time for i in z.infolist()}) == 1
    assert "docProps/thumbnail.jpeg" not in names
