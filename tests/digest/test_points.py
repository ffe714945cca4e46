"""Key points: the lede first, then the weightiest sentences; third person, at most 30 words, said once, never cut."""
from __future__ import annotations

import re

import pytest

from briefgen.digest import make_digest
from briefgen.digest.points import key_points, same_fact, speech_tail
from briefgen.digest.source import SourceText
from briefgen.digest.words import Seen
from briefgen.model import Brief, Participant, Source, Span
from briefgen.render.audit import check_points

from .briefs import meeting


def test_the_meeting_leads_with_who_met_whom_then_the_agreement():
    brief = meeting()
    points = [p.text for p in key_points(brief, SourceText(brief.source.text), "ru", Seen())]
    assert points[0].startswith("Министр экономики Казахстана Арман Сергеев провел в Ташкенте переговоры")
    assert points[1] == "Стороны договорились довести товарооборот до 5 млрд долларов к 2028 году."
    assert "Казахстан откроет в Самарканде торговый дом" in " ".join(points)


def test_every_point_is_short_third_person_uncut_and_backed_by_its_paragraph():
    brief = meeting()
    d = make_digest(brief, "ru")
    check = check_points(d.points, SourceText(brief.source.text))
    assert 3 <= check.count <= 6
    assert (check.long, check.first_person, check.cut, check.unsupported) == (0, 0, 0, 0)


def test_a_sentence_already_in_the_title_is_not_a_point():
    brief = meeting()
    seen = Seen()
    seen.take("Министр экономики Казахстана Арман Сергеев провел в Ташкенте переговоры с министром Узбекистана")
    points = key_points(brief, SourceText(brief.source.text), "ru", seen)
    assert not any(p.text.startswith("Министр экономики") for p in points)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("«Мы откроем торговый дом в Самарканде», – сказал Сергеев.", "ru", ("Мы откроем торговый дом в Самарканде.", "сказал Сергеев")),
        ("Товарооборот вырос на треть, отметил он.", "ru", ("Товарооборот вырос на треть.", "отметил он")),
        ('"Trade grew by a third," the minister told reporters.', "en", ("Trade grew by a third.", "the minister told reporters")),
        ("Министр сказал, что товарооборот вырос.", "ru", ("Министр сказал, что товарооборот вырос.", "")),  # not a closing attribution
    ],
)
def test_speech_tail(text, lang, expected):
    said, tail = speech_tail(text, lang)
    assert (said, " ".join(tail.strip(' ,–-"».').split())) == expected


def test_a_short_attribution_moves_in_front_and_a_dateline_goes():
    text = "ТАШКЕНТ, 5 мая. /ТАСС/. Товарооборот двух стран вырос на треть за год, отметил он.\n"
    brief = Brief(Source(text), participants=(Participant("Арман Сергеев", None, (Span(0, 7, text[:7]),)),))
    src = SourceText(text)
    assert key_points(brief, src, "ru", Seen())[0].text == "Сергеев: Товарооборот двух стран вырос на треть за год."


NO_ONE = Brief(Source(""))


@pytest.mark.parametrize(
    "text, earlier, expected",
    [
        # one invitation said twice, in other words: one fact
        ("Сергеев пригласил министра Каримова посетить Казахстан с визитом.",
         "Сергеев назвал Узбекистан надежным партнером и пригласил Каримова посетить Казахстан.", True),
        ("Стороны подписали соглашения о поставках газа на 2 млрд долларов.",
         "Министры подписали в Ташкенте соглашения о поставках газа на 2 млрд долларов.", True),
        # a new number is a new fact, however alike the words
        ("Стороны подписали соглашения о поставках газа на 3 млрд долларов.",
         "Министры подписали в Ташкенте соглашения о поставках газа на 2 млрд долларов.", False),
        # the same meeting, but another thing decided about it (no action in common)
        ("Министры решили, что очередное заседание межправительственной комиссии пройдет в Ташкенте.",
         "Министры условились согласовать дату очередного заседания межправительственной комиссии.", False),
        ("The ministers agreed to build a new bridge across the river.",
         "The ministers also agreed to build a bridge across the river by 2030.", False),  # a deadline is new
        ("The ministers agreed to build a new bridge across the river.",
         "Both ministers agreed to build the new river bridge.", True),
    ],
)
def test_same_fact(text, earlier, expected):
    assert same_fact(text, earlier, NO_ONE) is expected


def lede(text: str, *people: tuple[str, str]) -> str:
    """The first key point of a text whose participants are (name, the word of the text naming them)."""
    parts = tuple(Participant(name, None, tuple(Span(m.start(), m.end(), w) for m in re.finditer(w, text))) for name, w in people)
    brief = Brief(Source(text), participants=parts)
    return key_points(brief, SourceText(text), "ru", Seen())[0].text


@pytest.mark.parametrize(
    "text, people, expected",
    [
        # a thank-you is not the lede: the meeting is
        ("Министр Арман Сергеев поблагодарил коллегу за теплое гостеприимство в Ташкенте.\n"
         "Министр Арман Сергеев провел переговоры с министром Бахтиёром Каримовым в Ташкенте.\n",
         (("Арман Сергеев", "Сергеев"),),
         "Министр Арман Сергеев провел переговоры с министром Бахтиёром Каримовым в Ташкенте."),
        # a caption is neither the lede nor any point
        ("Фото: министр Арман Сергеев и министр Бахтиёр Каримов в Ташкенте перед началом встречи.\n"
         "Министры экономики двух стран подписали в Ташкенте соглашение о торговом доме.\n",
         (("Арман Сергеев", "Сергеев"),),
         "Министры экономики двух стран подписали в Ташкенте соглашение о торговом доме."),
        # two who met, named late, outrank an opinion naming one of them early
        ("Министр Арман Сергеев отметил важность развития торговли в непростых условиях.\n"
         "Сергеев сказал, что торговля растет быстрее, чем ожидалось прежде.\n"
         "Ранее Сергеев и Каримов провели переговоры.\n",
         (("Арман Сергеев", "Сергеев"), ("Бахтиёр Каримов", "Каримов")),
         "Сергеев и Каримов провели переговоры."),
    ],
)
def test_the_lede_says_what_happened(text, people, expected):
    assert lede(text, *people) == expected
