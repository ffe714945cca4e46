"""Role phrases: what introduces a person or stands for one, and which roles can be one person's."""
from __future__ import annotations

import pytest

from briefgen.document import analyse
from briefgen.extract import roles


def phrases(text: str) -> list[tuple[str, str, bool]]:
    """(as written, nominative name, nominative head) of each role phrase."""
    return [(r.text, r.name, r.nominative) for r in roles.roles(analyse(text), "ru")]


def role(text: str) -> roles.Role:
    (found,) = roles.roles(analyse(text), "ru")
    return found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Премьер-министр Турции прибыл.", [("Премьер-министр Турции", "Премьер-министр Турции", True)]),
        ("Он встретился с министром торговли Китая.", [("министром торговли Китая", "Министр торговли Китая", False)]),
        ("Слово дали народному депутату Украины.", [("народному депутату Украины", "Народный депутат Украины", False)]),
        ("Глава нашего государства выступил.", [("Глава нашего государства", "Глава нашего государства", True)]),
        ("После встречи все разошлись.", []),  # "после" is not "посол"
        ("Глава МИД РФ в очередной раз выступил.", [("Глава МИД РФ", "Глава МИД РФ", True)]),
        ("Выступил посол Казахстана в России Даурен Абаев.",
         [("посол Казахстана в России", "Посол Казахстана в России", True)]),
        ("Глава государства в Послании народу выступил.", [("Глава государства", "Глава государства", True)]),
        ("Прибыл вице-министр энергетики и водных ресурсов.",
         [("вице-министр энергетики и водных ресурсов", "Вице-министр энергетики и водных ресурсов", True)]),
        # a title inside a title is part of it
        ("Прибыл заместитель министра финансов Чили.",
         [("заместитель министра финансов Чили", "Заместитель министра финансов Чили", True)]),
        # a state's formal name takes the country's name in any case
        ("Выступил министр иностранных дел Республики Корея.",
         [("министр иностранных дел Республики Корея", "Министр иностранных дел Республики Корея", True)]),
        # a second title after "и" is a second role
        ("Встретились президент Египта и премьер-министр Индии.",
         [("президент Египта", "Президент Египта", True), ("премьер-министр Индии", "Премьер-министр Индии", True)]),
    ],
)
def test_role_phrases_and_their_nominative(text, expected):
    assert phrases(text) == expected


@pytest.mark.parametrize(
    "known, title, same",
    [
        ("Президент Казахстана выступил.", "Глава государства выступил.", True),  # one office
        ("Президент Казахстана выступил.", "Президент Узбекистана выступил.", False),  # different places
        ("Президент выступил.", "Президент Узбекистана выступил.", True),
        ("Министр иностранных дел Японии выступил.", "Глава МИД Японии выступил.", True),
        ("Министр финансов выступил.", "Губернатор выступил.", False),
        ("Президент Хорватии выступил.", "Глава Хорватии выступил.", True),  # the head of a country is its head of state
        ("Президент Хорватии выступил.", "Глава МИД Хорватии выступил.", False),
    ],
)
def test_which_roles_can_name_one_person(known, title, same):
    assert roles.compatible(role(known), role(title)) is same
    assert roles.compatible(None, role(title))  # a person of no known role may hold any


@pytest.mark.parametrize(
    "text, place",
    [
        # an adjective of a place the text names says whose the title is
        ("Сербский лидер прибыл в Сербию.", "серб"),
        ("Встреча с хорватским коллегой прошла в Хорватии.", "хорв"),
        # not when the text names no such place, nor an adjective of quality
        ("Сербский лидер прибыл.", None),
        ("Новый губернатор прибыл в Новгород.", None),
    ],
)
def test_the_place_an_adjective_names(text, place):
    assert roles.roles(analyse(text), "ru")[0].place == place


@pytest.mark.parametrize(
    "title, other, expected",
    [
        ("Прибыл его хорватский коллега.", "Министр иностранных дел Сербии выступил.", "Хорватский министр иностранных дел"),
        ("Прибыл его хорватский коллега.", "Президент Сербии выступил.", "Хорватский президент"),
    ],
)
def test_a_counterpart_holds_the_others_office(title, other, expected):
    assert roles.counterpart_of(role(title), role(other)).name == expected


def test_a_counterpart_of_unknown_office_may_be_anyone_of_its_place():
    assert roles.compatible(role("Прибыл его коллега."), role("Президент Хорватии выступил."))


def test_a_role_naming_the_place_is_more_specific():
    plain, placed = role("Президент выступил."), role("Президент Казахстана выступил.")
    assert roles.more_specific(placed, plain) and not roles.more_specific(plain, placed)
    assert roles.more_specific(plain, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Indian Prime Minister Anil Kapoor arrived.", ["Indian Prime Minister"]),
        ("Secretary of State Jane Doe met Minister of Foreign Affairs Omar Haddad.",
         ["Secretary of State", "Minister of Foreign Affairs"]),
        ("The Minister thanked the hosts.", ["Minister"]),  # "The" is no part of it
        ("He met his Chilean counterpart Pedro Soto.", ["Chilean counterpart"]),
        ("Minister for Trade Ana Ruiz met Chairman of the Council of Ministers of Peru Luis Vega.",
         ["Minister for Trade", "Chairman of the Council of Ministers of Peru"]),
        ("Talks with Peru\n\nMinister Ana Ruiz arrived.", ["Minister"]),  # not from the line above
        ("UNDP Resident Representative Ana Ruiz spoke.", ["UNDP Resident Representative"]),
        # a title that serves another's office takes that office in
        ("Press Secretary of the Chilean president Ana Ruiz spoke.", ["Press Secretary of the Chilean president"]),
        ("Adviser to the Chilean prime minister Ana Ruiz spoke.", ["Adviser to the Chilean prime minister"]),
    ],
)
def test_titles_in_a_language_without_inflection(text, expected):
    assert [r.text for r in roles.roles(analyse(text), "en")] == expected


@pytest.mark.parametrize(
    "text, place",
    [
        ("Russian President Ivan Petrov spoke.", "russ"),
        ("Minister of Foreign Affairs of Chile Ana Ruiz spoke.", "chil"),
        ("Press Secretary of the Chilean president Ana Ruiz spoke.", "chil"),
        # words that qualify a title name no place
        ("Secretary of State Jane Doe spoke.", None),
        ("Special Envoy Mark Hill spoke.", None),
        ("Foreign Minister Ana Ruiz spoke.", None),
    ],
)
def test_whose_an_english_title_is(text, place):
    assert roles.roles(analyse(text), "en")[0].place == place


def test_a_counterpart_in_english_takes_the_others_office_without_its_country():
    (own,) = roles.roles(analyse("He met his Chilean counterpart."), "en")
    (other,) = roles.roles(analyse("Indian Prime Minister spoke."), "en")
    assert roles.counterpart_of(own, other).name == "Chilean Prime Minister"


def test_a_title_that_says_all_another_says_and_more_is_more_specific():
    short, long = (roles.roles(analyse(t), "en")[0] for t in ("Secretary Doe spoke.", "Secretary of State Jane Doe spoke."))
    assert roles.more_specific(long, short) and not roles.more_specific(short, long)
