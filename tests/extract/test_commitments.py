"""Commitments: one item per clause that says what an actor will do, with actor, action, deadline and area."""
from __future__ import annotations

import pytest

from briefgen.document import analyse
from briefgen.extract import Context, commitments, figures, people, roles
from briefgen.model import Quote, Source


def find(text: str, quoted: dict[str, str] | None = None):
    """The commitments of `text`; `quoted` maps a quotation's inner text to its speaker."""
    ctx = Context(source=Source(text=text), doc=analyse(text))
    ctx.roles = roles.find(ctx)
    ctx.people = people.find(ctx)
    for inner, speaker in (quoted or {}).items():
        start = text.index(inner)
        ctx.quotes.append(Quote(start, start + len(inner), inner, speaker=speaker))
    return commitments.find(ctx)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Министр предложил создать совместную рабочую группу.", "proposal"),
        ("Делегация попросила ускорить поставки оборудования.", "proposal"),
        ("Стороны договорились открыть прямое авиасообщение.", "agreement"),
        ("Банк подписал соглашение о покупке доли в страховой компании.", "agreement"),
        ("Лидеры объявили совместное решение о снятии пошлин.", "agreement"),
        ("Компания намерена построить новый терминал.", "intention"),
        ("Концерн планирует открыть второй завод.", "intention"),
        ("Правительство пообещало снизить тарифы.", "intention"),
        ("Нам предстоит расширить сеть пунктов пропуска.", "intention"),
        ("Посол подтвердил готовность страны расширять контакты.", "intention"),
        ("Президент пригласил коллегу посетить столицу с ответным визитом.", "invitation"),
        ("Приглашаем инвесторов к участию в новых проектах.", "invitation"),
        ("Премьер поручил министерству подготовить дорожную карту.", "instruction"),
        ("Министрам следует ускорить согласование проекта.", "instruction"),
        ("Делегация должна прибыть в столицу завтра.", "instruction"),
        ("Важно своевременно завершить строительство моста.", "instruction"),
        ("Стороны учредили совместный инвестиционный фонд.", "creation"),
        ("Итоги подведет создаваемая межправительственная комиссия.", "creation"),
        ("Давайте вместе подготовим программу визита.", "proposal"),
        ("Депутат выступил за отмену роуминга.", "proposal"),
        # passive forms: a decision or agreement, not a past fact
        ("По итогам встречи решено создать совместный фонд.", "agreement"),
        ("Была достигнута договоренность о возобновлении рейсов.", "agreement"),
        ("Правительству поручено подготовить план мероприятий.", "instruction"),
        ("Японская сторона готова рассмотреть новые проекты.", "intention"),
        # an invitation named by its noun, passed on, confirmed or accepted
        ("Посол передал министру приглашение посетить выставку в Казани.", "invitation"),
        ("Премьер принял приглашение посетить экономический форум.", "intention"),
        # a polite wish to do it is doing it: "хотел бы пригласить"
        ("Хотел бы пригласить вас посетить нашу страну с визитом.", "invitation"),
        ("Была подчеркнута важность проведения консультаций до конца года.", "proposal"),
        ("Стороны рассчитывают завершить переговоры к осени.", "intention"),
    ],
)
def test_each_kind_of_commitment(text, kind):
    found = find(text)
    assert [c.kind for c in found] == [kind]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Министр предложил создать совместную рабочую группу.", "создать совместную рабочую группу"),
        ("Премьер поручил министерству подготовить дорожную карту.", "подготовить дорожную карту"),
        ("Лидеры объявили совместное решение о снятии пошлин.", "совместное решение о снятии пошлин"),
        ("Итоги подведет создаваемая межправительственная комиссия.", "создаваемая межправительственная комиссия"),
    ],
)
def test_action_is_what_will_be_done(text, action):
    assert [c.action for c in find(text)] == [action]


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Стороны договорились удвоить товарооборот к 2030 году.", "к 2030 году"),
        ("Компания намерена завершить сделку до конца года.", "до конца года"),
        ("Ведомство планирует запустить портал в 2026 году.", "в 2026 году"),
        ("Через пять лет завод перейдет на выпуск электромобилей.", "Через пять лет"),
        ("Делегация должна прибыть в столицу на этой неделе.", "на этой неделе"),
        ("Министр предложил создать рабочую группу.", None),
        # a month, with its day and year when the text gives them
        ("Комиссия поручила ведомствам до 1 марта 2026 года подготовить программу.", "до 1 марта 2026 года"),
        ("Министр пригласил коллег на выставку, которая пройдет в мае.", "в мае"),
        ("Мы предлагаем подготовить дорожную карту до конца лета.", "до конца лета"),
        ("Стороны договорились продлить соглашение, подписанное в ноябре прошлого года.", None),
    ],
)
def test_deadline_of_each_form(text, deadline):
    assert [c.deadline for c in find(text)] == [deadline]


