"""Decide whether the fact sheet gets a chart: only figures that compare like with like.

Either one measure in one unit at different statuses or years (actual against
target), or several measures of one status in one currency; only figures whose
measure extraction found (a label guessed from nearby words is not compared). Anything else —
a target next to a portfolio, a count next to money — gets no chart, and the
reason says why.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable

from .model import ChartPlan, FigureRow

MAX_BARS = 6


def plan(figures: list[FigureRow]) -> tuple[ChartPlan | None, str]:
    """The chart to draw (or None) and the reason, in words for `make review`."""
    usable = [
        r for r in figures
        if r.figure.value and r.figure.unit and r.figure.measure and r.figure.kind in ("money", "quantity", "percent")
    ]  # a bar needs a value, a unit, and a measure extraction found (a guessed label is not compared)
    by_measure: dict[tuple[str, str], list[FigureRow]] = defaultdict(list)
    for r in usable:
        by_measure[(r.label.lower(), r.figure.unit or "")].append(r)
    for (_, unit), group in by_measure.items():
        dated = [r for r in group if r.figure.status or r.figure.year]  # a bar says which status or year it is
        bars = _distinct(dated, lambda r: (r.figure.status or "", r.figure.year or 0))
        if len(bars) >= 2:
            why = "one measure, different statuses or years"
            return ChartPlan(group[0].label, unit, tuple(bars), "when", why), why
    by_status: dict[tuple[str, str], list[FigureRow]] = defaultdict(list)
    for r in usable:
        if r.figure.kind == "money" and r.figure.status:
            by_status[(r.figure.status, r.figure.unit or "")].append(r)
    for (status, unit), group in by_status.items():
        bars = _distinct(group, lambda r: r.label.lower())
        if len(bars) >= 2:
            why = "several measures of one status in one currency"
            return ChartPlan(status, unit, tuple(bars), "measure", why), why
    if len(usable) < 2:
        return None, f"no chart: {len(usable)} figure(s) with a value and unit"
    return None, "no chart: no two figures share a measure and unit, or a status and currency"


def _distinct(group: list[FigureRow], key: Callable[[FigureRow], Hashable]) -> list[FigureRow]:
    """One figure per key and per value, in rank order, at most MAX_BARS."""
    seen: set[Hashable] = set()
    out: list[FigureRow] = []
    for r in group:
        k = key(r)
        if k in seen or r.figure.value in {x.figure.value for x in out}:
            continue
        seen.add(k)
        out.append(r)
    return out[:MAX_BARS]
