"""Turn the words before a verb into who does it: a named person or organisation, a resolved pronoun or
title, the first person, or a plain noun.

Names come from the people extractor (persons) and natasha's entities (organisations, places); a word is
a subject only when it can be nominative and stands outside a prepositional phrase or a genitive.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .. import data
from ..lang import grammar as g
from ..lang.reading import Reading
from ..lang.words import Word
from .context import Context
from .roles import Role, compatible

NAMED, PERSON, FIRST, NOUN = "named", "person", "first", "noun"  # how a subject was found
_QUOTES = "«»„“”\"'"
MAX_COORDINATED_GAP = 4  # words a coordinated name may stand after "и" ("и премьер-министр Чили Педро Сото")


Subject = tuple[str | None, str | None]  # (how it was found, who)


def subject(
    ctx: Context, words: list[Word], speaker: str | None, passive: bool, verb: Word | None = None
) -> Subject:
    """The subject in `words` as (kind, who): NAMED people or organisations; a PERSON a pronoun or a title
    ("глава государства") stands for, the one named last before it other than the quote's own speaker;
    FIRST person ("мы"), whom only a quote can name; a NOUN ("руководство страны", "лидеры двух стран")
    unless the clause is passive; or (None, None). Words of time ("в конце 2016 года") are never subjects;
    nor is a word whose gender a past-tense `verb` denies ("Форум пройдет, и [она] пригласила").
    A first-person pronoun anywhere makes the clause first person ("Протокол мы подписали").

    Each word is put to RULES in order: the first rule that decides gives the subject, or passes the word by.
    """
    if any(w.has(g.PRONOUN, g.FIRST, g.NOM) for w in words):
        return FIRST, None
    titles = {r.start: r for r in ctx.roles}
    gender = _gender(verb)
    for k, w in enumerate(words):
        at = _At(ctx, words, k, speaker, passive, verb, gender, titles.get(w.start))
        for rule in RULES:
            decided = rule(at)
            if isinstance(decided, _Pass):
                break
            if decided is not None:
                return decided
    return None, None


class _Pass:
    """A rule's verdict that the word is no subject: the next word is tried."""


PASS = _Pass()


@dataclass(frozen=True, slots=True)
class _At:
    """One word of the clause, put to the rules, with what they read around it."""

    ctx: Context
    words: list[Word]
    k: int
    speaker: str | None
    passive: bool
    verb: Word | None
    gender: str | None  # the gender a past-tense verb requires
    title: Role | None  # the role phrase that starts at the word

    @property
    def word(self) -> Word:
        return self.words[self.k]

    @property
    def nominative(self) -> Reading | None:
        """The word's most likely nominative reading."""
        return next((t for t in self.word.readings if t.analysed and g.NOM in t), None)


def _bound(at: _At) -> _Pass | None:
    """Punctuation, or a word inside a prepositional phrase or after a genitive, is no subject."""
    w = at.word
    free = w.is_word and _free(at.words, at.k, _named_case(at.ctx, w) or _plural_subject(at.words, at.k, at.verb))
    return None if free else PASS


def _wrong_gender(at: _At) -> _Pass | None:
    """A word whose gender the past-tense verb denies ("Форум пройдет, и [она] пригласила")."""
    return PASS if at.gender and not _may_be(at.ctx, at.word, at.gender) else None


def _named(at: _At) -> Subject | None:
    """A person or organisation the text names, starting here."""
    w = at.word
    if _person_at(at.ctx, w) or _entity(at.ctx, w) or _introduced_at(at.ctx, w):
        return NAMED, _names(at.ctx, at.words[at.k :])
    return None


def _bare_title(at: _At) -> Subject | None:
    """A title in a language without morphology: the person who holds it."""
    title, w = at.title, at.word
    if title is not None and w.tag is None and not title.plural:
        return PERSON, titled_person(at.ctx, title, at.speaker) or last_person(at.ctx, w.start, at.speaker)
    return None


def _not_nominative(at: _At) -> _Pass | None:
    """A word that cannot be nominative, or a word of time ("в конце 2016 года")."""
    if at.nominative is None or at.word.lemma in _vocabulary(at.ctx.source.language).time:
        return PASS
    return None


def _first_person(at: _At) -> Subject | None:
    """"мы", "я": the first person, whom only a quote can name."""
    tag = at.nominative
    return (FIRST, None) if tag is not None and tag.pos == g.PRONOUN and g.FIRST in tag else None


def _someone(at: _At) -> Subject | None:
    """A third-person pronoun or a singular animate noun: the person named right after it, else the one the
    title or the text last named."""
    tag = at.nominative
    if tag is None or not (
        tag.pos == g.PRONOUN and g.THIRD in tag or tag.pos == g.NOUN and g.ANIMATE in tag and g.SINGULAR in tag
    ):
        return None
    named = _names(at.ctx, at.words[at.k + 1 :], kinds=("PER",))
    if named:
        return NAMED, named
    by_title = titled_person(at.ctx, at.title, at.speaker) if at.title is not None else None
    return PERSON, by_title or last_person(at.ctx, at.word.start, at.speaker)