@pytest.mark.parametrize(
    "text",
    [
        "Через три года завод перейдет на выпуск электромобилей.",
        "Новые вагоны будут собираться на местном предприятии.",
        "Опыт столицы будет тиражироваться в других городах.",
        "На новой площадке будут опробованы цифровые сервисы.",
        "Холдинг откроет представительство в Алматы.",
        "Правительство будет развивать сельский туризм.",
    ],
)
def test_future_without_a_cue_is_an_intention(text):
    assert [c.kind for c in find(text)] == ["intention"]


@pytest.mark.parametrize(
    "text",
    [
        "В прошлом году стороны обсудили вопросы торговли.",
        "Соглашение было подписано в пятницу в Женеве.",
        "Фонд, который стороны учредили в прошлом году, работает успешно.",
        "Реализация проекта значительно укрепит экономику региона.",
        "Сотрудничество стран успешно развивается.",
        "Президент выразил уверенность, что договоренности будут способствовать росту торговли.",
        "Министр надеется, что стороны будут развивать контакты.",
        "Министр поздравил коллег с праздником и поблагодарил за гостеприимство.",
        "Будут ли стороны строить новый мост?",
        "Считается, однако, что поддержка будет получена.",
        "Строительство может начаться уже весной.",
        "Граждане смогут получать визы онлайн.",
        "Если проект одобрят, компания получит кредит.",
        "Сегодня мы подробно обсудим новые направления сотрудничества.",
        "Эксперты полагают, что цены на зерно вырастут.",
        "Министр отметил необходимость наращивания экспорта.",
        "Официальным языком должен быть и государственный язык.",
        "Правительство, очевидно, решило не отставать от соседей.",
        "Ранее стороны подписали меморандум о сотрудничестве.",
        "Напомним, в 2024 году товарооборот составил два миллиарда долларов.",
        "Мы будем рады видеть вас в нашей стране.",
        "Этот проект будет играть ключевую роль в экономике.",
        "Следует отметить, что компания работает на рынке давно.",
        "Перелет начнется утром и завершится к обеду.",
        "Уверен, наше сотрудничество будет и дальше развиваться.",
        "Сотрудничество двух стран будет развиваться и дальше.",
        "Наш народ никогда не забудет вашу поддержку.",  # a denial, not a plan
        "Министр отметил, что проект, возможно, будет завершен весной.",
    ],
)
def test_no_commitment_in_past_evaluation_wish_greeting_or_estimate(text):
    assert find(text) == []


