"""A DOCX article gives the body's paragraphs in order; its header and footer stay out."""
from __future__ import annotations

import pytest

from briefgen.errors import SourceError
from briefgen.readers import docx_reader

from .article import PARAGRAPHS, RUNNING_HEADER, TITLE, docx_file


def test_the_body_without_header_and_footer():
    article = docx_reader.read(docx_file())
    assert article.text.split("\n\n")[1:] == [TITLE, *PARAGRAPHS]
    assert RUNNING_HEADER not in article.text and "Страница" not in article.text


def test_the_headline_in_title_style_is_the_title():
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(PARAGRAPHS[0])
    out = io.BytesIO()
    document.save(out)
    assert docx_reader.read(out.getvalue()).title == TITLE


def test_a_damaged_docx_is_refused_in_one_line():
    with pytest.raises(SourceError, match="^not a readable DOCX: "):
        docx_reader.read(b"PK\x03\x04 not really a zip")


def test_a_docx_that_unpacks_too_large_is_refused_before_it_is_opened(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED", 1000)
    with pytest.raises(SourceError, match=r"^too large unpacked: \d+ MB \(the limit is \d+ MB\)$"):
        docx_reader.read(docx_file())
