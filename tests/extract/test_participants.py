"""Participants: the people who speak or act in the event, once each; not everyone mentioned."""
from __future__ import annotations

import pytest

from briefgen.extract import extract_brief
from briefgen.source import source_from_text


def participants(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in extract_brief(source_from_text(text)).participants]


@pytest.mark.parametrize(
    "text, expected",
    [
        # one entry however the text names them: case forms, vocative first name + patronymic, surname alone
        (
            "Иван Козлов поблагодарил губернатора Олега Смирнова. «Уважаемый Олег Петрович, спасибо за прием», — сказал он. "
            "Позже Смирнов показал гостям город.",
            [("Иван Козлов", None), ("Олег Смирнов", "Губернатор")],
        ),
        # initials and the full name are one person
        ("О.Смирнов открыл заседание.\n\nОлег Смирнов предложил повестку.", [("Олег Смирнов", None)]),
        # a female surname stays female, and a man of the same surname is someone else
        ("Министр Анна Смирнова и губернатор Олег Смирнов подписали соглашение. Смирнову поблагодарили.",
         [("Анна Смирнова", "Министр"), ("Олег Смирнов", "Губернатор")]),
        # the one the subject met is taking part
        ("Президент Сербии Милан Петрович провел переговоры с президентом Хорватии Иваном Новаком.",
         [("Милан Петрович", "Президент Сербии"), ("Иван Новак", "Президент Хорватии")]),
        # the one whose talks with someone the text reports is taking part too
        ("Состоялся телефонный разговор Олега Смирнова с президентом Хорватии Иваном Новаком.",
         [("Олег Смирнов", None), ("Иван Новак", "Президент Хорватии")]),
        # a counterpart holds the office of the one named before, of the country the adjective names
        ("Президент Сербии Милан Петрович провел переговоры в Белграде со своим хорватским коллегой Иваном Новаком "
         "о сотрудничестве Сербии и Хорватии.",
         [("Милан Петрович", "Президент Сербии"), ("Иван Новак", "Хорватский президент")]),
        # a plural title of two places gives each name its own
        ("Президенты Сербии и Хорватии Милан Петрович и Иван Новак подписали соглашение.",
         [("Милан Петрович", "Президент Сербии"), ("Иван Новак", "Президент Хорватии")]),
        # the guest a verb of receiving names
        ("Премьер-министр Олег Смирнов принял посла Чили Педро Гонсалеса.",
         [("Олег Смирнов", "Премьер-министр"), ("Педро Гонсалес", "Посол Чили")]),
        # both sides of a meeting named in the genitive, joined by "и"
        ("Состоялась встреча президента Сербии Милана Петровича и президента Хорватии Ивана Новака.",
         [("Милан Петрович", "Президент Сербии"), ("Иван Новак", "Президент Хорватии")]),
    ],
)
def test_participants_one_entry_each(text, expected):
    assert participants(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the recipient of a letter, someone only referred to, someone named only inside a quotation
        ("Олег Смирнов передал письмо президенту Хорватии Ивану Новаку.", [("Олег Смирнов", None)]),
        ("Олег Смирнов прибыл в город в день визита министра Ивана Козлова.", [("Олег Смирнов", None)]),
        ("Олег Смирнов выступил. «Как говорил Иван Козлов, работа не ждет», — сказал он.", [("Олег Смирнов", None)]),
        # someone acting in a sentence about earlier events
        ("Олег Смирнов открыл мост. Ранее Иван Козлов заявил о планах ремонта.", [("Олег Смирнов", None)]),
        ("Foreign Minister Pedro Soto opened the bridge. Earlier, Mayor Ana Ruiz said the works would end soon.",
         [("Pedro Soto", "Foreign Minister")]),
        # whoever a photo or a report is credited to
        ("Фото: АГЕНТСТВО/Анна Петрова\n\nОлег Смирнов открыл мост.", [("Олег Смирнов", None)]),
        ("Олег Смирнов открыл мост. Подробности узнал корреспондент «Вестей» Иван Козлов.", [("Олег Смирнов", None)]),
        # a title the NER took for a name
        ("Губернатор Олег Смирнов открыл мост. Экс-губернатор приехал тоже.", [("Олег Смирнов", "Губернатор")]),
    ],
)
def test_mentioned_only_people_are_not_participants(text, expected):
    assert participants(text) == expected


