"""Keep the pages a brief was laid out on, so the DOCX can use the PDF's layout without laying the brief out again.

The DOCX takes its contents' page numbers, its page count and its running
header from the PDF's layout. The last layout is kept here, in a module that
loads no layout library, so a process that was handed the layout by a forked
layout process (see `render.shared`) writes the DOCX without importing reportlab.
"""
from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Generator

from .blocks import Document
from .theme import Theme


@dataclasses.dataclass(frozen=True, slots=True)
class Layout:
    """A laid-out brief: the PDF, the tree as laid out (its contents dropped when short) and where things fell."""

    pdf: bytes
    tree: Document
    pages: int
    anchor_pages: dict[str, int]  # heading id → page, for the contents of both formats
    header: str  # the running header: the title, cut only where the line is full
    missing: int  # characters no font has, drawn as U+FFFD


Kept = tuple[Document, Theme, Layout]  # a tree, its theme, its layout
_last: list[Kept] = []


@contextlib.contextmanager
def provisional(tree: Document, theme: Theme) -> Generator[None]:
    """Within the block, the tree's layout is one page without page numbers (a writer rehearsed while the real
    one is being laid out); after it, the layout kept before is back (a provisional one never outlives it)."""
    before = list(_last)
    remember(tree, theme, Layout(b"", tree, 1, {}, tree.meta.header, 0))
    try:
        yield
    finally:
        _last[:] = before


def recall(tree: Document, theme: Theme) -> Layout | None:
    """The layout of this tree (or an equal one) on this theme, if it is the last one laid out."""
    if _last and _last[0][1] == theme and (_last[0][0] is tree or _last[0][0] == tree):
        return _last[0][2]
    return None


def remember(tree: Document, theme: Theme, layout: Layout) -> None:
    """Keep this layout as the last one (one is kept: a pack's DOCX follows its PDF)."""
    _last[:] = [(tree, theme, layout)]


def last() -> Kept | None:
    """The last layout (with its PDF: the next pack of the same brief takes it as it is): what a forked layout process hands back."""
    return _last[0] if _last else None


def adopt(kept: Kept | None) -> None:
    """Keep a layout handed back by another process."""
    if kept is not None:
        remember(*kept)
