"""Turn a Source into a Brief: run the extractors in order over one analysed Document.

Each extractor is a function `find(ctx) -> value` that reads the Document and
what earlier extractors found, and fills one field of the context. The order in
EXTRACTORS is the dependency order (quotes need people; commitments need quotes).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import __version__, lang
from ..document import Document, analyse
from ..model import AgendaArea, Brief, Commitment, Figure, Participant, Quote, Source
from . import agenda, commitments, events, figures, meta, participants, people, quotes, roles


@dataclass(slots=True)
class Context:
    """What extraction knows so far about one text."""

    source: Source
    doc: Document
    roles: list[roles.Role] = field(default_factory=list)
    people: list[people.Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    agenda_areas: list[AgendaArea] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    occasion: events.Event | None = None
    event: str | None = None
    words: list = field(default_factory=list)  # each sentence's words.Word list, filled by words.sentence_words


EXTRACTORS: list[tuple[str, Callable[[Context], Any]]] = [
    ("source", meta.find),
    ("roles", roles.find),
    ("people", people.find),
    ("quotes", quotes.find),
    ("figures", figures.find),
    ("commitments", commitments.find),
    ("agenda_areas", agenda.find),
    ("participants", participants.find),
    ("occasion", events.find),
    ("event", meta.event),
    ("source", meta.titled),
]


def extract_brief(source: Source) -> Brief:
    """Extract every part of a brief from one source text."""
    ctx = Context(source=source, doc=analyse(source.text, lang.detect(source.text)))
    for name, find in EXTRACTORS:
        setattr(ctx, name, find(ctx))
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

