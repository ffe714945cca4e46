"""Turn a DOCX article into its text: the body's paragraphs and table rows in order, without headers and footers.

Running headers, footers and page numbers live in their own parts of the file,
so reading the body alone leaves them out; Word hyphenates when it lays out
the page, so the body has no line-end hyphens.
"""
from __future__ import annotations

import io
import zipfile

from ..errors import SourceError
from . import Article, paragraphs

MAX_UNPACKED = 256 * 2**20  # a DOCX unpacking to more is refused (a zip bomb in an 8 MB file)


def read(raw: bytes) -> Article:
    """The document's article; SourceError when python-docx cannot open it."""
    import docx
    from docx.table import Table

    _check_unpacked(raw)
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as e:
        raise SourceError(f"not a readable DOCX: {' '.join(str(e).split()) or type(e).__name__}") from None
    parts: list[str] = []
    title = document.core_properties.title or None
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            parts.extend(" | ".join(cell.text for cell in row.cells) for row in block.rows)
            continue
        style = (block.style.name if block.style is not None else None) or ""
        if title is None and not "".join(parts).strip() and style.startswith(("Title", "Heading")):
            title = " ".join(block.text.split()) or None  # the headline, when the file's properties name none
        parts.append(block.text)
    return Article(text=paragraphs(parts), title=title)


def _check_unpacked(raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            size = sum(info.file_size for info in z.infolist())
    except zipfile.BadZipFile as e:
        raise SourceError(f"not a readable DOCX: {e}") from None
    if size > MAX_UNPACKED:
        raise SourceError(f"too large unpacked: {size / 2**20:.0f} MB (the limit is {MAX_UNPACKED // 2**20} MB)")
