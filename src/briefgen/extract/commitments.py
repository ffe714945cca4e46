"""Turn the clauses that say what an actor will do into Commitments.

A clause states a commitment when it holds a cue (data/commitments.yaml:
"предложил", "намерены", "следует создать", "объявили … решения",
"создаваемого") or a plain future ("будет тиражироваться", "завод перейдет").
Not commitments: questions, wishes ("выразил уверенность"), conditions
("если"), estimates ("считается", "может"), forecasts about a process
("реализация … укрепит"), and past deeds told in a relative clause ("который
мы учредили"). Each item is anchored on its clause and the clauses that depend
on it, so two commitments in one sentence are two items, and a commitment
quoted in the words already reported is one item.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .. import data, document
from ..lang import grammar as g
from ..lang.words import Word, phrase_index, phrases_at, readings
from ..model import Commitment, Span
from . import agenda, parties
from .clauses import COMPLEMENT, CONDITION, COORDINATE, RELATIVE, Clause, split
from .context import Context
from .deadlines import Deadlines
from .subjects import FIRST, NAMED, NOUN, PERSON, main_organisation, subject

INTENTION, CREATION, AGREEMENT = "intention", "creation", "agreement"
JOINT_REACH = 3  # first and last words before a cue in which "мы"/"we" makes an agreement both sides'
AREA_CONTEXT = 2  # sentences before a commitment that may tell its area ("по данному направлению")
SAME_CONTENT = 0.6  # share of content lemmas two statements must have in common to be one commitment
_STOPS = set(",;:()—–")
_CLOSING = "»“”\")"
_NOMINAL = (g.NOUN, g.PREPOSITION)  # a cue that is a noun ("подписание") or opens with a preposition ("о планах")
_CONTENT = (g.NOUN, g.INFINITIVE, g.VERB, g.ADJ, g.PARTICIPLE_SHORT, g.PARTICIPLE)


def _creation(cues: dict[str, str]) -> frozenset[str]:
    return frozenset(k for k, v in cues.items() if v == CREATION and " " not in k)


def _openers(clauses: dict[str, list[str]]) -> dict[str, str]:
    return {w: kind for kind, ws in clauses.items() for w in ws}


def _coordinators(words: list[str]) -> frozenset[str]:
    return frozenset(w for w in words if w.isalpha())


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """One language's commitment vocabulary: each field a list of data/commitments.yaml (see `data.bundle`)."""

    cues: dict[str, list[tuple[tuple[str, ...], Any]]] = data.entry(build=phrase_index)
    wishes: dict[str, list[tuple[tuple[str, ...], Any]]] = data.entry(build=phrase_index)
    imperative: dict[str, str] = data.entry("imperative_cues")
    needs_infinitive: frozenset[str] = data.entry()
    auxiliaries: frozenset[str] = data.entry("future_auxiliaries")
    not_actions: frozenset[str] = data.entry()
    not_plans: frozenset[str] = data.entry()  # also words of saying: "Напомним, …" (see `vocabulary`)
    scheduled: frozenset[str] = data.entry()
    meetings: frozenset[str] = data.entry()  # data/events.yaml's, given by `vocabulary`
    reporting: frozenset[str] = data.entry()
    opinions: frozenset[str] = data.entry()
    hedges: frozenset[str] = data.entry()
    polite: frozenset[str] = data.entry()
    negations: frozenset[str] = data.entry()
    impersonal: frozenset[str] = data.entry()
    done_at_event: frozenset[str] = data.entry()
    past_markers: frozenset[str] = data.entry()
    joint_pronouns: frozenset[str] = data.entry()
    participles: dict[str, Any] = data.entry()
    creation: frozenset[str] = data.entry("cues", _creation)
    abstract_endings: tuple[str, ...] = data.entry()
    abstract_nouns: frozenset[str] = data.entry()
    openers: dict[str, str] = data.entry("clauses", _openers)
    coordinators: frozenset[str] = data.entry(build=_coordinators)
    deadlines: Deadlines = data.entry(build=Deadlines)


