"""Turn a commitment's actor into the party it acts for: the country or body of a person's title, both
sides' for a joint actor ("стороны", "the two leaders"), a named country or body itself.

A person's party is the tail of their title after its head word, in the nominative ("Президент
Республики Казахстан" → "Республика Казахстан"; "President of Brazil" → "Brazil"), or, in English, the
capitalised words before it ("US President" → "US"). The joint words are language data (`joint` in
data/commitments.yaml).
"""
from __future__ import annotations

import functools
import re

from .. import data, lang
from ..lang import grammar as g
from .context import Context

_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*|\S+")
JOINT_WORDS = 3  # "The two countries": the joint word may come third
PARTNER_REACH = 4  # words between an agreement's cue and "с", and between "с" and the partner's name
SIDES = 2  # a joint actor stands for the parties of the two people the text names most


@data.cached
def _joint(lang: str) -> dict:
    return data.load("commitments").get("joint", {}).get(lang) or {}


def joint_wording(lang: str) -> str | None:
    """How an agreement with no named actor names its actor: both sides ("стороны", "the sides")."""
    return _joint(lang).get("wording")


def is_joint(words: list[str], lang: str) -> bool:
    """True when the first words that name an actor stand for both sides ("стороны", "лидеры двух стран",
    "both"): a plural of one of the joint subjects."""
    joint = set(_joint(lang).get("subjects", ()))
    return any(_plural_lemmas(w) & joint for w in words[:JOINT_WORDS])


def party(ctx: Context, actor: str | None) -> str | None:
    """The country or body `actor` acts for, or None when the text does not tell."""
    if not actor:
        return None
    lang = ctx.source.language
    by_name = {p.name: p for p in ctx.people}
    joiner = f" {_joint(lang).get('and', 'и')} "
    names = actor.split(joiner)
    if all(n in by_name for n in names):
        found = list(dict.fromkeys(filter(None, (of_person(by_name[n], lang) for n in names))))
        return joiner.join(found) or None
    if is_joint(_WORD.findall(actor), lang):
        return sides(ctx)
    if any(e.text == actor or e.text in names for e in ctx.doc.entities if e.type in ("ORG", "LOC")):
        return actor
    return None


def with_partner(ctx: Context, who: str, after: list) -> str:
    """An agreement's actor with the person it was made with, named right after the cue ("договорился с
    президентом Виктором Януковичем" → "Эрдоган и Виктор Янукович"), else the actor alone."""
    lang = ctx.source.language
    for k, w in enumerate(after[:PARTNER_REACH]):
        if w.text.lower() in _joint(lang).get("with", ()):
            for x in after[k + 1 : k + 1 + PARTNER_REACH]:
                person = next((p for p in ctx.people if p.name != who and any(
                    m.start <= x.start < m.end for m in p.mentions)), None)
                if person is not None:
                    return f"{who} {_joint(lang).get('and', 'и')} {person.name}"
    return who


def with_counterpart(ctx: Context, speaker: str) -> str:
    """A speaker's "we agreed" as both sides' people: the speaker and the person the text names most after
    them whose party differs ("Нарендра Моди и Дональд Трамп"), or the speaker alone when there is none."""
    lang = ctx.source.language
    own = next((of_person(p, lang) for p in ctx.people if p.name == speaker), None)
    others = sorted((p for p in ctx.people if p.name != speaker), key=lambda p: -len(p.mentions))
    other = next((p.name for p in others if own is None or of_person(p, lang) not in (None, own)), None)
    return f"{speaker} {_joint(lang).get('and', 'и')} {other}" if other else speaker


def own_side(ctx: Context, actor: str, person: str) -> bool:
    """True when `actor`, the subject of a person's words, names that person's own side: a side noun
    ("азербайджанская сторона", "японское правительство"), or the country or body of their title ("Россия"
    said by the President of Russia)."""
    lang = ctx.source.language
    words = _WORD.findall(actor)
    if is_joint(words, lang) or any(p.name == actor for p in ctx.people):
        return False
    if {_lemma(w) for w in words} & set(_joint(lang).get("own", ())):
        return True
    title = next((p.title for p in ctx.people if p.name == person and p.title is not None), None)
    return title is not None and bool({_lemma(w) for w in words} & {_lemma(w) for w in _WORD.findall(title.name)})


def sides(ctx: Context) -> str | None:
    """The parties of the two people the text names most, when they differ ("Казахстан и Турция")."""
    lang = ctx.source.language
    ranked = sorted(ctx.people, key=lambda p: -len(p.mentions))
    found = list(dict.fromkeys(filter(None, (of_person(p, lang) for p in ranked))))[:SIDES]
    return f" {_joint(lang).get('and', 'и')} ".join(found) if len(found) == SIDES else None


def of_person(person, lang: str) -> str | None:
    """The country or body a person's title names, in the nominative."""
    if person.title is None:
        return None
    words = _WORD.findall(person.title.name)
    of = _joint(lang).get("title_of")
    if of:  # a language that says "President of Brazil" or "US President"
        if of in words:
            tail = words[words.index(of) + 1 :]
            return " ".join(w for w in tail if w[:1].isupper()) or None
        before = [w for w in words[: -1] if w[:1].isupper() and w.lower() not in _joint(lang).get("titles", ())]
        return " ".join(before) or None
    tail = next((words[k:] for k in range(1, len(words)) if words[k][:1].isupper()), [])
    return " ".join(_nominative(w) for w in tail) or None


@functools.cache
def _nominative(word: str) -> str:
    """A title's word in the nominative when its likeliest reading is a genitive ("Республики" →
    "Республика"), its capital kept; any other word (an abbreviation, "Казахстан") as written."""
    top = lang.readings(word)[0]
    if word.isupper() or top.case != g.GEN or top.pos not in (g.NOUN, g.ADJ):
        return word
    form = top.inflect(g.NOM)
    return word[:1] + form[1:] if form else word


def _lemma(word: str) -> str:
    return lang.lemma(word.lower()).replace("ё", "е")


def _plural_lemmas(word: str) -> set[str]:
    """The lemmas a word may be the plural of ("стороны" → "сторона"); a Latin word as written."""
    readings = lang.readings(word.lower())
    if g.LATIN in readings[0]:
        return {word.lower()}
    return {p.lemma.replace("ё", "е") for p in readings if g.PLURAL in p}
