"""Keep a pack's recent compositions (block trees), so its writers, and a forked layout process, share them.

Kept apart from `compose`, which loads the template engine and the digest: a
process handed its compositions (see `render.shared`) never imports those.
"""
from __future__ import annotations

import os

from ..model import Brief
from . import RenderOptions, for_brief
from .blocks import Document
from .theme import Theme

Key = tuple[Brief, RenderOptions, str, str]  # brief, options (label language settled), template, SOURCE_DATE_EPOCH
Composition = tuple[Document, Theme]
RECENT = 4  # compositions kept: a pack's documents
_recent: dict[Key, Composition] = {}


def key(brief: Brief, options: RenderOptions, template: str) -> Key:
    """What a composition depends on."""
    return brief, for_brief(options, brief), template, os.environ.get("SOURCE_DATE_EPOCH", "")


def recall(made_of: Key) -> Composition | None:
    """The composition kept under this key, if it is one of the recent ones."""
    return _recent.get(made_of)


def adopt(compositions: dict[Key, Composition]) -> None:
    """Keep these compositions (made here, or handed over by another process) as the most recent."""
    for made_of, composition in compositions.items():
        _recent.pop(made_of, None)
        _recent[made_of] = composition
    while len(_recent) > RECENT:
        del _recent[next(iter(_recent))]


def composed(brief: Brief, options: RenderOptions, template: str) -> Composition:
    """The composition kept for these, else one made now (which loads the template engine and the digest)."""
    made = recall(key(brief, options, template))
    if made is None:
        from .compose import compose

        made = compose(brief, options, template)
    return made
