"""Turn titles in the text into Roles: "премьер-министр Чили" before a name, "глава государства" for one.

A role phrase is a head word from `data/roles.yaml` with the adjectives before it
and the genitive words after it ("народный депутат Молдовы", "министр иностранных
дел Перу"). Two roles can name one person when they share a head or an office
group ("глава государства" ~ "президент") and are not of different places.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from .. import data, lang
from ..document import Document, Token
from ..lang import grammar as g
from . import phrases
from .context import Context

STEM = 4  # "президенту", "премьер-министром": case endings come later
MAX_COMPLEMENT = 6  # genitive words after the head: "заместитель министра иностранных дел Республики Корея"
_PLACE_KEY = 4  # places compare by the first letters of their lemma: "России" ~ "Россия"
_LATIN = re.compile(r"[A-Za-z]")
_WORDS = re.compile(r"\w+(?:-\w+)*")
_OF = re.compile(r"\bof[ \t]+(?:the[ \t]+)?([A-Z][\w.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.-]*)*)")
_OF_WORDS = ("of",)  # the link after which an English title names whose it is
_AND_PLACE = re.compile(r"[ \t]+(\w+)[ \t]+(\w+)")
PLAIN_NAME_WORDS = 2  # "Secretary of State Marco Rubio": the last two capitalised words are the name
# Between a title and a name, an organisation: quoted names, abbreviations, Latin words.
_APPOSED_GAP = re.compile(r",[ \t]+")  # in English, a name may be set off after its title
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr)\.?"  # "Prime Minister Mr Nguyen": no part of an organisation's name
_CYRILLIC_UP = lang.letters.upper(lang.default())  # an abbreviation in capitals: "МИД", "ҚазАқпарат"
_ORG_GAP = re.compile(
    rf"(?:[ \t]+(?:«[^»\n]*»+|\"[^\"\n]*\"|(?!{_HONORIFIC}[ \t])[A-Z][\w&.'-]*|[{_CYRILLIC_UP}]{{2,}}(?!\w)))*(?:[ \t]+{_HONORIFIC})?[ \t]*"
)
_TRAILING_HONORIFIC = re.compile(rf"[ \t]*(?<!\w){_HONORIFIC}\Z")


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
    cases: frozenset[str | None]  # the grammatical cases the head word can be in
    plural: bool

    @property
    def nominative(self) -> bool:
        return g.NOM in self.cases


def find(ctx: Context) -> list[Role]:
    """Every role phrase of the document."""
    return roles(ctx.doc, ctx.source.language)


def roles(doc: Document, language: str) -> list[Role]:
    """Every singular or plural role phrase in the text, in order."""
    heads = _heads(language)
    names = {e.start for e in doc.entities if e.type == "PER"}
    places = frozenset(_place_key(w) for e in doc.entities if e.type == "LOC" for w in e.text.split() if _is_place(w))
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
                out.append(_phrase(doc.text, words, i, head, names, places, language))
        i += 1
    return out


def role_ending_at(found: list[Role], offset: int, text: str) -> Role | None:
    """The role phrase that ends just before `offset`, if any: only spaces between, or an organisation's
    name ("генеральный директор ПАО «Газпром» …", "вице-президент корпорации China Energy …")."""
    i = bisect.bisect_right([r.end for r in found], offset) - 1
    if i < 0 or not _ORG_GAP.fullmatch(text, found[i].end, offset):
        apposed = i >= 0 and _LATIN.match(found[i].text) and _APPOSED_GAP.fullmatch(text, found[i].end, offset)
        return found[i] if apposed else None  # "his Chilean counterpart, Pedro Soto"
    role, org = found[i], _TRAILING_HONORIFIC.sub("", text[found[i].end : offset].strip())
    if not org:
        return _with_title_before(found, i, text)
    end = role.end + text[role.end : offset].rindex(org[-1]) + 1
    return replace(role, end=end, text=text[role.start : end], name=f"{role.name} {org}")


def _with_title_before(found: list[Role], i: int, text: str) -> Role:
    """found[i] with the office title right before it, when two stand together: "президент ОАЭ шейх" is
    the president's office held by a sheikh."""
    role = found[i]
    if i == 0 or not _ORG_GAP.fullmatch(text, found[i - 1].end, role.start) or found[i - 1].plural:
        return role
    before = found[i - 1]
    name = f"{before.name} {role.name[:1].lower()}{role.name[1:]}"
    return replace(before, end=role.end, text=text[before.start : role.end], name=name, place=before.place or role.place)


