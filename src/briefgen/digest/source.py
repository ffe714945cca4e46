"""The source text as the digest reads it: numbered paragraphs (the annex's §n) and their sentences."""
from __future__ import annotations

import functools

from ..errors import BriefgenError
from ..model import Span
from ..render.sentences import sentence_around
from ..source import date_marker
from ..spans import index_of, paragraphs
from .words import count


class SourceText:
    """A brief's source: paragraphs after the date marker, sentences found within one paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        try:
            _, body_start = date_marker(text)
        except BriefgenError:  # a brief file whose text has a broken marker: number from the top
            body_start = 0
        self.paras = paragraphs(text, body_start)

    def paragraph(self, offset: int) -> int | None:
        """The number (from 1) of the paragraph holding `offset`, or None."""
        i = index_of(self.paras, offset)
        return None if i is None else i + 1

    def sentence(self, start: int, end: int) -> Span:
        """The sentence holding [start, end) (the stretch itself when it lies outside every paragraph)."""
        i = index_of(self.paras, start)
        if i is None:
            return Span(start, end, self.text[start:end])
        return sentence_around(self.text, self.paras[i], start, end)

    @functools.cached_property
    def words(self) -> int:
        """How many words the source has (after its date marker)."""
        return sum(count(p.text) for p in self.paras)

    def sentences(self) -> list[Span]:
        """Every sentence, in text order."""
        return self._sentences

    @functools.cached_property
    def _sentences(self) -> list[Span]:
        out = []
        for p in self.paras:
            at = p.start
            while at < p.end:
                s = sentence_around(self.text, p, at, at + 1)
                if s.end <= at:
                    break
                if s.text.strip():
                    out.append(s)
                at = s.end
                while at < p.end and self.text[at].isspace():
                    at += 1
        return out
