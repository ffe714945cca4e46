"""Turn the sentence around a figure into what the figure is: a target (with its year), an actual, or a portfolio."""
from __future__ import annotations

from collections.abc import Sequence

from ..nlp import parses
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


def read(toks: Sequence[Token], first: int, end: int, lo: int, hi: int, cues: Cues) -> tuple[str | None, int | None]:
    """(status, year) of the figure at tokens [first, end) in the sentence at tokens [lo, hi)."""
    if portfolio_cue(toks, first, cues) is not None:
        return "portfolio", None
    around = [k for k in range(lo, hi) if not first <= k < end]
    target_year = _year(toks, around, first, cues.year_before, cues.year_after)
    if target_year:
        return "target", target_year
    if any(cues.actual.match(toks, k) for k in around):
        return "actual", _year(toks, around, first, cues.actual_year_before, cues.actual_year_after)
    around = [k for k in range(_clause_start(toks, first, lo), _clause_end(toks, end, hi)) if not first <= k < end]
    year = _year(toks, around, first, cues.actual_year_before, cues.actual_year_after)
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


def _year(toks: Sequence[Token], around: list[int], first: int, before: Lexicon, after: Lexicon) -> int | None:
    """The year nearest the figure written as a cue: "к 2035 году", "за 2018 год", "by 2035"."""
    found = []
    for k in around:
        got = before.match(toks, k)
        if not got or got[1] >= len(toks) or toks[got[1]].kind != "num" or not toks[got[1]].text.isdigit():
            continue
        year = int(toks[got[1]].text)
        if year in _YEARS and (not after or after.match(toks, got[1] + 1)):
            found.append((abs(k - first), year))
    return min(found)[1] if found else None


def _tense(tok: Token) -> str | None:
    """A verb of change as an infinitive or future sets a target; in the past it reports an actual."""
    tag = parses(tok.text)[0].tag
    if tag.POS == "INFN" or tag.tense == "futr":
        return "target"
    if tag.tense == "past":
        return "actual"
    return None
