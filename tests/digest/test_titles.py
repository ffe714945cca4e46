"""Titles: the headline, else an event name the opening supports, else one composed; never the document's name."""
from __future__ import annotations

import pytest

from briefgen.digest.source import SourceText
from briefgen.digest.titles import title
from briefgen.model import Brief, Participant, Source, Span

BANK = "Крупный банк подписал соглашение о покупке доли в зарубежном банке за 2 млрд долларов.\nСделку одобрили акционеры.\n"
TALKS = "Министры провели переговоры в Ташкенте и обсудили поставки газа.\nСтороны отметили рост торговли.\n"


def brief(text: str, event: str | None = None, headline: str | None = None, people: tuple[str, ...] = ()) -> Brief:
    return Brief(Source(text, title=headline, place="Ташкент" if people else None), event=event,
                 participants=tuple(Participant(p, None, (Span(0, 1, text[0]),)) for p in people))


@pytest.mark.parametrize(
    "b, expected",
    [
        (brief("Министры обсудили газ\n" + TALKS, headline="Министры обсудили газ"), "Министры обсудили газ"),
        (brief(TALKS, event="Переговоры министров энергетики"), "Переговоры министров энергетики"),
        # an event the opening does not name (a visit) is not claimed: the first sentence is the title
        (brief(BANK, event="Визит президента"), "Крупный банк подписал соглашение о покупке доли в зарубежном банке за 2 млрд долларов"),
        (brief(TALKS, people=("Арман Сергеев", "Бахтиёр Каримов")), "Сергеев и Каримов, Ташкент"),
        (brief("Справка\n"), "Справка"),  # a text that only says this, titled by what it says
    ],
)
def test_title(b, expected):
    assert title(b, SourceText(b.source.text), "ru") == expected


def test_no_text_gets_the_file_name_never_a_bare_document_name():
    b = Brief(Source("   ", name="report.txt"))
    assert title(b, SourceText(b.source.text), "ru") == "report.txt"
