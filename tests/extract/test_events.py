"""Event names composed from what the text says: meeting noun, ordinal, body, sides, destination."""
from __future__ import annotations

import pytest

from briefgen.document import analyse
from briefgen.extract import events, roles


def event(text: str) -> events.Event | None:
    doc = analyse(text)
    return events.event(doc, "ru", roles.roles(doc, "ru"))


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "На заседании обсудили торговлю. Президент Сербии и президент Хорватии выступили. "
            "«На втором заседании Совета сотрудничества мы подводим итоги», — сказал он. "
            "Совет сотрудничества создан в прошлом году.",
            "Второе заседание Совета сотрудничества Сербии и Хорватии",
        ),
        ("Участники Уральского экономического форума обсудили инвестиции.", "Уральский экономический форум"),
        ("Накануне визита главы правительства в Минск стороны подготовили документы.", "Визит главы правительства в Минск"),
        ("Стороны провели встречу. Обсуждались вопросы торговли.", None),  # a bare noun names no event
        ("Стороны обсудили торговлю.", None),
        ("Состоялся телефонный разговор президентов. Обсуждались вопросы торговли.", "Телефонный разговор президентов"),
        # a headline's event takes no destination from the next line
        ("Российско-чилийские переговоры\n\nВ Кремле прошла встреча президентов.", "Российско-чилийские переговоры"),
        # a name is not cut in two: "визита Ивана" names no event
        ("В ходе визита Ивана Козлова подписаны документы.", None),
    ],
)
def test_event_names(text, name):
    found = event(text)
    assert (found.name if found else None) == name


def test_the_place_the_event_happened():
    found = event("Переговоры министров иностранных дел прошли в Белграде.")
    assert found is not None
    assert found.name == "Переговоры министров иностранных дел" and found.place == "Белград"


def test_a_meeting_the_sides_agree_to_hold_is_not_the_event_reported():
    text = "Министры провели переговоры. Стороны договорились провести очередное заседание комиссии в Сеуле."
    doc = analyse(text)
    planned = [(text.index("договорились"), len(text))]
    assert events.event(doc, "ru", roles.roles(doc, "ru"), planned) is None
    found = events.event(doc, "ru", roles.roles(doc, "ru"))
    assert found is not None and found.name == "Очередное заседание комиссии в Сеуле"


def test_a_place_of_several_words_is_named_whole():
    found = event("Визит в Республику Чили начался. Переговоры прошли в Республике Чили.")
    assert found is not None
    assert found.place == "Республика Чили"
