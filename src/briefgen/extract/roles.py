"""Turn titles in the text into Roles: "премьер-министр Чили" before a name, "глава государства" for one.

A role phrase is a head word from `data/roles.yaml` with the adjectives before it
and the genitive words after it ("народный депутат Молдовы", "министр иностранных
дел Перу"). Two roles can name one person when they share a head or an office
group ("глава государства" ~ "президент") and are not of different places.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from .. import data, nlp
from ..document import Document, Token
from . import phrases

STEM = 4  # "президенту", "премьер-министром": case endings come later
MAX_COMPLEMENT = 6  # genitive words after the head: "заместитель министра иностранных дел Республики Корея"
_PLACE_KEY = 4  # places compare by the first letters of their lemma: "России" ~ "Россия"
_LATIN = re.compile(r"[A-Za-z]")
PLAIN_NAME_WORDS = 2  # "Secretary of State Marco Rubio": the last two capitalised words are the name
# Between a title and a name, an organisation: quoted names, abbreviations, Latin words.
_ORG_GAP = re.compile(r"(?:[ \t]+(?:«[^»\n]*»+|\"[^\"\n]*\"|[A-Z][\w&.'-]*|[А-ЯЁ]{2,}(?!\w)))*[ \t]*")


@dataclass(frozen=True, slots=True)
class Role:
    """A title as the text writes it, with what is needed to match it to a person."""

    start: int
    end: int
    text: str
    name: str  # nominative, capitalised: "Премьер-министр Чили"
    head: str  # lemma of the head word
    lemmas: tuple[str, ...]
    place: str | None  # key of the capitalised word it is "of": "Хорватии" → "хорв"
    cases: frozenset[str]  # the grammatical cases the head word can be in
    plural: bool

    @property
    def nominative(self) -> bool:
        return "nomn" in self.cases


def find(ctx) -> list[Role]:
    """Every role phrase of the document."""
    return roles(ctx.doc, ctx.source.language)


def roles(doc: Document, language: str) -> list[Role]:
    """Every singular or plural role phrase in the text, in order."""
    heads = _heads(language)
    names = {e.start for e in doc.entities if e.type == "PER"}
    words = doc.words()
    out = []
    stems = _stems(language)
    i = 0
    while i < len(words):
        tok = words[i]
        if _LATIN.match(tok.text):
            role = _plain_phrase(doc.text, words, i, language)
            if role:
                out.append(role)
                i = next(k for k in range(i, len(words)) if words[k].end >= role.end) + 1
                continue
        elif tok.text.lower().startswith(stems) and not (out and tok.start < out[-1].end):
            # most words are no role: spare their morphology; a head inside a title is part of it
            # ("заместитель министра иностранных дел")
            head = phrases.head_reading(tok.text, heads)
            if head is not None:
                out.append(_phrase(doc.text, words, i, head, names, language))
        i += 1
    return out


def role_ending_at(found: list[Role], offset: int, text: str) -> Role | None:
    """The role phrase that ends just before `offset`, if any: only spaces between, or an organisation's
    name ("генеральный директор ПАО «Газпром» …", "вице-президент корпорации China Energy …")."""
    i = bisect.bisect_right([r.end for r in found], offset) - 1
    if i < 0 or not _ORG_GAP.fullmatch(text, found[i].end, offset):
        return None
    role, org = found[i], text[found[i].end : offset].strip()
    if not org:
        return role
    end = role.end + text[role.end : offset].rindex(org[-1]) + 1
    return replace(role, end=end, text=text[role.start : end], name=f"{role.name} {org}")


def compatible(a: Role | None, b: Role) -> bool:
    """Whether a person known by role `a` may be the one `b` speaks of (no role: anyone)."""
    if a is None:
        return True
    oa, ob = office(a), office(b)
    same = oa == ob if oa is not None and ob is not None else a.head == b.head
    return same and not (a.place and b.place and a.place != b.place)


def more_specific(new: Role, old: Role | None) -> bool:
    """Whether `new` says more about a person than `old`: it names the place old lacks, or says all old
    says and more ("Secretary" → "Secretary of State")."""
    if old is None:
        return True
    wider = new.place == old.place and set(old.lemmas) < set(new.lemmas)
    return compatible(old, new) and (bool(new.place) and not old.place or wider)


def office(role: Role) -> int | None:
    """The index of the office group in `data/roles.yaml` the role belongs to."""
    for i, group in enumerate(_offices()):
        if any(_subsequence(entry, role.lemmas) for entry in group):
            return i
    return None


def _phrase(text: str, words: list[Token], i: int, head, names: set[int], language: str) -> Role:
    cases = frozenset(p.tag.case for p in nlp.parses(words[i].text) if p.normal_form == head.normal_form)
    begin, end = phrases.bounds(
        text, words, i, head, MAX_COMPLEMENT, names, (_joins(language), _heads(language)), _states(language)
    )
    if _posted(text, words, end, names, language):
        end += 2  # "посол Казахстана в России Даурен Абаев", "представитель России при ООН …"
    place = next((_place_key(w.text) for w in words[i + 1 : end + 1] if _is_place(w.text)), None)
    name = phrases.nominative_phrase(words, begin, i, end, head)
    start, stop = words[begin].start, words[end].end
    return Role(
        start,
        stop,
        text[start:stop],
        name[:1].upper() + name[1:],
        phrases.lemma(head),
        tuple(nlp.lemma(w.text) for w in words[begin : end + 1]),
        place,
        cases,
        head.tag.number == "plur",
    )


def _plain_phrase(text: str, words: list[Token], i: int, language: str) -> Role | None:
    """A title in a language without inflection ("Kazakh Prime Minister", "Ambassador of Germany to
    Kazakhstan") that starts at words[i]: capitalised words before the head, the head, then "of" or
    where the role is held ("to") with capitalised words, as often as they come."""
    first = words[i].text.lower()
    k = next((i + len(h) for h in _plain_heads(language).get(first, ()) if _words_are(words, i, h, text)), None)
    if k is None:
        return None
    links = data.word_set("roles", "title_links", language) | _posts(language)
    articles = data.word_set("roles", "articles", language)
    small = data.word_set("roles", "function_words", language)
    begin = i
    while begin > i - 2 and begin > 0 and _capitalised(words[begin - 1].text, small) and phrases.adjacent(text, words[begin - 1], words[begin]):
        begin -= 1
    end = k
    while end + 1 < len(words) and words[end].text.lower() in links:
        link = end + 1 if words[end + 1].text.lower() in articles else end  # "of the Cabinet of Ministers"
        if link + 1 >= len(words) or not _capitalised(words[link + 1].text, small):
            break
        last = link + 1  # "of Foreign Affairs", "of Germany to Kazakhstan", "for Europe"
        while last < len(words) and _capitalised(words[last].text, small) and phrases.adjacent(text, words[last - 1], words[last]):
            last += 1
        n = last - link - 1  # capitalised words after "of": a first name and surname close a longer run
        end = link + 1 + (n - PLAIN_NAME_WORDS if n > PLAIN_NAME_WORDS else n)
        if n > PLAIN_NAME_WORDS:
            break
    start, stop = words[begin].start, words[end - 1].end
    lemmas = tuple(w.text.lower() for w in words[begin:end])
    return Role(start, stop, text[start:stop], text[start].upper() + text[start + 1 : stop], " ".join(lemmas[i - begin : k - begin]),
                lemmas, None, frozenset({"nomn"}), False)


def _words_are(words: list[Token], i: int, head: tuple[str, ...], text: str) -> bool:
    """Whether `head`'s words stand at words[i:], one after another."""
    return i + len(head) <= len(words) and all(
        words[i + j].text.lower() == h and (j == 0 or phrases.adjacent(text, words[i + j - 1], words[i + j]))
        for j, h in enumerate(head)
    )


def _capitalised(word: str, small: frozenset[str]) -> bool:
    """A capitalised word that is not one of the `small` function words ("The", "Of" in a headline)."""
    return word[:1].isupper() and word.lower() not in small


def _posted(text: str, words: list[Token], end: int, names: set[int], language: str) -> bool:
    """Whether "в/при <Place>" after the phrase is where the role is held, a name following it."""
    if end + 3 >= len(words) or words[end + 3].start not in names:
        return False
    at, place = words[end + 1], words[end + 2]
    return at.text.lower() in _posts(language) and place.text[:1].isupper() and phrases.adjacent(text, at, place)


def _is_place(word: str) -> bool:
    return word[:1].isupper() and len(word) >= _PLACE_KEY and not word.isupper()


def _place_key(word: str) -> str:
    return nlp.lemma(word)[:_PLACE_KEY]


def _subsequence(entry: tuple[str, ...], lemmas: tuple[str, ...]) -> bool:
    it = iter(lemmas)
    return all(any(x == y for y in it) for x in entry)


def _heads(language: str) -> frozenset[str]:
    return data.word_set("roles", "heads", language)


@functools.cache
def _plain_heads(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles of several words ("prime minister") by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for h in _heads(language):
        words = tuple(h.split())
        out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@functools.cache
def _stems(language: str) -> tuple[str, ...]:
    """The first letters of every role noun: a word that starts otherwise is no role."""
    return tuple({h[:STEM] for h in _heads(language)})


def _states(language: str) -> frozenset[str]:
    return data.word_set("roles", "states", language)


def _joins(language: str) -> frozenset[str]:
    return data.word_set("roles", "joins", language)


def _posts(language: str) -> frozenset[str]:
    return data.word_set("roles", "posted_at", language)


@functools.cache
def _offices() -> tuple[tuple[tuple[str, ...], ...], ...]:
    return tuple(
        tuple(tuple(nlp.lemma(w) for w in entry.split()) for lang in group.values() for entry in lang)
        for group in data.load("roles")["offices"]
    )