def _noun(at: _At) -> Subject | None:
    """A common noun: an organisation named right after it ("корпорация Marubeni"), else the noun phrase
    with its adjectives and genitives ("Туркменская сторона", "лидеры двух стран"), unless passive."""
    tag, words, k = at.nominative, at.words, at.k
    if tag is None or tag.pos != g.NOUN:
        return None
    named = _names(at.ctx, words[k + 1 : k + 4], kinds=("ORG",))
    if named or at.passive:
        return (NAMED, named) if named else (None, None)
    begin, end = k, k + 1
    while begin > 0 and words[begin - 1].has(g.ADJ, g.NOM) and not words[begin - 1].has(g.PRONOMINAL):
        begin -= 1  # "Туркменская сторона", not "который"
    while end < len(words) and end - k <= 3 and _genitive(words[end]):
        end += 1
    return NOUN, at.ctx.doc.text[words[begin].start : words[end - 1].end]


Rule = Callable[[_At], "Subject | _Pass | None"]  # a verdict on one word: a subject, PASS, or None (no say)
RULES: tuple[Rule, ...] = (_bound, _wrong_gender, _named, _bare_title, _not_nominative, _first_person, _someone, _noun)


@dataclass(frozen=True, slots=True)
class _Words:
    """The words subjects are read with: of time (never a subject), that join names, and the one written between."""

    time: frozenset[str]
    joins: frozenset[str]
    joiner: str


@data.cached
def _vocabulary(lang: str) -> _Words:
    d = data.load("commitments")
    coordinators = d["coordinators"].get(lang) or ["и"]
    return _Words(
        time=frozenset(d["deadlines"].get(lang, {}).get("units", ())),
        joins=frozenset(coordinators),
        joiner=coordinators[0],  # how coordinated names are written together: "Чили и Перу"
    )


def _genitive(word: Word) -> bool:
    """True for a word that can be a genitive noun or adjective ("руководство страны", "лидеры двух стран")."""
    return any(t.analysed and g.GEN in t and t.pos in (g.NOUN, g.ADJ, g.NUMERAL) for t in word.readings)


def _named_case(ctx: Context, word: Word) -> bool | None:
    """Whether a person's mention at `word` is nominative, as the people extractor read it from the whole
    name (a surname the dictionary reads as a genitive plural), or None when no person is named there."""
    person = _person_at(ctx, word)
    if person is None:
        return None
    return person.nominative_at(next(m.start for m in person.mentions if m.start <= word.start < m.end))


def _plural_subject(words: list[Word], k: int, verb: Word | None) -> bool | None:
    """True when a plural verb agrees with words[k]'s nominative plural, which the word also has a genitive
    singular for ("По их итогам стороны подписали"), and no surer nominative follows it ("в ходе встречи
    лидеры условились"), else None (undecided)."""
    tag = verb.tag if verb is not None else None
    if tag is None or g.PLURAL not in tag or tag.pos not in (g.VERB, g.PARTICIPLE_SHORT, g.ADJ_SHORT):
        return None
    if any(_only_nominative(w) for w in words[k + 1 :]):
        return None
    return True if any(t.analysed and g.PLURAL in t and g.NOM in t for t in words[k].readings) else None


def _only_nominative(word: Word) -> bool:
    """A noun or pronoun that can only be nominative ("лидеры")."""
    tags = [t for t in word.readings if t.analysed and t.pos in (g.NOUN, g.PRONOUN)]
    return bool(tags) and all(g.NOM in t for t in tags)


def _free(words: list[Word], k: int, nominative: bool | None = None) -> bool:
    """True when words[k] can be nominative (or, for a person's name, is: `nominative`) and stands outside a
    prepositional phrase, and, when it can also be genitive ("на базе Иннополиса", "по данным Reuters"), is
    not the dependent of a noun in another case."""
    genitive = True  # a word without morphology (a Latin name) may be anything
    if nominative is not None:
        if not nominative:
            return False
        genitive = False
    elif words[k].tag is not None:
        cases = {c for t in words[k].readings for c in (g.NOM, g.GEN) if c in t}
        if g.NOM not in cases:
            return False
        genitive = g.GEN in cases
    for w in reversed(words[:k]):
        if not w.is_word and w.text not in _QUOTES:
            return True  # a comma or dash ends the phrase before it
        if not w.is_word or w.has(g.ADJ) or w.has(g.NUMERAL) or w.has(g.DIGITS):
            continue
        return not (w.has(g.PREPOSITION) or (genitive and w.has(g.NOUN) and not w.has(g.NOM)))
    return True


