"""Turn the words after a number into the noun phrase it counts or measures ("совместных проектов")."""
from __future__ import annotations

from collections.abc import Sequence

from ..lang import grammar as g, readings as parses
from .tokens import Token
from .words import Words

_ADJECTIVES = {g.ADJ, g.PARTICIPLE}
_HEADS = {g.NOUN, g.ADJ, g.PARTICIPLE}
_MAX_MODIFIERS = 4
_MAX_PLAIN_MODIFIERS = 2  # "24 new commercial agreements"


def noun_at(toks: Sequence[Token], j: int, w: Words) -> int | None:
    """The index of the head of a lower-case noun phrase starting at token j (its modifiers skipped)."""
    if not w.inflected:
        k = j
        while k < len(toks) and k - j < _MAX_PLAIN_MODIFIERS and not _plural(toks, k, w) and _plain_modifier(toks[k], w):
            k += 1
        return k if _plural(toks, k, w) else None
    k = j
    while k < len(toks) and k - j < _MAX_MODIFIERS and _modifier(toks, k):
        k += 1
        # Modifiers joined by "и" ("общественных и международных организаций").
        if k + 1 < len(toks) and w.coordination.match(toks, k) and _modifier(toks, k + 1):
            k += 1
    if k < len(toks) and _lower_word(toks[k]) and _pos(toks[k]) == g.NOUN:
        return k
    # A plural adjective or participle ending the phrase stands for a noun ("334 подозреваемых").
    if k > j and (k == len(toks) or toks[k].kind != "word") and parses(toks[k - 1].text)[0].number == g.PLURAL:
        return k - 1
    return None


def genitive_phrase(toks: Sequence[Token], j: int, w: Words) -> str | None:
    """The noun phrase in the genitive right after token j-1 ("80 процентов акций" → "акций")."""
    k = noun_at(toks, j, w)
    if k is None or not w.inflected or not any(p.case in (g.GEN, g.GEN2) for p in noun_parses(toks[k])):
        return None
    return span_text(toks, j, k + 1)


def noun_parses(tok: Token) -> list:
    """The analyses of a token as the head of a noun phrase (a noun, or an adjective standing for one)."""
    return [p for p in parses(tok.text) if p.pos in _HEADS]


def span_text(toks: Sequence[Token], i: int, end: int) -> str:
    """The text of tokens [i, end) as written."""
    return "".join((t.space if n else "") + t.text for n, t in enumerate(toks[i:end]))


def _plural(toks: Sequence[Token], k: int, w: Words) -> bool:
    """A plural noun, where there is no morphology: by its ending or from the list ("projects", "people")."""
    if k >= len(toks) or not _lower_word(toks[k]) or toks[k].key in w.not_plural:
        return False
    return toks[k].key in w.plural_nouns or toks[k].key.endswith(w.plural_endings)


def _plain_modifier(tok: Token, w: Words) -> bool:
    """A word before the counted noun, where there is no morphology: a lower-case word ("joint"), or a
    capitalised one with an adjective's ending ("Mongolian")."""
    return _lower_word(tok) or tok.kind == "word" and tok.text[:1].isupper() and tok.key.endswith(w.modifier_endings)


def _modifier(toks: Sequence[Token], k: int) -> bool:
    """An adjective or participle, or an adverb qualifying the next one ("агрессивно настроенных")."""
    if not _lower_word(toks[k]):
        return False
    pos = _pos(toks[k])
    if pos in _ADJECTIVES:
        return True
    return pos == g.ADVERB and k + 1 < len(toks) and _lower_word(toks[k + 1]) and _pos(toks[k + 1]) in _ADJECTIVES


def _lower_word(tok: Token) -> bool:
    return tok.kind == "word" and tok.text[:1].islower()


def _pos(tok: Token) -> str | None:
    return parses(tok.text)[0].pos
