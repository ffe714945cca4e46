"""Find who speaks a sentence and whom they speak for, so "we" and "I" can be resolved.

A sentence inside a quotation is its speaker's; else the actor of a
commitment stated in it; else the participant named last before it.
"""
from __future__ import annotations

import re

from ..lang import grammar as g, readings
from ..model import Brief, Participant, Span
from .measures import nominative
from .rewrite import Voice

_CAPITALISED = re.compile(r"\b[A-ZА-ЯЁ][\w-]+")
_OF_PLACE = re.compile(r"\bof (?:the )?([A-Z][\w-]+)$")  # "Prime Minister of Kyrgyzstan"


def short_name(name: str) -> str:
    """A person's surname (the last word of the name): "Касым-Жомарт Токаев" → "Токаев"."""
    words = name.split()
    return words[-1] if words else name


def party_of(p: Participant, lang: str) -> str:
    """The country or body a participant acts for: extraction's party, else the capitalised word ending the role."""
    if p.party:
        return p.party
    if lang != "ru":
        m = _OF_PLACE.search(p.role or "")
        return m.group(1) if m else ""
    words = (p.role or "").split()
    group: list[str] = []  # the capitalised words ending the role: "Российской Федерации"
    while len(words) > 1 and words[-1][:1].isupper():
        group.insert(0, words.pop())
    group = group[-2:]
    if not group or not any(r.case == g.GEN for r in readings(group[-1])):
        return ""
    return " ".join(w[:1] + n[1:] for w, n in zip(group, nominative(group, "ru"), strict=True))


def voice(brief: Brief, span: Span, lang: str) -> Voice:
    """Who speaks the sentence `span`."""
    by_name = {p.name: p for p in brief.participants}
    for q in brief.quotes:
        if q.speaker and q.start < span.end and span.start < q.end:
            return _of(q.speaker, by_name, lang)
    for c in brief.commitments:
        if c.actor in by_name and c.start < span.end and span.start < c.end:
            return _of(c.actor, by_name, lang)
    last: tuple[int, str] | None = None
    for p in brief.participants:
        for m in p.mentions:
            if m.start < span.end and (last is None or m.start > last[0]):
                last = (m.start, p.name)
    return _of(last[1], by_name, lang) if last else Voice()


def _of(name: str, by_name: dict[str, Participant], lang: str) -> Voice:
    p = by_name.get(name)
    return Voice(short_name(name), party_of(p, lang) if p else "")
