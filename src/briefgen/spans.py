"""Span helpers shared by extraction, checks and writers: paragraphs, lookup, verification.

Pure functions over the source text: nothing here loads a model.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from .model import Span

LINE = re.compile(r"[^\n]+")  # one line of text: a paragraph, or where an entity must stay


def make_span(text: str, start: int, end: int) -> Span:
    """A Span of `text[start:end]`, trimmed of surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def paragraphs(text: str, body_start: int = 0) -> list[Span]:
    """Every non-blank line from `body_start` on: the paragraphs a reference points to (§1 is the first)."""
    out = []
    for m in LINE.finditer(text, body_start):
        span = make_span(text, m.start(), m.end())
        if span.text:
            out.append(span)
    return out


def index_of(spans: Sequence[Span], offset: int) -> int | None:
    """The index of the span (sorted, non-overlapping) containing `offset`, or None."""
    starts = [s.start for s in spans]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and spans[i].start <= offset < max(spans[i].end, spans[i].start + 1):
        return i
    return None


class Located(Protocol):
    """An item that quotes its evidence: the text and where it stands in the source."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


def mismatches(text: str, items: Iterable[Located]) -> list[str]:
    """Describe each item whose start/end/text disagree with the source text (empty when all agree)."""
    bad: list[str] = []
    for item in items:
        start, end, got = item.start, item.end, item.text
        if not (0 <= start <= end <= len(text)):
            bad.append(f"[{start}:{end}] out of bounds")
        elif text[start:end] != got:
            bad.append(f"[{start}:{end}] is {text[start:end]!r}, item says {got!r}")
    return bad
