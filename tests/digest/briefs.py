"""Small briefs for the digest tests, written for the purpose: items are found by their text, so offsets are true."""
from __future__ import annotations

from briefgen.model import Brief, Commitment, Figure, Participant, Quote, Source, Span


def span(text: str, part: str) -> Span:
    at = text.index(part)
    return Span(at, at + len(part), part)


def commitment(text: str, part: str, kind: str, **kw) -> Commitment:
    s = span(text, part)
    return Commitment(s.start, s.end, s.text, kind, **kw)


def figure(text: str, part: str, kind: str, **kw) -> Figure:
    s = span(text, part)
    return Figure(s.start, s.end, s.text, kind, **kw)


def quote(text: str, part: str, speaker: str) -> Quote:
    s = span(text, part)
    return Quote(s.start, s.end, s.text, speaker=speaker, resolution="explicit")


def person(text: str, name: str, role: str, mention: str | None = None) -> Participant:
    return Participant(name, role, (span(text, mention or name),))


MEETING = (
    "Министры обсудили торговлю\n"
    "Министр экономики Казахстана Арман Сергеев провел в Ташкенте переговоры с министром Узбекистана Бахтиёром Каримовым.\n"
    "Стороны договорились довести товарооборот до 5 млрд долларов к 2028 году.\n"
    "\"Мы откроем в Самарканде торговый дом, который займется поставками зерна, муки и масла в соседние регионы\", - сказал Сергеев.\n"
    "Сергеев также предложил создать совместную рабочую группу по транспорту.\n"
    "По его словам, сейчас в стране работают 40 совместных предприятий.\n"
)


def meeting() -> Brief:
    t = MEETING
    return Brief(
        source=Source(t, name="meeting.txt", title="Министры обсудили торговлю", language="ru"),
        participants=(
            person(t, "Арман Сергеев", "Министр экономики Казахстана"),
            person(t, "Бахтиёр Каримов", "министр Узбекистана", "Бахтиёром Каримовым"),
        ),
        commitments=(
            commitment(t, "Стороны договорились довести товарооборот до 5 млрд долларов к 2028 году.", "agreement",
                       actor="стороны", action="довести товарооборот до 5 млрд долларов", deadline="2028"),
            commitment(t, "Мы откроем в Самарканде торговый дом", "intention", actor="Арман Сергеев"),
            commitment(t, "Сергеев также предложил создать совместную рабочую группу по транспорту.", "proposal",
                       actor="Арман Сергеев", action="предложил создать совместную рабочую группу по транспорту"),
        ),
        figures=(
            figure(t, "до 5 млрд долларов", "money", value=5e9, unit="USD", qualifier="до", measure="товарооборот", status="target", year=2028),
            figure(t, "40", "count", value=40.0),
        ),
        quotes=(quote(t, "Мы откроем в Самарканде торговый дом, который займется поставками зерна, муки и масла в соседние регионы", "Арман Сергеев"),),
        event="Переговоры министров экономики Казахстана и Узбекистана",
    )
