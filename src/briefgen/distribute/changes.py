"""Turn two briefs' items into what changed between them, so a corrected pack says so in its message.

The send log keeps, per message, the texts of the brief's items by kind
(`items`); a pack whose items differ from those last sent to a reader is a
correction, and `diff` lists what was added, removed or changed
("1,5 млрд долларов" → "1,7 млрд долларов").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Brief

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True, slots=True)
class Change:
    """One item added (no `before`), removed (no `after`) or changed."""

    kind: str  # participants | commitments | figures | quotes | event
    before: str | None
    after: str | None

    @property
    def what(self) -> str:
        return CHANGED if self.before and self.after else ADDED if self.after else REMOVED


@dataclass(frozen=True, slots=True)
class Correction:
    """A pack sent again with other items: the message it corrects and what changed."""

    replaces: str  # the Message-ID of the message last sent to the reader
    changes: tuple[Change, ...]


def items(brief: Brief) -> dict[str, list[str]]:
    """The brief's items as plain texts by kind: what a reader was told."""
    return {
        "event": [brief.event] if brief.event else [],
        "participants": [p.name for p in brief.participants],
        "commitments": [c.text for c in brief.commitments],
        "figures": [f.text for f in brief.figures],
        "quotes": [q.text for q in brief.quotes],
    }


def diff(old: dict[str, list[str]] | None, new: dict[str, list[str]]) -> tuple[Change, ...]:
    """What changed from `old` to `new`, kind by kind; an item gone and one come in its kind's order pair up as a change."""
    if old is None:  # a log line of an older briefgen: what was sent is not known
        return ()
    changes = []
    for kind in dict.fromkeys([*new, *old]):
        before, after = old.get(kind, []), new.get(kind, [])
        gone = list((Counter(before) - Counter(after)).elements())
        came = list((Counter(after) - Counter(before)).elements())
        gone.sort(key=before.index)
        came.sort(key=after.index)
        pairs = min(len(gone), len(came))
        changes += [Change(kind, b, a) for b, a in zip(gone[:pairs], came[:pairs], strict=True)]
        changes += [Change(kind, b, None) for b in gone[pairs:]]
        changes += [Change(kind, None, a) for a in came[pairs:]]
    return tuple(changes)
