"""Turn a percent sign or word after an amount into a percentage ("14%", "80 процентов акций")."""
from __future__ import annotations

from collections.abc import Sequence

from .nouns import genitive_phrase
from .numbers import Amount, Found
from .tokens import Token
from .words import Words


def after(toks: Sequence[Token], j: int, amount: Amount, w: Words) -> Found | None:
    """A percentage, measuring the genitive noun phrase after it when there is one."""
    got = w.percent.match(toks, j)
    return Found("percent", None, got[1], genitive_phrase(toks, got[1], w)) if got else None
