"""The Digest: what each document of a pack says, decided once, so templates only lay it out.

Offsets point into the brief's source text (a template turns them into
`[§n]` links); strings are in the source's language except the few words the
digest generates, which follow the label language.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Figure


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """One bottom-line statement (third person, at most 30 words) and where its evidence starts."""

    text: str
    offset: int


@dataclass(frozen=True, slots=True)
class CommitmentRow:
    """One commitment as who–what–when; `offsets` holds every place that states it (reported speech and quote)."""

    actor: str
    party: str
    action: str
    deadline: str
    kind: str
    area: str
    offsets: tuple[int, ...]
    sentence: str  # the whole sentence, for the appendix
    point: int | None = None  # the key point that already states it (0: an earlier row does); None: its own


@dataclass(frozen=True, slots=True)
class FigureRow:
    """A figure with a nominative label of what it measures (and a short one for the fact sheet)."""

    figure: Figure
    label: str
    short_label: str


@dataclass(frozen=True, slots=True)
class ChartPlan:
    """Bars that compare like with like, what they have in common, and why they were chosen."""

    title: str  # the measure (by "when") or the status (by "measure") the bars share
    unit: str
    bars: tuple[FigureRow, ...]
    by: str  # "when": bars of one measure labelled by status and year; "measure": labelled by measure
    reason: str


@dataclass(frozen=True, slots=True)
class AreaLine:
    """One line of the agenda overview: an area and the places that discuss it."""

    id: str
    label: str
    offsets: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ParticipantLine:
    """A participant as the body lists them: the role left out when a key point already states it."""

    name: str
    role: str
    offset: int | None  # the first mention


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything the brief, the fact sheet and the e-mail say, in order, within the body's length."""

    title: str
    headline: str  # the report's own headline, "" when it has none
    points: tuple[KeyPoint, ...]
    agreed: bool  # the source reports an agreement or a new body
    commitments: tuple[CommitmentRow, ...]  # every commitment, ranked (the appendix shows them all)
    figures: tuple[FigureRow, ...]  # every figure, ranked
    chart: ChartPlan | None
    chart_reason: str  # why there is a chart, or why there is none
    areas: tuple[AreaLine, ...]
    participants: tuple[ParticipantLine, ...]
    body_commitments: int  # how many of the rows no key point states (point None) the body has room for
    body_figures: int
    body_areas: int
    source_words: int
    body_limit: int
