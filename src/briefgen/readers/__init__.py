"""Turn an article that is not plain text (a web page, DOCX, PDF) into its text, title, date and address.

Each kind is recognised by its content, not its file name, and each reader
(with its library) is imported only when a file of its kind arrives, so a
plain-text run loads none of them.
"""
from __future__ import annotations

import importlib
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

_HTML = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


@dataclass(frozen=True, slots=True)
class Article:
    """What a reader found: the article's text (paragraphs apart by a blank line) and what it says about itself."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None


def binary_kind(raw: bytes) -> str | None:
    """'pdf' or 'docx' when the bytes are one, else None (plain text, HTML, or a file briefgen refuses)."""
    if raw.startswith(b"%PDF"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                return "docx" if "word/document.xml" in z.namelist() else None
        except zipfile.BadZipFile:
            return None
    return None


def is_html(text: str) -> bool:
    """Whether decoded text is a web page (it opens with a doctype or an html, head or body tag)."""
    return bool(_HTML.match(text))


def read(kind: str, content: bytes | str) -> Article:
    """The article in a file of one kind ('html' takes decoded text; 'docx' and 'pdf' take bytes)."""
    return importlib.import_module(f"{__name__}.{kind}_reader").read(content)


def paragraphs(parts: Iterable[str]) -> str:
    """Non-empty paragraphs, white space inside each collapsed, one blank line between them (as in a .txt source)."""
    return "\n\n".join(p for p in (" ".join(part.split()) for part in parts) if p)
