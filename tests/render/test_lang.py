"""Label languages: the source's by default, --lang otherwise; the brief's own text stays as it is."""
from __future__ import annotations

import io
import re

import docx

from briefgen.render import RenderOptions, get_writer

CYRILLIC = re.compile("[\u0400-\u04ff]")


def test_english_rendering_of_latin_text_has_no_cyrillic(english_brief, pdf_reader):
    options = RenderOptions(lang="en")
    d = docx.Document(io.BytesIO(get_writer("docx")(english_brief, options)))
    texts = [p.text for p in d.paragraphs] + [c.text for t in d.tables for row in t.rows for c in row.cells]
    texts += [p.text for s in d.sections for hf in (s.header, s.footer, s.first_page_header) for p in hf.paragraphs]
    assert not [t for t in texts if CYRILLIC.search(t)]
    for fmt in ("pdf", "factsheet"):
        reader = pdf_reader(get_writer(fmt)(english_brief, options))
        text = "".join(p.extract_text() for p in reader.pages)
        assert "Key points" in text or "Fact sheet" in text.title() or "FACT SHEET" in text
        assert not CYRILLIC.search(text), CYRILLIC.findall(text)[:20]


def test_labels_follow_the_source_language_unless_lang_says_otherwise(english_brief, golden_brief, pdf_reader):
    def first_page(brief, options):
        return pdf_reader(get_writer("pdf")(brief, options)).pages[0].extract_text()

    assert "Key points" in first_page(english_brief, RenderOptions()) and "Главное" in first_page(golden_brief, RenderOptions())
    assert "Главное" in first_page(english_brief, RenderOptions(lang="ru"))


def test_label_language_is_asked_for_else_the_sources_else_russian():
    from briefgen.model import Brief, Source
    from briefgen.render import label_language

    def brief(lang):
        return Brief(Source("text", language=lang))

    assert [label_language(RenderOptions(lang=ask), brief(src)) for ask, src in [(None, "en"), (None, "ru"), (None, "kk"), ("ru", "en"), ("en", "ru")]] == [
        "en", "ru", "ru", "ru", "en"
    ]
