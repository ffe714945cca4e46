"""Figure labels: nominative, without numbers, saying "number" or "value" where the measure does not."""
from __future__ import annotations

import pytest

from briefgen.digest.measures import label, nominative, short
from briefgen.model import Figure


def figure(kind: str, measure: str | None = None, text: str = "5") -> Figure:
    return Figure(0, len(text), text, kind, measure=measure)


@pytest.mark.parametrize(
    "kind, measure, expected",
    [
        ("count", "совместных предприятий", "Совместные предприятия: число"),
        ("money", "совместных предприятий", "Совместные предприятия: стоимость"),
        ("money", "стоимость 12 новых заводов", "Стоимость новых заводов"),
        ("money", "взаимного товарооборота", "Взаимный товарооборот"),
        ("count", "филиалами", "Филиалы: число"),
        ("percent", None, "Доля"),
        ("money", "на сумму", "Сумма"),
    ],
)
def test_label_from_the_measure(kind, measure, expected):
    assert label(figure(kind, measure), "", 0, "ru") == expected


@pytest.mark.parametrize(
    "sentence, item, kind, expected",
    [
        ("Экспорт зерна в прошлом году составил 4 млрд рублей.", "4 млрд рублей", "money", "Экспорт зерна"),
        ("В области работают 40 совместных предприятий.", "40", "count", "Совместные предприятия: число"),
        ("Планируется довести до 3 млрд долларов объем инвестиций.", "3 млрд долларов", "money", "Объем инвестиций"),
        ("Соглашение на 5 млрд рублей подписано.", "5 млрд рублей", "money", "Соглашение: стоимость"),
        ("Соглашения на 5 млрд рублей подписаны.", "5 млрд рублей", "money", "Соглашение: стоимость"),
        ("Trade reached USD 2 bn.", "USD 2 bn", "money", "Amount"),
    ],
)
def test_label_from_the_sentence(sentence, item, kind, expected):
    at = sentence.index(item)
    f = Figure(at, at + len(item), item, kind)
    assert label(f, sentence, 0, "en" if sentence.isascii() else "ru") == expected


def test_added_words_follow_the_label_language():
    assert label(figure("count", "совместных предприятий"), "", 0, "ru", "en") == "Совместные предприятия: number"
    assert label(figure("percent"), "", 0, "ru", "en") == "Share"


@pytest.mark.parametrize(
    "words, expected",
    [
        (["новых", "рабочих", "мест"], ["новые", "рабочие", "места"]),
        (["крупного", "проекта"], ["крупный", "проект"]),
        (["экспорт", "нефти"], ["экспорт", "нефти"]),
    ],
)
def test_nominative(words, expected):
    assert nominative(words, "ru") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Совместные проекты: число", "Совместные проекты: число"),
        ("Объем прямых иностранных инвестиций в экономику", "Объем прямых иностранных инвестиций"),
        ("Объем прямых инвестиций в экономику области: стоимость", "Объем прямых инвестиций: стоимость"),
        ("Строительство новых дорог и мостов", "Строительство новых дорог"),
    ],
)
def test_short_labels_have_at_most_four_words(text, expected):
    assert short(text) == expected and len(short(text).split()) <= 4
