"""Turn numbers in the text into Figures: money, percentages, counts and quantities with normalised values.

The grammars of `briefgen.grammars` read each figure from tokens, with the
word lists of `data/figures.yaml`; this module scans the text, merges a fact
stated twice in a row, and adds what the sentence says (status, year, measure).
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from ..grammars import count, money, percent, quantity, status
from ..grammars.nouns import span_text
from ..grammars.numbers import Amount, Found, read, read_vague, scaled_like
from ..grammars.tokens import Token, tokenize
from ..grammars.words import Words, words
from ..lang import grammar as g, readings as parses
from ..model import Figure
from .context import Context
from .phrases import nominative

# Tried in this order on what follows an amount; the first that reads it wins.
_GRAMMARS = (percent.after, money.after, quantity.after, count.after)
_OPEN, _CLOSE = "(", ")"
_CHANGE_SIGNS = ("+", "-", "−")
_SUBJECT_CASES = (g.NOM, g.ACC)  # a measure noun before a sum may be its subject or object ("соглашения")
MAX_MEASURE_WORDS = 4  # "$3 billion of advanced American military equipment"
MIN_IMPLIED_SCALE = 1e6  # "5 миллиардов" may take the currency the paragraph named; "5" may not


@dataclass(frozen=True, slots=True)
class _Draft:
    """A figure read from tokens [first, end), its qualifier included."""

    first: int
    end: int
    amount: Amount
    found: Found
    qualifier: str | None


def find(ctx: Context) -> list[Figure]:
    """Every figure of the text, each with its value, unit, qualifier and what the text says it is."""
    w = words(ctx.source.language)
    doc = ctx.doc
    toks = tokenize(doc.text, doc.body_start)
    starts = [t.start for t in toks]
    drafts = _merge_restated(_read_all(toks, w), toks)
    out = []
    for n, d in enumerate(drafts):
        if _market_quote(toks, d):
            continue
        lo, hi = _sentence(doc, toks, starts, d)
        state, year = status.read(toks, d.first, d.end, lo, hi, w.cues, _year_of(ctx.source.date))
        if state == "target" and _starts_change(toks, d, drafts[n + 1 :], hi, w):
            state, year = "actual", None
        measure = d.found.measure
        if d.found.kind == "money":
            counted = _worth_of(toks, drafts[n - 1] if n else None, d, w)
            if counted:
                state, year, measure = "portfolio", None, _nominative(counted.found.measure, w)
            else:
                measure = _nominative(_measure_of(toks, d.end, hi, w), w) or _measure_near(toks, d, lo, hi, w)
        else:
            measure = _nominative(measure, w) if measure or d.found.kind == "count" else _measure_near(toks, d, lo, hi, w)
        start, end = toks[d.first].start, toks[d.end - 1].end
        out.append(
            Figure(start, end, doc.text[start:end], d.found.kind, value=d.amount.value, unit=d.found.unit,
                   value_max=d.amount.value_max, qualifier=d.qualifier, measure=measure, status=state, year=year)
        )
    return out


def _read_all(toks: Sequence[Token], w: Words) -> list[_Draft]:
    out: list[_Draft] = []
    i = 0
    while i < len(toks):
        d = _read_at(toks, i, w, out[-1] if out else None)
        if d is None:
            i += 1
            continue
        out.append(d)
        i = d.end
    return out


def _read_at(toks: Sequence[Token], i: int, w: Words, prev: _Draft | None = None) -> _Draft | None:
    """The figure whose number (or currency sign) starts at token i; `prev` is the figure before it."""
    sign = money.sign_before(toks, i, w)
    amount = read(toks, sign[1] if sign else i, w, after_sign=bool(sign))
    if amount is None and not sign:
        vague = read_vague(toks, i, w)
        found = money.after(toks, vague.end, vague, w) if vague else None
        return _Draft(i, found.end, vague, found, None) if vague and found else None
    if amount is None:
        return None
    found = Found("money", sign[0], amount.end) if sign else _found(toks, amount, w)
    if found is None:
        amount, found = _shared(toks, amount, w)
    first = i if sign else amount.first
    q = w.qualifiers.ends_at(toks, first)
    if found is None:
        found = count.stated_before(toks, amount, q[1] if q else first, w) or _implied_money(toks, amount, prev)
    if found is None:
        return None
    return _Draft(q[1] if q else first, found.end, amount, found, q[0] if q else None)


def _implied_money(toks: Sequence[Token], amount: Amount, prev: _Draft | None) -> Found | None:
    """A sum whose currency the paragraph gave just before: a scaled number with nothing after it
    ("превысил 3,5 миллиарда долларов … можем выйти на 5 миллиардов")."""
    if prev is None or prev.found.kind != "money" or prev.found.unit is None or amount.scale < MIN_IMPLIED_SCALE:
        return None
    if amount.end < len(toks) and toks[amount.end].kind != "sign" or any(t.text == "\n" for t in toks[prev.end : amount.first]):
        return None
    return Found("money", prev.found.unit, amount.end)


def _found(toks: Sequence[Token], amount: Amount, w: Words) -> Found | None:
    return next((f for grammar in _GRAMMARS if (f := grammar(toks, amount.end, amount, w))), None)


def _shared(toks: Sequence[Token], amount: Amount, w: Words) -> tuple[Amount, Found | None]:
    """The unit of the next, coordinated figure ("на 50 и 30 метров", "2 и 3 млн тонн")."""
    joined = w.coordination.match(toks, amount.end)
    nxt = read(toks, joined[1], w) if joined else None
    found = _found(toks, nxt, w) if nxt else None
    if nxt is None or found is None:
        return amount, None
    return scaled_like(amount, nxt), Found(found.kind, found.unit, amount.end, found.measure)


def _merge_restated(drafts: list[_Draft], toks: Sequence[Token]) -> list[_Draft]:
    """One figure for a fact stated twice in a row: "полутора миллионов тонн (1,6 млн т)"."""
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        same = prev is not None and (prev.found.kind, prev.found.unit) == (d.found.kind, d.found.unit)
        if prev and same and d.first == prev.end + 1 and toks[prev.end].text == _OPEN:
            end = d.end + 1 if d.end < len(toks) and toks[d.end].text == _CLOSE else d.end
            out[-1] = _Draft(prev.first, end, prev.amount, prev.found, prev.qualifier)
        else:
            out.append(d)
    return out


def _sentence(doc, toks: Sequence[Token], starts: list[int], d: _Draft) -> tuple[int, int]:
    """The token range of the sentence holding the figure (the figure alone when it is in none)."""
    i = doc.sentence_index(toks[d.first].start)
    if i is None:
        return d.first, d.end
    s = doc.sentences[i]
    return bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)


def _market_quote(toks: Sequence[Token], d: _Draft) -> bool:
    """A price with its change glued to a sign after it ("$ 101.30 +0.70"): a ticker, no fact of the text."""
    k = d.end
    return k + 1 < len(toks) and toks[k].text in _CHANGE_SIGNS and toks[k].space != "" and toks[k + 1].glued \
        and toks[k + 1].kind == "num"


def _year_of(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _starts_change(toks: Sequence[Token], d: _Draft, later: list[_Draft], hi: int, w: Words) -> bool:
    """Whether the figure is where a change starts, a later one in its sentence where it ends ("с $5,3 млрд
    до $10 млрд"): the starting value is what is."""
    return bool(w.cues.change_from.ends_at(toks, d.first)) and bool(later) and later[0].first < hi


def _worth_of(toks: Sequence[Token], prev: _Draft | None, d: _Draft, w: Words) -> _Draft | None:
    """The count a sum is the worth of: "45 совместных проектов на сумму …", "130 проектов на $9 млрд"."""
    if prev is None or prev.found.kind != "count":
        return None
    link = w.cues.portfolio_link.match(toks, prev.end)
    return prev if link and link[1] == d.first else None


def _measure_near(toks: Sequence[Token], d: _Draft, lo: int, hi: int, w: Words) -> str | None:
    """What a sum, share or quantity measures: the nearest measure noun before it in its sentence, else
    after it ("с $5 млрд до $10 млрд – двустороннего товарооборота"), in the nominative ("товарооборот",
    "соглашения"), with an adjective of origin before it where there is no morphology ("Portuguese exports")."""
    for k in [*range(d.first - 1, lo - 1, -1), *range(d.end, hi)]:
        got = w.measures.match(toks, k)
        if got:
            first = k - 1 if not w.inflected and k > lo and _origin(toks[k - 1], w) else k
            return _nominative(span_text(toks, first, got[1]), w, _SUBJECT_CASES)
    return None


def _origin(tok: Token, w: Words) -> bool:
    """A capitalised adjective of origin ("Brazilian", "Portuguese")."""
    return tok.kind == "word" and tok.text[:1].isupper() and tok.key.endswith(w.modifier_endings)


def _measure_of(toks: Sequence[Token], end: int, hi: int, w: Words) -> str | None:
    """What a sum buys, said after it: "$3 billion of military equipment" (up to the clause's end)."""
    link = w.cues.measure_link.match(toks, end) if end < hi else None
    if not link:
        return None
    k = link[1]
    while k < hi and k - link[1] < MAX_MEASURE_WORDS and toks[k].kind == "word" and not w.cues.measure_link.match(toks, k):
        k += 1
    return span_text(toks, link[1], k) if k > link[1] else None


def _nominative(measure: str | None, w: Words, cases: tuple[str, ...] = ()) -> str | None:
    """A measure phrase in the nominative, its head's number kept ("совместных проектов" → "совместные
    проекты"), the head read in one of `cases` where it can be, else in its likeliest reading; as written
    where there is no morphology."""
    if not measure or not w.inflected:
        return measure
    words = measure.split()
    # the first noun heads the phrase; an adjective ending it stands for one ("334 подозреваемых")
    at = next((k for k, word in enumerate(words) if parses(word)[0].pos == g.NOUN), len(words) - 1)
    nouns = [p for p in parses(words[at]) if p.pos in (g.NOUN, g.ADJ, g.PARTICIPLE)]
    if not nouns:
        return measure
    readings = [p for p in nouns if p.lemma == nouns[0].lemma]
    head = next((p for case in cases for p in readings if p.case == case), readings[0])
    phrase = " ".join([nominative(word, head) for word in words[: at + 1]] + words[at + 1 :])
    if "ё" not in measure:
        phrase = phrase.replace("ё", "е")  # as the text writes it: "протяженность"
    common = not ({g.FIRST_NAME, g.SURNAME, g.PLACE, g.ORGANISATION, g.ABBREVIATION} & parses(words[0])[0].marks)
    return phrase[:1].lower() + phrase[1:] if common else phrase