def test_two_commitments_in_one_sentence_are_two_clause_anchored_items():
    text = "Министр предложил создать рабочую группу, а посол пригласил делегацию посетить выставку."
    found = find(text)
    assert [c.kind for c in found] == ["proposal", "invitation"]
    assert found[0].text == "Министр предложил создать рабочую группу"
    assert found[1].text == "а посол пригласил делегацию посетить выставку"
    assert found[0].end <= found[1].start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dependent "что"-clause belongs to the commitment that governs it
        ("Иван Петров пообещал, что министерство будет настаивать на переговорах.",
         "Иван Петров пообещал, что министерство будет настаивать на переговорах"),
        # a reported future starts at its reporting verb
        ("Иван Петров сообщил, что будет терпеливо, но настойчиво вести переговоры.",
         "Иван Петров сообщил, что будет терпеливо, но настойчиво вести переговоры"),
        # a relative clause that describes the commitment's object stays with it
        ("Концерн планирует построить завод, который будет выпускать автобусы.",
         "Концерн планирует построить завод, который будет выпускать автобусы"),
        # what the agreement says goes on after "а"
        ("Мы договорились, что соглашение будет подписано до конца года, а применяться начнет с весны.",
         "Мы договорились, что соглашение будет подписано до конца года, а применяться начнет с весны"),
        # a closing bracket opened inside the clause is kept
        ("Важно выполнить программу (принята в марте т.г.).", "Важно выполнить программу (принята в марте т.г.)"),
    ],
)
def test_anchor_is_the_clause_with_its_dependents(text, expected):
    assert [c.text for c in find(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "quoted", "actor"),
    [
        ("Иван Петров выступил на форуме. «Намерены и далее развивать порты на Каспии», – сказал он.",
         {"Намерены и далее развивать порты на Каспии": "Иван Петров"}, "Иван Петров"),
        ("Иван Петров прибыл в столицу. Он предложил открыть новый авиарейс.", {}, "Иван Петров"),
        ("Иван Петров прибыл в столицу. Глава государства пригласил инвесторов к сотрудничеству.", {}, "Иван Петров"),
        ("Иван Петров сообщил, что будет добиваться снижения пошлин.", {}, "Иван Петров"),
        ("Президент Иван Петров и премьер Анна Смирнова объявили решение о создании фонда.", {},
         "Иван Петров и Анна Смирнова"),
        ("Планируется построить новый терминал.", {}, None),
        ("Как отметили в пресс-службе, стороны договорились регулярно созваниваться.", {}, "стороны"),
        # the addressee of a proposal is not its actor
        ("Иван Петров: Сергей Ефимович, давайте вернемся к вопросу о газе.",
         {"Сергей Ефимович, давайте вернемся к вопросу о газе.": "Иван Петров"}, "Иван Петров"),
        # a pronoun in a quote means someone other than the speaker
        ("Иван Петров встретился с Анной Смирновой. «Он пообещал, что будет помогать школам», – сказала она.",
         {"Он пообещал, что будет помогать школам": "Анна Смирнова"}, "Иван Петров"),
    ],
)
def test_actor(text, quoted, actor):
    assert [c.actor for c in find(text, quoted)] == [actor]


@pytest.mark.parametrize(
    ("text", "quoted", "actor"),
    [
        # a subject noun keeps its adjectives
        ("Туркменская сторона предложила увеличить число рейсов.", {}, "Туркменская сторона"),
        # a subject noun inside a quote is the actor, not the speaker
        ("Иван Петров выступил. «Авиакомпания планирует открыть рейс осенью», – сказал он.",
         {"Авиакомпания планирует открыть рейс осенью": "Иван Петров"}, "Авиакомпания"),
        # a fronted object is no subject: "мы" is, and so is the speaker
        ("Иван Петров выступил. «Этот вопрос мы решим до конца года», – сказал он.",
         {"Этот вопрос мы решим до конца года": "Иван Петров"}, "Иван Петров"),
        ("Иван Петров выступил. «Внимание следует уделить экспорту зерна», – сказал он.",
         {"Внимание следует уделить экспорту зерна": "Иван Петров"}, "Иван Петров"),
        # a past-tense verb's gender rules out a subject of the other gender
        ("Министр Анна Смирнова выступила. Она сообщила, что в мае пройдет форум, и пригласила коллег принять в нем участие.",
         {}, "Анна Смирнова"),
        # a title with an organisation before the name
        ("Вице-президент компании Blue Ocean Systems Томас Вебер пообещал открыть офис в Алматы.", {}, "Томас Вебер"),
    ],
)
def test_actor_subject_rules(text, quoted, actor):
    assert [c.actor for c in find(text, quoted)][-1] == actor


