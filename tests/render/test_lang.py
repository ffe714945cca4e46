"""--lang en: every label in English; the brief's own text stays as it is."""
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


def test_russian_labels_by_default(english_brief, pdf_reader):
    text = pdf_reader(get_writer("pdf")(english_brief, RenderOptions())).pages[0].extract_text()
    assert "Главное" in text and "Источник" in text
