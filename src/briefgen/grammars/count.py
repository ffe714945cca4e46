"""Turn a counted noun phrase after an amount into a count ("45 совместных проектов", "13-ю филиалами")."""
from __future__ import annotations

from collections.abc import Sequence

from ..lang import grammar as g
from .nouns import noun_at, noun_parses, span_text
from .numbers import Amount, Found, hyphen_word
from .tokens import Token
from .words import Words


def after(toks: Sequence[Token], j: int, amount: Amount, w: Words) -> Found | None:
    """A count of the noun phrase after the amount; None for dates, ages, durations and references."""
    plural = False
    at = hyphen_word(toks, j, w)
    if at is not None:
        if toks[at].key not in w.cardinal_endings:
            return None
        j, plural = at + 1, True
    if w.references.ends_at(toks, amount.first):
        return None
    k = noun_at(toks, j, w)
    if k is None or w.not_counted.match(toks, k):
        return None
    if w.parties.match(toks, k) and amount.value is not None and amount.value <= w.parties_max:
        return None
    if w.inflected and not _agrees(toks[k], amount.value, plural):
        return None
    return Found("count", None, k + 1, span_text(toks, j, k + 1))


def _agrees(noun: Token, value: float | None, plural: bool) -> bool:
    """Whether the noun has a form a cardinal takes: plural, genitive singular ("три сферы"), or singular after …1."""
    ones = not plural and value is not None and value == int(value) and value % 10 == 1 and value % 100 != 11
    return any(
        ones or p.number == g.PLURAL or (not plural and p.case in (g.GEN, g.GEN2)) for p in noun_parses(noun)
    )


def stated_before(toks: Sequence[Token], amount: Amount, first: int, w: Words) -> Found | None:
    """A count whose noun comes before it: a number nothing counted follows, in a clause about the number
    of something with a verb of change ("количество предприятий превысило 300", "довести число проектов
    до 50"); never a year or a date."""
    end = amount.end
    if w.not_counted.match(toks, end) or _year(toks, amount):
        return None
    measure = change = False
    k = first - 1
    while k >= 0 and toks[k].key not in _CLAUSE_ENDS:
        measure = measure or bool(w.counted_measures.match(toks, k))
        change = change or bool(w.cues.change.match(toks, k))
        k -= 1
    return Found("count", None, end, None) if measure and change else None


def _year(toks: Sequence[Token], amount: Amount) -> bool:
    """A bare number that reads as a year ("в 2024")."""
    tok = toks[amount.first]
    return amount.end == amount.first + 1 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100


_CLAUSE_ENDS = frozenset({".", "!", "?", ";", "\n", ","})
