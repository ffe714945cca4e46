"""Turn natasha's PER mentions into people: one Person per individual, named in the nominative.

"Ивану Козлову", "Иван Петрович" and "Козлов" are one person: each
mention is read into first name, surname and grammatical case (the first name
and patronymic decide the case, so a female surname stays female), mentions
with a surname are grouped by it, and a first name with a patronymic joins the
person of that first name. A role phrase just before a name ("министр торговли
Чили Педро Сото") is that person's role, and its case is the mention's case.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import data, lang
from ..grammars.tokens import fold
from ..lang import Language, grammar as g
from ..lang.words import word_before
from ..model import Span
from . import roles as roles_
from .context import Context
from .roles import Role

_NAME_TAGS = (g.FIRST_NAME, g.SURNAME, g.PATRONYMIC)
_PIECE = re.compile(r"[^\W\d_]\.|[^\W\d_]+(?:-[^\W\d_]+)*")
_INITIAL = re.compile(r"[^\W\d_]\.")
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_UP, _LOW = lang.capitals(), lang.small()
_DEFAULT_UP, _DEFAULT_LOW = lang.letters.upper(lang.default()), lang.letters.lower(lang.default())
INITIALLED = re.compile(rf"(?:[{_UP}]\.[ \t]?){{1,2}}[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?")  # "С.Шойгу"
_INITIALLED_IN_TEXT = re.compile(rf"(?<![\w.])({INITIALLED.pattern})(?![\w-])(?![ \t]+[{_UP}])")  # not "U.S. Special Envoy"
_CAPITAL = rf"[{_DEFAULT_UP}][{_DEFAULT_LOW}]+(?:-[{_DEFAULT_UP}][{_DEFAULT_LOW}]+)?"
_TWO_CAPITALS = re.compile(rf"(?<![\w-])(?=(({_CAPITAL})[ \t]+{_CAPITAL})(?![\w-]))")  # overlapping
_LABEL = re.compile(rf"([{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?):[ \t]")
_LATIN_WORD = lang.letters.word(lang.get("en"))  # Latin letters with their accented forms ("José Álvarez")
_LATIN_NAME = re.compile(rf",?[ \t]+(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+)?({_LATIN_WORD}(?:[ \t]+{_LATIN_WORD}){{0,2}})(?![\w-])")
# A name set off before its title: "Jean Dupont, chairman of the commission," (first name and surname at least)
_LATIN_BEFORE_TITLE = re.compile(rf"(?<![\w-])({_LATIN_WORD}(?:[ \t]+{_LATIN_WORD}){{1,2}}),[ \t]+\Z")
_LATIN_TEXT = re.compile(r"[A-Za-z]")
_WORD_AFTER = re.compile(r"[ \t]+(\w+)")
_GAP = re.compile(r"[ \t]*")
_JOIN = re.compile(r"[ \t]+(\w+)[ \t]+")  # "и" between two names
_APPOSED = re.compile(r",[ \t]+(?:the[ \t]+)?")  # between a name and the title set off after it
NAME_REACH = 60  # characters before a title in which the name set off before it is looked for
_LEADING_WORD = re.compile(r"([^\W\d_]+)\s+(?=\S)")
_NO_NAME_POS = frozenset({g.VERB, g.INFINITIVE, g.GERUND, g.PARTICIPLE_SHORT, g.ADVERB, g.PREPOSITION, g.CONJUNCTION, g.PARTICLE, g.INTERJECTION, g.PREDICATIVE})
MIN_SURNAME = 3
SAID = 2  # rank of a mention a verb agrees with: the surest nominative
STEM_ENDING = 2  # letters a case ending may change at the end of a surname ("Иваю" ~ "Ивая")
_NEXT_WORD = re.compile(r"[ \t]+(\w+)")  # a shorter capitalised token is not taken for a surname the NER missed


@dataclass(slots=True, eq=False)
class Person:
    """One individual, every place the text names them, and how it first introduces them."""

    name: str
    surname: str  # folded key: lower case, ё → е
    first: str | None
    title: Role | None = None
    mentions: list[Span] = field(default_factory=list)
    gender: str | None = None  # masc | femn, when the name says
    cases: dict[int, str | None] = field(default_factory=dict)  # mention start → its case (None: unknown)
    forms: set[str] = field(default_factory=set)  # folded surname forms as written
    keys: set[str] = field(default_factory=set)  # folded nominatives those forms may stand for
    intros: dict[int, Role] = field(default_factory=dict)  # mention start → the role just before it
    _rank: tuple[int, ...] = (0, 0, 0, 0)

    def nominative_at(self, start: int) -> bool:
        """Whether the mention at `start` is (or may be) in the nominative: the subject of its clause."""
        return self.cases.get(start, g.NOM) in (None, g.NOM)

    @property
    def role(self) -> str | None:
        """The role as the text states it, in the nominative ("Президент Сербии")."""
        return self.title.name if self.title else None


@dataclass(frozen=True, slots=True)
class NameReading:
    """One mention of a name, read: its nominative form, parts and case."""

    span: Span
    name: str  # the mention in the nominative, written as the text writes it
    first: str | None  # folded first name or initial
    surname: str | None  # folded nominative surname
    raw_surname: str | None  # folded surname as written
    gender: str | None
    case: str | None  # None when the words do not say (foreign, indeclinable)
    rank: tuple[int, int, int, int]  # how good a name it is: has surname, first name, words, nominative
    role: Role | None  # the role that introduces this mention ("президенту Ивану Козлову")
    surnames: frozenset[str]  # folded nominatives the written surname (or lone word) may stand for


def find(ctx: Context) -> list[Person]:
    """Group the document's person mentions into people, in order of first mention."""
    spans = _name_spans(ctx.doc, ctx.roles)
    text = ctx.doc.text
    readings = []
    for s in spans:
        role = roles_.role_ending_at(ctx.roles, s.start, text)
        readings.append(read_name(s, role, _verb_gender(text, s, role)))
    people: list[Person] = []
    members: list[tuple[Person, NameReading]] = []
    for r in sorted((r for r in readings if r), key=lambda r: r.surname is None):
        person = next((p for p in people if _same(p, r)), None)
        if person is None:
            person = Person(name=r.name, surname=r.surname or r.first or "", first=r.first, gender=r.gender)
            people.append(person)
        _add(person, r)
        members.append((person, r))
    for person, r in members:
        _settle_case(person, r)
    language = ctx.source.language
    people = [p for p in people if not all(_common_word(m.text) or _title_word(m.text, language) for m in p.mentions)]
    _add_missed_surnames(ctx.doc, people)
    _cases_from_prepositions(ctx.doc.text, people, ctx.source.language)
    for p in people:
        for m in sorted(p.intros):
            if roles_.more_specific(p.intros[m], p.title):
                p.title = p.intros[m]
        apposed = (_apposed_role(ctx.roles, text, m, p.cases.get(m.start)) for m in p.mentions)
        for role in filter(None, apposed):
            if roles_.more_specific(role, p.title):
                p.title = role
        p.mentions.sort(key=lambda s: s.start)
    _share_plural_titles(text, ctx.roles, people, ctx.source.language)
    _name_counterparts(ctx.doc, people)
    people.sort(key=lambda p: p.mentions[0].start)
    return people


