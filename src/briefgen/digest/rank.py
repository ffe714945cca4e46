"""Rank what a brief found, so the reader meets the outcome first.

Agreements and new bodies outrank proposals, a deadline or an actor raises a
commitment, money outranks counts, and a figure that says what it measures
and when outranks a bare number. A sentence scores the sum of its items.
"""
from __future__ import annotations

import math

from ..model import Commitment, Figure, Quote

COMMITMENT_WEIGHT = {"agreement": 5, "creation": 5, "instruction": 4, "proposal": 3, "intention": 3, "invitation": 3, "opinion": 1}
FIGURE_WEIGHT = {"money": 4, "count": 3, "percent": 2, "quantity": 1}


def commitment_score(c: Commitment) -> float:
    """How much a commitment matters to the reader."""
    return COMMITMENT_WEIGHT.get(c.kind, 1) + 2 * bool(c.deadline) + bool(c.actor)


def figure_score(f: Figure) -> float:
    """How much a figure matters: its kind, whether it says what and when, and (for money) its size."""
    size = math.log10(abs(f.value)) / 10 if f.kind == "money" and f.value else 0.0
    return FIGURE_WEIGHT.get(f.kind, 0) + bool(f.status) + bool(f.measure) + bool(f.year) + size


def quote_score(q: Quote) -> float:
    """How well a quotation stands alone: a named speaker, found explicitly, of a readable length."""
    return 2 * bool(q.speaker) + (q.resolution == "explicit") + (60 <= len(q.text) <= 400)


def ranked_commitments(items: tuple[Commitment, ...]) -> list[Commitment]:
    """The commitments, most important first (ties in text order)."""
    return sorted(items, key=lambda c: (-commitment_score(c), c.start))


def ranked_figures(items: tuple[Figure, ...]) -> list[Figure]:
    """The figures, most important first (ties in text order)."""
    return sorted(items, key=lambda f: (-figure_score(f), f.start))


def ranked_quotes(items: tuple[Quote, ...]) -> list[Quote]:
    """The quotations, the best standing alone first (ties in text order)."""
    return sorted(items, key=lambda q: (-quote_score(q), q.start))
