"""The Brief: the one data model that extraction produces and every writer reads.

Plain frozen dataclasses. Every extracted item carries `start`/`end` character
offsets into `Brief.source.text` (end exclusive) and the `text` found there, so
a reader can always go back to the evidence; `briefgen.check` verifies that.
JSON keys are spelled only in `briefgen.serialize`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)  # a version-1 brief (no party, url) still loads: its new fields take their defaults


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the source: offsets (end exclusive) and the text found there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    """The text a brief was made from, with what is known about it."""

    text: str
    name: str = ""
    sha256: str = ""
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    language: str = "ru"
    publisher: str | None = None
    place: str | None = None
    encoding: str = "utf-8"
    url: str | None = None  # the page's canonical address, for a source read from HTML


@dataclass(frozen=True, slots=True)
class Participant:
    """A person taking part in the event, in nominative form, with every mention."""

    name: str
    role: str | None = None
    mentions: tuple[Span, ...] = ()
    party: str | None = None  # the country or body the person acts for ("Казахстан")


@dataclass(frozen=True, slots=True)
class AgendaArea:
    """A policy area the text discusses, with the sentences that support it."""

    id: str
    label: str
    evidence: tuple[Span, ...] = ()
    required: bool = True  # False when only touched in passing


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that carries a fact: money, percent, count or quantity."""

    start: int
    end: int
    text: str
    kind: str  # money | percent | count | quantity
    value: float | None = None
    unit: str | None = None  # ISO 4217 for money, a unit word for quantities
    value_max: float | None = None  # upper end of a range ("от 3 до 5 тыс.")
    qualifier: str | None = None  # более | свыше | до | около | почти …
    measure: str | None = None  # what the figure measures, nominative ("товарооборот", "совместные проекты")
    status: str | None = None  # target | actual | portfolio
    year: int | None = None  # the year the figure is for: a target's year or a reported value's
    area: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, its speaker and how the speaker was found."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    attribution: Span | None = None
    resolution: str | None = None  # explicit | pronoun | title | context | turn


@dataclass(frozen=True, slots=True)
class Commitment:
    """A decision, agreement, plan, proposal, invitation, instruction or new body."""

    start: int
    end: int
    text: str
    kind: str  # proposal | agreement | intention | invitation | instruction | creation
    actor: str | None = None  # who will act: a person, a body, or both sides ("стороны")
    action: str | None = None
    deadline: str | None = None
    area: str | None = None
    cue: Span | None = None
    party: str | None = None  # the country or body the actor acts for


@dataclass(frozen=True, slots=True)
class Brief:
    """Everything briefgen knows about one source text."""

    source: Source
    participants: tuple[Participant, ...] = ()
    agenda_areas: tuple[AgendaArea, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    event: str | None = None  # "Второе заседание Высшего межгосударственного совета …"
    schema_version: int = field(default=SCHEMA_VERSION)
    generator: str = ""
