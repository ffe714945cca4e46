"""What changed between the items last sent to a reader and a corrected pack's."""
from __future__ import annotations

import pytest

from briefgen.distribute.changes import Change, diff, items

from .mailkit import make_brief

OLD = {"figures": ["1,5 млрд долларов", "30 проектов"], "participants": ["Иван Петров"]}


@pytest.mark.parametrize(("new", "expected"), [
    (OLD, ()),
    ({**OLD, "figures": ["1,7 млрд долларов", "30 проектов"]},
     (Change("figures", "1,5 млрд долларов", "1,7 млрд долларов"),)),
    ({**OLD, "figures": ["30 проектов"]}, (Change("figures", "1,5 млрд долларов", None),)),
    ({**OLD, "participants": ["Иван Петров", "Анна Ким"]}, (Change("participants", None, "Анна Ким"),)),
    ({**OLD, "figures": ["2 млрд долларов", "40 проектов", "5%"]},
     (Change("figures", "1,5 млрд долларов", "2 млрд долларов"), Change("figures", "30 проектов", "40 проектов"),
      Change("figures", None, "5%"))),
    ({"figures": OLD["figures"]}, (Change("participants", "Иван Петров", None),)),  # a kind gone altogether
])
def test_diff(new, expected):
    assert diff(OLD, new) == expected


def test_what_each_change_is_called():
    assert [c.what for c in (Change("figures", "a", "b"), Change("figures", None, "b"), Change("figures", "a", None))] \
        == ["changed", "added", "removed"]


def test_an_earlier_send_whose_items_are_unknown_lists_no_changes():
    assert diff(None, OLD) == ()


def test_items_are_the_texts_a_reader_was_told():
    brief = make_brief()
    assert items(brief) == {
        "event": [brief.event],
        "participants": ["Иван Петров"],
        "commitments": [brief.commitments[0].text],
        "figures": ["5 млрд долларов"],
        "quotes": [],
    }
