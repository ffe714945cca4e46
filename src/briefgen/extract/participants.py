"""Turn people into Participants: those who speak or act in the event, not everyone mentioned.

A participant is quoted, or named in the nominative outside quotations at least
once ("Касым-Жомарт Токаев предложил …"): the subject of something the text
reports. Someone named only in other cases ("визита председателя КНР Ху
Цзиньтао", "письмо президенту Турции") or only inside quotations is mentioned,
not taking part.
"""
from __future__ import annotations

from ..model import Participant, Span


def find(ctx) -> list[Participant]:
    """The people who take part, in order of first mention."""
    speakers = {q.speaker for q in ctx.quotes}
    quoted = [(q.start, q.end) for q in ctx.quotes]
    out = []
    for p in ctx.people:
        acts = any(not any(s <= at < e for s, e in quoted) for at in p.subject_at)
        if acts or p.name in speakers:
            out.append(Participant(p.name, p.role, tuple(Span(s.start, s.end, s.text) for s in p.mentions)))
    return out
