"""Turn what a figure measures into a label: nominative, without numbers, saying number or value where needed.

"совместных проектов" for 78 → "Совместные проекты: число"; for 1,7 млрд долл.
→ "Совместные проекты: стоимость"; "стоимость 78 совместных проектов" →
"Стоимость совместных проектов". Extraction's `Figure.measure` is used when it
is there (and put in the nominative when it is not); else the words next to
the figure in its sentence.
"""
from __future__ import annotations

import re

from ..data import word_set
from ..lang import grammar as g, lemma, readings
from ..model import Figure
from .lexicon import table
from .rewrite import capital
from .words import count

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SHORT = 4  # words of a label on the fact sheet
_ADJECTIVES = (g.ADJ, g.PARTICIPLE)  # the words before a noun that agree with it
_NOUN_GROUP = (*_ADJECTIVES, g.NOUN)  # the words of a counted noun phrase ("78 совместных проектов")


def label(f: Figure, sentence: str, offset: int, lang: str, label_lang: str | None = None) -> str:
    """The nominative label of what figure `f` measures; `sentence` holds it from `offset` in the source.

    The measure's words stay in the source's language `lang`; the words the digest adds ("число", "Доля")
    are in `label_lang` (default: the same).
    """
    phrase = f.measure or _nearby(f, sentence, f.start - offset, lang)
    words = _clean(phrase, lang)
    if not words:
        return _kinds(f.kind, label_lang or lang)
    text = capital(" ".join(nominative(words, lang)))
    head = _head(words, lang)
    suffix = table("measure_suffix", label_lang or lang).get(f.kind)
    nouns = word_set("digest", "money_nouns" if f.kind == "money" else "count_nouns", lang)
    if suffix and f.kind in ("money", "count") and head not in nouns:
        return f"{text}: {suffix}"
    return text


def short(text: str, limit: int = SHORT) -> str:
    """A label in at most `limit` words: "X: число" keeps its suffix; the rest loses its trailing words."""
    name, sep, suffix = text.partition(": ")
    room = limit - (count(suffix) if sep else 0)
    if count(name) <= room:
        return text
    kept = name.split()
    while len(kept) > 1 and (count(" ".join(kept)) > room or len(kept[-1]) <= 2):  # nor end on a preposition
        kept.pop()
    return " ".join(kept) + (sep + suffix if sep else "")


def nominative(words: list[str], lang: str) -> list[str]:
    """A Russian noun phrase with its leading adjectives and first noun put in the nominative (agreeing in number)."""
    if lang != "ru":
        return words
    out = list(words)
    noun = next((i for i, w in enumerate(words) if _pos(w) == g.NOUN), None)
    if noun is None:
        return out
    head = readings(words[noun])[0]
    number = head.number or g.SINGULAR
    if head.case != g.NOM:
        out[noun] = head.inflect(g.NOM, number) or words[noun]
    for i in range(noun):
        r = next((x for x in readings(words[i]) if x.pos in _ADJECTIVES), None)
        if r is None:
            continue
        marks = (g.NOM, g.PLURAL) if number == g.PLURAL else (g.NOM, g.SINGULAR, head.gender or g.MASCULINE)
        out[i] = r.inflect(*marks) or words[i]
    return out


def _clean(phrase: str, lang: str) -> list[str]:
    """The words of a measure without numbers and filler ("на сумму", "более")."""
    noise = word_set("digest", "measure_noise", lang)
    words = [w for w in _WORD.findall(phrase)]
    while words and _lemma(words[0], lang) in noise:
        words.pop(0)
    return words[:8]


def _nearby(f: Figure, sentence: str, at: int, lang: str) -> str:
    """The words a figure counts (after it: "78 проектов"), else the noun it is the value of (the subject before it,
    or the genitive after it: "до 10 млрд долларов двустороннего товарооборота")."""
    after = _WORD.findall(sentence[at + len(f.text) :])[:6]
    group: list[str] = []
    for w in after if f.kind in ("count", "quantity") else ():
        pos = _pos(w)
        if pos not in _NOUN_GROUP:
            break
        group.append(w)
        if pos == g.NOUN:
            return " ".join(group)
    if lang != "ru":
        return ""
    head = sentence[:at].lstrip(" «\"„“")
    before = _WORD.findall(head)
    for i in range(len(before) - 1, max(len(before) - 11, -1), -1):
        if _common_noun(before[i], (g.NOM,), first=i == 0 and head.startswith(before[i])):
            return _with_complement(before, i)
    for i, w in enumerate(after):
        if _common_noun(w, (g.NOM, g.ACC, g.GEN)) and not _unit(w):
            adj = after[i - 1] if i and _pos(after[i - 1]) == g.ADJ else ""
            return f"{adj} {_with_complement(after, i)}".strip()
    return ""


def _with_complement(words: list[str], i: int) -> str:
    """The noun at i with the genitive noun after it, when there is one ("экспорт зерна")."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return f"{words[i]} {nxt}" if nxt and _common_noun(nxt, (g.GEN,)) and not _unit(nxt) else words[i]


def _common_noun(word: str, cases: tuple[str, ...], first: bool = False) -> bool:
    """True when the word reads as a common noun of a thing (not a name, not a person) in one of `cases`;
    capitalised only as a sentence's first word."""
    found = readings(word)
    if any(m in found[0] for m in g.NAMES) or not (word[:1].islower() or first):
        return False
    considered = found[:3] if first else found[:1]  # a sentence's first word: its likeliest readings
    return any(r.pos == g.NOUN and g.ANIMATE not in r and r.case in cases for r in considered)


def _unit(word: str) -> bool:
    """True for a word of the figure itself (a currency, a scale, a unit)."""
    return _lemma(word, "ru") in word_set("digest", "unit_words", "ru")


def _head(words: list[str], lang: str) -> str:
    """The lemma of the phrase's first noun (its first word when none is found)."""
    for w in words:
        if lang != "ru" or _pos(w) == g.NOUN:
            return _lemma(w, lang)
    return _lemma(words[0], lang)


def _kinds(kind: str, lang: str) -> str:
    return table("kind_labels", lang).get(kind) or kind


def _pos(word: str) -> str | None:
    return readings(word)[0].pos


def _lemma(word: str, lang: str) -> str:
    return lemma(word) if lang == "ru" else word.lower()
