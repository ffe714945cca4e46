"""Turn natasha's PER mentions into people: one Person per individual, named in the nominative.

"Шавкату Мирзиёеву", "Шавкат Миромонович" and "Мирзиёев" are one person: mentions
are grouped by surname, and a first name (with or without patronymic) joins the
group whose full name starts with it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import nlp
from ..model import Span

_NAME_TAGS = ("Surn", "Name", "Patr")


@dataclass(slots=True)
class Person:
    """One individual and every place the text names them."""

    name: str
    surname: str  # folded key: lower case, ё → е
    first: str | None
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)


def find(ctx) -> list[Person]:
    """Group the document's person mentions into people, in order of first mention."""
    people: list[Person] = []
    pending: list[tuple[list[tuple[str, str]], Span]] = []
    for ent in ctx.doc.entities:
        if ent.type != "PER":
            continue
        parts = [nominative(w) for w in ent.text.split()]
        if not parts:
            continue
        span = Span(ent.start, ent.end, ent.text)
        kinds = [k for _, k in parts]
        if len(parts) >= 2 and kinds[-1] == "Patr":
            pending.append((parts, span))  # "Шавкат Миромонович": first name + patronymic
            continue
        key = fold(parts[-1][0])
        person = next((p for p in people if p.surname == key), None)
        if person is None:
            person = Person(name="", surname=key, first=None)
            people.append(person)
        if len(parts) >= 2 and not person.first:
            person.first = fold(parts[0][0])
        if len(parts) > len(person.name.split()):
            person.name = " ".join(w for w, _ in parts)
        person.mentions.append(span)
    for parts, span in pending:
        first = fold(parts[0][0])
        person = next((p for p in people if p.first == first), None)
        if person is None:
            person = Person(name=" ".join(w for w, _ in parts), surname=fold(parts[-1][0]), first=first)
            people.append(person)
        person.mentions.append(span)
    for p in people:
        p.mentions.sort(key=lambda s: s.start)
    people.sort(key=lambda p: p.mentions[0].start)
    return people


def nominative(word: str) -> tuple[str, str]:
    """A name word in the nominative, keeping its gender and capitalisation, with its kind (Surn/Name/Patr/'')."""
    if "-" in word:
        pieces = [nominative(w) for w in word.split("-")]
        return "-".join(w for w, _ in pieces), pieces[-1][1]
    for parse in nlp.morph().parse(word):
        kind = next((t for t in _NAME_TAGS if t in parse.tag), None)
        if kind:
            form = parse.inflect({"nomn"})
            out = form.word if form else parse.word
            return _recase(out, word), kind
    return word, ""


def fold(word: str) -> str:
    """Lower case with ё folded to е, for comparing names."""
    return word.lower().replace("ё", "е")


def _recase(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
