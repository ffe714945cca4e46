"""Turn the block tree of `factsheet.j2` into a PDF of exactly one page.

When the content is taller than the page, the item with the highest `rank`
(the least important) is dropped and counted in the <more> note, until it fits;
text keeps its size (nothing below 8 pt). Should the unrankable rest still not
fit, it is cut at the page's foot rather than spill onto a second page.
"""
from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepInFrame

from ..model import Brief
from . import DOCUMENTS, RenderOptions
from .blocks import Block, BulletList, Chart, Document, Heading, More, Quote, Stats, Table
from .compositions import composed
from .fonts import unique_subset_tags
from .pdf_blocks import Kit
from .pdf_writer import MARGINS, PAPER, BriefDoc, FormCanvas, text_width, warn_missing
from .theme import Theme

MAX_DROPS = 500  # a bound on the fitting loop; past it, the page is cut at its foot


def write(brief: Brief, options: RenderOptions) -> bytes:
    """The fact sheet as a one-page PDF (the same bytes for the same brief, templates and theme)."""
    tree, theme = composed(brief, options, DOCUMENTS["factsheet"].template)
    return render_factsheet(tree, theme)


def render_factsheet(tree: Document, theme: Theme) -> bytes:
    """A block tree on one page, lower-ranked items dropped until it fits."""
    width = text_width(theme)
    height = PAPER[theme.paper][1] - MARGINS["topMargin"] - MARGINS["bottomMargin"]
    kit = Kit(theme, tree, width)
    flow = kit.flowables(tree.blocks)
    for _ in range(MAX_DROPS):
        if _height(flow, width, height) <= height:
            break
        smaller = drop_lowest(tree)
        if smaller is None:
            break
        tree = smaller
        kit = Kit(theme, tree, width)
        flow = kit.flowables(tree.blocks)
    out = io.BytesIO()
    doc = BriefDoc(out, tree, theme, kit, one_page=True)
    doc.build([KeepInFrame(width, height, flow, mode="truncate")], canvasmaker=FormCanvas)
    warn_missing(kit.glyphs.missing, tree)
    return unique_subset_tags(out.getvalue())  # reportlab tags every first subset AAAAAA


def _height(flow: list[Flowable], width: float, limit: float) -> float:
    """The height the flowables take stacked in a frame (stops counting past `limit`)."""
    total = 0.0
    for f in flow:
        _, h = f.wrap(width, limit * 4)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
        if total > limit:
            break
    return total


def drop_lowest(tree: Document) -> Document | None:
    """The tree without its highest-ranked item (and without headings left over nothing), one more counted in <more>."""
    ranked = [(rank, i, j) for i, b in enumerate(tree.blocks) for rank, j in _ranks(b) if rank is not None]
    if not ranked:
        return None
    _, i, j = max(ranked, key=lambda r: (r[0], r[1], -1 if r[2] is None else r[2]))
    blocks = list(tree.blocks)
    smaller = _without(blocks[i], j)
    if smaller is None:
        del blocks[i]
    else:
        blocks[i] = smaller
    blocks = [dataclasses.replace(b, count=b.count + 1) if isinstance(b, More) else b for b in _prune(blocks)]
    return dataclasses.replace(tree, blocks=tuple(blocks))


def _ranks(b: Block) -> Sequence[tuple[int | None, int | None]]:
    """(rank, part) for each droppable part of a block; part None is the whole block."""
    match b:
        case Stats():
            return [(s.rank, j) for j, s in enumerate(b.items)]
        case BulletList():
            return [(it.rank, j) for j, it in enumerate(b.items)] + [(b.rank, None)]
        case Chart():
            return [(x.rank, j) for j, x in enumerate(b.bars)] + [(b.rank, None)]
        case Table():
            return [(r, j) for j, r in enumerate(b.ranks)]
        case Quote():
            return [(b.rank, None)]
        case _:
            return []


def _without(b: Block, j: int | None) -> Block | None:
    """The block without part j (None when nothing worth showing is left)."""
    if j is None:
        return None
    match b:
        case Stats():
            items = b.items[:j] + b.items[j + 1 :]
            return dataclasses.replace(b, items=items) if items else None
        case BulletList():
            items = b.items[:j] + b.items[j + 1 :]
            return dataclasses.replace(b, items=items) if items else None
        case Chart():
            bars = b.bars[:j] + b.bars[j + 1 :]
            return dataclasses.replace(b, bars=bars) if len(bars) >= 2 else None
        case Table():
            row = b.header_rows + j
            rows = b.rows[:row] + b.rows[row + 1 :]
            ranks = b.ranks[:j] + b.ranks[j + 1 :]
            return dataclasses.replace(b, rows=rows, ranks=ranks) if len(rows) > b.header_rows else None
        case _:
            return None


def _prune(blocks: list[Block]) -> list[Block]:
    """Drop section headings (levels 1–3) with nothing under them before the next heading or the note."""
    out: list[Block] = []
    for b in reversed(blocks):
        nxt = out[-1] if out else None
        if isinstance(b, Heading) and b.level >= 1 and (nxt is None or isinstance(nxt, More) or isinstance(nxt, Heading) and nxt.level <= b.level):
            continue
        out.append(b)
    return out[::-1]