@data.cached
def vocabulary(lang: str) -> Vocabulary:
    """The compiled vocabulary for `lang` (empty lists for a language the data does not cover)."""
    voc = data.bundle(Vocabulary, "commitments", lang, meetings=data.word_set("events", "meetings", lang))
    return replace(voc, not_plans=voc.not_plans | voc.reporting)


@dataclass(frozen=True, slots=True)
class Trigger:
    """What makes a clause a commitment: the cue's words [index, end) in the clause, and the kind."""

    index: int
    end: int
    kind: str
    plain: bool = False  # a plain future, no cue word
    past: bool = False
    lemma: str = ""  # the cue's (first) lemma
    action: int = 0  # where the action may start: after the cue, or inside a gapped cue ("объявили | … решения")


@dataclass(slots=True)
class Item:
    """A commitment being built: its sentence, clauses and trigger."""

    sentence: int
    trigger: Trigger
    clause: Clause  # the clause holding the trigger
    reporter: Clause | None = None  # "X сказал" before "что …"
    clauses: list[Clause] = field(default_factory=list)

    @property
    def cue(self) -> Word:
        return self.clause.words[self.trigger.index]


def find(ctx: Context) -> list[Commitment]:
    """Every commitment the text states, one per clause group, without repeats."""
    voc = vocabulary(ctx.source.language)
    if not voc.cues:
        return []  # a language the data does not cover
    regions = [(q.start, q.end) for q in ctx.quotes]
    headline = ctx.doc.paragraphs[0] if document.headline(ctx.doc) else None
    items: list[Item] = []
    for si, words in enumerate(ctx.doc.sentence_words()):
        if headline and ctx.doc.sentences[si].start < headline.end:
            continue  # a headline restates what the text tells below
        if words and not _excluded(words, voc):
            clauses = [part for c in split(words, voc.openers, regions) for part in _at_coordinated_cues(c, voc)]
            items += _items(si, clauses, voc)
    taxonomy = agenda.keywords(ctx.source.language)
    out: list[Commitment] = []
    for item in _distinct(ctx, items, voc):
        out.append(_commitment(ctx, item, voc, taxonomy, out))
    return out


def _excluded(words: list[Word], voc: Vocabulary) -> bool:
    """Questions and wishes state no commitment."""
    if any(w.text == "?" for w in words):
        return True
    return any(phrases_at(words, i, voc.wishes) for i, w in enumerate(words) if w.is_word)


def _items(si: int, clauses: list[Clause], voc: Vocabulary) -> list[Item]:
    """Group a sentence's clauses into commitments: a trigger clause with the clauses that depend on it."""
    items: list[Item] = []
    frames: list[str | None] = []
    current: Item | None = None
    for ci, c in enumerate(clauses):
        own = _frame(c, voc)
        inherited = frames[ci - 1] if c.kind == COMPLEMENT and ci else None
        frames.append(own or inherited)
        if current is not None and c.kind in (COMPLEMENT, RELATIVE):
            current.clauses.append(c)
            continue
        trigger = None
        if c.kind != CONDITION and "hedge" not in (own, inherited):
            trigger = _trigger(c, voc)
        if current is not None and c.kind == COORDINATE and current.clauses[-1] is clauses[ci - 1] \
                and clauses[ci - 1].kind == COMPLEMENT and (trigger is None or trigger.plain):
            current.clauses.append(c)  # "договорились, что соглашение будет подписано, а применяться начнет …"
            continue
        if trigger and (trigger.plain and "opinion" in (own, inherited) or trigger.past and _told_as_past(c, voc)):
            trigger = None
        if trigger is None:
            current = None
            continue
        prev = clauses[ci - 1] if ci else None
        reporter = prev if c.kind == COMPLEMENT and prev is not None and _reports(prev, voc) else None
        current = Item(si, trigger, c, reporter, [c])
        items.append(current)
    return items


