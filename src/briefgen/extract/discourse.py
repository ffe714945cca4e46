"""Turn mentions of people, titles and pronouns into referents, reading the text in order.

The text outside quotations is read once, left to right. A person named in the
nominative ("Олег Смирнов отметил") becomes the topic; a pronoun ("он")
stands for the topic; a title ("Глава государства", "Президент Сербии")
stands for a person the text introduced with that title ("президенту Милану
Петровичу" for "Президент Сербии"), else for the topic when the topic may
hold it, and so gives that person a more precise role.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import data, nlp
from .people import Person
from .speech import according_to
from .roles import Role, compatible, more_specific
from .words import word_before


CUE_REACH = 40  # characters before a name in which "по словам" is looked for
_SPACES = re.compile(r"[ \t]*")


@dataclass(frozen=True, slots=True)
class Ref:
    """A phrase that refers to a person: a name, a title or a pronoun."""

    start: int
    end: int
    person: Person | None = None
    title: Role | None = None
    gender: str | None = None  # a pronoun's
    subject: bool = False  # nominative, or after "по словам": the one the sentence is about
    other: Person | None = None  # a title's "of whom" ("представитель Смирнова"): not the one it means


def refs(ctx, skip: list[tuple[int, int]]) -> list[Ref]:
    """Every referring phrase outside the `skip` stretches (the quotations), in order."""
    text = ctx.doc.text
    according = _just_after(ctx.source.language)
    out: list[Ref] = []
    intros: set[int] = set()
    for p in ctx.people:
        for m in p.mentions:
            if _inside(m.start, skip):
                continue
            role = p.intros.get(m.start)
            begin = role.start if role else m.start
            if role:
                intros.add(role.start)
            subject = p.nominative_at(m.start) or _after(according, text, begin)
            if _interviewer_at(text, begin, ctx.source.language):
                subject = False  # "Беседовала Анна Петрова": she asked; the interview is about someone else
            out.append(Ref(begin, m.end, person=p, subject=subject))
    followed = {m.start: p for p in ctx.people for m in p.mentions}
    for r in ctx.roles:
        if r.start in intros or r.plural or _inside(r.start, skip):
            continue
        subject = r.nominative or _after(according, text, r.start)
        out.append(Ref(r.start, r.end, title=r, subject=subject, other=followed.get(_SPACES.match(text, r.end).end())))
    table = data.load("speech")
    pronouns = table["pronouns"].get(ctx.source.language, {})
    for t in ctx.doc.tokens:
        gender = pronouns.get(t.text.lower())
        if gender and not _inside(t.start, skip):
            out.append(Ref(t.start, t.end, gender=gender, subject=True))
    possessives = table["possessives"].get(ctx.source.language, {})
    for m in according_to(ctx.source.language).finditer(text):
        whose = next((w for w in m.group().lower().split() if w in possessives), None)
        if whose and not _inside(m.start(), skip):
            out.append(Ref(m.start(), m.end(), gender=possessives[whose], subject=True))  # "по её словам"
    return sorted(out, key=lambda r: r.start)


class Reader:
    """Who the text is about at each point, as its referring phrases are read in order."""

    def __init__(self) -> None:
        self.topic: Person | None = None
        self._by_gender: dict[str, Person] = {}
        self._seen: dict[Person, int] = {}  # person → where the text last named them
        self.resolved: dict[int, Person | None] = {}  # ref start → the person it refers to

    def read(self, ref: Ref) -> Person | None:
        """Take in one referring phrase; return the person it refers to."""
        if ref.person:
            who = ref.person
        elif ref.title:
            who = self._title(ref.title, exclude={ref.other, None if ref.subject else self.topic})
            if who and (ref.subject or not (who.title and who.title.place)) and more_specific(ref.title, who.title):
                who.title = ref.title
        else:
            who = self.pronoun(ref.gender)
        if who and (ref.subject or ref.person):
            self._seen[who] = ref.start
        if who and ref.subject and (ref.title or ref.person):
            self.topic = who
            if who.gender:
                self._by_gender[who.gender] = who
        self.resolved[ref.start] = who if ref.subject or ref.person else None
        return who

    def pronoun(self, gender: str | None) -> Person | None:
        """The person "он"/"она" stands for: the topic, unless the gender says otherwise; then the last subject
        of that gender, or the only person of that gender the text has named."""
        t = self.topic
        if t is None or gender is None or t.gender in (None, gender):
            return t
        named = [p for p in self._seen if p.gender == gender]
        return self._by_gender.get(gender) or (named[0] if len(named) == 1 else None)

    def holder(self, ref: Ref) -> Person | None:
        """The person a title that is no subject stands for ("— приводит слова министра ТАСС")."""
        return self._title(ref.title, exclude={ref.other}) if ref.title else None

    def _title(self, title: Role, exclude: set[Person | None]) -> Person | None:
        """A title names someone introduced with that very title ("губернатором Олегом Смирновым" →
        "Губернатор"), the topic first; else the topic, if it may hold the office; else whoever
        last seen holds a matching one."""
        holders = [p for p in self._seen if p not in exclude and p.title and compatible(p.title, title)]
        same = [p for p in holders if p.title.head == title.head]
        t = self.topic
        if same:
            return t if t in same else max(same, key=self._seen.__getitem__)
        if t is not None and t not in exclude and compatible(t.title, title):
            return t
        return max(holders, key=self._seen.__getitem__) if holders else None


def opening_titles(found: list[Ref], people: list[Person]) -> None:
    """A title the text opens with before it names anyone ("Воронежский губернатор встретил делегацию")
    stands for the first person it then introduces with a compatible title, and makes that role more precise."""
    named = min((m.start for p in people for m in p.mentions), default=None)
    for ref in found:
        if named is None or ref.start >= named:
            return
        if ref.title is None or not ref.subject:
            continue
        holder = next((p for p in people if p.title and compatible(p.title, ref.title)), None)
        if holder and more_specific(ref.title, holder.title):
            holder.title = ref.title


def _after(cue: re.Pattern[str], text: str, offset: int) -> bool:
    """Whether the text just before `offset` is a cue ("По словам президента")."""
    return bool(cue.search(text, max(0, offset - CUE_REACH), offset))


def _interviewer_at(text: str, offset: int, language: str) -> bool:
    """Whether the word just before `offset` is a verb naming an interviewer ("Беседовала")."""
    word = word_before(text, offset)
    return word is not None and nlp.lemma(word) in _interviewers(language)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _interviewers(language: str) -> frozenset[str]:
    return data.word_set("speech", "interviewer", language)


@functools.cache
def _just_after(language: str) -> re.Pattern[str]:
    """An "по словам" cue that ends where a name or title begins."""
    return re.compile(according_to(language).pattern + r"\s+\Z")
