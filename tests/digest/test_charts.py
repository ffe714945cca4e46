"""Chart eligibility: only like with like (one measure at several statuses or years, or one status in one currency)."""
from __future__ import annotations

import pytest

from briefgen.digest.charts import plan
from briefgen.digest.model import FigureRow
from briefgen.model import Figure


def row(label: str, value: float, unit: str = "USD", status: str | None = None, year: int | None = None, kind: str = "money") -> FigureRow:
    figure = Figure(0, 1, "x", kind, value=value, unit=unit, status=status, year=year, measure=label.lower())
    return FigureRow(figure, label, label)


@pytest.mark.parametrize(
    "rows, bars, by",
    [
        # actual against target of one measure
        ([row("Товарооборот", 4e9, status="actual", year=2024), row("Товарооборот", 10e9, status="target", year=2030)], 2, "when"),
        # several measures of one status in one currency
        ([row("Экспорт", 3e9, status="actual"), row("Импорт", 1e9, status="actual")], 2, "measure"),
        # a target next to a portfolio: nothing to compare
        ([row("Товарооборот", 10e9, status="target", year=2030), row("Совместные проекты: стоимость", 1.7e9, status="portfolio")], 0, None),
        # two figures of one measure with nothing telling them apart
        ([row("Товарооборот", 4e9), row("Товарооборот", 5e9)], 0, None),
        # one measure in two currencies
        ([row("Инвестиции", 4e9, "USD", "actual", 2024), row("Инвестиции", 9e9, "EUR", "target", 2030)], 0, None),
        # counts have no unit to share
        ([row("Проекты: число", 78, None, "actual", kind="count"), row("Проекты: число", 90, None, "target", kind="count")], 0, None),
        ([row("Товарооборот", 4e9, status="actual")], 0, None),
        # a label guessed from nearby words (no measure extracted) is not compared
        ([FigureRow(Figure(0, 1, "x", "money", value=3e9, unit="USD", status="actual"), "Экспорт", "Экспорт"),
          row("Импорт", 1e9, status="actual")], 0, None),
    ],
)
def test_chart_eligibility(rows, bars, by):
    chart, reason = plan(rows)
    assert reason
    if bars:
        assert chart is not None and len(chart.bars) == bars and chart.by == by
    else:
        assert chart is None and reason.startswith("no chart")
