"""Turn the block tree of `factsheet.j2` into a PDF of exactly one page.

When the content is taller than the page, the item with the highest `rank`
(the least important) is dropped and counted in the <more> note, until it fits;
text keeps its size (nothing below 8 pt). Should the unrankable rest still not
fit, it is cut at the page's foot rather than spill onto a second page. A drop
changes one block, so each block's height is measured once (`_Heights`), not
the whole page again after every drop.
"""
from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence

from reportlab.platypus import KeepInFrame

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
    heights = _Heights(Kit(theme, tree, width), width, height)
    for _ in range(MAX_DROPS):
        if heights.total(tree.blocks) <= height:
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


class _Heights:
    """The height blocks take stacked in a frame, each block measured once (kept while the block object is in use)."""

    def __init__(self, kit: Kit, width: float, limit: float) -> None:
        self.kit, self.width, self.limit = kit, width, limit
        self.known: dict[int, tuple[Block, float]] = {}  # id → (the block, kept alive so its id stays its own; height)

    def total(self, blocks: Sequence[Block]) -> float:
        """The blocks' height (counting stops past the limit)."""
        total = 0.0
        for b in blocks:
            total += self.of(b)
            if total > self.limit:
                break
        return total

    def of(self, b: Block) -> float:
        known = self.known.get(id(b))
        if known is None or known[0] is not b:
            flow = self.kit.block(b)
            known = (b, sum(f.wrap(self.width, self.limit * 4)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flow))
            self.known[id(b)] = known
        return known[1]


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
