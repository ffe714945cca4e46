"""People: names read into the nominative, one person however the text names them."""
from __future__ import annotations

import pytest

from briefgen.document import analyse
from briefgen.extract import Context, people, roles
from briefgen.model import Source, Span
from briefgen.source import source_from_text


def read(text: str) -> str:
    reading = people.read_name(Span(0, len(text), text))
    assert reading is not None
    return reading.name


def persons(text: str) -> list[tuple[str, str | None, int]]:
    """(name, role, number of mentions) of each person the text names."""

    ctx = Context(source=source_from_text(text), doc=analyse(text))
    ctx.roles = roles.find(ctx)
    return [(p.name, p.role, len(p.mentions)) for p in people.find(ctx)]


@pytest.mark.parametrize(
    "mention, nominative",
    [
        ("Касым-Жомарт Токаев", "Касым-Жомарт Токаев"),  # a hyphenated first name stays as it is
        ("Касым-Жомарту Токаеву", "Касым-Жомарт Токаев"),
        ("Касым-Жомарта Токаева", "Касым-Жомарт Токаев"),
        ("Шавкату Мирзиёеву", "Шавкат Мирзиёев"),
        ("Реджепом Эрдоганом", "Реджеп Эрдоган"),
        ("Виктором Януковичем", "Виктор Янукович"),
        ("Романа Коноплева", "Роман Коноплев"),
        ("Анной Медведевой", "Анна Медведева"),  # a female surname stays female
        ("Анну Медведеву", "Анна Медведева"),
        ("Ольгой Голодец", "Ольга Голодец"),  # and does not decline
        ("Альберто Фухимори", "Альберто Фухимори"),  # indeclinable
        ("В.Путин", "В.Путин"),
        ("Айгерим Сейтказина", "Айгерим Сейтказина"),  # an indeclinable female first name keeps the surname female
        ("Динарой Абдуллаевой", "Динара Абдуллаева"),
        # a man's first name that reads first as a woman's or a thing's ("Милана", "Милан" the city)
        ("Милана Петровича", "Милан Петрович"),
        ("Милане Петровиче", "Милан Петрович"),
        ("Ботиром Зариповым", "Ботир Зарипов"),
        # particles of a name neither decline nor say its case
        ("Мухаммеда бен Зайеда Аль Нахайяна", "Мухаммед бен Зайед Аль Нахайян"),
    ],
)
def test_a_name_in_the_nominative(mention, nominative):
    assert read(mention) == nominative


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Олег Смирнов поблагодарил президента Ивана Козлова. «Уважаемый Иван Петрович, спасибо», — сказал он. "
            "Иван Козлов ответил. Позже Козлову вручили награду.",
            [("Олег Смирнов", None, 1), ("Иван Козлов", "Президент", 4)],
        ),
        ("В.Смирнов открыл заседание. Владимир Смирнов предложил повестку.", [("Владимир Смирнов", None, 2)]),
        ("Анна Смирнова и Олег Смирнов выступили. Анну Смирнову поблагодарили.",
         [("Анна Смирнова", None, 2), ("Олег Смирнов", None, 1)]),
        ("Министр торговли Чили Педро Гонсалес прибыл в Пекин. Гонсалеса встретили в аэропорту.",
         [("Педро Гонсалес", "Министр торговли Чили", 2)]),
        # a first name pymorphy does not know, in two cases
        ("Лавров встретился с министром Египта Самехом Шукри. Самех Шукри поблагодарил за прием.",
         [("Лавров", None, 1), ("Самех Шукри", "Министр Египта", 2)]),
        # a hyphenated first name in the genitive first
        ("Визит Касым-Жомарта Токаева начался. Касым-Жомарт Токаев прибыл в Москву.",
         [("Касым-Жомарт Токаев", None, 2)]),
    ],
)
def test_one_person_however_the_text_names_them(text, expected):
    assert persons(text) == expected


@pytest.mark.parametrize(
    "text, role",
    [
        ("Премьер-министр Турции Реджеп Тайип Эрдоган прибыл в Киев.", "Премьер-министр Турции"),
        ("Эрдоган встретился с народным депутатом Украины Мустафой Джемилевым.", "Народный депутат Украины"),
        ("Доклад сделал министр иностранных дел Японии Сейдзи Маэхара.", "Министр иностранных дел Японии"),
        # genitive words joined by "и" are one title
        ("Выступил министр экономики и финансов Монголии Бат Эрдэнэ.", "Министр экономики и финансов Монголии"),
        # an organisation's name between the title and the name
        ("Выступил генеральный директор ПАО «Северсталь» Андрей Волков.", "Генеральный директор ПАО «Северсталь»"),
        ("Слово взял вице-президент компании Blue Ocean Systems Томас Вебер.", "Вице-президент компании Blue Ocean Systems"),
        # two titles together: the office and what the holder is
        ("Прибыл президент Сербии шейх Али Хасан.", "Президент Сербии шейх"),
        ("Путин встретился с президентом Сербии шейхом Али Хасаном.", "Президент Сербии шейх"),
        # a first name pymorphy does not know, put in the nominative by its title's case
        ("Лавров встретился с министром Египта Самехом Шукри.", "Министр Египта"),
    ],
)
def test_the_role_that_introduces_a_person(text, role):
    assert role in [r for _, r, _ in persons(text)]


