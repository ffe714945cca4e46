"""What extraction knows so far about one text: the Document and each stage's findings, filled in order."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..document import Document
from ..model import AgendaArea, Commitment, Figure, Participant, Quote, Source

if TYPE_CHECKING:
    from .events import Event
    from .people import Person
    from .roles import Role


@dataclass(slots=True)
class Context:
    """What extraction knows so far about one text."""

    source: Source
    doc: Document
    roles: list[Role] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    agenda_areas: list[AgendaArea] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    occasion: Event | None = None
    event: str | None = None
