"""Turn stretches of the source into short sentences for bullets, key points and table cells.

Condensing never rewrites words: it picks the sentence around an item, trims
stray quotation marks, and cuts at a word boundary with "…" (keeping the item
itself in view). The full text is always one click away in the source annex.
"""
from __future__ import annotations

import bisect
import re

from ..model import Span

ELLIPSIS = "…"
_END = re.compile(r"[.!?…]+[\"»”)]*\s+")
_OPENERS = "«\"„“(—–"
_TRAIL = " ,;:–—-"


def sentence_bounds(text: str, para: Span) -> list[int]:
    """Where the sentences of paragraph `para` begin, and its end (one pass over the paragraph)."""
    bounds = [para.start]
    for m in _END.finditer(text, para.start, para.end):
        nxt = text[m.end() : m.end() + 1]
        if nxt and (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            bounds.append(m.end())
    bounds.append(para.end)
    return bounds


def sentence_around(text: str, para: Span, start: int, end: int, bounds: list[int] | None = None) -> Span:
    """The sentence of paragraph `para` holding [start, end) (several, if the item crosses a full stop).

    `bounds` (from `sentence_bounds`) saves scanning the paragraph again.
    """
    bounds = bounds or sentence_bounds(text, para)
    i = bisect.bisect_right(bounds, max(start, para.start)) - 1
    first = bounds[max(i, 0)]
    j = bisect.bisect_left(bounds, min(end, para.end))
    while j < len(bounds) and bounds[j] <= first:
        j += 1
    last = bounds[j] if j < len(bounds) else para.end
    while last > first and text[last - 1].isspace():
        last -= 1
    return Span(first, last, text[first:last])


def tidy(sentence: str) -> str:
    """The sentence without the unmatched quotation marks it inherits from a longer quotation."""
    s = sentence.strip()
    if s.count('"') % 2:
        s = s[1:] if s.startswith('"') else s[:-1] if s.endswith('"') else s
    if s.startswith("«") and "»" not in s:
        s = s[1:]
    if s.endswith("»") and "«" not in s:
        s = s[:-1]
    return s.strip()


def shorten(text: str, limit: int) -> str:
    """The text cut at the last word boundary before `limit` characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    head = text[: cut if cut > limit // 2 else limit - 1]
    return head.rstrip(_TRAIL) + ELLIPSIS


def window(text: str, start: int, end: int, limit: int) -> tuple[str, str, str]:
    """(before, item, after) with the item whole and context trimmed at word boundaries to about `limit`."""
    before, item, after = text[:start], text[start:end], text[end:]
    room = max(limit - len(item), 0)
    if len(before) + len(after) <= room:
        return before, item, after
    keep_before = min(len(before), room // 3)
    keep_after = min(len(after), room - keep_before)
    keep_before = min(len(before), room - keep_after)
    if keep_before < len(before):
        cut = before.find(" ", len(before) - keep_before)
        before = ELLIPSIS + (before[cut + 1 :] if cut >= 0 else "")
    if keep_after < len(after):
        cut = after.rfind(" ", 0, keep_after)
        after = (after[:cut] if cut >= 0 else "").rstrip(_TRAIL) + ELLIPSIS
    return before, item, after
