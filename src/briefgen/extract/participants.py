"""Turn people into Participants: those who speak or act in the event, not everyone mentioned.

A participant is quoted, or is the subject of something the text reports
(named in the nominative, or "по словам X", outside quotations: "Олег Смирнов
предложил …"), or takes part alongside the subject ("провел переговоры с
Президентом Сербии Миланом Петровичем") or as a side of the talks ("разговор
Ивана Козлова с …"); and is known well enough to be more than a passing name
(a role, a full name, or named twice). Someone named only otherwise ("визита
министра Ивана Козлова", "письмо президенту Хорватии") or only inside
quotations is mentioned, not taking part.
"""
from __future__ import annotations

import re

from .. import data, lang
from ..lang import grammar as g
from ..lang.words import word_before
from ..model import Participant, Span
from . import discourse
from .context import Context
from .roles import party

MIN_MENTIONS = 2
BACKGROUND_REACH = 30  # characters at a sentence's start in which its opening word is read
SHORT_TEXT = 5  # sentences: in a text this short, one mention of someone acting is enough
CREDIT_WORDS = 4  # words before a name, on its line, in which a credit cue is looked for
_WORD = re.compile(r"\w+")
_LINE_START = re.compile(r"[^\n]*\Z")


def _held(language: str) -> frozenset[str]:
    return data.word_set("events", "held_by", language)


def _with(language: str) -> frozenset[str]:
    return data.word_set("events", "together_with", language)


def find(ctx: Context) -> list[Participant]:
    """The people who take part, in order of first mention."""
    quoted = [(q.start, q.end) for q in ctx.quotes]
    speakers = {q.speaker for q in ctx.quotes}
    acting = {r.person for r in discourse.refs(ctx, quoted) if r.person and r.subject and not _background(ctx, r.start)}
    out = []
    short = len(ctx.doc.sentences) <= SHORT_TEXT
    sides = _sides(ctx)
    for p in ctx.people:
        acts = p in acting or p in sides or any(
            _alongside(ctx.doc.text, p, m.start, ctx.source.language) or _received(ctx, p, m) for m in p.mentions
        )
        known = short or p.title is not None or len(p.name.split()) >= 2 or len(p.mentions) >= MIN_MENTIONS
        credited = all(_credited(ctx.doc.text, m.start, ctx.source.language) for m in p.mentions)
        if p.name in speakers or (acts and known and not credited):
            mentions = tuple(Span(s.start, s.end, s.text) for s in p.mentions)
            out.append(Participant(p.name, p.role, mentions, party(p.title, ctx.doc, ctx.source.language)))
    return out


def _background(ctx: Context, offset: int) -> bool:
    """Whether the sentence at `offset` opens with a cue that it tells of earlier events ("Ранее Олег Смирнов
    заявлял …", "Напомним, …"): whoever acts there is mentioned, not taking part."""
    i = ctx.doc.sentence_index(offset)
    if i is None:
        return False
    opening = _WORD.findall(ctx.doc.sentences[i].text[:BACKGROUND_REACH])[:1]
    return bool(opening) and opening[0].lower() in data.word_set("events", "background", ctx.source.language)


def _credited(text: str, start: int, language: str) -> bool:
    """Whether a credit cue stands a few words before a name on its line ("Фото: ИЗВЕСТИЯ/Анна Петрова",
    "корреспондент «Вестей» Олег Смирнов"): who made the report, not who took part."""
    m = _LINE_START.search(text, max(0, start - 200), start)
    line = m.group() if m else ""
    cues = data.word_set("sources", "credit_cues", language)
    return any(lang.lemma(w.lower()) in cues for w in _WORD.findall(line)[-CREDIT_WORDS:])


def _sides(ctx: Context) -> set:
    """The people named in the genitive after a meeting noun when the text names the other side too: after
    "с" ("переговоры Владимира Путина с Премьер-министром …") or joined by "и" ("встреча президента Сербии
    Милана Петровича и президента Хорватии Ивана Новака"); not a visit told of ("визит председателя …")."""
    text, language = ctx.doc.text, ctx.source.language
    joins = data.word_set("roles", "joins", language)
    out = set()
    for p in ctx.people:
        for m in p.mentions:
            if p.cases.get(m.start) != g.GEN or m.start in p.intros and p.intros[m.start].plural:
                continue
            before = word_before(text, _begin(p, m))
            if before is None or lang.lemma(before) not in _held(language):
                continue
            i = ctx.doc.sentence_index(m.start)
            end = ctx.doc.sentences[i].end if i is not None else m.end
            joined = [q for q in ctx.people for n in q.mentions if m.end < n.start < end and q.cases.get(n.start) == g.GEN
                      and (word_before(text, _begin(q, n)) or "").lower() in joins]
            if joined or any(w.group().lower() in _with(language) for w in _WORD.finditer(text, m.end, end)):
                out |= {p, *joined}
    return out


def _begin(person, mention) -> int:
    """Where a mention begins with the title that introduces it."""
    role = person.intros.get(mention.start)
    return role.start if role else mention.start


def _received(ctx: Context, person, mention) -> bool:
    """A mention in the accusative (an animate one reads as the genitive) right after a verb of receiving:
    the guest ("принял посла Германии Томаса Вебера")."""
    if person.cases.get(mention.start) not in (g.ACC, g.GEN):
        return False
    before = word_before(ctx.doc.text, _begin(person, mention))
    return before is not None and lang.lemma(before) in data.word_set("events", "received_by", ctx.source.language)


def _alongside(text: str, person, start: int, language: str) -> bool:
    """A mention in the instrumental after "с": the one the subject met, talked or signed with."""
    if person.cases.get(start) != g.INS:
        return False
    role = person.intros.get(start)
    return word_before(text, role.start if role else start) in _with(language)