def test_a_role_in_another_case_is_someone_elses():
    """ "представитель Смирнова" is Smirnov's representative, not Smirnov."""
    (smirnov,) = persons("Олег Смирнов купил дом. Об этом сообщил представитель Смирнова.")
    assert smirnov[:2] == ("Олег Смирнов", None)


def test_a_first_name_and_surname_the_ner_misses_are_still_a_person():
    assert [n for n, _, _ in persons("Касым-Жомарт Токаев провел совещание.")] == ["Касым-Жомарт Токаев"]


def test_a_transcript_label_the_ner_misses_is_still_a_person():
    names = [n for n, _, _ in persons("С.Шойгу: Работа идет по графику.\n\nС.Шойгу: Все готово.")]
    assert names == ["С.Шойгу"]


def test_a_verb_opening_the_sentence_is_no_part_of_the_name():
    assert [n for n, _, _ in persons("Беседовала Анна Петрова.")] == ["Анна Петрова"]
    # inside a sentence, a capitalised word that reads as a function word is a name's part
    assert [n for n, _, _ in persons("Путин провел переговоры с генеральным секретарем То Ламом.")][-1] == "То Лам"


def english_people(text: str) -> list[tuple[str, str | None, int]]:
    ctx = Context(source=Source(text=text, language="en"), doc=analyse(text))
    ctx.roles = roles.find(ctx)
    return [(p.name, p.role, len(p.mentions)) for p in people.find(ctx)]


def test_latin_names_after_a_title_are_people_and_their_surnames_mentions():
    text = "Indian Prime Minister Anil Kapoor met Chilean Foreign Minister Pedro Soto. Kapoor said trade grew."
    assert english_people(text) == [
        ("Anil Kapoor", "Indian Prime Minister", 2), ("Pedro Soto", "Chilean Foreign Minister", 1)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a past verb right after a name says its case and gender: one person, named as its subject writes it
        ("Президент принял министра Японии Хироси Мураю. Хироси Мурая сообщил о планах.", [("Хироси Мурая", 2)]),
        ("Министр встретился с Никола Петровичем. Никола Петрович поблагодарил его.", [("Никола Петрович", 2)]),
        # not the verb of a noun the name depends on
        ("Визит Ивана Козлова начался. Иван Козлов прибыл.", [("Иван Козлов", 2)]),
    ],
)
def test_a_verb_after_a_name_says_it_is_the_nominative_subject(text, expected):
    assert [(n, k) for n, _, k in persons(text)] == expected


def test_a_name_written_again_and_a_family_name_first_are_the_persons_mentions():
    text = "Chinese Premier Wang Tao met Vice President Ana Ruiz. Wang said trade grew. Ana Ruiz said so too."
    found = {n: k for n, _, k in english_people(text)}
    assert found == {"Wang Tao": 2, "Ana Ruiz": 2}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Слово взял Олег Смирнов, министр транспорта Чили.", [("Олег Смирнов", "Министр транспорта Чили", 1)]),
        ("Президент встретился с Олегом Смирновым, министром транспорта Чили.",
         [("Олег Смирнов", "Министр транспорта Чили", 1)]),
        # a title in another case after the comma is no apposition: it opens the next clause
        ("Президент встретился с Олегом Смирновым, министр транспорта Чили выступил.", [("Олег Смирнов", None, 1)]),
    ],
)
def test_the_title_set_off_after_a_name_is_its_role(text, expected):
    assert persons(text) == expected


def test_a_latin_name_set_off_before_its_title_is_a_person_with_that_role():
    text = "Prices rose. Maria Lopez, chairwoman of the Central Bank, spoke first."
    assert english_people(text) == [("Maria Lopez", "Chairwoman of the Central Bank", 1)]


def test_a_latin_name_next_to_a_verb_of_saying_is_a_person_and_a_title_is_not():
    assert english_people("Talks ended. Later Pedro Soto told reporters that Foreign Minister Ana Ruiz said no.") == [
        ("Pedro Soto", None, 1), ("Ana Ruiz", "Foreign Minister", 1)
    ]
    assert english_people("Talks ended, said Pedro Soto, the Chilean foreign minister.") == [
        ("Pedro Soto", "Chilean foreign minister", 1)
    ]


def test_a_first_name_pymorphy_does_not_know_takes_the_nominative_its_titles_case_says():
    assert persons("Лавров встретился с министром Египта Самехом Шукри.")[-1][0] == "Самех Шукри"


@pytest.mark.parametrize(("name", "matched"), [("С.Шойгу", True), ("Қ.Тоқаев", True), ("Ш.Мирзиёев", True), ("с.шойгу", False)])
def test_an_initialled_name_in_any_letters_of_the_region(name, matched):
    assert bool(people.INITIALLED.fullmatch(name)) is matched