def _at_coordinated_cues(clause: Clause, voc: Vocabulary) -> list[Clause]:
    """A clause cut where "и"/"and" joins a second finite cue to a verb before it ("поблагодарил … и
    пригласил …", "would set up … and invited …"): two commitments, not one."""
    words = clause.words
    if clause.kind == COMPLEMENT:
        return [clause]  # "что эксперты соберутся и согласуют …": one thing said
    for k in range(1, len(words) - 1):
        if words[k].lemma not in voc.coordinators or not Clause(clause.kind, words[:k]).has_predicate(voc.auxiliaries):
            continue
        nxt = words[k + 1]
        finite = nxt.tag is None or nxt.has(g.VERB, g.PAST)
        if finite and any(not gapped for _, _, _, gapped in phrases_at(words, k + 1, voc.cues)):
            return [Clause(clause.kind, words[:k]), *_at_coordinated_cues(Clause(COORDINATE, words[k + 1 :]), voc)]
    return [clause]


def _frame(clause: Clause, voc: Vocabulary) -> str | None:
    """'hedge' for an estimate ("считается"), 'opinion' for a view ("полагаю"), else None. A capitalised
    word inside the clause is a name, no hedge ("in May")."""
    lemmas = {lemma for w in clause.words for lemma in w.lemmas}
    hedges = {lemma for k, w in enumerate(clause.words) if k == 0 or not w.text[:1].isupper() for lemma in w.lemmas}
    if hedges & voc.hedges and not lemmas & voc.polite:
        return "hedge"
    return "opinion" if lemmas & voc.opinions else None


def _told_as_past(clause: Clause, voc: Vocabulary) -> bool:
    """True when a past cue tells history: in a relative clause ("который мы учредили") or dated to the past
    ("ранее", "в прошлом году")."""
    return clause.kind == RELATIVE or any(w.lemma in voc.past_markers for w in clause.words)


def _reports(clause: Clause, voc: Vocabulary) -> bool:
    return any(w.lemmas & (voc.reporting | voc.opinions) for w in clause.words)


def _trigger(clause: Clause, voc: Vocabulary) -> Trigger | None:
    """The clause's cue, else its plain future, else None."""
    words = clause.words
    for i, w in enumerate(words):
        if not w.is_word:
            continue
        for end, kind, lemma, gapped in phrases_at(words, i, voc.cues):
            if _cue_form_ok(words, i, end, lemma, kind, voc, end > i + 1):
                tag = w.grammar_as({lemma})
                past = tag is not None and g.PAST in tag
                return Trigger(i, end, kind, past=past, lemma=lemma, action=i + 1 if gapped else end)
        r = w.grammar_as(voc.imperative)
        if r is not None and g.IMPERATIVE in r:
            return Trigger(i, i + 1, voc.imperative[r.lemma], lemma=r.lemma, action=i + 1)
    for i, w in enumerate(words):
        trigger = _future(words, i, voc) if w.is_word else None
        if trigger:
            return trigger
    return None


def _cue_form_ok(words: list[Word], i: int, end: int, lemma: str, kind: str, voc: Vocabulary, phrase: bool) -> bool:
    """Whether the cue's grammatical form states a commitment rather than a past fact or a description."""
    tag = words[i].grammar_as({lemma})
    if tag is None:  # a language without morphology: the cue word itself decides
        return True
    if tag.pos == g.INFINITIVE and any(w.lemmas & voc.polite for w in words[:i]):
        return True  # "хотел бы пригласить": a polite way of inviting
    if tag.pos in (g.INFINITIVE, g.GERUND):
        return False  # "предложил создать": the finite verb is the cue
    if tag.pos in _NOMINAL:  # "сообщил о планах", "состоится подписание", not "подписание открыло страницу"
        return not any(w.tag is not None and w.tag.pos in (g.VERB, g.PARTICIPLE_SHORT) and g.PAST in w.tag
                       and not w.lemmas & voc.not_plans for w in words)
    if tag.pos == g.PARTICIPLE:
        return g.PRESENT in tag and g.PASSIVE in tag  # "создаваемого сегодня Совета": a body being created
    if tag.pos == g.PARTICIPLE_SHORT and g.PAST in tag and not phrase and _infinitive(words, end, voc) is None:
        return lemma in voc.done_at_event and not (i and words[i - 1].lemma == "быть")  # "подписаны 15 документов"
    if kind == CREATION and tag.pos == g.VERB and g.IMPERFECTIVE in tag:
        return False  # "создает условия" describes; "создали совет" creates
    if lemma in voc.needs_infinitive:
        return _infinitive(words, end, voc) is not None
    return True


