"""Turn digits, number words and scale words into a value ("2,4 млрд", "полутора миллиардов", "от 3 до 5 тыс.")."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang import grammar as g, readings as parses
from .tokens import Token
from .words import Words

_GROUP = re.compile(r"\d{3}(?:,\d+)?")
_THOUSANDS_SPACE = {" ", "\u00a0", "\u202f", "\u2009"}
# A number glued to one of these is part of a name, a date, a time or a code ("COVID-19", "№5", "17:00",
# «5 мыслей о …»).
_NOT_FREE = set("-‑–—/.:№#+_«„“\"'")


@dataclass(frozen=True, slots=True)
class Amount:
    """A value read from tokens [first, end); `value_max` is the top of a range, `scale` the scale word's value.

    `value` is None for a vague amount ("несколько миллионов").
    """

    first: int
    end: int
    value: float | None
    value_max: float | None = None
    scale: float = 1


@dataclass(frozen=True, slots=True)
class Found:
    """What a grammar read after an amount: the figure's kind and unit, where it ends, what it measures."""

    kind: str
    unit: str | None
    end: int
    measure: str | None = None


def hyphen_word(toks: Sequence[Token], j: int, w: Words) -> int | None:
    """The index of a word glued to the amount by a hyphen ("13-ю", "100-долларовой", "31-летнего")."""
    if j + 1 >= len(toks) or toks[j].key not in w.dashes:
        return None
    word = toks[j + 1]
    return j + 1 if toks[j].glued and word.glued and word.kind == "word" else None


def read(toks: Sequence[Token], i: int, w: Words, after_sign: bool = False) -> Amount | None:
    """The amount starting at token i: a number with its scale, or a range of two."""
    one = _one(toks, i, w, after_sign)
    if one is None:
        return None
    base, scale, j = one
    second, first = None, i
    if j + 1 < len(toks) and toks[j].key in w.dashes and toks[j + 1].glued == toks[j].glued:
        second = _one(toks, j + 1, w, after_sign=True)
    else:
        opened = w.range_from.ends_at(toks, i)
        closes = w.range_to.match(toks, j) if opened else None
        if opened and closes:
            second, first = _one(toks, closes[1], w, after_sign=False), opened[1]
    if second:
        base2, scale2, end = second
        low, high = base * (scale if scale != 1 else scale2), base2 * scale2
        if high > low:
            return Amount(first, end, _round(low), _round(high), scale2)
    value = base * scale
    while scale > 1 and j < len(toks) and toks[j].kind == "num" and (part := _one(toks, j, w, True)) and 1 < part[1] < scale:
        value, scale, j = value + part[0] * part[1], part[1], part[2]  # "4 млрд 431 млн": one sum
    return Amount(i, j, _round(value), scale=one[1])


def read_vague(toks: Sequence[Token], i: int, w: Words) -> Amount | None:
    """A vague amount starting at token i: "несколько миллионов", "сотни тысяч", "миллиарды"."""
    j = i
    while j < len(toks) and (got := w.vague.match(toks, j) or w.scales.match(toks, j)):
        j = got[1]
    return Amount(i, j, None) if j > i else None


def scaled_like(amount: Amount, other: Amount) -> Amount:
    """The amount with the other's scale when it has none of its own ("2 и 3 млн тонн": 2 млн)."""
    if amount.value is None or amount.scale != 1 or other.scale == 1:
        return amount
    top = None if amount.value_max is None else _round(amount.value_max * other.scale)
    return Amount(amount.first, amount.end, _round(amount.value * other.scale), top, other.scale)


def _round(value: float) -> float:
    """Drop the float noise of scaling ("8,1 млн" is 8100000, not 8099999.999999999)."""
    return round(value, 6)


def _one(toks: Sequence[Token], i: int, w: Words, after_sign: bool) -> tuple[float, float, int] | None:
    """(base, scale, index after) for one number at token i."""
    tok = toks[i]
    if tok.kind == "num":
        if not after_sign and not _free(toks, i):
            return None
        got = _digits(toks, i, w.decimal_marks)
        if got is None:
            return None
        base, j = got
        scale = w.scales.match(toks, j)
        return (base, scale[0], scale[1]) if scale else (base, 1, j)
    if tok.kind == "word":
        return _spelt(toks, i, w)
    return None


def _free(toks: Sequence[Token], i: int) -> bool:
    """A number that stands on its own: not glued into a name, a code or a time."""
    before = toks[i - 1] if i else None
    if before and toks[i].glued and (before.kind == "word" or before.text in _NOT_FREE):
        return False
    after = toks[i + 1] if i + 1 < len(toks) else None
    return not (after and after.glued and after.text in ":/" and i + 2 < len(toks) and toks[i + 2].kind == "num")


def _digits(toks: Sequence[Token], i: int, decimal: str) -> tuple[float, int] | None:
    """The value of a digit number, joining thousands groups ("250 000"); None for dates and codes ("30.03.2020")."""
    text = toks[i].text
    seps = re.findall(r"[.,]", text)
    groups = re.split(r"[.,]", text)
    if len(seps) == 1 and seps[0] in decimal:
        return float(text.replace(",", ".")), i + 1
    if seps:
        if len(set(seps)) > 1 or any(len(g) != 3 for g in groups[1:]):
            return None
        return float("".join(groups)), i + 1
    digits, j = text, i + 1
    while len(text) <= 3 and j < len(toks) and toks[j].space in _THOUSANDS_SPACE and _GROUP.fullmatch(toks[j].text):
        digits += toks[j].text
        j += 1
        if "," in digits:
            break
    return float(digits.replace(",", ".")), j


def _spelt(toks: Sequence[Token], i: int, w: Words) -> tuple[float, float, int] | None:
    """(base, scale, index after) for number words ("двадцать пять тысяч", "полутора миллиардов")."""
    total = current = 0.0
    scale, j = 1.0, i
    while j < len(toks):
        number = w.numbers.match(toks, j)
        if number:
            current += number[0]
            j = number[1]
            continue
        big = w.scales.match(toks, j)
        if not big or (j == i and not _singular(toks[j], w)):
            break
        if big[0] < 1000:
            current = (current or 1) * big[0]
        else:
            total, current, scale = total + (current or 1) * big[0], 0.0, big[0]
        j = big[1]
    if j == i:
        return None
    if total and not current:
        return total / scale, scale, j
    return total + current, 1.0, j


def _singular(tok: Token, w: Words) -> bool:
    """A scale word standing alone counts as one of it only in the singular ("тысяча гостей", not "тысячи людей")."""
    return w.inflected and all(p.number != g.PLURAL for p in parses(tok.text) if p.pos == g.NOUN)
