"""Turn the sentence around a figure into what the figure is: a target (with its year), an actual, or a portfolio."""
from __future__ import annotations

from collections.abc import Sequence

from ..lang import grammar as g, readings as parses
from .lexicon import Lexicon
from .tokens import Token
from .words import Cues

_YEARS = range(1900, 2101)
# Signs that end a clause: verbs and plan words count only inside the figure's clause.
_CLAUSE_ENDS = set(",;:()")


def portfolio_cue(toks: Sequence[Token], first: int, cues: Cues) -> int | None:
    """The index where a portfolio cue ending right before the figure starts ("проектов на сумму …")."""
    got = cues.portfolio.ends_at(toks, first)
    return got[1] if got else None


def read(
    toks: Sequence[Token], first: int, end: int, lo: int, hi: int, cues: Cues, this_year: int | None = None
) -> tuple[str | None, int | None]:
    """(status, year) of the figure at tokens [first, end) in the sentence at tokens [lo, hi); `this_year`,
    the date line's, dates "в прошлом году"."""
    state, year = _read(toks, first, end, lo, hi, cues)
    if state == "portfolio" or year is not None:
        return state, year
    clause = range(_clause_start(toks, first, lo), _clause_end(toks, end, hi))
    year = _relative(toks, clause, first, cues, this_year) or _relative(toks, range(lo, hi), first, cues, this_year)
    if year is None and state != "target":  # "reaching $1 billion in 2004, 43% more than in 2003"
        year = _year(toks, [k for k in range(lo, hi) if not first <= k < end], first, cues.actual_year_before,
                     cues.actual_year_after, cues.compared)
    return (state or ("actual" if year else None)), year


def _read(toks: Sequence[Token], first: int, end: int, lo: int, hi: int, cues: Cues) -> tuple[str | None, int | None]:
    if portfolio_cue(toks, first, cues) is not None:
        return "portfolio", None
    around = [k for k in range(lo, hi) if not first <= k < end]
    target_year = _year(toks, around, first, cues.year_before, cues.year_after)
    if target_year:
        return "target", target_year
    if any(cues.actual.match(toks, k) for k in around):
        return "actual", _year(toks, around, first, cues.actual_year_before, cues.actual_year_after, cues.compared)
    around = [k for k in range(_clause_start(toks, first, lo), _clause_end(toks, end, hi)) if not first <= k < end]
    year = _year(toks, around, first, cues.actual_year_before, cues.actual_year_after, cues.compared)
    verbs = sorted((abs(k - first), k) for k in around if cues.change.match(toks, k))
    said = _tense(toks[verbs[0][1]]) if verbs else None
    if said:
        return said, year if said == "actual" else None
    if any(cues.target.match(toks, k) for k in around):
        return "target", None
    return ("actual", year) if year else (None, None)


def _clause_start(toks: Sequence[Token], first: int, lo: int) -> int:
    k = first
    while k > lo and toks[k - 1].text not in _CLAUSE_ENDS:
        k -= 1
    return k


def _clause_end(toks: Sequence[Token], end: int, hi: int) -> int:
    k = end
    while k < hi and toks[k].text not in _CLAUSE_ENDS:
        k += 1
    return k


def _relative(toks: Sequence[Token], around, first: int, cues: Cues, this_year: int | None) -> int | None:
    """The year nearest the figure said from the date line: "в прошлом году" (this_year - 1), "текущего года"."""
    if this_year is None:
        return None
    found = []
    for k in around:
        got = cues.relative_year.match(toks, k)
        if got and cues.relative_unit.match(toks, got[1]):
            found.append((abs(k - first), this_year + int(got[0])))
    return min(found)[1] if found else None


def _year(
    toks: Sequence[Token], around: list[int], first: int, before: Lexicon, after: Lexicon, compared: Lexicon | None = None
) -> int | None:
    """The year nearest the figure written as a cue: "к 2035 году", "за 2018 год", "by 2035"; not a year
    compared with ("than in 2003")."""
    found = []
    for k in around:
        got = before.match(toks, k)
        if not got or got[1] >= len(toks) or toks[got[1]].kind != "num" or not toks[got[1]].text.isdigit():
            continue
        if compared and k and compared.match(toks, k - 1):
            continue
        year = int(toks[got[1]].text)
        if year in _YEARS and (not after or after.match(toks, got[1] + 1)):
            found.append((abs(k - first), year))
    return min(found)[1] if found else None


def _tense(tok: Token) -> str | None:
    """A verb of change as an infinitive or future sets a target; in the past it reports an actual."""
    tag = parses(tok.text)[0]
    if tag.pos == g.INFINITIVE or tag.tense == g.FUTURE:
        return "target"
    if tag.tense == g.PAST:
        return "actual"
    return None