def _infinitive(words: list[Word], start: int, voc: Vocabulary) -> int | None:
    """The index of the action infinitive that follows `start` before any clause punctuation, or None."""
    for k in range(start, len(words)):
        w = words[k]
        if w.text in _STOPS:
            return None
        if w.has(g.INFINITIVE):
            if w.lemma in voc.reporting:
                return None  # "следует отметить": a turn of phrase
            if w.lemma not in voc.not_actions:
                return k
            nxt = words[k + 1] if k + 1 < len(words) else None
            return k if nxt is not None and nxt.has(g.PARTICIPLE_SHORT) else None  # "должны быть созданы"
    return None


def _future(words: list[Word], i: int, voc: Vocabulary) -> Trigger | None:
    """A plain future at words[i]: "будет тиражироваться", "будут опробованы", "завод перейдет"."""
    w = words[i]
    r = w.reading(voc.auxiliaries)
    if r is not None:
        if not r.analysed:  # a language without morphology: the auxiliary and its verb
            return _bare_future(words, i, voc)
        if g.FUTURE not in r:
            return None
        for k in range(i + 1, len(words)):
            v = words[k]
            if v.has(g.INFINITIVE) or v.has(g.PARTICIPLE_SHORT):
                if v.lemma in voc.not_actions or _base(v.lemma) in voc.not_plans or _abstract_subject(words, i, voc):
                    return None
                return Trigger(i, k + 1, CREATION if v.lemma in voc.creation else INTENTION, plain=True)
            if v.has(g.VERB) or not v.has(g.ADVERB) and any(t.pos in (g.ADJ_SHORT, g.PREDICATIVE) for t in v.readings if t.analysed):
                return None  # "будем рады": a state, not an action
        return None
    if not w.has(g.VERB, g.PERFECTIVE, g.FUTURE, g.INDICATIVE) or w.lemma in voc.not_actions:
        return None
    scheduled = w.lemma in voc.scheduled and _meeting_subject(words, i, voc)
    if w.lemma in voc.not_plans and not scheduled:
        return None
    if i and words[i - 1].lemma in voc.negations:
        return None  # "никогда не забудет": a denial, not a plan
    if any(t.analysed and g.PRESENT in t for t in w.readings):
        return None  # a verb of both aspects ("реализуются") reads as present too
    if scheduled:
        return Trigger(i, i + 1, INTENTION, plain=True)  # "заседание состоится": no abstract subject
    if _abstract_subject(words, i, voc):
        return None
    return Trigger(i, i + 1, CREATION if w.lemma in voc.creation else INTENTION, plain=True)


def _bare_future(words: list[Word], i: int, voc: Vocabulary) -> Trigger | None:
    """A future where there is no morphology: the auxiliary and the verb after it ("will open"), unless that
    verb is a state or an ability ("will be able", "will become") or the subject before it names a process or
    a thing ("trade will grow", "these will enhance")."""
    k = i + 1
    be, endings = voc.participles.get("verb"), tuple(voc.participles.get("endings", ()))
    if k + 1 < len(words) and words[k].text.lower() == be and words[k + 1].text.lower().endswith(endings):
        k += 1  # "will be signed", "will be collaborating": the participle is the verb
    if k >= len(words) or not words[k].is_word or words[k].lemmas & (voc.not_actions | voc.not_plans):
        return None
    if i and words[i - 1].lemmas & voc.abstract_nouns:
        return None
    return Trigger(i, i + 1, INTENTION, plain=True)


def _meeting_subject(words: list[Word], i: int, voc: Vocabulary) -> bool:
    """True when the verb at words[i] has a meeting for subject: a nominative noun before it ("Саммит СНГ
    пройдет") or the first one after it ("пройдет форум")."""
    before = [w for w in words[:i] if _nominative_noun(w)]
    after = [w for w in words[i + 1 :] if _nominative_noun(w)][:1]
    return any(w.lemmas & voc.meetings for w in before + after)


