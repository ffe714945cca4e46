"""Turn a Source into a Brief: run the extractors in order over one analysed Document.

Each extractor is a function `find(ctx) -> value` that reads the Document and
what earlier extractors found, and fills one field of the context. A Stage row
says which field it fills and which it reads; STAGES is in dependency order
(quotes need people; commitments need quotes), which a test checks.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import __version__, lang
from ..document import analyse
from ..model import Brief, Source
from . import agenda, commitments, events, figures, meta, participants, people, quotes, roles
from .context import Context

__all__ = ["STAGES", "Context", "Stage", "extract_brief"]


@dataclass(frozen=True, slots=True)
class Stage:
    """One extractor: the Context field it fills, the function that finds it, and the fields it reads."""

    fills: str
    find: Callable[[Context], object]
    needs: tuple[str, ...] = ()


STAGES: tuple[Stage, ...] = (
    Stage("source", meta.find, ("doc", "source")),
    Stage("roles", roles.find, ("doc", "source")),
    Stage("people", people.find, ("doc", "source", "roles")),
    Stage("quotes", quotes.find, ("doc", "source", "roles", "people")),
    Stage("figures", figures.find, ("doc", "source")),
    Stage("commitments", commitments.find, ("doc", "source", "roles", "people", "quotes", "figures")),
    Stage("agenda_areas", agenda.find, ("doc", "source", "roles", "quotes")),
    Stage("participants", participants.find, ("doc", "source", "roles", "people", "quotes")),
    Stage("occasion", events.find, ("doc", "source", "roles", "commitments")),
    Stage("event", meta.event, ("occasion",)),
    Stage("source", meta.titled, ("doc", "source", "occasion", "event")),
)


def extract_brief(source: Source) -> Brief:
    """Extract every part of a brief from one source text."""
    ctx = Context(source=source, doc=analyse(source.text, lang.detect(source.text)))
    for stage in STAGES:
        setattr(ctx, stage.fills, stage.find(ctx))
    return Brief(
        source=ctx.source,
        participants=tuple(ctx.participants),
        agenda_areas=tuple(ctx.agenda_areas),
        commitments=tuple(sorted(ctx.commitments, key=lambda c: c.start)),
        figures=tuple(sorted(ctx.figures, key=lambda f: f.start)),
        quotes=tuple(sorted(ctx.quotes, key=lambda q: q.start)),
        event=ctx.event,
        generator=f"briefgen {__version__}",
    )

