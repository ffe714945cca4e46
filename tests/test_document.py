"""The Document: sentences (headings and datelines apart), and entities within one line."""
from __future__ import annotations

import pytest

from briefgen.document import DATELINE, analyse, headline, is_heading


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Цифровая экономика", True),
        ("Строительство и модернизация железных дорог", True),
        ("Министры обсудили вопросы таможни.", False),
        ("По словам министра, важным направлением остается сотрудничество в области энергетики и водных ресурсов", False),
        ("— Начнем с бюджета", False),
    ],
)
def test_heading_is_a_short_line_without_final_punctuation(text, heading):
    assert is_heading(text) is heading


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("МИНСК, 3 марта. /БЕЛТА/. Министры обсудили торговлю.", "Министры обсудили торговлю."),
        ("BAKU, May 5 (Trend) - The ministers discussed trade.", "The ministers discussed trade."),
        ("БИШКЕК. 7 мая. КАБАР - Министры обсудили торговлю.", "Министры обсудили торговлю."),
        ("США. Власти страны обсудили торговлю.", "США."),  # a capitalised word is no dateline
    ],
)
def test_a_dateline_is_no_part_of_the_first_sentence(text, first):
    assert analyse(text).sentences[0].text == first


def test_an_entity_never_runs_from_one_line_into_the_next():
    doc = analyse("Президент Сербии провел переговоры с Президентом Хорватии Иваном Новаком\n\nСегодня стороны обсудили торговлю.")
    assert all("\n" not in e.text for e in doc.entities)
    assert any(e.text.startswith("Иван") for e in doc.entities if e.type == "PER")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Сербия и Хорватия подписали соглашение\n\nСтороны обсудили торговлю.", "Сербия и Хорватия подписали соглашение"),
        ("Стороны обсудили торговлю и туризм.\n\nПодписан ряд документов.", None),  # a sentence, not a headline
        ("Сербия и Хорватия подписали соглашение", None),  # nothing below it
    ],
)
def test_the_first_line_is_a_headline_when_short_and_without_a_full_stop(text, expected):
    assert headline(analyse(text)) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Стороны подписали 3 соглашения.", ["Стороны", "подписали", "соглашения"]),
        ("date 2025-03-01\nМинистр прибыл в Ташкент.", ["Министр", "прибыл", "в", "Ташкент"]),  # the marker is no word
        ("«Да», — сказал он.", ["Да", "сказал", "он"]),
    ],
)
def test_words_are_the_body_tokens_that_are_words(text, words):
    assert [t.text for t in analyse(text).words()] == words


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("АҚТӨБЕ, 4 июня. /ТАСС/. Стороны подписали соглашение.", "ТАСС"),  # a Kazakh place name in capitals
        ("ТАШКЕНТ, 4 июня. /ЎзА/. Стороны подписали соглашение.", "ЎзА"),  # an Uzbek agency
    ],
)
def test_a_dateline_takes_the_letters_of_central_asian_names(text, agency):
    m = DATELINE.match(text)
    assert m is not None and next(g for g in m.groups() if g) == agency