def _share_plural_titles(text: str, found: list[Role], people: list[Person], language: str) -> None:
    """Names after a plural title of two places take its titles in order: "Президенты России и Ирана Иван
    Козлов и Олег Смирнов" → "Президент России", "Президент Ирана"."""
    starts = {m.start: (p, m.end) for p in people for m in p.mentions}
    joins = data.word_set("roles", "joins", language)
    for role in found:
        titles, end = roles_.shared(role, text, language)
        gap = _GAP.match(text, end)
        at = gap.end() if gap else end
        for title in titles:
            if at not in starts:
                break
            p, end = starts[at]
            if roles_.more_specific(title, p.title):
                p.title = title
            join = _JOIN.match(text, end)
            if not join or join.group(1).lower() not in joins:
                break
            at = join.end()


def _name_counterparts(doc, people: list[Person]) -> None:
    """A counterpart ("с узбекским коллегой Иваном Козловым") holds the office of the person with a title
    named before them in the sentence."""
    for p in people:
        if p.title is None or not roles_.counterpart(p.title):
            continue
        i = doc.sentence_index(p.title.start)
        begin = doc.sentences[i].start if i is not None else p.title.start
        before = [(m.start, q.title) for q in people if q is not p and q.title and not roles_.counterpart(q.title)
                  for m in q.mentions if begin <= m.start < p.title.start]
        if before:
            p.title = roles_.counterpart_of(p.title, max(before, key=lambda b: b[0])[1])


