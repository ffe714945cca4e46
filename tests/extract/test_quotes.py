"""Quotes with speakers: explicit, pronoun, title, context and turn resolution."""
from __future__ import annotations

import pytest

from briefgen.extract import extract_brief
from briefgen.source import source_from_text


def quotes(text: str) -> list[tuple[str, str | None, str | None]]:
    """(text, speaker, resolution) of each quote extracted from `text`."""
    return [(q.text, q.speaker, q.resolution) for q in extract_brief(source_from_text(text)).quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # explicit: the name in the attribution, in the nominative
        ("Министр транспорта Олег Смирнов встретился с губернатором Иваном Козловым. «Дорогу откроют летом», — заявил Олег Смирнов.",
         [("Дорогу откроют летом", "Олег Смирнов", "explicit")]),
        # pronoun: the person the text is about, not the last name mentioned
        ("Министр транспорта Олег Смирнов встретился с губернатором Иваном Козловым. «Дорогу откроют летом», — отметил он.",
         [("Дорогу откроют летом", "Олег Смирнов", "pronoun")]),
        # title: a person introduced with that role
        ("Министр транспорта Олег Смирнов встретился с губернатором Иваном Козловым. «Дорогу откроют летом», — сказал губернатор.",
         [("Дорогу откроют летом", "Иван Козлов", "title")]),
        # title of the same office: "глава государства" for the president
        ("Президент Сербии Милан Петрович прибыл в Минск. «Мы открываем новую страницу», — сказал глава государства.",
         [("Мы открываем новую страницу", "Милан Петрович", "title")]),
        # the sentence that leads into a quoted phrase
        ("Министр транспорта Олег Смирнов назвал проект «лучшим решением для региона».",
         [("лучшим решением для региона", "Олег Смирнов", "explicit")]),
        ("Олег Смирнов приехал в город. Позже он заявил, что мост носит «временный характер».",
         [("временный характер", "Олег Смирнов", "pronoun")]),
        # "по её словам": the person the possessive stands for
        ("Министр культуры Анна Соколова выступила на форуме. По ее словам, театры «вернули зрителей после пандемии».",
         [("вернули зрителей после пандемии", "Анна Соколова", "pronoun")]),
        # the next sentence names who said a quotation that opens a sentence
        ("Губернатор Иван Козлов встретился с министром Олегом Смирновым. «Дорогу откроют к лету». "
         "Об этом заявил министр.",
         [("Дорогу откроют к лету", "Олег Смирнов", "title")]),
    ],
)
def test_speaker_from_the_attribution(text, expected):
    assert quotes(text) == expected


def test_a_pronoun_takes_the_gender_it_carries():
    text = (
        "Министр культуры Анна Соколова и министр спорта Олег Смирнов открыли стадион. "
        "Олег Смирнов поблагодарил строителей. «Стадион готов принять зрителей», — отметила она."
    )
    assert quotes(text) == [("Стадион готов принять зрителей", "Анна Соколова", "pronoun")]


def test_titles_of_different_places_resolve_to_different_people():
    text = (
        "Президент Сербии Милан Петрович провел переговоры с президентом Хорватии Иваном Новаком.\n\n"
        "Президент Сербии подчеркнул значение встречи.\n\n"
        "«Мы открываем новую страницу отношений», — сказал он.\n\n"
        "Президент Хорватии отметил роль бизнеса.\n\n"
        "«Торговля будет расти», — сказал он."
    )
    assert quotes(text) == [
        ("Мы открываем новую страницу отношений", "Милан Петрович", "pronoun"),
        ("Торговля будет расти", "Иван Новак", "pronoun"),
    ]


def test_a_quotation_after_a_paragraph_about_a_person_is_theirs_not_the_addressees():
    text = (
        "Олег Смирнов поблагодарил губернатора Ивана Козлова за гостеприимство.\n\n"
        "«Уважаемый Иван Петрович, благодаря вашей работе регион быстро развивается»."
    )
    assert quotes(text) == [
        ("Уважаемый Иван Петрович, благодаря вашей работе регион быстро развивается", "Олег Смирнов", "context")
    ]


