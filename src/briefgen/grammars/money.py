"""Turn a currency named or signed next to an amount into money with its ISO 4217 code."""
from __future__ import annotations

from collections.abc import Sequence

from .numbers import Amount, Found, hyphen_word
from .tokens import Token
from .words import Words


def sign_before(toks: Sequence[Token], i: int, w: Words) -> tuple[str, int] | None:
    """(code, index of the number) when a currency sign at token i stands before a number ("$27 млн", "£22 млн")."""
    got = w.signs.match(toks, i)
    return got if got and got[1] < len(toks) and toks[got[1]].kind == "num" else None


def after(toks: Sequence[Token], j: int, amount: Amount, w: Words) -> Found | None:
    """Money when a currency follows the amount: "10 млрд долларов", "5 000 ₸", "100-долларовой"."""
    at = hyphen_word(toks, j, w)
    got = w.currencies.match(toks, j if at is None else at) or (w.signs.match(toks, j) if at is None else None)
    return Found("money", got[0], got[1]) if got else None