def test_english_titles_with_where_they_are_held_introduce_the_people_who_take_part():
    text = "Minister of Foreign Affairs of Chile Pedro Soto received Ambassador of Peru to Chile Ana Torres."
    brief = extract_brief(source_from_text(text))
    assert [(p.name, p.role) for p in brief.participants] == [
        ("Pedro Soto", "Minister of Foreign Affairs of Chile"), ("Ana Torres", "Ambassador of Peru to Chile")
    ]


def test_in_a_short_text_one_mention_of_a_surname_acting_is_enough():
    # "Токаев" the dictionary knows only as a plural of a noun: still a name
    assert ("Токаев", None) in participants("Токаев принял Вебера. Обсуждены вопросы торговли.")


def test_the_visitor_whose_visit_brings_the_sides_together_takes_part():
    text = "Завершился визит президента Сербии Милана Петровича в Хорватию, где он провел переговоры с Иваном Новаком."
    assert [n for n, _ in participants(text)] == ["Милан Петрович", "Иван Новак"]


def test_a_title_the_text_opens_with_is_the_role_of_the_first_person_introduced_with_such_a_title():
    text = "Тульский губернатор открыл мост\n\nВ Тульской области губернатор Иван Козлов открыл новый мост."
    assert participants(text) == [("Иван Козлов", "Тульский губернатор")]


def test_a_title_with_a_footnote_mark_still_introduces_the_name():
    text = "Город посетила делегация во главе с хокимом* Ферганской области Иваном Козловым."
    assert participants(text) == [("Иван Козлов", "Хоким Ферганской области")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name set off by commas after its title; a name with accented letters the NER takes for an organisation
        ("Foreign Minister Ana Ruiz and her Chilean counterpart, José Núñez, held talks in Lima.",
         [("Ana Ruiz", "Foreign Minister"), ("José Núñez", "Chilean Foreign Minister")]),
        ("Talks began. Later the Prime Minister of Chile, José Núñez, arrived.", [("José Núñez", "Prime Minister of Chile")]),
        # "U.S." before a title is an abbreviation, not initials
        ("U.S. Special Envoy Mark Hill met the press.", [("Mark Hill", "Special Envoy")]),
        # a title the NER ran into the name is no part of it
        ("Serbian President Milan Petrovic hosted his Croatian counterpart Ivan Novak.",
         [("Milan Petrovic", "Serbian President"), ("Ivan Novak", "Croatian President")]),
    ],
)
def test_english_names_set_off_after_their_titles(text, expected):
    assert participants(text) == expected


def test_the_seed_participants_are_the_two_presidents_in_the_nominative(seed_brief):
    assert [(p.name, p.role) for p in seed_brief.participants] == [
        ("Касым-Жомарт Токаев", "Президент Казахстана"),
        ("Шавкат Мирзиёев", "Президент Узбекистана"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Президент Сербии Милан Петрович прибыл в Загреб.", [("Милан Петрович", "Сербия")]),
        ("Губернатор Тульской области Иван Козлов открыл мост.", [("Иван Козлов", "Тульская область")]),
        ("Министр иностранных дел Республики Сербии Милан Петрович прибыл.", [("Милан Петрович", "Республика Сербия")]),
        ("Министр иностранных дел Российской Федерации Олег Смирнов прибыл.", [("Олег Смирнов", "Российская Федерация")]),
        # an adjective's place, as the text names it
        ("В Сербию прибыл сербский лидер Милан Петрович.", [("Милан Петрович", "Сербия")]),
        # no place, no party
        ("Губернатор Иван Козлов открыл мост.", [("Иван Козлов", None)]),
        ("Prime Minister of Chile Pedro Soto arrived.", [("Pedro Soto", "Chile")]),
        ("Press Secretary of the Chilean president Ana Ruiz spoke on Chile's behalf.", [("Ana Ruiz", "Chile")]),
        ("Chilean President Pedro Soto visited Chile's neighbours.", [("Pedro Soto", "Chile")]),
        ("US President Pedro Soto spoke.", [("Pedro Soto", "US")]),
        # an honorific between a title and a name is neither the title's nor the name's
        ("Prime Minister of Chile Mr Pedro Soto arrived.", [("Pedro Soto", "Chile")]),
    ],
)
def test_the_country_or_body_a_participant_acts_for(text, expected):
    assert [(p.name, p.party) for p in extract_brief(source_from_text(text)).participants] == expected
