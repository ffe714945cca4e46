"""Deadlines: a preposition, modifiers or numbers, and a unit of time (or a year); never past time or a rate."""
from __future__ import annotations

import pytest

from briefgen import data
from briefgen.extract.deadlines import Deadlines
from briefgen.lang.words import words_of


def deadline(text: str, lang: str = "ru", since: int | None = None) -> str | None:
    return Deadlines(data.load("commitments")["deadlines"][lang]).find(words_of(text), text, since)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("удвоить оборот к 2030 году", "к 2030 году"),
        ("завершить сделку до конца этого года", "до конца этого года"),
        ("запустить портал в 2026 году", "в 2026 году"),
        ("принять программу на 2026–2030 годы", "на 2026–2030 годы"),
        ("перейти на выпуск через пять лет", "через пять лет"),
        ("прибыть в столицу на этой неделе", "на этой неделе"),
        ("открыть школы в ближайшие три года", "в ближайшие три года"),
        ("изучить вопрос в месячный срок", "в месячный срок"),
        ("провести форум в течение года", "в течение года"),
        ("на первые пять лет, а за десять лет вдвое", "на первые пять лет; за десять лет"),
    ],
)
def test_deadline_forms(text, expected):
    assert deadline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "оборот вырос в прошлом году",
        "выпускать 250 тысяч машин в год",
        "инвестировать до 10 млрд долларов",
        "в настоящее время компания работает",
        "в первую очередь будут собираться машины",
    ],
)
def test_not_a_deadline(text):
    assert deadline(text) is None


def test_english_deadline():
    assert deadline("double trade within five years", "en") == "within five years"


def test_a_year_before_publication_dates_an_event_not_a_deadline():
    assert deadline("в 2016 году согласилась выплатить штраф", since=2020) is None
    assert deadline("согласилась выплатить штраф в 2026 году", since=2025) == "в 2026 году"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a date with no preposition: a day (or days) and a month, or a month and a day
        ("саммит пройдет 12 мая в Казани", "ru", "12 мая"),
        ("визит запланирован на 14-15 июня 2027 года", "ru", "на 14-15 июня 2027 года"),
        ("заседание запланировано 3–4 марта", "ru", "3–4 марта"),
        ("the minister will travel on Friday, June 6, to Rome", "en", "June 6"),
        # a number of things is no day
        ("поставить 40 тонн зерна", "ru", None),
    ],
)
def test_a_date_without_a_preposition_is_a_deadline(text, lang, expected):
    assert deadline(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("подготовить к маю соглашение", "ru", "к маю"),
        ("поставить в будущем году", "ru", "в будущем году"),
        ("провести форум в первой половине 2027 года", "ru", "в первой половине 2027 года"),
        ("to double investment by 2031", "en", "by 2031"),
        ("to launch flights in 2027 and", "en", "in 2027"),
        ("to open a centre this year", "en", "this year"),
        ("to buy more gas from 2027", "en", "from 2027"),
        ("применять тариф с 1 января 2027 года", "ru", "с 1 января 2027 года"),
        ("провести заседание в первом квартале 2027 года", "ru", "в первом квартале 2027 года"),
        ("торговать с 15 странами", "ru", None),  # a count, no time
    ],
)
def test_a_month_a_year_or_a_half_year_after_a_preposition(text, lang, expected):
    assert deadline(text, lang) == expected
