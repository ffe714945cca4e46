"""The PDF brief: an outline entry per section, only the bundled fonts, working links, reproducible bytes."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefgen.render import RenderOptions, get_writer
from briefgen.render.blocks import Document, Meta, Run, Table, Toc
from briefgen.render.paths import TEMPLATES_DIR


@pytest.fixture(scope="module")
def data(each_brief):
    return get_writer("pdf")(each_brief, RenderOptions())


NB = "\u00a0"


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


def test_metadata_paper_and_date(golden_brief, pdf_reader, unit_theme):
    reader = pdf_reader(get_writer("pdf")(golden_brief, RenderOptions(paper="Letter", theme=unit_theme)))
    meta = reader.metadata
    assert meta.title.startswith("Второе заседание") and meta.author == "Отдел Центральной Азии"
    assert "Zakon.kz" in meta.subject  # the outlet is the source, not the author
    assert meta["/CreationDate"].startswith("D:20251115")
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [612, 792]
    assert "Отдел Центральной Азии" in reader.pages[0].extract_text()
    assert "дата источника" in reader.pages[0].extract_text()  # no preparation date given: the date is the source's


def test_an_undated_source_gets_no_made_up_date(golden_brief, pdf_reader):
    undated = dataclasses.replace(golden_brief, source=dataclasses.replace(golden_brief.source, date=None))
    meta = pdf_reader(get_writer("pdf")(undated, RenderOptions())).metadata
    assert meta.title and "/CreationDate" not in meta and "/ModDate" not in meta


def test_the_preparation_date_option_wins(golden_brief, pdf_reader):
    reader = pdf_reader(get_writer("pdf")(golden_brief, RenderOptions(prepared="2025-11-20")))
    assert reader.metadata["/CreationDate"].startswith("D:20251120")
    assert "Подготовлено 20 ноября 2025" in reader.pages[0].extract_text()


def test_outline_is_at_most_two_deep_with_one_annex_entry_and_shown_on_opening(data, pdf_reader):
    reader = pdf_reader(data)
    top = [it for it in reader.outline if not isinstance(it, list)]
    nested = [it for it in reader.outline if isinstance(it, list)]
    assert all(not isinstance(x, list) for group in nested for x in group)  # depth <= 2
    annex = [it.title for it in top if it.title.startswith("Приложение") and it.title.endswith("Текст источника")]
    assert len(annex) == 1
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_marking_at_top_and_bottom_of_every_page(golden_brief, pdf_reader):
    reader = pdf_reader(get_writer("pdf")(golden_brief, RenderOptions(marking="Для служебного пользования")))
    assert len(reader.pages) > 1
    for page in reader.pages:
        assert page.extract_text().count("Для служебного пользования") == 2


def test_the_running_header_is_the_whole_title_when_it_fits(golden_brief, pdf_reader):
    reader = pdf_reader(get_writer("pdf")(golden_brief, RenderOptions(marking="ДСП")))
    title = reader.metadata.title
    assert len(title) > 70 and title in reader.pages[1].extract_text()


def test_each_font_subset_has_its_own_tag(data, font_tags):
    tags = font_tags(data)
    assert len(tags) > 2 and len(set(tags)) == len(tags)


def test_contents_only_when_the_body_before_the_back_matter_is_long():
    from briefgen.render.markup import parse
    from briefgen.render.pdf_writer import TOC_MIN_PAGES, body_pages, layout
    from briefgen.render.theme import load_theme

    theme = load_theme(RenderOptions())

    def tree(body_sections: int, appendix_sections: int):
        def sections(prefix: str, n: int) -> str:
            return "".join(f'<h1 id="{prefix}{i}">Section {i}</h1>' + "<p>Text of the section. </p>" * 30 for i in range(n))

        back = '<pagebreak/><h1 id="appendix">Appendix</h1>' + sections("a", appendix_sections)
        return parse(f'<doc title="T"><toc title="Contents" depth="1"/>{sections("s", body_sections)}{back}</doc>')

    for body, appendix, wanted in ((2, 12, False), (12, 2, True)):  # a long appendix does not make a body long
        laid = layout(tree(body, appendix), theme)
        assert any(isinstance(b, Toc) for b in laid.tree.blocks) == wanted
        assert (body_pages(laid) >= TOC_MIN_PAGES) == wanted


def test_a_value_and_its_unit_never_break_in_a_crowded_table(pdf_reader):
    from briefgen.render.pdf_writer import render_pdf
    from briefgen.render.theme import load_theme

    values = [f"свыше{NB}{n},5{NB}млрд{NB}долл.{NB}США" for n in range(100, 130)]
    rows = [tuple((Run(t),) for t in ("Кто", "Что", "Срок", "Сколько", "Вид", "Абз."))]
    rows += [tuple((Run(t),) for t in ("Иван Иванов", "слово " * 40, "к 2030 году", v, "договорённость", "[§1]")) for v in values]
    tree = Document(Meta(title="Т"), (Table(tuple(rows)),))
    text = "\n".join(p.extract_text() for p in pdf_reader(render_pdf(tree, load_theme(RenderOptions()))).pages)
    lines = {line.strip() for line in text.replace(NB, " ").splitlines()}
    for v in values:
        assert any(v.replace(NB, " ") in line for line in lines), v
    assert any("к 2030 году" in line for line in lines)


def test_source_date_epoch_sets_the_date(golden_brief, pdf_reader, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    reader = pdf_reader(get_writer("pdf")(golden_brief, RenderOptions()))
    assert reader.metadata["/CreationDate"].startswith("D:20260101")
    assert "1 января 2026" in reader.pages[0].extract_text()


def test_templates_dir_is_found():
    assert (TEMPLATES_DIR / "brief.j2").is_file() and Path(TEMPLATES_DIR / "fonts" / "LICENSE-ParaType.txt").is_file()
