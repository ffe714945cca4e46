"""Turn a head word and its neighbours into a noun phrase: the adjectives before it, the genitive words after it.

Shared by roles ("народный депутат Молдовы") and event names ("Уральского
промышленного форума" → "Уральский промышленный форум").
"""
from __future__ import annotations

from .. import lang
from ..document import Token
from ..lang import grammar as g

NOMINAL = (g.NOUN, g.ADJ)


def head_reading(word: str, lemmas: frozenset[str]):
    """The word's reading as one of `lemmas`, when its likeliest reading is a noun ("после" is not "посол")."""
    readings = lang.readings(word)
    if readings[0].pos != g.NOUN:
        return None
    return next((p for p in readings if p.pos == g.NOUN and lemma(p) in lemmas), None)


def bounds(
    text: str,
    words: list[Token],
    i: int,
    head,
    limit: int,
    stop: set[int],
    joins: Joins | None = None,
    states: frozenset[str] = frozenset(),
) -> tuple[int, int]:
    """(first, last) word index of the phrase headed by words[i]: agreeing adjectives, then
    up to `limit` genitive words, not running into a word that starts at an offset in `stop`.

    With `joins` (conjunctions, heads), a conjunction between two lower-case genitive words
    joins them ("министр торговли и интеграции"), unless the second heads a phrase of its own
    ("президента Казахстана и премьер-министра Индии"). After one of `states` ("Республики")
    the country's own name follows in any case ("Республики Корея").
    """
    begin = i
    while begin > 0 and _agrees(words[begin - 1], head) and adjacent(text, words[begin - 1], words[begin]):
        begin -= 1
    end, counted = i, 0
    while end + 1 < len(words) and counted < limit and adjacent(text, words[end], words[end + 1]):
        nxt = words[end + 1]
        if joins and nxt.text.lower() in joins[0] and end > i and end + 2 < len(words):
            after = words[end + 2]
            if after.text.islower() and adjacent(text, nxt, after) and _complement(after) and not _heads(after, joins[1]):
                end += 2
                counted += 1
                continue
        named = nxt.text[:1].isupper() and lemma(lang.readings(words[end].text)[0]) in states
        if nxt.start in stop or not (named or _complement(nxt)):
            break
        end += 1
        counted += 1
    return begin, end


Joins = tuple[frozenset[str], frozenset[str]]  # (conjunctions, head lemmas) for `bounds`


def _heads(tok: Token, lemmas: frozenset[str]) -> bool:
    return any(lemma(p) in lemmas for p in lang.readings(tok.text) if p.pos == g.NOUN)


def nominative_phrase(words: list[Token], begin: int, i: int, end: int, head) -> str:
    """The phrase with its head and adjectives in the nominative singular, the rest as written."""
    return " ".join(
        [nominative(w.text, head) for w in words[begin : i + 1]] + [w.text for w in words[i + 1 : end + 1]]
    )


def nominative(word: str, head) -> str:
    """The word in the nominative, in the head's number and gender, its capital kept."""
    agree = {str(head.gender), str(head.number)} & {g.MASCULINE, g.FEMININE, g.NEUTER, g.SINGULAR, g.PLURAL}
    if g.PLURAL in agree:
        agree = {g.PLURAL}  # plural adjectives have no gender: "совместные проекты"
    for p in lang.readings(word):
        if p.case == head.case and p.pos in (*NOMINAL, g.PARTICIPLE):
            form = p.inflect(g.NOM, *(agree if p.pos != g.NOUN else agree & {g.SINGULAR, g.PLURAL}))
            if form:
                return word[:1] + form[1:] if word[:1].isupper() else form
    return word


def adjacent(text: str, a: Token, b: Token) -> bool:
    """Whether only spaces lie between two words (a line break parts a headline from the text below); a
    footnote mark ("хоким* области") is no gap."""
    return not text[a.end : b.start].strip(" \t\u00a0*")


def lemma(parse) -> str:
    """A reading's dictionary form, ё written as е."""
    return parse.lemma.replace("ё", "е")


def _agrees(tok: Token, head) -> bool:
    """An adjective before the head in the same case: "народный депутат", "турецкого премьера"."""
    return any(p.pos == g.ADJ and p.case == head.case for p in lang.readings(tok.text))


def _complement(tok: Token) -> bool:
    """A genitive noun or adjective after the head: "торговли Китая", "МИД РФ"."""
    readings = lang.readings(tok.text)
    if len(tok.text) < 2 or readings[0].pos not in NOMINAL:
        return False
    return tok.text.isupper() or any(p.case == g.GEN and p.pos in NOMINAL for p in readings)
