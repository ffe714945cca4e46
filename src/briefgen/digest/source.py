"""The source text as the digest reads it: numbered paragraphs (the annex's §n) and their sentences."""
from __future__ import annotations

import functools
import itertools
import re

from ..errors import BriefgenError
from ..model import Span
from ..source import date_marker
from ..spans import index_of, make_span, paragraphs
from .captions import caption
from .sentences import sentence_around, sentence_bounds
from .words import count

_INITIAL = re.compile(r"(?<![\w.])(?:[A-ZА-ЯЁ]\.)+\s+$")  # "В." or "U.S." just before a break


class SourceText:
    """A brief's source: paragraphs after the date marker, sentences found within one paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        try:
            _, body_start = date_marker(text)
        except BriefgenError:  # a brief file whose text has a broken marker: number from the top
            body_start = 0
        self.paras = paragraphs(text, body_start)
        self._cache: dict[int, list[int]] = {}  # paragraph → its sentence bounds
        self._captions: dict[tuple[int, str], bool] = {}  # (paragraph, language) → whether it is a caption

    def paragraph(self, offset: int) -> int | None:
        """The number (from 1) of the paragraph holding `offset`, or None."""
        i = index_of(self.paras, offset)
        return None if i is None else i + 1

    def in_caption(self, offset: int, lang: str) -> bool:
        """True when the paragraph holding `offset` is a photo caption or credit; decided once per paragraph,
        since the digest asks it of every sentence and one paragraph may hold a megabyte."""
        i = index_of(self.paras, offset)
        if i is None:
            return caption("", lang)
        if (i, lang) not in self._captions:
            self._captions[i, lang] = caption(self.paras[i].text, lang)
        return self._captions[i, lang]

    def sentence(self, start: int, end: int) -> Span:
        """The sentence holding [start, end) (the stretch itself when it lies outside every paragraph)."""
        i = index_of(self.paras, start)
        if i is None:
            return Span(start, end, self.text[start:end])
        return sentence_around(self.text, self.paras[i], start, end, self._bounds(i))

    def _bounds(self, i: int) -> list[int]:
        """Where paragraph i's sentences begin (and its end); a full stop after an initial or a dotted
        abbreviation ("В.В. Путин", "U.S. Envoy") ends no sentence."""
        if i not in self._cache:
            bounds = sentence_bounds(self.text, self.paras[i])
            inner = [b for b in bounds[1:-1] if not _INITIAL.search(self.text, max(0, b - 12), b)]
            self._cache[i] = [bounds[0], *inner, bounds[-1]]
        return self._cache[i]

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
        for i in range(len(self.paras)):
            for a, b in itertools.pairwise(self._bounds(i)):
                s = make_span(self.text, a, b)
                if s.text:
                    out.append(s)
        return out