def _apposed_role(found: list[Role], text: str, mention: Span, case: str | None) -> Role | None:
    """The title set off by a comma right after a name, in the name's case: "Jean Dupont, chairman of the
    commission, told", "сказал Олег Смирнов, министр транспорта"."""
    gap = _APPOSED.match(text, mention.end)
    if not gap:
        return None
    role = next((r for r in found if r.start == gap.end()), None)
    if role is None or role.plural or case is not None and case not in role.cases:
        return None
    return role


def read_name(span: Span, role: Role | None = None, said: str | None = None) -> NameReading | None:
    """Read one name mention: nominative form, first name, surname, gender and case.

    A role just before the name introduces it when the two agree in case
    ("президенту Ивану", not "представитель Обамы"); it then fixes the case when
    the name itself cannot (foreign, indeclinable names). A past-tense verb right
    after the name (`said`: its gender) makes it the nominative subject of that
    gender ("Такэси Ивая сообщил", "Айгерим Сейтказина отметила").
    """
    pieces = [m for m in _PIECE.finditer(span.text)]
    particles = data.word_set("roles", "name_particles", "ru") | data.word_set("roles", "name_particles", "en")
    words = [m.group() for m in pieces if not _INITIAL.fullmatch(m.group()) and m.group().lower() not in particles]
    if not words:
        return None
    initials = [m.group() for m in pieces if _INITIAL.fullmatch(m.group())]
    possible = _possible_cases(words)
    if role and (role.plural or possible is not None and not possible & role.cases):
        role = None
    agreeing = _possible_cases(words, said) if said and role else None
    if agreeing is not None and g.NOM not in agreeing:
        said = None  # after a title, words that cannot be the verb's subject: "Представитель Козлова отказался"
    if said:
        case, gender = g.NOM, said
    else:
        case, gender = _case_and_gender(words, role.cases if role else None)
    nominative = {w: _to_nominative(w, case, gender) for w in words}
    name = _PIECE.sub(lambda m: nominative.get(m.group(), m.group()), span.text)
    kinds = [_kind(w) for w in words]
    patr = [k == g.PATRONYMIC for k in kinds]
    if not said and (len(words) == 1 or not {g.FIRST_NAME, g.PATRONYMIC} & set(kinds)):
        gender = None  # a word alone does not say: "Мхитаряна", "Соколова"
    first = surname = raw = None
    if patr[-1] and len(words) >= 3:
        surname, first, raw = nominative[words[0]], nominative[words[1]], words[0]
    elif patr[-1]:
        first = nominative[words[0]]
    elif len(words) >= 2 or initials or _kind(words[0]) != g.FIRST_NAME or len(words) < len(pieces):  # "Аль Рашид"
        surname, raw = nominative[words[-1]], words[-1]
        first = nominative[words[0]] if len(words) >= 2 else initials[0] if initials else None
    else:
        first = nominative[words[0]]
    full = len(words) >= 2 and not patr[-1] or len(words) >= 3
    looks = SAID if said else int(all(_looks_nominative(w) for w in nominative.values()))
    rank = (int(surname is not None), int(full), len(words), int(looks))
    lone = words[0] if len(words) == 1 and not initials else None
    candidates = {fold(surname)} | _nominatives(raw) if surname and raw else _nominatives(lone) if lone else set()
    return NameReading(
        span, name, _fold(first), _fold(surname), _fold(raw), gender, case, rank, role,
        frozenset(candidates),
    )