def test_english_title_as_subject_is_the_person_who_holds_it():
    text = "Secretary of State Jane Doe met Foreign Minister Omar Haddad. The Secretary invited Jordan to join the summit."
    ctx = Context(source=Source(text=text, language="en"), doc=analyse(text))
    ctx.roles = roles.find(ctx)
    ctx.people = people.find(ctx)
    assert [c.actor for c in commitments.find(ctx)] == ["Jane Doe"]


def test_commitment_reported_then_quoted_in_the_same_words_is_one_item():
    text = "Министр предложил создать совместный фонд развития. «Предлагаем создать совместный фонд развития», – сказал он."
    found = find(text, {"Предлагаем создать совместный фонд развития": "Иван Петров"})
    assert len(found) == 1
    assert found[0].text.startswith("Министр предложил")


def test_a_second_cue_verb_joined_by_and_is_a_second_item_with_the_same_actor():
    found = find("Министр Иван Петров предложил создать фонд и пригласил инвесторов к участию.")
    assert [(c.kind, c.actor, c.text) for c in found] == [
        ("proposal", "Иван Петров", "Министр Иван Петров предложил создать фонд"),
        ("invitation", "Иван Петров", "пригласил инвесторов к участию"),
    ]
    # not inside what was agreed, nor an infinitive
    assert len(find("Мы договорились, что эксперты соберутся в июле и согласуют перечень товаров.")) == 1
    assert len(find("Он предложил изучить все аспекты и внести предложения.")) == 1


def test_a_headline_restating_a_commitment_is_no_item_of_its_own():
    text = "Стороны договорились открыть авиарейс\n\nМинистры встретились в Баку. Стороны договорились открыть авиарейс."
    assert [c.text for c in find(text)] == ["Стороны договорились открыть авиарейс"]
    assert find(text)[0].start > text.index("\n")


def test_reported_and_quoted_commitments_that_differ_are_two_items():
    text = "Министр предложил создать совместный фонд развития. «Предлагаем открыть прямой авиарейс», – сказал он."
    assert len(find(text, {"Предлагаем открыть прямой авиарейс": "Иван Петров"})) == 2


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Стороны договорились увеличить товарооборот и экспорт.", "trade"),
        ("Министр предложил расширить транзит через порты.", "transport"),
        ("Энергетика\nСтороны договорились продолжить работу.", "energy"),
    ],
)
def test_area_from_the_clause_else_the_text_before_it(text, area):
    assert [c.area for c in find(text)] == [area]


def test_cue_points_at_the_cue_words():
    text = "Стороны объявили общее решение о снятии пошлин."
    (c,) = find(text)
    assert c.cue is not None
    assert c.cue.text == "объявили общее решение"
    assert text[c.cue.start : c.cue.end] == c.cue.text


def test_english_cues_futures_and_deadlines():
    text = "The leaders agreed to launch a joint fund by the end of 2026. The company will open an office next year."
    ctx = Context(source=Source(text=text, language="en"), doc=analyse(text))
    found = commitments.find(ctx)
    assert [(c.kind, c.deadline) for c in found] == [("agreement", "by the end of 2026"), ("intention", "next year")]


@pytest.mark.parametrize(
    "text",
    [
        "Ishiba said Japan would provide loans for the new port.",
        "He said Tokyo would host the summit next year.",
        "We are ready to offer investors the best conditions.",
    ],
)
def test_english_reported_future_and_readiness_are_intentions(text):
    ctx = Context(source=Source(text=text, language="en"), doc=analyse(text))
    assert [c.kind for c in commitments.find(ctx)] == ["intention"]


