"""Turn the words before a verb into who does it: a named person or organisation, a resolved pronoun or
title, the first person, or a plain noun.

Names come from the people extractor (persons) and natasha's entities (organisations, places); a word is
a subject only when it can be nominative and stands outside a prepositional phrase or a genitive.
"""
from __future__ import annotations

from collections import Counter

from .words import Word

NAMED, PERSON, FIRST, NOUN = "named", "person", "first", "noun"  # how a subject was found


def subject(ctx, words: list[Word], speaker: str | None, passive: bool) -> tuple[str | None, str | None]:
    """The subject in `words` as (kind, who): NAMED people or organisations; a PERSON a pronoun or a title
    ("глава государства") stands for, the one named last before it other than the quote's own speaker;
    FIRST person ("мы"), whom only a quote can name; a NOUN ("руководство страны", "лидеры двух стран")
    unless the clause is passive; or (None, None)."""
    for k, w in enumerate(words):
        if not w.is_word or not _free(words, k):
            continue
        if _person_at(ctx, w) or _entity_at(ctx, w):
            return NAMED, _names(ctx, words[k:])
        tag = next((t for _, t in w.readings if t is not None and "nomn" in t), None)
        if tag is None:
            continue
        if tag.POS == "NPRO" and "1per" in tag:
            return FIRST, None
        if tag.POS == "NPRO" and "3per" in tag or tag.POS == "NOUN" and "anim" in tag and "sing" in tag:
            named = _names(ctx, words[k + 1 :], persons_only=True)
            return (NAMED, named) if named else (PERSON, last_person(ctx, w.start, speaker))
        if tag.POS == "NOUN":
            named = _names(ctx, words[k + 1 : k + 4])
            if named or passive:
                return (NAMED, named) if named else (None, None)
            end = k + 1
            while end < len(words) and end - k <= 3 and words[end].has("gent") and not words[end].has("PREP"):
                end += 1
            return NOUN, ctx.doc.text[w.start : words[end - 1].end]
    return None, None


def _free(words: list[Word], k: int) -> bool:
    """True when words[k] can be nominative and stands outside a prepositional phrase, and, when it can
    also be genitive ("на базе Сколково"), is not the dependent of a noun in another case."""
    if words[k].tag is None:
        return True  # a word without morphology (a Latin name): nothing rules it out
    cases = {c for _, t in words[k].readings for c in ("nomn", "gent") if c in t}
    if "nomn" not in cases:
        return False
    for w in reversed(words[:k]):
        if not w.is_word or w.has("ADJF") or w.has("NUMR"):
            continue
        return not (w.has("PREP") or ("gent" in cases and w.has("NOUN") and not w.has("nomn")))
    return True


def _names(ctx, words: list[Word], persons_only: bool = False) -> str | None:
    """The people (and organisations, places) named as subjects in `words`, joined with "и"."""
    found: list[str] = []
    for k, w in enumerate(words):
        if not w.is_word or not _free(words, k):
            continue
        person = _person_at(ctx, w)
        name = person.name if person else (None if persons_only else _entity_at(ctx, w))
        if name and name not in found:
            found.append(name)
    return " и ".join(found) or None


def _person_at(ctx, word: Word):
    return next((p for p in ctx.people for m in p.mentions if m.start <= word.start < m.end), None)


def _entity_at(ctx, word: Word) -> str | None:
    """The organisation or place whose name starts at `word`."""
    for e in ctx.doc.entities:
        if e.start == word.start and e.type in ("ORG", "LOC"):
            return e.text
    return None


def last_person(ctx, offset: int, exclude: str | None = None) -> str | None:
    """The person named last before `offset` (other than `exclude`, a quote's own speaker)."""
    best, at = None, -1
    for person in ctx.people:
        if person.name == exclude:
            continue
        for m in person.mentions:
            if at < m.start < offset:
                best, at = person.name, m.start
    return best


def main_organisation(ctx) -> str | None:
    """The organisation the text is about: named at least twice and as often as anyone, else None."""
    orgs = Counter(e.text.strip("«»\"") for e in ctx.doc.entities if e.type == "ORG")
    if orgs:
        name, n = orgs.most_common(1)[0]
        if n >= 2 and all(n >= len(p.mentions) for p in ctx.people):
            return name
    return None
