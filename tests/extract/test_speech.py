"""Direct speech units: every quotation convention, nesting, dash speech, split quotations, turns, names."""
from __future__ import annotations

import pytest

from briefgen.document import analyse
from briefgen.extract import speech


def parts(text: str) -> list[list[str]]:
    """The text of each unit's parts."""
    return [[p.text for p in u.parts] for u in speech.find(analyse(text), "ru")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Мэр Олег Смирнов выступил. «Парк откроется летом», — сказал он.", [["Парк откроется летом"]]),
        ('Мэр Олег Смирнов выступил. "Парк откроется летом", — сказал он.', [["Парк откроется летом"]]),
        ("Мэр Олег Смирнов выступил. „Парк откроется летом“, — сказал он.", [["Парк откроется летом"]]),
        ("Мэр Олег Смирнов выступил. “Парк откроется летом”, — сказал он.", [["Парк откроется летом"]]),
        ("Мэр Олег Смирнов выступил. «Парк откроется летом», - сказал он.", [["Парк откроется летом"]]),
        ("Мэр Олег Смирнов выступил. «Парк откроется летом», сказал он.", [["Парк откроется летом"]]),
    ],
)
def test_each_quotation_mark_convention(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Глава завода выступил. «Мы построим цех «Север» к весне», — сказал он.", ["Мы построим цех «Север» к весне"]),
        ('Глава завода выступил. "Мы построим цех "Север"", — сказал он.', ['Мы построим цех "Север"']),
        ('Глава завода выступил. «Мы построим цех "Север"», — сказал он.', ['Мы построим цех "Север"']),
    ],
)
def test_nested_quotes_and_the_straight_quote_that_closes_both(text, expected):
    assert parts(text) == [expected]


def test_a_quotation_split_by_its_attribution_is_one_unit_of_two_parts():
    text = "Олег Смирнов открыл парк. «Это большой день для города, — сказал Олег Смирнов. — Мы продолжим работу»."
    (unit,) = speech.find(analyse(text), "ru")
    assert [p.text for p in unit.parts] == ["Это большой день для города", "Мы продолжим работу"]
    assert unit.attribution is not None and unit.attribution.text == "сказал Олег Смирнов"


