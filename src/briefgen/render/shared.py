"""Hand what one process's writers worked out to another: compositions to a forked layout process, pages back.

A process's first pack has its PDFs laid out in a forked process while this
one writes the rest (see `pack.build`). Each document is composed once, here,
and handed over with the call; the layout of the brief comes back with the
PDF's result, so the DOCX takes its contents' page numbers from it instead of
laying the brief out a second time. While it waits, the DOCX is rehearsed.
"""
from __future__ import annotations

import contextlib
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Brief
from . import DOCUMENTS, FORMATS, RenderOptions, compositions, get_writer, pages


@dataclass(frozen=True, slots=True)
class Handover:
    """What a process gives another: compositions, and the last layout."""

    compositions: dict[compositions.Key, compositions.Composition] = field(default_factory=dict[compositions.Key, compositions.Composition])
    layout: pages.Kept | None = None


def composed(brief: Brief, options: RenderOptions, formats: Sequence[str]) -> Handover:
    """The documents of these formats, composed here (and kept here too)."""
    from .compose import compose  # the template engine and the digest: only where documents are composed

    templates = dict.fromkeys(DOCUMENTS[FORMATS[f].document].template for f in formats if FORMATS[f].composed)
    return Handover({compositions.key(brief, options, t): compose(brief, options, t) for t in templates})


def laid_out() -> Handover:
    """The layout this process made last, to hand back."""
    return Handover(layout=pages.last())


def adopt(handover: Handover) -> None:
    """Keep what another process handed over, as if it had been worked out here."""
    compositions.adopt(handover.compositions)
    pages.adopt(handover.layout)


def rehearse(brief: Brief, options: RenderOptions, fmt: str) -> None:
    """Write a format that waits for another process's layout once on provisional pages, and drop what it wrote.

    Its first-use costs (the writer's imports, the styled base, the font subsets, the compressed font parts:
    two thirds of a cold DOCX) are so paid while the other process lays out, not after it. The rehearsal says
    nothing and never fails: the real write, on the real pages, reports what there is to report.
    """
    tree, theme = compositions.composed(brief, options, DOCUMENTS[FORMATS[fmt].document].template)
    with pages.provisional(tree, theme), warnings.catch_warnings(), contextlib.suppress(Exception):  # raised again
        warnings.simplefilter("ignore")  # by the real write, which reports it
        get_writer(fmt)(brief, options)