def test_both_parts_of_a_split_quotation_are_the_speakers():
    text = "Олег Смирнов открыл мост. «Это большой день, — сказал Олег Смирнов. — Мы продолжим работу»."
    assert quotes(text) == [
        ("Это большой день", "Олег Смирнов", "explicit"),
        ("Мы продолжим работу", "Олег Смирнов", "explicit"),
    ]


def test_a_dash_dialogue_answers_are_the_interviewees_and_questions_nobodys():
    text = (
        "Посол Сербии в Казахстане Милан Петрович ответил на вопросы журналистов.\n\n"
        "— Как вы оцениваете итоги визита?\n\n"
        "— Итоги очень хорошие. Подписано восемь соглашений."
    )
    assert quotes(text) == [
        ("Как вы оцениваете итоги визита?", None, None),
        ("Итоги очень хорошие. Подписано восемь соглашений.", "Милан Петрович", "context"),
    ]


def test_the_interviewer_named_before_a_dialogue_is_not_its_speaker():
    text = (
        "Министр энергетики Олег Смирнов рассказал о планах министерства. Беседовала Анна Петрова.\n\n"
        "— Когда запустят станцию?\n\n"
        "— Станцию запустят осенью."
    )
    assert quotes(text)[-1] == ("Станцию запустят осенью.", "Олег Смирнов", "context")


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Indian Prime Minister Anil Kapoor arrived in Rome. "Our trade will double by 2030," Kapoor said.',
         [("Our trade will double by 2030", "Anil Kapoor", "explicit")]),
        ('Indian Prime Minister Anil Kapoor arrived in Rome. "Our trade will double," he told reporters.',
         [("Our trade will double", "Anil Kapoor", "pronoun")]),
        # an apposition between the name and the verb; the name the NER misses is still the speaker
        ('Prices rose again. "Food has become dearer for every family," Maria Lopez, head of the statistics office, told reporters.',
         [("Food has become dearer for every family", "Maria Lopez", "explicit")]),
        # a name next to an English verb of saying is a speaker the NER missed; its title may follow
        ('Talks ended in Rome. "We will double trade by 2030," said Pedro Soto, the Chilean foreign minister.',
         [("We will double trade by 2030", "Pedro Soto", "explicit")]),
        ('Talks ended in Rome. "We will double trade by 2030," Pedro Soto told reporters.',
         [("We will double trade by 2030", "Pedro Soto", "explicit")]),
        # a lead-in with an English verb of saying governs the quotation or phrase after it
        ('Indian Prime Minister Anil Kapoor met the press. Later Kapoor said, "The port will open in May."',
         [("The port will open in May.", "Anil Kapoor", "explicit")]),
        ('Indian Prime Minister Anil Kapoor met the press. Kapoor described the talks as "a real turning point".',
         [("a real turning point", "Anil Kapoor", "explicit")]),
    ],
)
def test_english_quotations_with_the_comma_inside_the_marks(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a leader is a head of state: the title resolves to the president
        ("Президент Сербии Милан Петрович прибыл в Минск.\n\n«Мы открываем новую страницу», — сказал сербский лидер.",
         [("Мы открываем новую страницу", "Милан Петрович", "title")]),
        ('Serbian President Milan Petrovic arrived in Minsk. "We open a new page," the Serbian leader said.',
         [("We open a new page", "Milan Petrovic", "title")]),
        # an English title of one country never stands for the leader of another
        ('Serbian President Milan Petrovic hosted his Croatian counterpart Ivan Novak. "We open a new page," '
         'the Serbian leader said.', [("We open a new page", "Milan Petrovic", "title")]),
    ],
)
def test_a_leader_is_the_head_of_state(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quotation signed on the next line with a dash and a name is that person's, not the topic's
        ("Губернатор Иван Козлов встретился с министром Олегом Смирновым. Козлов показал гостю мост.\n\n"
         "«Мост через реку откроют летом, проезд будет бесплатным».\n\n– Олег Смирнов, министр транспорта",
         [("Мост через реку откроют летом, проезд будет бесплатным", "Олег Смирнов", "explicit")]),
        ("Губернатор Иван Козлов встретился с министром Олегом Смирновым. Козлов показал гостю мост.\n"
         "\"Мост через реку откроют летом.\"\n— О.Смирнов",
         [("Мост через реку откроют летом.", "Олег Смирнов", "explicit")]),
        # "глава <страны>" is its head of state
        ("Президент Сербии Милан Петрович принял президента Хорватии Ивана Новака. "
         "«Мы открываем новую страницу в отношениях». Так глава Хорватии оценил встречу.",
         [("Мы открываем новую страницу в отношениях", "Иван Новак", "title")]),
    ],
)
def test_the_speaker_named_after_the_quotation(text, expected):
    assert quotes(text) == expected