def compatible(a: Role | None, b: Role) -> bool:
    """Whether a person known by role `a` may be the one `b` speaks of (no role: anyone; a counterpart
    whose office is not known: anyone of the same place)."""
    if a is None:
        return True
    oa, ob = office(a), office(b)
    same = oa == ob if oa is not None and ob is not None else a.head == b.head
    same = same or counterpart(a) or counterpart(b)
    return same and not (a.place and b.place and a.place != b.place)


def counterpart(role: Role) -> bool:
    """Whether the title stands for the office of someone else ("коллега", "counterpart")."""
    return role.head in _counterparts()


def counterpart_of(role: Role, other: Role) -> Role:
    """A counterpart's title as the other's office of the counterpart's own country: "узбекский коллега" of
    "Президент России" → "Узбекский президент", "Japanese counterpart" of "Foreign Minister" → "Japanese
    Foreign Minister"."""
    names, lemmas = role.name.split(), list(role.lemmas)
    at = lemmas.index(role.head) if role.head in lemmas else len(lemmas) - 1
    own = [(n, k) for n, k in zip(names[:at], lemmas[:at], strict=False) if _own(n)]
    first, last = _office_words(other)
    office_names = other.name.split()[first:last]
    if own and not _LATIN.match(office_names[0]):
        office_names[0] = office_names[0].lower()
    name = " ".join([n for n, _ in own] + office_names)
    return replace(role, name=name[:1].upper() + name[1:], head=other.head,
                   lemmas=tuple(k for _, k in own) + other.lemmas[first:last])


def party(role: Role | None, doc: Document, language: str) -> str | None:
    """The country or body a title says its holder acts for: "Президент Казахстана" → "Казахстан",
    "Узбекский президент" → "Узбекистан" (as the text names it), "Prime Minister of Portugal" → "Portugal",
    "Brazilian President" → "Brazil", "US President" → "US"."""
    if role is None:
        return None
    words = _WORDS.findall(role.text)
    if _LATIN.match(role.text):
        return _english_party(role, words, doc.text)
    at = next((k for k, w in enumerate(words) if lang.lemma(w) == role.head), 0)
    for k, w in enumerate(words[at + 1 :], at + 1):
        if _is_place(w) and _place_key(w) == role.place:
            if lang.lemma(w) in _states(language) and k + 1 < len(words) and words[k + 1][:1].isupper():
                return f"{_nominative_place(w)} {_nominative_place(words[k + 1])}"  # "Республика Корея"
            return _nominative_place(w, words[k + 1] if k + 1 < len(words) else None)
    if role.place:  # an adjective's place ("узбекский"): the place as the text names it
        named = [e.text.split() for e in doc.entities if e.type == "LOC"]
        same = (ws for ws in named if _is_place(ws[0]) and _place_key(ws[0]) == role.place)
        return next((_nominative_place(*ws[:2]) for ws in same), None)
    places = {e.text for e in doc.entities if e.type == "LOC"}
    return next((w for w in words[at + 1 :] if w.isupper() and w in places), None)  # "Глава МИД РФ" → "РФ"


def _english_party(role: Role, words: list[str], text: str) -> str | None:
    """"of X" ("of the Belarusian president": the place the adjective names), else an abbreviation or a
    place adjective before the head ("US President", "Brazilian President")."""
    of = _OF.search(role.text)
    if of:
        serves = role.text[of.end() :].strip()[:1].islower()  # "of the Belarusian president"
        return (_named_place(of.group(1), text) if serves else None) or of.group(1)
    before = words[: len(words) - len(role.head.split())]
    abbreviation = next((w for w in before if w.isupper() and len(w) > 1), None)
    named = (_named_place(w, text) for w in before if w[:1].isupper())
    return abbreviation or next((p for p in named if p), None)


