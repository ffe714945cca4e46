"""Third-person rewriting: frames dropped, "we/our/I" resolved, first-person verbs in the third person."""
from __future__ import annotations

import pytest

from briefgen.digest.rewrite import Voice, drop_frames, first_person, third_person

MINISTER = Voice("Сергеев", "Казахстан")
NOBODY = Voice()


@pytest.mark.parametrize(
    "text, voice, expected",
    [
        ("Подпишем меморандум о сотрудничестве в энергетике.", MINISTER, "Стороны подпишут меморандум о сотрудничестве в энергетике."),
        ("Откроем консульство в Самарканде.", MINISTER, "Казахстан откроет консульство в Самарканде."),
        ("Мы построим новый терминал.", MINISTER, "Казахстан построит новый терминал."),
        ("Откроем консульство в Самарканде.", NOBODY, "Стороны откроют консульство в Самарканде."),
        ("Мы договорились о строительстве моста.", MINISTER, "Стороны договорились о строительстве моста."),
        ("У нас есть двадцать общих проектов.", MINISTER, "У сторон есть двадцать общих проектов."),
        ("Нам предстоит расширить поставки зерна.", MINISTER, "Сторонам предстоит расширить поставки зерна."),
        ("Наше партнерство развивается динамично.", MINISTER, "Партнерство двух стран развивается динамично."),
        ("Наши страны связывает давняя дружба.", MINISTER, "Две страны связывает давняя дружба."),
        ("Наши страны придаём значение торговле.", MINISTER, "Две страны придают значение торговле."),
        ("В нашей стране растет производство.", MINISTER, "В Казахстане растет производство."),
        ("Торговля между нашими странами выросла.", MINISTER, "Торговля между двумя странами выросла."),  # each case its phrase
        ("Это выгодно нашим странам.", MINISTER, "Это выгодно двум странам."),
        ("В наших странах растет спрос.", MINISTER, "В двух странах растет спрос."),
        ("Граница с нашей страной открыта.", MINISTER, "Граница с Казахстаном открыта."),
        ("Наша страна ценит дружбу.", NOBODY, "Страна выступающего ценит дружбу."),
        ("В нашей стране открылся завод.", NOBODY, "В стране выступающего открылся завод."),  # no gender assumed
        ("Мы слушаем наших партнеров.", Voice("Орлов", "Российская Федерация"), "Российская Федерация слушает партнеров Российской Федерации."),
        ("Я уверен в успехе проекта.", MINISTER, "Сергеев уверен в успехе проекта."),
        ("Полагаю, что тариф следует снизить.", MINISTER, "Тариф следует снизить."),
        ("В этой связи важно ускорить работу комиссии.", MINISTER, "Важно ускорить работу комиссии."),
        ("Кроме того, министры обсудили туризм.", NOBODY, "Министры обсудили туризм."),
        ("Ранее главы правительств провели встречу.", NOBODY, "Главы правительств провели встречу."),
    ],
)
def test_russian(text, voice, expected):
    assert third_person(text, voice, "ru") == expected


@pytest.mark.parametrize(
    "text, voice, expected",
    [
        ("We will open a trade office in Almaty.", Voice("Smith", "Canada"), "Canada will open a trade office in Almaty."),
        ("We are ready to expand flights.", Voice("Smith", "Canada"), "The sides are ready to expand flights."),
        ("Our cooperation keeps growing.", Voice("Smith", "Canada"), "The two countries' cooperation keeps growing."),
        ("I am glad to welcome the delegation.", Voice("Smith", "Canada"), "Smith is glad to welcome the delegation."),
        ("I believe that tariffs should fall.", Voice("Smith", "Canada"), "Tariffs should fall."),
        ("Moreover, the ministers discussed tourism.", Voice(), "The ministers discussed tourism."),
        ("Earlier, the ministers held talks in Rome.", Voice(), "The ministers held talks in Rome."),
        ("Exports reached US$ 5 million, and the US welcomed it.", Voice(), "Exports reached USD 5 million, and the U.S. welcomed it."),
    ],
)
def test_english(text, voice, expected):
    assert third_person(text, voice, "en") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Мы подписали план.", True),
        ("Министр подписал план.", False),
        ("Наш ответ готов.", True),
        ("Our plan is ready.", True),
        ("The plan is ready.", False),
        ("Мышь", False),
    ],
)
def test_first_person(text, expected):
    assert first_person(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Таким образом, план утвержден.", "План утвержден."),
        ("Считаю, что план утвержден.", "План утвержден."),
        ("План утвержден.", "План утвержден."),
        ("Также", "Также"),  # a frame that is the whole sentence stays
    ],
)
def test_drop_frames(text, expected):
    assert drop_frames(text, "ru") == expected
