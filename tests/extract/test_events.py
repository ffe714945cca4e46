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
    ],
)
def test_event_names(text, name):
    found = event(text)
    assert (found.name if found else None) == name


def test_the_place_the_event_happened():
    found = event("Переговоры министров иностранных дел прошли в Белграде.")
    assert found.name == "Переговоры министров иностранных дел" and found.place == "Белград"