def _fold(word: str | None) -> str | None:
    return fold(word) if word else None


def _name_spans(doc, roles: list[Role]) -> list[Span]:
    """natasha's PER spans, without a parenthesised original spelling ("Томас Вебер (Thomas …)"),
    and the names it misses: initials with a surname ("С.Шойгу"), a first name with a
    surname ("Мухаммад-Али Рахимов" opening a text), a transcript turn's name ("Шойгу: …")
    and capitalised Latin words after a title ("Prime Minister Olzhas Bektenov")."""
    out = []
    opening = {s.start for s in doc.sentences}
    for e in doc.entities:
        if e.type != "PER":
            continue
        text = e.text.split("(")[0].rstrip(" ,.;:«»\"")
        start = e.start
        title = next((r for r in roles if e.start <= r.start and r.end < e.start + len(text)), None)
        if title:  # "Croatian counterpart Ivan Novak": the NER ran the title into the name
            cut = len(text) - len(text[title.end - e.start :].lstrip())
            text, start = text[cut:], e.start + cut
        lead = _LEADING_WORD.match(text) if e.start in opening else None
        while lead and _no_name_word(lead.group(1)):  # "Беседовала Анастасия Ремизова": a verb opening the sentence
            text, start = text[lead.end() :], start + lead.end()
            lead = _LEADING_WORD.match(text)
        lead = _LEADING_WORD.match(text)
        if lead and _foreign_word_before_name(text[lead.end() :].split(), lead.group(1)):
            text, start = text[lead.end() :], start + lead.end()  # "(Олий) Мажлиса Танзила Нарбаева"
        if text:
            out.append(Span(start, start + len(text), text))
    covered = [(e.start, e.end) for e in doc.entities]
    after = [_LATIN_NAME.match(doc.text, r.end) for r in roles]
    before = [_LATIN_BEFORE_TITLE.search(doc.text, max(0, r.start - NAME_REACH), r.start) for r in roles]
    extra = list(_INITIALLED_IN_TEXT.finditer(doc.text, doc.body_start))
    extra += [m for m in _TWO_CAPITALS.finditer(doc.text, doc.body_start) if _kind_first(m.group(2)) == g.FIRST_NAME]
    extra += [m for m in (_LABEL.match(doc.text, p.start, p.end) for p in doc.paragraphs) if m and _kind(m.group(1))]
    extra += [m for language in lang.languages() if not language.morphology.dictionary
              for m in _said_names(doc.text, doc.body_start, language)]
    titled = [m for m in after + before if m]
    english = [m for m, r in zip(after + before, roles + roles, strict=True) if m and _LATIN_TEXT.match(r.text)]
    for m in english:  # a name next to an English title is a person's, whatever else the NER took it for
        if not any(e.start <= m.start(1) < e.end for e in doc.entities if e.type == "PER"):
            covered = [(s, e) for s, e in covered if not s <= m.start(1) < e]
    for m in extra + titled:
        if not any(s <= m.start(1) < e for s, e in covered):
            out.append(Span(m.start(1), m.end(1), m.group(1)))
            covered.append((m.start(1), m.end(1)))
    return sorted(out, key=lambda s: s.start)