def test_a_language_without_vocabulary_yields_nothing():
    text = "Тараптар келісімге қол қойды және жаңа зауыт салады."
    ctx = Context(source=Source(text=text, language="kk"), doc=analyse(text))
    assert commitments.find(ctx) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # documents reported as signed at the event, and what is set for later
        ("По итогам встречи подписаны четыре межведомственных соглашения.", "agreement"),
        ("В ходе визита подписано соглашение о взаимной охране инвестиций.", "agreement"),
        ("На ноябрь запланировано заседание совместной комиссии.", "intention"),
        ("Обсудили контракты, которые предполагается заключить весной.", "intention"),
        # commitments named by a noun
        ("Министр сообщил о планах открыть два консульства.", "intention"),
        ("Губернатор заявил о поддержке инициативы провести ярмарку.", "agreement"),
        ("Затем состоится подписание меморандума о логистике.", "agreement"),
        ("Достигнута договоренность о продлении контракта на поставку зерна.", "agreement"),
    ],
)
def test_passive_and_nominal_commitments(text, kind):
    assert [c.kind for c in find(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "actor", "deadline"),
    [
        ("Визит состоится в следующем году.", "стороны", "в следующем году"),
        ("Саммит СНГ пройдет в Душанбе 10 октября.", "СНГ", "10 октября"),
        ("В октябре в Минске пройдет форум регионов.", "стороны", "В октябре"),
        ("Следующее заседание комиссии состоится в Москве в 2026 году.", "стороны", "в 2026 году"),
    ],
)
def test_a_meeting_set_for_later_is_a_commitment_of_the_sides(text, actor, deadline):
    [found] = find(text)
    assert (found.kind, found.actor, found.deadline) == ("intention", actor, deadline)


def test_a_meeting_a_relative_clause_sets_is_the_sides_not_the_person_who_speaks_of_it():
    [found] = find("Министр Иван Петров рассказал о подготовке саммита, который должен состояться в ноябре.")
    assert (found.actor, found.deadline) == ("стороны", "в ноябре")


@pytest.mark.parametrize(
    "text",
    [
        "Специалисты пройдут обучение в столице.",  # "пройти" of people: no meeting is set
        "Переговоры прошли в дружественной атмосфере.",  # a meeting in the past
        "Встреча не состоится.",
        "Эксперты полагают, что форум пройдет успешно.",  # an opinion
    ],
)
def test_pass_and_take_place_without_a_meeting_ahead_are_no_commitment(text):
    assert find(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Подписание конвенции открыло новый этап в отношениях.",  # a past deed told by its noun
        "Министру представили доклад о планах по ремонту дорог.",
        "Предполагается, что работы будут завершены весной.",  # an estimate
    ],
)
def test_nominal_cue_in_a_past_or_estimated_clause_is_no_commitment(text):
    assert find(text) == []


