"""Turn people into Participants: those who speak or act in the event, not everyone mentioned."""
from __future__ import annotations

from ..model import Participant, Span


def find(ctx) -> list[Participant]:
    """People quoted or named at least twice, in order of first mention."""
    speakers = {q.speaker for q in ctx.quotes}
    return [
        Participant(p.name, p.role, tuple(Span(s.start, s.end, s.text) for s in p.mentions))
        for p in ctx.people
        if p.name in speakers or len(p.mentions) >= 2
    ]