def _named_place(adjective: str, text: str) -> str | None:
    """The place a capitalised English adjective is of, when the text names it: "Portuguese" → "Portugal"
    (not "Porto": the longest shared beginning wins)."""
    if len(adjective) <= _PLACE_KEY:
        return None
    found = [w for w in re.findall(rf"(?<![\w-]){re.escape(adjective[:_PLACE_KEY])}[a-z]*(?![a-z])", text)
             if len(w) < len(adjective)]
    return max(found, key=lambda w: _shared_beginning(w, adjective)) if found else None


def _shared_beginning(a: str, b: str) -> int:
    return next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _nominative_place(word: str, noun: str | None = None) -> str:
    """A place name in the nominative, capitalised as a name: "Казахстана" → "Казахстан"; an adjective
    with the noun after it agreeing ("Псковской области" → "Псковская область")."""
    best = lang.readings(word)[0]
    if best.pos == g.ADJ and noun:
        head = next((p for p in lang.readings(noun) if p.pos == g.NOUN and p.case == best.case), None)
        form = best.inflect(g.NOM, g.SINGULAR, str(head.gender)) if head else None
        if form:
            name = phrases.lemma(head)
            return f"{form.capitalize()} {name.capitalize() if noun[:1].isupper() else name}"
    return "-".join(part.capitalize() for part in lang.lemma(word).split("-"))


def shared(role: Role, text: str, language: str) -> tuple[list[Role], int]:
    """A plural title of two places as the singular titles it stands for, in order, and where it ends:
    "Президенты России и Ирана" → "Президент России", "Президент Ирана"."""
    words = _WORDS.findall(role.text)
    at = next((k for k, w in enumerate(words) if lang.lemma(w) == role.head), len(words))
    places = [w for w in words[at + 1 :] if _is_place(w)]
    end = role.end
    more = _AND_PLACE.match(text, end)
    if more and more.group(1).lower() in _joins(language) and _is_place(more.group(2)):
        places.append(more.group(2))  # a capitalised genitive after "и" the phrase did not take in
        end = more.end()
    if not role.plural or len(places) != 2:
        return [], role.end
    head = role.head[:1].upper() + role.head[1:]
    titles = [replace(role, name=f"{head} {w}", lemmas=(role.head, lang.lemma(w)), place=_place_key(w), plural=False)
              for w in places]
    return titles, end


def _own(word: str) -> bool:
    """A word before a counterpart title that says whose it is: an adjective ("хорватский", "Chilean"), not a
    possessive ("его", "свой")."""
    tag = lang.readings(word)[0]
    return g.LATIN in tag or tag.pos == g.ADJ and g.PRONOMINAL not in tag


def _office_words(role: Role) -> tuple[int, int]:
    """(first, end) index of the words of a title that name its office, not whose it is: "Министр иностранных
    дел" of "Министр иностранных дел Японии", "Prime Minister" of "Indian Prime Minister"."""
    for run in [entry for group in _offices() for entry in group] + [tuple(role.head.split())]:
        k = next((k for k in range(len(role.lemmas) - len(run) + 1) if role.lemmas[k : k + len(run)] == run), None)
        if k is not None:
            return k, k + len(run)
    return 0, len(role.lemmas)


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
    if role.place and len(role.lemmas) == 2 and role.head in _place_heads():
        return 0  # "глава Хорватии": the head of state
    return None


