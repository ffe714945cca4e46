"""Ranking: agreements before proposals, a deadline raises a commitment, money before counts, labelled before bare."""
from __future__ import annotations

from briefgen.digest.rank import ranked_commitments, ranked_figures, ranked_quotes
from briefgen.model import Commitment, Figure, Quote


def test_commitments():
    items = (
        Commitment(0, 1, "a", "invitation", actor="Иванов"),
        Commitment(2, 3, "b", "proposal", actor="Иванов"),
        Commitment(4, 5, "c", "agreement", actor="стороны"),
        Commitment(6, 7, "d", "proposal", actor="Иванов", deadline="2027"),
    )
    assert [c.text for c in ranked_commitments(items)] == ["c", "d", "a", "b"]


def test_figures():
    items = (
        Figure(0, 1, "a", "count", value=5),
        Figure(2, 3, "b", "money", value=1e6, unit="USD"),
        Figure(4, 5, "c", "money", value=1e9, unit="USD", measure="товарооборот", status="target", year=2030),
        Figure(6, 7, "d", "percent", value=5),
    )
    assert [f.text for f in ranked_figures(items)] == ["c", "b", "a", "d"]


def test_quotes():
    items = (
        Quote(0, 10, "Коротко."),
        Quote(20, 200, "Достаточно длинная цитата, в которой есть законченная мысль о сотрудничестве двух стран.", speaker="Иванов", resolution="explicit"),
    )
    assert ranked_quotes(items)[0].speaker == "Иванов"
