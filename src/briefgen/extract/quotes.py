"""Turn direct speech into Quotes with speakers, each saying how its speaker was found.

The speaker of a unit of speech is, in this order: the person a transcript turn
is labelled with ("turn"); the first person, title or pronoun in the nominative
in its attribution ("— заявил Олег Смирнов": explicit, "— сказал глава
государства": title, "— отметил он": pronoun), or in the sentence that leads
into it ("Кан … назвав его «…»"); an organisation when one is named there
instead ("уточняет газета «Труд»"); else the person the text was about just
before it ("context"). Titles and pronouns are resolved by `discourse`; a
title that stands for no one the text names is the speaker as written
("Посол Сербии").
"""
from __future__ import annotations

from ..model import Quote, Span
from . import discourse, speech
from .context import Context
from .discourse import Ref
from .people import Person


def find(ctx: Context) -> list[Quote]:
    """Every direct quotation with its speaker."""
    units = speech.find(ctx.doc, ctx.source.language)
    refs = discourse.refs(ctx, [(p.start, p.end) for u in units for p in u.parts])
    reader = discourse.Reader()
    found: list[tuple[speech.Speech, Person | str | None, Span | None, str | None]] = []
    i = 0
    for unit in units:
        clause = unit.attribution if unit.attribution and unit.attribution.start > unit.start else None
        upto = clause.end if clause else unit.start
        while i < len(refs) and refs[i].start < upto:
            reader.read(refs[i])
            i += 1
        who, attribution, how = _speaker(ctx, unit, refs, reader)
        if _phrase_only(unit) and how != "context" and not isinstance(who, Person):
            continue  # a phrase in quotation marks that no person is said to have said
        found.append((unit, who, attribution, how))
    for ref in refs[i:]:
        reader.read(ref)  # later titles still make roles more precise
    discourse.opening_titles(refs, ctx.people)
    out = []
    for unit, who, attribution, how in found:
        name = who.name if isinstance(who, Person) else who
        role = who.role if isinstance(who, Person) else None
        for part in unit.parts:
            out.append(Quote(part.start, part.end, part.text, name, role, attribution, how))
    return out


def _phrase_only(unit: speech.Speech) -> bool:
    """A quoted phrase inside a sentence ("назвав его «…»"), not a quotation set off by a colon or dash."""
    return unit.lead is not None and unit.attribution is None and not unit.lead.text.endswith(":")


def _speaker(
    ctx: Context, unit: speech.Speech, refs: list[Ref], reader: discourse.Reader
) -> tuple[Person | str | None, Span | None, str | None]:
    """(speaker, attribution span, resolution) of one unit of speech."""
    if unit.kind == "question":
        return None, None, None  # the interviewer's, whom a dialogue does not name
    if unit.kind == "turn" and unit.label is not None:
        label = unit.label
        person = next((p for p in ctx.people if any(label.start <= m.start < label.end for m in p.mentions)), None)
        return (person or label.text), label, "turn"
    for span in (unit.attribution, unit.lead):
        if span is None:
            continue
        if speech.quotes_someone(span.text, ctx.source.language):  # "— цитирует Олега Смирнова агентство"
            quoted = next((r for r in refs if span.start <= r.start < span.end and (r.person or r.title)), None)
            if quoted is None:
                return None, span, None
            who = quoted.person or reader.holder(quoted)
            return (who, span, "explicit" if quoted.person else "title") if who else (None, span, None)
        ref = next((r for r in refs if span.start <= r.start < span.end and r.subject), None)
        if ref is not None:
            who = reader.resolved.get(ref.start)
            if who is None and ref.title and ref.other is None:
                return ref.title.name, span, "title"  # someone the text names by title only: "— сказал посол"
            return who, span, ("explicit" if ref.person else "title" if ref.title else "pronoun") if who else None
        if span is unit.attribution or speech.governs(span.text, ctx.source.language):
            org = next((e for e in ctx.doc.entities_in(span.start, span.end, "ORG")), None)
            return (org.text if org else None), span, "explicit" if org else None  # an outlet or office spoke
    return reader.topic, unit.attribution or unit.lead, "context"
