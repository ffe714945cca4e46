"""Turn a physical unit after an amount into a quantity ("3 млн тонн нефти", "500 км")."""
from __future__ import annotations

from collections.abc import Sequence

from .nouns import genitive_phrase
from .numbers import Amount, Found, hyphen_word
from .tokens import Token
from .words import Words


def after(toks: Sequence[Token], j: int, amount: Amount, w: Words) -> Found | None:
    """A quantity with its unit symbol, measuring the genitive noun phrase after it when there is one;
    the unit may be glued by a hyphen ("a 1-gigawatt plant")."""
    at = hyphen_word(toks, j, w)
    got = w.units.match(toks, j if at is None else at)
    return Found("quantity", got[0], got[1], genitive_phrase(toks, got[1], w)) if got else None