def _sets_meeting(ctx: Context, item: Item, voc: Vocabulary) -> bool:
    """True when the commitment sets a meeting: its verb is a `scheduled` one ("состоится", "должен
    состояться") and its subject a meeting, in the clause or, for a relative clause, the noun the clause
    qualifies ("саммита, который должен состояться")."""
    words, t = item.clause.words, item.trigger
    verb = t.index if t.plain else _infinitive(words, t.end, voc)
    if verb is None or not words[verb].lemmas & voc.scheduled:
        return False
    if _meeting_subject(words, verb, voc):
        return True
    if item.clause.kind != RELATIVE:
        return False
    before = [w for w in ctx.doc.sentence_words()[item.sentence] if w.is_word and w.start < words[0].start]
    return bool(before) and bool(before[-1].lemmas & voc.meetings)


def _nominative_noun(w: Word) -> bool:
    return any(t.analysed and t.pos == g.NOUN and g.NOM in t for t in w.readings)


def _abstract_subject(words: list[Word], i: int, voc: Vocabulary) -> bool:
    """True when the nearest subject before words[i] names a process, quality or relation ("реализация",
    "сотрудничество"): its future is a forecast."""
    for w in reversed(words[:i]):
        if w.has(g.PRONOUN, g.NOM):
            return False
        if _nominative_noun(w):
            return w.lemma.endswith(voc.abstract_endings) or w.lemma in voc.abstract_nouns
    return False


def _distinct(ctx: Context, items: list[Item], voc: Vocabulary) -> list[Item]:
    """Drop a commitment quoted after it was reported in the same words (or reported after a quote); two
    that state different sums are two."""
    out: list[Item] = []
    for item in items:
        mine = _content(item, voc)
        quoted = _quote_at(ctx, item.cue.start) is not None
        if not any(
            o.trigger.kind == item.trigger.kind
            and (_quote_at(ctx, o.cue.start) is not None) != quoted
            and _similar(mine, _content(o, voc))
            and not _other_figures(ctx, item, o)
            for o in out
        ):
            out.append(item)
    return out


def _other_figures(ctx: Context, a: Item, b: Item) -> bool:
    """True when both items state figures and none of one's values is among the other's."""
    def values(item: Item) -> set:
        lo, hi = item.clauses[0].words[0].start, item.clauses[-1].words[-1].end
        return {f.value for f in ctx.figures if lo <= f.start < hi and f.value is not None}

    mine, theirs = values(a), values(b)
    return bool(mine and theirs) and not mine & theirs


def _content(item: Item, voc: Vocabulary) -> set[str]:
    words = [w for c in item.clauses for w in c.words[item.trigger.end if c is item.clause else 0 :]]
    return {w.lemma for w in words if w.tag is not None and w.tag.pos in _CONTENT and w.lemma not in voc.not_actions}


def _similar(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) >= SAME_CONTENT * min(len(a), len(b))


def _commitment(ctx: Context, item: Item, voc: Vocabulary, taxonomy: dict, earlier: list[Commitment]) -> Commitment:
    """The Commitment an item states, with its actor, action, deadline and area."""
    text = ctx.doc.text
    words = [w for c in item.clauses for w in c.words]
    first = _start_word(item, voc)
    reported = [] if first is None or item.reporter is None else _from(item.reporter.words, first)
    lo, hi = _trim([*reported, *words])
    start, end = lo.start, hi.end
    cue = item.cue
    cue_end = item.clause.words[item.trigger.end - 1].end
    action_word = _action_start(item, voc)
    actor, party = _actor(ctx, item, voc, earlier)
    return Commitment(
        start,
        end,
        text[start:end],
        kind=item.trigger.kind,
        actor=actor,
        action=text[action_word.start : end] if action_word is not None and action_word.start < end else None,
        deadline=voc.deadlines.find(words, text, _year(ctx.source.date)),
        area=_area(ctx, item.sentence, words, taxonomy),
        cue=Span(cue.start, cue_end, text[cue.start : cue_end]),
        party=party or parties.party(ctx, actor),
    )


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _start_word(item: Item, voc: Vocabulary) -> Word | None:
    """Where a reported commitment starts: the reporting verb, or its clause's start when it is the clause's verb."""
    if item.reporter is None:
        return None
    words = item.reporter.words
    verb = max(i for i, w in enumerate(words) if w.lemmas & (voc.reporting | voc.opinions))
    before = Clause(item.reporter.kind, words[:verb])
    return words[verb] if before.has_predicate() else words[0]