def _said_names(text: str, begin: int, language: Language) -> list[re.Match[str]]:
    """Capitalised words of a language without a dictionary (English: Latin letters) next to its verb of
    saying; of three opening a sentence, the first is the sentence's ("Later Pedro Soto told")."""
    out: list[re.Match[str]] = []
    run = _run(language)
    for m in run.finditer(text, begin):
        words = m.group(1).split()
        if len(words) == 3 and text[max(begin, m.start() - 3) : m.start()].strip(" \t")[-1:] in ("", ".", "!", "?", "\n"):
            m = run.match(text, m.start() + len(words[0]) + 1)
        if m and _says_next_to(text, m, language):
            out.append(m)
    return out


@functools.cache
def _run(language: Language) -> re.Pattern[str]:
    """Two or three capitalised words in the language's letters."""
    word = lang.letters.word(language)
    return re.compile(rf"(?<![\w-])({word}(?:[ \t]+{word}){{1,2}})(?![\w-])")


def _says_next_to(text: str, run: re.Match[str], language: Language) -> bool:
    """Whether capitalised words stand right before or after a verb of saying and are no title ("said Pedro
    Soto", "Ana Ruiz told"): a speaker the NER missed (or a text no NER reads)."""
    titles = {w for h in data.word_set("roles", "heads", language.code) for w in h.split()}
    small = data.word_set("roles", "function_words", language.code) | titles
    if any(w.lower() in small for w in run.group(1).split()):
        return False
    after = _WORD_AFTER.match(text, run.end())
    verbs = data.word_set("speech", "verbs", language.code)
    beside = (word_before(text, run.start()), after and after.group(1))
    return any(w and any(r.lemma in verbs for r in lang.readings(w, language)) for w in beside)


def _foreign_word_before_name(rest: list[str], word: str) -> bool:
    """Whether `word` belongs to the phrase before a name the NER ran into: a word that reads first of all as
    no name, before a first name and a surname ("Мажлиса Танзила Нарбаева")."""
    return len(rest) == 2 and _kind_first(rest[0]) == g.FIRST_NAME and not _kind_first(word) and _kind(rest[1]) != g.PATRONYMIC


def _no_name_word(word: str) -> bool:
    """A word that is no part of a name: a verb, adverb or function word, and no name reading at all."""
    readings = lang.readings(word)
    return readings[0].pos in _NO_NAME_POS and not any(t in p for p in readings for t in _NAME_TAGS)


def _same(p: Person, r: NameReading) -> bool:
    if r.gender and p.gender and r.gender != p.gender and not _same_first_name(r, p):
        return False  # a guess from the name ("Никола" reads feminine) yields to the same full first name
    if r.surname is not None:
        if not r.surnames & p.keys:
            return _one_stem(r, p)
        return not (r.first and p.first) or _first_names_agree(r.first, p.first)
    if r.surnames & p.keys:
        return True  # a lone word that reads as a first name but is this person's surname: "Гарсия"
    return p.first is not None and _first_names_agree(r.first or "", p.first)


def _same_first_name(r: NameReading, p: Person) -> bool:
    """The same full first name (not an initial), in any case form."""
    if not (r.first and p.first):
        return False
    return not (r.first + p.first).count(".") and _first_names_agree(r.first, p.first)


def _one_stem(r: NameReading, p: Person) -> bool:
    """The same full first name and a surname that differs only in its ending: a case form of a foreign
    surname pymorphy cannot decline ("Такэси Иваю" ~ "Такэси Ивая")."""
    if not _same_first_name(r, p):
        return False
    return any(_common_prefix(r.raw_surname or "", k) >= max(len(r.raw_surname or ""), len(k)) - STEM_ENDING
               and _common_prefix(r.raw_surname or "", k) >= MIN_SURNAME for k in p.forms)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _verb_gender(text: str, span: Span, role: Role | None) -> str | None:
    """The gender of a singular past-tense verb right after a name ("… сообщил": masc) that is its subject,
    else None: not after a title in another case or a noun the name may depend on ("Визит Ивана Козлова
    начался")."""
    before = word_before(text, role.start if role else span.start)
    if role is not None and not role.nominative or role is None and before and lang.readings(before)[0].pos == g.NOUN:
        return None
    m = _NEXT_WORD.match(text, span.end)
    if not m:
        return None
    tag = lang.readings(m.group(1))[0]
    if tag.pos != g.VERB or g.PAST not in tag or g.SINGULAR not in tag:
        return None
    return next((gender for gender in (g.MASCULINE, g.FEMININE) if gender in tag), None)


