"""Turn quotation marks in the text into Quotes with speakers.

Quoted stretches are found by a small scanner that tracks nesting for «», „“,
“” and straight quotes; short quoted names («Газпром») are not quotes. The
speaker is the person named in the attribution after the quote, else the
person last mentioned before it.
"""
from __future__ import annotations

import re

from ..model import Quote, Span

MIN_WORDS = 4
_PAIRS = {"«": "»", "„": "“", "“": "”"}
_WORD = re.compile(r"\w+")
_ATTRIBUTION = re.compile(r"[ \t,]*[–—-]\s*[^\n.!?]{0,120}")


def find(ctx) -> list[Quote]:
    """Every direct quotation with its speaker."""
    text = ctx.doc.text
    out = []
    for start, end in quoted_stretches(text, ctx.doc.body_start):
        body = text[start:end]
        if len(_WORD.findall(body)) < MIN_WORDS:
            continue
        speaker, attribution, how = _speaker(ctx, start, end)
        out.append(Quote(start, end, body, speaker=speaker, attribution=attribution, resolution=how))
    return out


def quoted_stretches(text: str, begin: int = 0) -> list[tuple[int, int]]:
    """Outermost quoted stretches as (start, end) of the inner text, marks excluded."""
    out = []
    stack: list[tuple[str, int]] = []
    for i in range(begin, len(text)):
        ch = text[i]
        if ch == "\n":
            stack.clear()
            continue
        if ch == '"':
            prev = text[i - 1] if i > begin else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            opening = not (prev.isalnum() or prev in ".!?,;:…)") and (nxt.isalnum() or nxt in "«„“\"")
            if not opening and stack and stack[-1][0] == '"':
                _, s = stack.pop()
                if not stack:
                    out.append((s, i))
            elif opening:
                stack.append(('"', i + 1))
            continue
        if ch in _PAIRS and not (ch == "“" and stack and stack[-1][0] == "„"):
            stack.append((_PAIRS[ch], i + 1))
        elif stack and ch == stack[-1][0]:
            _, s = stack.pop()
            if not stack:
                out.append((s, i))
    return out


def _speaker(ctx, quote_start: int, quote_end: int) -> tuple[str | None, Span | None, str | None]:
    text = ctx.doc.text
    m = _ATTRIBUTION.match(text, quote_end + 1)
    if m:
        attribution = Span(m.start(), m.end(), m.group())
        for person in ctx.people:
            if any(m.start() <= s.start < m.end() for s in person.mentions):
                return person.name, attribution, "explicit"
        before = _last_person_before(ctx, quote_start)
        return (before.name if before else None), attribution, "pronoun"
    before = _last_person_before(ctx, quote_start)
    return (before.name if before else None), None, "context"


def _last_person_before(ctx, offset: int):
    best, best_at = None, -1
    for person in ctx.people:
        for s in person.mentions:
            if best_at < s.start < offset:
                best, best_at = person, s.start
    return best