def _from(words: list[Word], first: Word) -> list[Word]:
    return words[words.index(first) :]


def _trim(words: list[Word]) -> tuple[Word, Word]:
    """The first and last words of a span: punctuation trimmed, but a closing bracket or quote kept when
    the span opened it ("… (подписана 15 марта т.г.)")."""
    lo = next(k for k, w in enumerate(words) if w.is_word)
    hi = max(k for k, w in enumerate(words) if w.is_word)
    k = hi
    while k + 1 < len(words) and not words[k + 1].is_word and words[k + 1].start == words[k].end:
        k += 1
        inside = "".join(w.text for w in words[lo : k + 1])
        if words[k].text in _CLOSING and _balanced(inside):
            hi = k
    return words[lo], words[hi]


def _balanced(text: str) -> bool:
    """True when every bracket and quotation mark opened in `text` is closed."""
    pairs = [("(", ")"), ("«", "»"), ("„", "“")]
    return all(text.count(a) == text.count(b) for a, b in pairs) and text.count('"') % 2 == 0


def _action_start(item: Item, voc: Vocabulary) -> Word | None:
    """The action's first word: the infinitive the cue governs, else what follows the cue (a plain future
    or a body being created: the cue itself)."""
    words = item.clause.words
    t = item.trigger
    if t.plain or t.kind == CREATION:
        return words[t.index]
    k = _infinitive(words, t.end, voc)
    if k is not None:
        return words[k]
    return next((w for w in words[t.action :] if w.is_word), None)


def _actor(ctx: Context, item: Item, voc: Vocabulary, earlier: list[Commitment]) -> tuple[str | None, str | None]:
    """(actor, party): the person whose side the clause's subject names ("азербайджанская сторона", "Россия",
    said or reported by a person of it) with that side as party, else who the clause names (`_named_actor`)."""
    quote = _quote_at(ctx, item.cue.start)
    speaker = quote.speaker if quote is not None else None
    actor = _named_actor(ctx, item, voc, earlier)
    person = speaker or _reporter(ctx, item, voc)
    if actor and person and actor != person and parties.own_side(ctx, actor, person):
        return person, actor
    return actor, None


def _reporter(ctx: Context, item: Item, voc: Vocabulary) -> str | None:
    """The person who reports the commitment ("X сказал, что …"), or None."""
    first = _start_word(item, voc)
    if item.reporter is None or first is None:
        return None
    reporting = [w for w in ctx.doc.sentence_words()[item.sentence] if w.start < first.start] or item.reporter.words
    kind, who = subject(ctx, reporting, None, False)
    return who if kind in (NAMED, PERSON) and who else None