def _first_names_agree(a: str, b: str) -> bool:
    """Same first name, or initial, or case form of it ("самехом" ~ "самех", a name pymorphy does not know)."""
    if a.endswith(".") or b.endswith("."):
        return a[0] == b[0]
    return a == b or a in _nominatives(b) or b in _nominatives(a)


def _add(p: Person, r: NameReading) -> None:
    p.mentions.append(r.span)
    if r.raw_surname:
        p.forms.add(r.raw_surname)
        p.keys |= r.surnames
    if r.first and (not p.first or p.first.endswith(".")):
        p.first = r.first
    p.gender = r.gender if r.rank[3] == SAID else p.gender or r.gender  # a verb's agreement says it surest
    if r.rank > p._rank:
        p.name, p._rank = r.name, r.rank
        if r.surname:
            p.surname = r.surname


def _settle_case(p: Person, r: NameReading) -> None:
    """The mention's case and introducing role, now that the person's gender is known:
    "Смирнова" is the genitive of Олег Смирнов, so "представитель Смирнова" is not him."""
    case, role = r.case, r.role
    if r.gender is None and p.gender:
        words = [w for w in _PIECE.findall(r.span.text) if not _INITIAL.fullmatch(w)]
        possible = _possible_cases(words, p.gender)
        if role and possible is not None and not possible & role.cases:
            role = None
        case = _case_and_gender(words, role.cases if role else None, p.gender)[0] or case
    p.cases[r.span.start] = case
    if role:
        p.intros[r.span.start] = role


def _add_missed_surnames(doc, people: list[Person]) -> None:
    """A surname the NER missed somewhere ("господина Новака") is still that person's mention; so is the
    person's name as the text wrote it before, and the first word of a two-word name that is no known
    first name (the family name of "Li Wei", "Ли Вэй")."""
    covered = [(e.start, e.end) for e in doc.entities] + [(m.start, m.end) for p in people for m in p.mentions]
    for p in people:
        for written in {m.text for m in p.mentions if " " in m.text}:
            for m in re.finditer(rf"(?<![\w-]){re.escape(written)}(?![\w-])", doc.text[doc.body_start :]):
                start = doc.body_start + m.start()
                if not any(s <= start < e for s, e in covered):
                    p.mentions.append(Span(start, start + len(written), written))
                    p.cases[start] = None
                    covered.append((start, start + len(written)))
    family = {}
    for p in people:
        words = p.name.split()
        if len(words) == 2 and not _kind_first(words[0]):
            family.setdefault(words[0], []).append(p)
    stems = tuple({k[:MIN_SURNAME] for p in people for k in p.keys})
    for m in _TOKEN.finditer(doc.text, doc.body_start):
        owners = family.get(m.group(), [])
        if len(owners) == 1 and not any(s <= m.start() < e for s, e in covered):
            owners[0].mentions.append(Span(m.start(), m.end(), m.group()))
            owners[0].cases[m.start()] = None  # "Xi said"
            continue
        word = m.group()
        if len(word) < MIN_SURNAME or not word[0].isupper() or not fold(word).startswith(stems):
            continue
        if any(s <= m.start() < e for s, e in covered):
            continue
        keys = _nominatives(word)
        owners = [p for p in people if keys & p.keys]
        if len(owners) == 1:
            p = owners[0]
            p.mentions.append(Span(m.start(), m.end(), word))
            p.cases[m.start()] = _case_and_gender([word])[0]


