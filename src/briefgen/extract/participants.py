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

from .. import data, nlp
from ..model import Participant, Span
from . import discourse
from .words import word_before

MIN_MENTIONS = 2
_WORD = re.compile(r"\w+")


def _held(language: str) -> frozenset[str]:
    return data.word_set("events", "held_by", language)


def _with(language: str) -> frozenset[str]:
    return data.word_set("events", "together_with", language)


def find(ctx) -> list[Participant]:
    """The people who take part, in order of first mention."""
    quoted = [(q.start, q.end) for q in ctx.quotes]
    speakers = {q.speaker for q in ctx.quotes}
    acting = {r.person for r in discourse.refs(ctx, quoted) if r.person and r.subject}
    out = []
    for p in ctx.people:
        acts = p in acting or any(
            _alongside(ctx.doc.text, p, m.start, ctx.source.language) or _holds(ctx, p, m) for m in p.mentions
        )
        known = p.title is not None or len(p.name.split()) >= 2 or len(p.mentions) >= MIN_MENTIONS
        if p.name in speakers or (acts and known):
            out.append(Participant(p.name, p.role, tuple(Span(s.start, s.end, s.text) for s in p.mentions)))
    return out


def _holds(ctx, person, mention) -> bool:
    """A mention in the genitive after a meeting noun, someone else named after "с": a side of the talks
    ("переговоры Владимира Путина с Премьер-министром …"), not a visit told of ("визит председателя …")."""
    if person.cases.get(mention.start) != "gent":
        return False
    role = person.intros.get(mention.start)
    before = word_before(ctx.doc.text, role.start if role else mention.start)
    if before is None or nlp.lemma(before) not in _held(ctx.source.language):
        return False
    i = ctx.doc.sentence_index(mention.start)
    end = ctx.doc.sentences[i].end if i is not None else mention.end
    with_words = _with(ctx.source.language)
    return any(m.group().lower() in with_words for m in _WORD.finditer(ctx.doc.text, mention.end, end))


def _alongside(text: str, person, start: int, language: str) -> bool:
    """A mention in the instrumental after "с": the one the subject met, talked or signed with."""
    if person.cases.get(start) != "ablt":
        return False
    role = person.intros.get(start)
    return word_before(text, role.start if role else start) in _with(language)
