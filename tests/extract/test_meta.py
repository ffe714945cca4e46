"""Source metadata: publisher credits, stated dates, headline titles, language."""
from __future__ import annotations

import pytest

from briefgen.extract import extract_brief, meta
from briefgen.source import source_from_text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Стороны обсудили торговлю, сообщает Kazinform.", "Kazinform"),
        ("Стороны обсудили торговлю, сообщает news.uz.", "news.uz"),
        ("«Мы готовы», — сказал министр, которого цитирует «Интерфакс».", "Интерфакс"),
        ("Об этом пишет газета «Коммерсант».", "Коммерсант"),
        ("Об этом он сказал в интервью Русской службе «Би-би-си».", "Би-би-си"),
        ("По данным газеты, протестующие собрались у посольства.", None),
        ("Одна из групп, уточняет газета «Труд», пришла к посольству.", None),  # credited for a detail only
        ("Министр сообщил, что работа завершена.", None),  # a person reporting is no outlet
        # an agency's dateline
        ("МИНСК, 3 марта. /БЕЛТА/. Стороны обсудили торговлю.", "БЕЛТА"),
        ("БИШКЕК. 7 мая. КАБАР - Стороны обсудили торговлю.", "КАБАР"),
        ("КАЗАНЬ, 12 апр — РИА Новости. Стороны обсудили торговлю.", "РИА Новости"),
        ("ANKARA, May 5 (Anadolu) - The sides discussed trade.", "Anadolu"),
        ("BAKU (AP) — The sides discussed trade.", "AP"),
        ("США. Власти страны сообщили о новых пошлинах - и только.", None),  # a capitalised word is no dateline
        ("Казань. 3 марта. ИНТЕРФАКС - Стороны обсудили торговлю.", "ИНТЕРФАКС"),
        ("Казань. 3 марта. NEWS.RU - Стороны обсудили торговлю.", "NEWS.RU"),
        # past tense: only with the outlet's noun
        ("Об этом сообщило агентство Kabar.", "Kabar"),
        ("Об этом сообщило агенство Kabar.", "Kabar"),  # as real texts misspell it
        ("Об этом сообщил министр Козлов.", None),
        # an agency between slashes, a source line, an agency in brackets closing a paragraph, a forwarded post
        ("Ulaanbaatar /MONTSAME/ The sides discussed trade.", "MONTSAME"),
        ("Стороны обсудили торговлю.\n\nИсточник: https://news.example.ru/", "news.example.ru"),
        ("Стороны обсудили торговлю. (Anadolu)\n\nДругое.", "Anadolu"),
        ("Forwarded from Вести Кузбасса\nСтороны обсудили торговлю.", "Вести Кузбасса"),
        ("Подробности узнал корреспондент «Вестей».", "Вестей"),
        # an outlet named right after the interview cue, and the one a correspondent works for
        ("Об этом посол рассказал в интервью Sputnik Узбекистан.", "Sputnik Узбекистан"),
        ("В форуме участвуют 300 компаний, передает корреспондент Trend.", "Trend"),
        ("Об этом посол рассказал корреспонденту Kazinform.", "Kazinform"),
        ("Президент принял делегацию, сообщает пресс-служба Акорды.", "Акорды"),
    ],
)
def test_the_outlet_a_text_credits(text, expected):
    assert meta.publisher(text, "ru") == expected


def test_a_person_credited_is_no_outlet():
    assert meta.publisher("«Начало положено», — пишет Олег Смирнов.", "ru", frozenset({"Олег Смирнов"})) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Соглашение подписано 15 марта 2024 года в Астане.", "2024-03-15"),
        ("Документ от 03.02.2023 вступил в силу.", "2023-02-03"),
        ("11:05 03/02/2023 Документ вступил в силу.", "2023-02-03"),
        ("Встреча прошла 7 февраля.", None),  # no year: not a date to report
        ("Встреча прошла 31 февраля 2024 года.", None),  # no such day
    ],
)
def test_a_full_date_stated_in_the_text(text, expected):
    assert meta.stated_date(text, "ru") == expected


def test_english_data_sources_are_no_outlet():
    assert meta.publisher("Trade rose 9%, according to Kazakh customs data.", "en") is None


def test_the_date_marker_wins_over_a_date_in_the_text():
    brief = extract_brief(source_from_text("date 2025-01-10\nСоглашение подписано 15 марта 2024 года."))
    assert brief.source.date == "2025-01-10"


def test_without_a_headline_the_title_is_the_event():
    text = (
        "Президент Сербии Милан Петрович провел переговоры с президентом Хорватии Иваном Новаком. "
        "На втором заседании стороны обсудили торговлю."
    )
    brief = extract_brief(source_from_text(text))
    assert brief.source.title == brief.event == "Переговоры Сербии и Хорватии"


def test_language():
    assert extract_brief(source_from_text("Стороны обсудили торговлю.")).source.language == "ru"
    assert extract_brief(source_from_text("The sides discussed trade.")).source.language == "en"