def _cases_from_prepositions(text: str, people: list[Person], language: str) -> None:
    """In a language without case endings, the preposition before a mention (or its title) stands for
    the case: "met with Foreign Minister X" is X alongside, "attributable to Spokesperson Y" no subject."""
    table = data.load("roles").get("cases_after", {}).get(language)
    if not table:
        return
    for p in people:
        for m in p.mentions:
            if p.cases.get(m.start) not in (None, g.NOM):
                continue
            role = p.intros.get(m.start)
            before = word_before(text, role.start if role else m.start)
            if before in table:
                p.cases[m.start] = table[before]


def _title_word(text: str, language: str) -> bool:
    """A single word whose last part is a title, misspelt or prefixed: the NER's "Экс-премьер" is no name."""
    if " " in text or "-" not in text:
        return False
    return lang.lemma(text.rsplit("-", 1)[1].lower()) in data.word_set("roles", "heads", language)


def _common_word(text: str) -> bool:
    """A single dictionary word that is no name and may name someone itself: the NER's "Внук" is not a
    person; a surname the dictionary knows only as a plural of a common noun is."""
    if " " in text or not lang.is_known(text.lower()) or _kind(text):
        return False
    return not all(p.pos == g.NOUN and p.case != g.NOM for p in lang.readings(text))  # a surname read as a plural noun


def _nominatives(word: str) -> set[str]:
    """Folded nominatives a written surname may stand for: itself and each noun reading's ("Гарсию" → "гарсия")."""
    out = {fold(word)}
    for p in lang.readings(word):
        if p.pos == g.NOUN and p.number != g.PLURAL:
            form = p.inflect(g.NOM)
            if form:
                out.add(fold(form))
    return out


def _looks_nominative(word: str) -> bool:
    """Whether a name word reads as a nominative: a word pymorphy does not know as a name
    ("Самехом") may still show its case as a noun."""
    nouns = [p for p in lang.readings(word) if p.pos == g.NOUN and p.number == g.SINGULAR]
    return not nouns or nouns[0].case == g.NOM or g.INDECLINABLE in nouns[0]


def _kind_first(word: str) -> str:
    """What the likeliest reading of a word is as a name ('' when it is no name first of all)."""
    best = lang.readings(word.split("-")[0])[0]
    return next((t for t in _NAME_TAGS if t in best), "")


def _kind(word: str) -> str:
    """Name, Surn or Patr: what the likeliest name reading of a word is ('' for none)."""
    for p in lang.readings(word):
        kind = next((t for t in _NAME_TAGS if t in p), None)
        if kind:
            return kind
    return ""


def _readings(word: str, position: str | None = None) -> dict[tuple[str | None, str], tuple[float, float]]:
    """(case, gender) → (weight as a name, weight as any noun) for a word that can be a name.

    The name weight counts readings of the kind its position calls for (`position`:
    Name, Surn) when there are any; the noun weight is the vote of those and of the
    readings that are no name, which settles ties ("Жомарту" is more likely a
    masculine dative; "Асанова" in a surname's place is no woman's first name).
    """
    readings = [p for p in lang.readings(word.split("-")[-1]) if p.pos == g.NOUN and p.number == g.SINGULAR]
    named = [p for p in readings if any(t in p for t in _NAME_TAGS)]
    named = [p for p in named if position and position in p] or named
    out: dict[tuple[str | None, str], tuple[float, float]] = {}
    for p in readings:
        if g.INDECLINABLE in p and position != g.FIRST_NAME or p not in named and any(t in p for t in _NAME_TAGS):
            continue  # an indeclinable name alone ("Альберто") says nothing of the case; nor does a name of the
            # wrong kind; an indeclinable first name before a surname still says its gender ("Айгерим")
        for gender in _genders(p):
            key = (p.case, gender)
            name, noun = out.get(key, (0.0, 0.0))
            out[key] = (max(name, p.score if p in named else 0.0), noun + p.score)
    return out if named else {}


