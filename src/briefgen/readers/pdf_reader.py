"""Turn a PDF article into its text: running headers, page numbers and line-end hyphens taken out, lines joined.

A PDF holds lines, not paragraphs. pypdf's layout mode keeps the vertical
gaps as empty lines, and a gap ends a paragraph. A line that recurs at the top
or bottom of most pages (digits aside) is a running header or footer; a line of
only a page number is dropped; a word split by a hyphen at a line end is joined
again unless it joins the halves of a compound adjective ("торгово-экономический").
"""
from __future__ import annotations

import io
import re
from collections import Counter

from ..errors import SourceError
from . import Article, paragraphs

_PAGE_NUMBER = re.compile(r"(?i)^\W*(?:(?:page|p\.|стр\.?|страница|с\.)\s*)?\d{1,4}(?:\s*(?:of|из|/)\s*\d{1,4})?\W*$")
_EDGE = 2  # lines at the top and at the bottom of a page where running headers and footers sit
_ENDS = ".!?…»\""  # a page whose last line ends so ends its paragraph


def read(raw: bytes) -> Article:
    """The document's article; SourceError for a damaged, locked or scanned PDF."""
    pages = _page_lines(raw)
    if not any(line.strip() for page in pages for line in page):
        raise SourceError("a PDF with no text layer (a scan?): run OCR on it first")
    running = _running_lines(pages)
    lines: list[str] = []
    for page in pages:
        text = [ln for ln in page if ln]
        edges = set(text[:_EDGE] + text[-_EDGE:])
        kept = "\n".join(ln for ln in page if not (ln in edges and _is_furniture(ln, running))).strip("\n")
        lines.extend(kept.split("\n"))
        if kept.endswith(tuple(_ENDS)):  # else the paragraph goes on on the next page
            lines.append("")
    return Article(text=paragraphs(_join(lines)))


def _page_lines(raw: bytes) -> list[list[str]]:
    import logging

    import pypdf
    from pypdf.errors import DependencyError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are no error of the input: one line only
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("an encrypted PDF: save it without a password first")
        return [
            [" ".join(ln.split()) for ln in page.extract_text(extraction_mode="layout").splitlines()]
            for page in reader.pages
        ]
    except SourceError:
        raise
    except (PyPdfError, DependencyError, ValueError, KeyError, TypeError, OSError) as e:  # DependencyError: no AES library
        raise SourceError(f"not a readable PDF: {' '.join(str(e).split()) or type(e).__name__}") from None


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of lines found at a page's edge on at least half the pages (of two or more)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        text = [ln for ln in page if ln]
        seen.update({_shape(ln) for ln in text[:_EDGE] + text[-_EDGE:]})
    return {shape for shape, n in seen.items() if n >= 2 and n * 2 >= len(pages)}


def _is_furniture(line: str, running: set[str]) -> bool:
    """A page number, running header or footer (asked of the lines at a page's edges)."""
    return bool(_PAGE_NUMBER.match(line)) or _shape(line) in running


def _join(lines: list[str]) -> list[str]:
    """Paragraphs from lines: lines joined with a space, or without the hyphen of a word split at a line end."""
    paras, current = [], ""
    for line in lines:
        if not line:
            paras.append(current)
            current = ""
            continue
        if not re.search(r"\w-$", current) or not line[:1].isalpha():
            current = f"{current} {line}" if current else line
        elif line[:1].islower() and not _compound(current, line):
            current = current[:-1] + line
        else:
            current += line  # a hyphen of the word itself ("Нур-" + "Султан")
    return [*paras, current]


def _compound(before: str, after: str) -> bool:
    """Whether a line-end hyphen belongs to the word: a compound adjective ("торгово-" + "экономический")."""
    from ..lang import grammar as g, readings

    head = re.search(r"(\w+)-$", before)
    tail = re.match(r"\w+", after)
    if not head or not tail or not head.group(1).endswith(("о", "е")):
        return False
    return any(r.pos == g.ADJ for r in readings(tail.group()))
