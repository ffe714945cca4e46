"""Each kind of article is told by its content, not its name; plain text loads no reader."""
from __future__ import annotations

import io
import zipfile

import pytest

from briefgen.readers import binary_kind, is_html, paragraphs


def _zip(name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(name, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"%PDF-1.7\n", "pdf"),
        (_zip("word/document.xml"), "docx"),
        (_zip("content.xml"), None),  # an OpenDocument file: a ZIP, not a DOCX
        (b"PK\x03\x04 broken", None),
        ("Министр провёл переговоры.".encode(), None),
    ],
)
def test_binary_kind(raw, expected):
    assert binary_kind(raw) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<!DOCTYPE html>\n<html><body><p>Текст</p></body></html>", True),
        ("  <!doctype HTML><p>Текст</p>", True),
        ("<?xml version='1.0'?>\n<!-- saved -->\n<html lang='ru'>", True),
        ("<body><p>Текст</p></body>", True),
        ("Министр сказал, что тег <p> ему не знаком.\n<html> здесь в середине", False),
        ("date 2025-01-01\nТекст статьи.", False),
    ],
)
def test_is_html(text, expected):
    assert is_html(text) is expected


@pytest.mark.parametrize(
    "parts, expected",
    [
        (["Первый  абзац\n", "", "  второй\tабзац "], "Первый абзац\n\nвторой абзац"),
        (["", " "], ""),
    ],
)
def test_paragraphs(parts, expected):
    assert paragraphs(parts) == expected

