"""A PDF article gives its paragraphs without running header, page numbers or line-end hyphens; a scan is refused."""
from __future__ import annotations

import io

import pytest

from briefgen.errors import SourceError
from briefgen.readers import pdf_reader

from .article import PARAGRAPHS, RUNNING_HEADER, TITLE, pdf_file


def test_the_article_comes_out_whole():
    text = pdf_reader.read(pdf_file()).text
    assert text.split("\n\n")[1:] == [TITLE, *PARAGRAPHS]
    assert RUNNING_HEADER not in text and "– 1 –" not in text


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["товаро-", "оборот вырос"], ["товарооборот вырос"]),
        (["в торгово-", "экономической сфере"], ["в торгово-экономической сфере"]),
        (["город Нур-", "Султан"], ["город Нур-Султан"]),
        (["сказал он -", "и ушёл"], ["сказал он - и ушёл"]),
        (["первый абзац.", "", "второй"], ["первый абзац.", "второй"]),
    ],
)
def test_join(lines, expected):
    assert pdf_reader._join(lines) == expected


@pytest.mark.parametrize(
    "line, expected",
    [("12", True), ("– 3 –", True), ("Page 2 of 9", True), ("Стр. 4", True), ("- 5 -", True),
     ("В 2025 году", False), ("12 проектов", False)],
)
def test_page_numbers(line, expected):
    assert pdf_reader._is_furniture(line, set()) is expected


def test_a_scan_is_refused_in_one_line():
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.rect(50, 50, 400, 600, fill=1)  # a page with a picture of text, but no text
    c.showPage()
    c.save()
    with pytest.raises(SourceError, match=r"^a PDF with no text layer \(a scan\?\): run OCR on it first$"):
        pdf_reader.read(out.getvalue())


def test_a_damaged_pdf_is_refused_in_one_line():
    with pytest.raises(SourceError, match="^not a readable PDF: "):
        pdf_reader.read(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
