"""Text is data: whatever a brief's text holds renders literally in DOCX and PDF, never as markup or template."""
from __future__ import annotations

import dataclasses
import io
import warnings

import docx
import pytest

from briefgen.model import Brief, Commitment, Quote, Source
from briefgen.render import RenderOptions, RenderWarning, get_writer

HOSTILE = [
    "Цена < 5 & > 3",
    "{{ 7*7 }} и {% if true %}да{% endif %}",
    "<b>жирный</b> <font color='red'>красный</font> <img src='/etc/passwd'/>",
    "<![CDATA[x]]> &amp; &#x41; <!-- c -->",
    "RTL: שלום עולם مرحبا",
    "эмодзи 😀 и комбинированные е\u0301 а\u0308",
    "Қазақстан Әлем Ғылым Ңң Өнер Ұлт Үй Һ Ілияс, Oʻzbekiston gʻalaba",
    "Слово" + "ы" * 300,
]
CONTROL = "управляющие\x01символы\x1fи\ud800суррогат"


def hostile_brief() -> Brief:
    lines = ["date 2025-05-01"] + HOSTILE + [CONTROL]
    text = "\n".join(lines) + "\n"
    coms, quotes = [], []
    for line in HOSTILE:
        start = text.index(line)
        coms.append(Commitment(start, start + len(line), line, "proposal", actor="<i>Актор</i>"))
        quotes.append(Quote(start, start + len(line), line, speaker="{{ speaker }}"))
    source = Source(text=text, name="hostile.txt", date="2025-05-01", publisher="<Агентство & Co>", title="{% raw %}")
    return Brief(source, commitments=tuple(coms), quotes=tuple(quotes), event="<script>alert(1)</script>")


@pytest.fixture(scope="module")
def brief() -> Brief:
    return hostile_brief()


def render(fmt: str, brief: Brief) -> tuple[bytes, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = get_writer(fmt)(brief, RenderOptions())
    assert all(issubclass(w.category, RenderWarning) for w in caught), [str(w.message) for w in caught]
    return data, [str(w.message) for w in caught]


def test_docx_keeps_every_string_literally(brief):
    data, messages = render("docx", brief)
    d = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in d.paragraphs) + "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    for line in HOSTILE + ["<script>alert(1)</script>", "<i>Актор</i>", "{{ speaker }}"]:
        assert line in text
    assert "49" not in text  # the template in the text was not evaluated
    assert "управляющие\u2401символы\u241fи\ufffdсуррогат" in text
    assert any("3 character" in m for m in messages)


def test_pdf_keeps_every_string_literally(brief, pdf_reader):
    data, messages = render("pdf", brief)
    reader = pdf_reader(data)
    text = "".join(p.extract_text() for p in reader.pages).replace("\n", "")
    for line in HOSTILE[:4] + [HOSTILE[6], "<script>alert(1)</script>"]:
        assert line.replace(" ", "") in text.replace(" ", "")
    assert any(word in text for word in ("שלום", "םולש"))  # right-to-left letters kept (in logical or visual order)
    assert "ы" * 100 in text.replace(" ", "").replace("-", "")  # the long word is there, broken over lines
    # Only the two control pictures (U+2401, U+241F) lack a glyph: the emoji, Hebrew, Arabic and combining
    # marks are drawn (from DejaVu where PT lacks them). pypdf cannot read the emoji back: reportlab writes
    # its ToUnicode entry as five hex digits.
    assert [m for m in messages if "no font has" in m] and all(" 2 character" in m for m in messages if "no font has" in m)


def test_fact_sheet_survives_too(brief, pdf_reader):
    data, _ = render("factsheet", brief)
    assert len(pdf_reader(data).pages) == 1


def test_huge_title_still_one_page_fact_sheet(brief, pdf_reader):
    huge = dataclasses.replace(brief, event="Очень длинное название " * 300)
    data, _ = render("factsheet", huge)
    assert len(pdf_reader(data).pages) == 1
