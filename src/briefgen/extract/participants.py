"""Turn people into Participants: those who speak or act in the event, not everyone mentioned.

A participant is quoted, or is the subject of something the text reports: named
in the nominative outside quotations ("Касым-Жомарт Токаев предложил …") and
known well enough to be more than a passing name (a role, a full name, or named
twice). Someone named only in other cases ("визита председателя КНР Ху
Цзиньтао", "письмо президенту Турции") or only inside quotations is mentioned,
not taking part.
"""
from __future__ import annotations

from ..model import Participant, Span

MIN_MENTIONS = 2


def find(ctx) -> list[Participant]:
    """The people who take part, in order of first mention."""
    speakers = {q.speaker for q in ctx.quotes}
    quoted = [(q.start, q.end) for q in ctx.quotes]
    out = []
    for p in ctx.people:
        acts = any(not any(s <= at < e for s, e in quoted) for at in p.subject_at)
        known = p.title is not None or len(p.name.split()) >= 2 or len(p.mentions) >= MIN_MENTIONS
        if p.name in speakers or (acts and known):
            out.append(Participant(p.name, p.role, tuple(Span(s.start, s.end, s.text) for s in p.mentions)))
    return out