def _names(ctx: Context, words: list[Word], kinds=("PER", "ORG", "LOC")) -> str | None:
    """The first person, organisation or place (of `kinds`) named as a subject in `words` and those
    coordinated with it ("Чили и Перу", "президент … Петрович и премьер-министр … Сото"), joined with "и"."""
    and_ = _vocabulary(ctx.source.language).joins
    found: list[str] = []
    k, limit = 0, len(words)
    while k < min(limit, len(words)):
        named = _name_at(ctx, words, k, kinds)
        if named is None:
            k += 1
            continue
        name, end = named
        if name not in found:
            found.append(name)
        k = next((j for j in range(k, len(words)) if words[j].start >= end), len(words))
        if k >= len(words) or words[k].lemma not in and_:
            break
        k, limit = k + 1, k + 1 + MAX_COORDINATED_GAP
    return f" {_vocabulary(ctx.source.language).joiner} ".join(found) or None


def _name_at(ctx: Context, words: list[Word], k: int, kinds) -> tuple[str, int] | None:
    """(name, end offset) of the person, organisation or place (of `kinds`) that is a free subject at words[k]."""
    w = words[k]
    if not w.is_word or not _free(words, k, _named_case(ctx, w)):
        return None
    person = _person_at(ctx, w) if "PER" in kinds else None
    if person is not None:
        return person.name, next(m.end for m in person.mentions if m.start <= w.start < m.end)
    person = _introduced_at(ctx, w) if "PER" in kinds else None
    if person is not None:  # a title with its name: up to the name's end
        at = next(m for m, r in person.intros.items() if r.start == w.start)
        return person.name, next(m.end for m in person.mentions if m.start == at)
    e = _entity(ctx, w)
    return (e.text, e.end) if e is not None and e.type in kinds else None


def _gender(verb: Word | None) -> str | None:
    """The gender a singular past-tense verb says its subject has ("пригласила": femn), else None."""
    tag = verb.tag if verb is not None else None
    if tag is None or tag.pos != g.VERB or g.PAST not in tag or g.SINGULAR not in tag:
        return None
    return next((gender for gender in (g.MASCULINE, g.FEMININE, g.NEUTER) if gender in tag), None)


def _may_be(ctx: Context, word: Word, gender: str) -> bool:
    """Whether the subject that starts at `word` may be of `gender`: a person of unknown or that gender, a
    noun with a reading of it (a title of either gender: "глава", "министр" for a woman)."""
    person = _person_at(ctx, word) or _introduced_at(ctx, word)
    if person is not None:
        return person.gender in (None, gender)
    if word.tag is None:
        return True
    nouns = [t for t in word.readings if t.analysed and t.pos == g.NOUN and g.NOM in t]
    if not nouns or any(g.ANIMATE in t for t in nouns):
        return True  # not a noun, or a person's title
    return any(gender in t or g.COMMON in t or g.PLURAL in t for t in nouns)


def _introduced_at(ctx: Context, word: Word):
    """The person whose introducing title starts at `word` ("Вице-президент корпорации China Energy Ли Вэй")."""
    return next((p for p in ctx.people if any(r.start == word.start for r in p.intros.values())), None)


def titled_person(ctx: Context, title, exclude: str | None = None) -> str | None:
    """The person last named before `title` whose own title it may stand for ("The Secretary", "глава
    государства"), other than `exclude`."""
    best, at = None, -1
    for person in ctx.people:
        if person.name == exclude or person.title is None or not compatible(person.title, title):
            continue
        for m in person.mentions:
            if at < m.start < title.start:
                best, at = person.name, m.start
    return best


def _person_at(ctx: Context, word: Word):
    return next((p for p in ctx.people for m in p.mentions if m.start <= word.start < m.end), None)


def _entity(ctx: Context, word: Word):
    """The organisation or place whose name starts at `word`, or None; an adjective alone the NER took for
    a place ("Туркменская сторона") is none."""
    if word.has(g.ADJ) and all(e.end <= word.end for e in ctx.doc.entities if e.start == word.start):
        return None
    return next((e for e in ctx.doc.entities if e.start == word.start and e.type in ("ORG", "LOC")), None)


def last_person(ctx: Context, offset: int, exclude: str | None = None) -> str | None:
    """The person named last before `offset` (other than `exclude`, a quote's own speaker)."""
    best, at = None, -1
    for person in ctx.people:
        if person.name == exclude:
            continue
        for m in person.mentions:
            if at < m.start < offset:
                best, at = person.name, m.start
    return best


def main_organisation(ctx: Context) -> str | None:
    """The organisation the text is about: named at least twice and as often as anyone, else None."""
    orgs = Counter(e.text.strip("«»\"") for e in ctx.doc.entities if e.type == "ORG")
    if orgs:
        name, n = orgs.most_common(1)[0]
        if n >= 2 and all(n >= len(p.mentions) for p in ctx.people):
            return name
    return None
