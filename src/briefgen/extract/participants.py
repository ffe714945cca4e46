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
from .roles import party
from .words import word_before

MIN_MENTIONS = 2
CREDIT_WORDS = 4  # words before a name, on its line, in which a credit cue is looked for
_WORD = re.compile(r"\w+")
_LINE_START = re.compile(r"[^\n]*\Z")


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
        credited = all(_credited(ctx.doc.text, m.start, ctx.source.language) for m in p.mentions)
        if p.name in speakers or (acts and known and not credited):
            mentions = tuple(Span(s.start, s.end, s.text) for s in p.mentions)
            out.append(Participant(p.name, p.role, mentions, party(p.title, ctx.doc, ctx.source.language)))
    return out


def _credited(text: str, start: int, language: str) -> bool:
    """Whether a credit cue stands a few words before a name on its line ("Фото: ИЗВЕСТИЯ/Анна Петрова",
    "корреспондент «Вестей» Олег Смирнов"): who made the report, not who took part."""
    line = _LINE_START.search(text, max(0, start - 200), start).group()
    cues = data.word_set("sources", "credit_cues", language)
    return any(nlp.lemma(w.lower()) in cues for w in _WORD.findall(line)[-CREDIT_WORDS:])


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