def _genders(parse) -> tuple[str, ...]:
    """The genders a reading allows: nouns of common gender ("глава", "Мустафа") take either."""
    return (g.MASCULINE, g.FEMININE) if g.COMMON in parse else (str(parse.gender),)


def _case_and_gender(
    words: list[str], cases: frozenset[str | None] | None = None, gender: str | None = None
) -> tuple[str | None, str | None]:
    """The case and gender all name words of a mention agree on (the first name has the last word).

    `cases`, when given, are the only cases the mention can be in (its role's);
    `gender`, when given, the only gender (the person's).
    """
    combined = {k: v for k, v in _agreed(words).items() if gender in (None, k[1])}
    if cases:
        combined = {k: v for k, v in combined.items() if k[0] in cases}
        if not combined:
            return (g.NOM if g.NOM in cases else min(cases, key=_case_order)), None
    if not combined:
        return None, None
    case, gender = max(combined, key=lambda k: (*combined[k], k[0] == g.NOM))  # "Альберто": nominative
    return case, gender


def _case_order(case: str | None) -> int:
    """A fixed order of the cases, for a tie (no case last)."""
    return g.CASES.index(case) if case in g.CASES else len(g.CASES)


def _possible_cases(words: list[str], gender: str | None = None) -> set[str | None] | None:
    """The cases a mention's words allow together, for a person of `gender` (None: they do not say)."""
    agreed = [case for case, gen in _agreed(words) if gender in (None, gen)]
    return set(agreed) if agreed else None


def _agreed(words: list[str]) -> dict[tuple[str | None, str], tuple[float, float]]:
    """(case, gender) readings every name word allows, with their combined weights."""
    combined: dict[tuple[str | None, str], tuple[float, float]] | None = None
    for n, w in enumerate(words):
        position = g.SURNAME if n == len(words) - 1 and len(words) > 1 else g.FIRST_NAME if n == 0 and len(words) > 1 else None
        r = _readings(w, position)
        if not r:
            continue
        if combined is None:
            combined = r
            continue
        merged = {k: (combined[k][0] * v[0], combined[k][1] * v[1]) for k, v in r.items() if k in combined}
        if merged:  # else a surname that disagrees with the first name: trust the first name
            combined = merged
    return combined or {}


def _to_nominative(word: str, case: str | None, gender: str | None) -> str:
    if case in (None, g.NOM) or _INITIAL.fullmatch(word):
        return word
    return "-".join(_piece_nominative(p, case, gender) for p in word.split("-"))


def _piece_nominative(piece: str, case: str, gender: str | None) -> str:
    """A person's reading of the person's gender first, name readings before others; then a thing's of that
    gender ("Милане" of a man: "Милан", not the woman's name "Миланя"); a person's reading of the other
    gender only when none fits ("Алана Гарсии")."""
    nouns = [p for p in lang.readings(piece) if p.pos == g.NOUN and p.case == case and p.number == g.SINGULAR]

    def rank(p) -> tuple[int, bool]:
        fits = gender is None or gender in _genders(p)
        tier = 0 if fits and g.ANIMATE in p else 1 if fits else 2
        return tier, not any(t in p for t in _NAME_TAGS)

    readings = sorted((p for p in nouns if g.ANIMATE in p or gender is None or gender in _genders(p)), key=rank)
    for p in readings:
        form = p.inflect(g.NOM)
        if form:
            return _keep_spelling(piece, form)
    return piece


def _keep_spelling(written: str, inflected: str) -> str:
    """The inflected form spelled as the text spells the stem (capitals, е/ё)."""
    k = 0
    while k < min(len(written), len(inflected)) and fold(written[k]) == fold(inflected[k]):
        k += 1
    return written[:k] + inflected[k:]