@pytest.mark.parametrize(
    ("text", "quoted", "actor", "party"),
    [
        # an agreement that names no actor is both sides'
        ("Президент Чили Педро Сото встретился с президентом Перу Иваном Петровым. Подписаны три соглашения.",
         {}, "стороны", "Чили и Перу"),
        # a body named before a passive verb undergoes it, it does not act
        ("Президент Чили Педро Сото встретился с президентом Перу Иваном Петровым. Агентство «Интерфакс» – "
         "Контракты на 5 млрд рублей подписаны.", {}, "стороны", "Чили и Перу"),
        # a joint subject
        ("Президент Чили Педро Сото встретился с президентом Перу Иваном Петровым. По итогам стороны "
         "подписали меморандум.", {}, "стороны", "Чили и Перу"),
        ("Президент Чили Педро Сото встретился с президентом Перу Иваном Петровым. Главы государств должны "
         "взять выполнение под контроль.", {}, "Главы государств", "Чили и Перу"),
        # "мы договорились" in a quote: the speaker and the other side
        ("Президент Чили Педро Сото встретился с президентом Перу Иваном Петровым. Сото сказал: «Мы "
         "договорились открыть рейс».", {"Мы договорились открыть рейс": "Педро Сото"},
         "Педро Сото и Иван Петров", "Чили и Перу"),
        # a person acts for the country of their title, named in the nominative
        ("Президент Республики Казахстан Иван Петров предложил открыть рейс.", {}, "Иван Петров",
         "Республика Казахстан"),
        # a surname the dictionary reads as another case is still the subject
        ("Президент Чили Педро Токаев прибыл в Анкару. Токаев назвал встречу полезной и пригласил коллег "
         "посетить Чили.", {}, "Педро Токаев", "Чили"),
    ],
)
def test_actor_and_party(text, quoted, actor, party):
    assert [(c.actor, c.party) for c in find(text, quoted)][-1] == (actor, party)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers are set to meet in May.", [("intention", None)]),
        ("The assembly adopted a resolution supporting the talks.", [("agreement", None)]),
        ("The sides signed a memorandum on fisheries.", [("agreement", "both sides")]),
        ("At the talks, they decided to open a consulate.", [("agreement", "both sides")]),
        ("The company will be collaborating with local farms.", [("intention", None)]),
        # states, abilities, forecasts and beliefs are no commitments
        ("The region will be able to export grain.", []),
        ("These will enhance our joint capabilities.", []),
        ("He expressed confidence that the deal will yield results.", []),
        ("She stated her belief that the visit will become an impetus.", []),
    ],
)
def test_english_cues_joint_actors_and_forecasts(text, expected):
    ctx = Context(source=Source(text=text, language="en"), doc=analyse(text))
    assert [(c.kind, c.actor) for c in commitments.find(ctx)] == expected


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # an agreement made with someone is theirs together
        ("Президент Чили Педро Сото прибыл в Лиму. Сото договорился с президентом Иваном Петровым о "
         "строительстве моста.", "Педро Сото и Иван Петров"),
        # a surer nominative after an ambiguous word is the subject
        ("В ходе встречи лидеры условились продолжить работу.", "лидеры"),
    ],
)
def test_agreement_with_a_partner_and_the_surer_subject(text, actor):
    assert [c.actor for c in find(text)] == [actor]


def test_reported_and_quoted_signings_of_different_sums_are_two_items():
    text = "Подписаны торговые контракты на 5 млрд рублей. «Подписаны торговые контракты на 2 млрд рублей», – сказал он."
    ctx = Context(source=Source(text=text), doc=analyse(text))
    ctx.roles = roles.find(ctx)
    ctx.people = people.find(ctx)
    inner = "Подписаны торговые контракты на 2 млрд рублей"
    ctx.quotes.append(Quote(text.index(inner), text.index(inner) + len(inner), inner, speaker="Иван Петров"))
    ctx.figures = figures.find(ctx)
    assert len(commitments.find(ctx)) == 2
    ctx.figures = []
    assert len(commitments.find(ctx)) == 1


@pytest.mark.parametrize(
    ("text", "quoted", "actor", "party"),
    [
        # a speaker's own side as subject: the speaker acts, for that side
        ("Министр Иван Петров сообщил, что чилийская сторона готова построить терминал.", {}, "Иван Петров",
         "чилийская сторона"),
        ("Президент Чили Педро Сото выступил. «Чили намерена открыть посольство», – сказал он.",
         {"Чили намерена открыть посольство": "Педро Сото"}, "Педро Сото", "Чили"),
        # another body as subject stays the actor
        ("Министр Иван Петров сообщил, что авиакомпания планирует открыть рейс.", {}, "авиакомпания", None),
    ],
)
def test_a_speakers_own_side_is_the_speakers_commitment(text, quoted, actor, party):
    assert [(c.actor, c.party) for c in find(text, quoted)][-1] == (actor, party)