def test_a_dash_inside_the_quotation_without_a_verb_of_saying_does_not_split_it():
    text = "Олег Смирнов открыл парк. «Парк, — главное событие года, — откроется летом», — сказал он."
    assert parts(text) == [["Парк, — главное событие года, — откроется летом"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Олег Смирнов открыл парк.\n\n— Работы завершены, — отметил он. — Парк открыт для всех.",
         [["Работы завершены", "Парк открыт для всех."]]),
        ("Олег Смирнов заявил:\n\n— Работы завершены в срок.", [["Работы завершены в срок."]]),
        ("Стороны договорились о следующем:\n\n— развитие торговли;\n\n— рост инвестиций.", []),
        # a paragraph of speech printed without its dash, its attribution inside it
        ("Мэр Олег Смирнов выступил.\n\nПарк откроется летом этого года, — сказал мэр.", [["Парк откроется летом этого года"]]),
        ("Мэр Олег Смирнов выступил.\n\nПарк откроется этим летом, — сказал мэр. — Вход будет свободным.",
         [["Парк откроется этим летом", "Вход будет свободным."]]),
        # not a paragraph whose dash joins no verb of saying, nor one with its own quotation marks
        ("Мэр Олег Смирнов выступил.\n\nПарк откроется летом этого года, — и это главное.", []),
    ],
)
def test_dash_speech_and_dash_lists(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("В.Петров: Давайте начнем работу.\n\nИ.Сидоров: Спасибо, все готово.",
         [("В.Петров", "Давайте начнем работу."), ("И.Сидоров", "Спасибо, все готово.")]),
        ("Ведущий: Как прошли переговоры?\n\nОлег Смирнов: Переговоры прошли хорошо.\n\nВедущий: Спасибо!",
         [("Ведущий", "Как прошли переговоры?"), ("Олег Смирнов", "Переговоры прошли хорошо."), ("Ведущий", "Спасибо!")]),
        ("Итоги: работа завершена в срок.", []),
        # a remark in brackets is no part of the label; a capitalised name is a name whatever else it reads as
        ("В.Петров: Добро пожаловать.\n\nТхонглун Сисулит (как переведено): Спасибо.",
         [("В.Петров", "Добро пожаловать."), ("Тхонглун Сисулит", "Спасибо.")]),
        # nor is a headline "Name — to whom: claim", wherever it stands
        ("Меню\n\nПетров — Сидорову: бюджет сверстан\n\nПетров отчитался о бюджете.", []),
        # a headline "Name: claim" tells what the text reports, it is no turn
        ("Петров: завод откроется в 2027 году\n\nВ.Петров: Завод откроется в срок.\n\nИ.Сидоров: Хорошо.",
         [("В.Петров", "Завод откроется в срок."), ("И.Сидоров", "Хорошо.")]),
        # a turn of several paragraphs runs up to the next turn
        ("В.Петров: Коллеги, добрый день!\n\nНачнем с бюджета.\n\nИ.Сидоров: Бюджет готов.",
         [("В.Петров", "Коллеги, добрый день!\n\nНачнем с бюджета."), ("И.Сидоров", "Бюджет готов.")]),
        # and after the last turn, only in a transcript whose turns run on elsewhere
        ("В.Петров: Начнем.\n\nИ.Сидоров: Бюджет готов.\n\nПосле совещания министры уехали.",
         [("В.Петров", "Начнем."), ("И.Сидоров", "Бюджет готов.")]),
        ("В.Петров: Коллеги!\n\nНачнем.\n\nИ.Сидоров: Бюджет готов.\n\nРасходы сокращены.",
         [("В.Петров", "Коллеги!\n\nНачнем."), ("И.Сидоров", "Бюджет готов.\n\nРасходы сокращены.")]),
        # a section heading ends the turn
        ("В.Петров: Коллеги!\n\nНачнем.\n\nИ.Сидоров: Бюджет готов.\n\nНовые планы\n\nГород строит мост.",
         [("В.Петров", "Коллеги!\n\nНачнем."), ("И.Сидоров", "Бюджет готов.")]),
    ],
)
def test_transcript_turns_one_unit_per_turn(text, expected):
    units = speech.find(analyse(text), "ru")
    assert [(u.label.text if u.label else None, u.parts[0].text) for u in units] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Компания «Северсталь» увеличила выпуск стали.",
        "Острова, называемые в Японии «северными территориями», остаются предметом спора.",
        "Рабочие собрались у офиса, требуя вернуть «старые правила».",
        "Олег Смирнов дал интервью газете «Деловой Петербург».",
        "Олег Смирнов заявил, что вопрос решен в рамках программы «Цифровой регион».",
        "Министр назвал это решение «ошибкой».",
        # a name with a dash inside a sentence the attribution belongs to
        "Стороны подписали соглашение о строительстве перехода «Бахты — Чугучак», сообщил министр.",
    ],
)
def test_names_and_single_words_in_quotation_marks_are_not_speech(text):
    assert parts(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Олег Смирнов назвал решение «большой ошибкой».", "большой ошибкой"),
        ("Олег Смирнов заявил, что цены носят «явно завышенный характер».", "явно завышенный характер"),
        ("Олег Смирнов рассказал о городе: «Парк откроется летом».", "Парк откроется летом"),
        ("Олег Смирнов выступил на форуме.\n\n«Парк откроется летом, а стадион — осенью».",
         "Парк откроется летом, а стадион — осенью"),
    ],
)
def test_quoted_phrases_a_verb_of_saying_governs_and_quotations_standing_alone(text, expected):
    assert parts(text) == [[expected]]


def test_a_quotation_running_over_two_paragraphs():
    text = "Олег Смирнов выступил.\n\n«Парк откроется летом.\n\n«Стадион откроется осенью», — сказал он."
    assert parts(text) == [["Парк откроется летом."], ["Стадион откроется осенью"]]