def _named_actor(ctx: Context, item: Item, voc: Vocabulary, earlier: list[Commitment]) -> str | None:
    """Who commits: the person or organisation the clause names as subject (a pronoun or title resolved to the
    person last named), else the speaker of a quote, else whoever reports it ("X сказал, что …"), else the
    subject noun itself ("руководство страны"), else, for an impersonal clause, who the text is about."""
    quote = _quote_at(ctx, item.cue.start)
    speaker = quote.speaker if quote is not None else None
    if item.trigger.lemma in voc.imperative:
        return speaker  # "Сергей Ефимович, давайте …": the name is the one addressed
    before = item.clause.words[: item.trigger.index]
    if item.clause.kind == COORDINATE and not any(w.is_word for w in before):
        before = [w for w in ctx.doc.sentence_words()[item.sentence] if w.start < item.cue.start]  # "X предложил … и пригласил"
    passive = _passive(item, voc)
    kind, who = subject(ctx, before, speaker, passive, item.cue)
    if passive and kind == NAMED and not any(p.name == who for p in ctx.people):
        kind, who = None, None  # "«Северный поток» построен", "INTERFAX.RU - Контракты подписаны": no actor named
    if kind in (NAMED, PERSON) and who and item.trigger.kind == AGREEMENT:
        return parties.with_partner(ctx, who, item.clause.words[item.trigger.end :])  # "договорился с Х"
    if kind != NAMED and _sets_meeting(ctx, item, voc):
        return parties.joint_wording(ctx.source.language)  # "Визит состоится в мае": the sides will meet
    if kind in (NAMED, PERSON, NOUN) and who:
        return who  # a subject noun too ("Туркменская сторона"), though a quote's speaker is known
    lang = ctx.source.language
    said = [w.text for w in before if w.is_word]
    if item.trigger.kind == AGREEMENT and voc.joint_pronouns & {w.lower() for w in said[:JOINT_REACH] + said[-JOINT_REACH:]}:
        return parties.with_counterpart(ctx, speaker) if speaker else parties.joint_wording(lang)  # "мы договорились"
    if item.trigger.kind == AGREEMENT and (passive or parties.is_joint(said, lang)):
        return parties.joint_wording(lang)  # "подписано 15 документов", "the sides signed"
    if speaker:
        return speaker
    reporter = _reporter(ctx, item, voc)
    if reporter:
        return reporter
    return None if kind == FIRST else _impersonal_actor(ctx, item, earlier)


def _impersonal_actor(ctx: Context, item: Item, earlier: list[Commitment]) -> str | None:
    """The actor of an impersonal commitment ("планируется"): the organisation the text is about, else
    whoever committed last in the same paragraph."""
    main = main_organisation(ctx)
    if main:
        return main
    para = ctx.doc.paragraph_of_sentence(item.sentence)
    return next((c.actor for c in reversed(earlier) if c.actor and ctx.doc.paragraph_index(c.start) == para), None)


def _passive(item: Item, voc: Vocabulary) -> bool:
    """True when the clause's subject undergoes the action rather than does it: an impersonal cue ("завод
    планируется построить", "решено"), a passive participle ("будут опробованы") or a passive reflexive
    ("будут собираться")."""
    words = item.clause.words
    t = item.trigger
    if not t.plain:
        tag = words[t.index].grammar_as({t.lemma})
        # "решено", "поручено"; a cue noun ("состоится … подписание") is no verb of the subject before it
        return t.lemma in voc.impersonal or tag is not None and tag.pos in (g.PARTICIPLE_SHORT, *_NOMINAL)
    verb = words[t.end - 1]
    return verb.has(g.PARTICIPLE_SHORT) or _reflexive_passive(verb.lemma)


def _base(lemma: str) -> str:
    """A reflexive verb's base ("обсуждаться" → "обсуждать"), else the lemma itself."""
    return lemma[:-2] if lemma.endswith(("ся", "сь")) else lemma


def _reflexive_passive(lemma: str) -> bool:
    """True for a reflexive verb made from a transitive one ("собираться" from "собирать")."""
    base = _base(lemma)
    return base != lemma and any(t.analysed and g.INFINITIVE in t and g.TRANSITIVE in t for t in readings(base))


def _quote_at(ctx: Context, offset: int):
    return next((q for q in ctx.quotes if q.start <= offset < q.end), None)


def _area(ctx: Context, sentence: int, words: list[Word], taxonomy: dict) -> str | None:
    """The agenda area: the commitment's own keywords, else those of its sentence, else of the sentences
    just before it, else of the heading of its section."""
    all_words = ctx.doc.sentence_words()
    before = all_words[sentence : max(sentence - 1 - AREA_CONTEXT, -1) : -1]
    headings = {(h.start, h.end) for h in agenda.heading_spans(ctx)}
    heading = next((all_words[i] for i in range(sentence, -1, -1)
                    if (ctx.doc.sentences[i].start, ctx.doc.sentences[i].end) in headings), [])
    return next(filter(None, (agenda.best_area(ws, taxonomy) for ws in (words, *before, heading))), None)
