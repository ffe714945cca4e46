"""A saved web page gives its article: text without navigation or scripts, headline, date, canonical address."""
from __future__ import annotations

import pytest

from briefgen.errors import SourceError
from briefgen.readers import html_reader
from briefgen.source import source_from_bytes

from .article import DATE, TEXT, TITLE, URL, web_page


def test_the_article_and_what_the_page_says_of_it():
    article = html_reader.read(web_page())
    assert (article.title, article.date, article.url) == (TITLE, DATE, URL)
    assert article.text.split("\n\n") == TEXT.split("\n", 1)[1].strip().split("\n\n")


@pytest.mark.parametrize(
    "head, body, expected",
    [
        ('<meta property="article:published_time" content="2025-03-05T14:20:00+05:00">', "", "2025-03-05"),
        ("", '<time datetime="2025-03-05">5 марта</time>', "2025-03-05"),
        ("", "<div>Опубликовано 5 марта 2025, 14:20</div>", None),  # never a guessed 1 January
    ],
)
def test_the_date_comes_from_the_pages_markup_only(head, body, expected):
    paragraph = "<p>Министр иностранных дел провёл переговоры с коллегой и обсудил торговлю и транзит грузов.</p>"
    page = f"<!DOCTYPE html><html><head><title>Переговоры</title>{head}</head><body><article>{body}{paragraph * 3}</article></body></html>"
    assert html_reader.read(page).date == expected


def test_the_source_text_has_the_date_line_and_no_markup():
    source = source_from_bytes(web_page().encode("utf-8"), "page.html")
    assert source.text == TEXT.rstrip("\n")
    assert (source.date, source.title, source.url) == (DATE, TITLE, URL)
    assert not any(s in source.text for s in ("<p>", "&quot;", "Главная", "cookie", "dataLayer", "Читайте также"))


def test_the_checksum_is_of_the_file_as_given():
    import hashlib

    raw = web_page().encode("utf-8")
    assert source_from_bytes(raw, "page.html").sha256 == hashlib.sha256(raw).hexdigest()


def test_a_page_without_an_article_is_refused():
    with pytest.raises(SourceError, match="a web page with no article text"):
        html_reader.read("<!DOCTYPE html><html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")