def test_transcript_turns_are_the_named_persons():
    text = (
        "Олег Смирнов провел совещание с Иваном Козловым.\n\n"
        "О.Смирнов: Иван Петрович, доложите о работе.\n\n"
        "И.Козлов: Работа идет по графику."
    )
    assert quotes(text) == [
        ("Иван Петрович, доложите о работе.", "Олег Смирнов", "turn"),
        ("Работа идет по графику.", "Иван Козлов", "turn"),
    ]


def test_a_quoted_phrase_no_person_is_said_to_have_said_is_not_a_quote():
    assert quotes("Вопрос обсуждали на встрече, которую журналисты называли «встречей года».") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # an outlet quoting someone: the one it quotes spoke, not the outlet
        ("Министр Олег Смирнов выступил на форуме. «Дорогу откроют летом», — цитирует Смирнова агентство «Вести».",
         [("Дорогу откроют летом", "Олег Смирнов", "explicit")]),
        ("Министр Олег Смирнов выступил на форуме. «Дорогу откроют летом», — приводит слова министра агентство «Вести».",
         [("Дорогу откроют летом", "Олег Смирнов", "title")]),
        ('Talks ended. "Trade will grow," the agency quoted Foreign Minister Pedro Soto as saying.',
         [("Trade will grow", "Pedro Soto", "explicit")]),
        # a pronoun whose gender the topic lacks: the only person of that gender named
        ("Министр Олег Смирнов встретился с губернатором Анной Соколовой. «Дорогу откроют летом», — заявила она.",
         [("Дорогу откроют летом", "Анна Соколова", "pronoun")]),
    ],
)
def test_the_speaker_an_outlet_quotes_or_a_pronoun_stands_for(text, expected):
    assert quotes(text) == expected


def test_a_speaker_the_text_names_by_title_only_is_that_title():
    text = "Переговоры прошли в Белграде. «Мы довольны итогами встречи», — сказал посол Хорватии."
    assert quotes(text) == [("Мы довольны итогами встречи", "Посол Хорватии", "title")]


def test_an_unresolved_title_leaves_the_speaker_unknown_rather_than_guessed():
    text = "Олег Смирнов купил дом. «Семья давно искала жилье в этом районе», — сообщил представитель Смирнова."
    assert quotes(text) == [("Семья давно искала жилье в этом районе", None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Олег Смирнов выступил. «Мост откроют летом, — сказал он. — Движение будет бесплатным»",
        "Олег Смирнов заявил:\n\n— Мост откроют летом, — добавил он. — Движение будет бесплатным.",
        "О.Смирнов: Мост откроют летом.\n\nИ.Козлов: Спасибо.",
    ],
)
def test_every_quote_is_the_source_text_at_its_offsets(text):
    brief = extract_brief(source_from_text(text))
    assert brief.quotes
    for q in brief.quotes:
        assert brief.source.text[q.start : q.end] == q.text


def test_the_seed_quotes_are_the_source_text_and_carry_how_they_were_attributed(seed_brief):
    text = seed_brief.source.text
    assert len(seed_brief.quotes) == len({q.start for q in seed_brief.quotes})
    for q in seed_brief.quotes:
        assert text[q.start : q.end] == q.text and q.speaker and q.resolution
        if q.attribution:
            assert text[q.attribution.start : q.attribution.end] == q.attribution.text
