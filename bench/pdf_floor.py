"""Lay out the brief's PDF from a composition made ahead, and nothing else: the floor of a cold render.

`make bench` times this in fresh processes. A cold `render --format all` lays
out the same PDF after its process has started, imported reportlab and
registered the fonts, so it can never be faster than this, whatever runs beside
it: LibreOffice's time over this one is the best ratio any cold render could show.
Usage: pdf_floor.py --compose BRIEF.json HANDOVER   (untimed), then pdf_floor.py HANDOVER
"""
from __future__ import annotations

import pickle
import sys
from pathlib import Path


def main(args: list[str]) -> None:
    if args[0] == "--compose":
        from briefgen.render import RenderOptions, shared
        from briefgen.serialize import load_brief

        brief, options = load_brief(Path(args[1]).read_text(encoding="utf-8")), RenderOptions()
        Path(args[2]).write_bytes(pickle.dumps((shared.composed(brief, options, ["pdf"]), brief, options)))
        return
    handover, brief, options = pickle.loads(Path(args[0]).read_bytes())
    from briefgen.render import get_writer, shared

    shared.adopt(handover)
    get_writer("pdf")(brief, options)


if __name__ == "__main__":
    main(sys.argv[1:])
