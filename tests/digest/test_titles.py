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
        (brief(TALKS, people=("Арман Сергеев", "Бахтиёр Каримов")), "Переговоры: Сергеев и Каримов, Ташкент"),
        (brief(BANK, people=("Арман Сергеев", "Бахтиёр Каримов")), "Сергеев и Каримов, Ташкент"),  # no meeting named
        # site furniture, a time stamp, a caption or a salutation before the headline is skipped
        (brief("Войти в почту\nМинистры обсудили поставки газа\n" + TALKS), "Министры обсудили поставки газа"),
        (brief("Меню\n11:22 19/04/2024\nМинистры обсудили поставки газа\n" + TALKS), "Министры обсудили поставки газа"),
        (brief("Фото: Иван Петров / агентство\nМинистры обсудили поставки газа\n" + TALKS), "Министры обсудили поставки газа"),
        (brief("Сергеев: Уважаемые министры!\n" + TALKS, event="Переговоры министров"), "Переговоры министров"),
        # a line sharing no words with the article is no headline; nor a section heading after the lede
        (brief("Погода в Лиссабоне\n" + TALKS), "Министры провели переговоры в Ташкенте и обсудили поставки газа"),
        (brief(TALKS + "Поставки газа\n"), "Министры провели переговоры в Ташкенте и обсудили поставки газа"),
        (brief("Справка\n"), "Справка"),  # a text that only says this, titled by what it says
    ],
)
def test_title(b, expected):
    assert title(b, SourceText(b.source.text), "ru") == expected


def test_no_text_gets_the_file_name_never_a_bare_document_name():
    b = Brief(Source("   ", name="report.txt"))
    assert title(b, SourceText(b.source.text), "ru") == "report.txt"


MEETING = ("Press secretary Anna Reed said the talks between Minister John Smith and Minister Li Wei lasted three hours.\n"
           "This photo, provided by the ministry, shows John Smith and Li Wei in Lima.\n")


def test_a_composed_title_says_what_happened_and_names_those_who_met_not_who_reported_it():
    people = (Participant("Anna Reed", "Press secretary", (Span(0, 9, MEETING[:9]),)),
              Participant("John Smith", "Minister", (Span(58, 68, MEETING[58:68]),)),
              Participant("Li Wei", "Minister", (Span(82, 88, MEETING[82:88]),)))
    b = Brief(Source(MEETING, language="en", place="Lima"), participants=people)
    assert title(b, SourceText(MEETING), "en") == "Talks between Smith and Wei, Lima"