def _phrase(text: str, words: list[Token], i: int, head, names: set[int], places: frozenset[str], language: str) -> Role:
    cases = frozenset(p.case for p in lang.readings(words[i].text) if p.lemma == head.lemma)
    begin, end = phrases.bounds(
        text, words, i, head, MAX_COMPLEMENT, names, (_joins(language), _heads(language)), _states(language)
    )
    if _posted(text, words, end, names, language):
        end += 2  # "посол Казахстана в России Даурен Абаев", "представитель России при ООН …"
    place = next((_place_key(w.text) for w in words[i + 1 : end + 1] if _is_place(w.text)), None)
    place = place or next((k for k in (_adjective_place(w.text, places) for w in words[begin:i]) if k), None)
    name = phrases.nominative_phrase(words, begin, i, end, head)
    start, stop = words[begin].start, words[end].end
    return Role(
        start,
        stop,
        text[start:stop],
        name[:1].upper() + name[1:],
        phrases.lemma(head),
        tuple(lang.lemma(w.text) for w in words[begin : end + 1]),
        place,
        cases,
        head.number == g.PLURAL,
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
        if end < len(words) and words[end].text.islower() and phrases.adjacent(text, words[end - 1], words[end]):
            heads = _plain_heads(language).get(words[end].text, ())
            served = next((h for h in heads if _words_are(words, end, h, text)), ())
            end += len(served)  # "Press Secretary of the Belarusian prime minister": whose office the title serves
    start, stop = words[begin].start, words[end - 1].end
    lemmas = tuple(w.text.lower() for w in words[begin:end])
    role = Role(start, stop, text[start:stop], text[start].upper() + text[start + 1 : stop], " ".join(lemmas[i - begin : k - begin]),
                lemmas, None, frozenset({g.NOM}), False)
    return replace(role, place=_plain_place(role, language))


def _plain_place(role: Role, language: str) -> str | None:
    """Whose an English title is, as a key: the last capitalised word after "of", else a capitalised word before
    the head, not qualifying it ("Russian President" → "russ", "Minister of Foreign Affairs of Chile" → "chil";
    "Special Envoy", "Secretary of State": none). "Russian" and "Russia" share it."""
    skip = data.word_set("roles", "title_modifiers", language) | data.word_set("roles", "function_words", language)
    words = role.text.split()
    head = role.head.split()
    at = next(k for k in range(len(role.lemmas)) if list(role.lemmas[k : k + len(head)]) == head)
    of = max((k for k, w in enumerate(role.lemmas) if w in _OF_WORDS and k > at), default=None)
    for w in (words[of + 1 :] if of is not None else []) + words[:at]:
        key = w.replace(".", "").lower()
        if w[:1].isupper() and key not in skip:
            return key[:_PLACE_KEY]
    return None


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


def _adjective_place(word: str, places: frozenset[str]) -> str | None:
    """The place an adjective says a title is of, when the text names that place: "узбекским" with
    "Узбекистан" → "узбе"; an adjective of quality ("новый") names none."""
    best = lang.readings(word)[0]
    if best.pos != g.ADJ or g.QUALITATIVE in best or g.PRONOMINAL in best:
        return None
    key = phrases.lemma(best)[:_PLACE_KEY]
    return key if key in places else None


def _is_place(word: str) -> bool:
    return word[:1].isupper() and len(word) >= _PLACE_KEY and not word.isupper()


def _place_key(word: str) -> str:
    return lang.lemma(word)[:_PLACE_KEY]


def _subsequence(entry: tuple[str, ...], lemmas: tuple[str, ...]) -> bool:
    it = iter(lemmas)
    return all(any(x == y for y in it) for x in entry)


@data.cached
def _place_heads() -> frozenset[str]:
    return frozenset(w for words in data.load("roles")["place_heads"].values() for w in words)


@data.cached
def _counterparts() -> frozenset[str]:
    return frozenset(w for words in data.load("roles")["counterparts"].values() for w in words)


def _heads(language: str) -> frozenset[str]:
    return data.word_set("roles", "heads", language)


@data.cached
def _plain_heads(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles of several words ("prime minister") by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for h in _heads(language):
        words = tuple(h.split())
        out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@data.cached
def _stems(language: str) -> tuple[str, ...]:
    """The first letters of every role noun: a word that starts otherwise is no role."""
    return tuple({h[:STEM] for h in _heads(language)})


def _states(language: str) -> frozenset[str]:
    return data.word_set("roles", "states", language)


def _joins(language: str) -> frozenset[str]:
    return data.word_set("roles", "joins", language)


def _posts(language: str) -> frozenset[str]:
    return data.word_set("roles", "posted_at", language)


@data.cached
def _offices() -> tuple[tuple[tuple[str, ...], ...], ...]:
    return tuple(
        tuple(tuple(lang.lemma(w) for w in entry.split()) for entries in group.values() for entry in entries)
        for group in data.load("roles")["offices"]
    )
