"""Turn numbers in the text into Figures: money and percentages with normalised values.

The words that follow a number (scale words, currencies, percent signs) come
from `data/figures.yaml`.
"""
from __future__ import annotations

import re

from .. import data
from ..model import Figure

_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)(?![\w])")


def find(ctx) -> list[Figure]:
    """Money and percent figures, with qualifiers kept in the span."""
    text = ctx.doc.text
    words = data.load("figures")
    lang = ctx.source.language if ctx.source.language in words["scales"] else "ru"
    scales = sorted(words["scales"][lang].items(), key=lambda kv: -len(kv[0]))
    currencies = sorted(words["currencies"][lang].items(), key=lambda kv: -len(kv[0]))
    percents = sorted(words["percent"][lang], key=len, reverse=True)
    qualifiers = sorted(words["qualifiers"][lang], key=len, reverse=True)
    out = []
    for m in _NUMBER.finditer(text, ctx.doc.body_start):
        value = float(m.group(1).replace(" ", "").replace("\u00a0", "").replace(",", "."))
        pos = m.end()
        scale, pos = _word_after(text, pos, scales)
        if scale:
            value *= scale
        kind = unit = None
        cur, after = _word_after(text, pos, currencies)
        pct, after_pct = _word_after(text, pos, [(p, True) for p in percents])
        if cur:
            kind, unit, end = "money", cur, _word_end(text, after)
        elif pct:
            kind, unit, end = "percent", None, _word_end(text, after_pct)
        else:
            continue
        start, qualifier = _qualifier_before(text, m.start(), qualifiers)
        out.append(Figure(start, end, text[start:end], kind, value=value, unit=unit, qualifier=qualifier))
    return out


def _word_after(text: str, pos: int, table):
    gap = len(text[pos:]) - len(text[pos:].lstrip(" \u00a0"))
    at = pos + gap
    low = text[at : at + 40].lower()
    for key, val in table:
        if low.startswith(key):
            end = at + len(key)
            if text[end : end + 1] == ".":
                end += 1
            return val, end
    return None, pos


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isalpha():
        pos += 1
    return pos


def _qualifier_before(text: str, start: int, qualifiers: list[str]) -> tuple[int, str | None]:
    head = text[max(0, start - 30) : start].lower()
    for q in qualifiers:
        if re.search(rf"(?<!\w){re.escape(q)}\s+$", head):
            at = start - len(head) + head.rindex(q)
            return at, q
    return start, None
