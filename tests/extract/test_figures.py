"""Figures: one table per rule family, on short sentences of our own."""
from __future__ import annotations

import pytest

from briefgen import lang
from briefgen.document import Document
from briefgen.extract import Context, figures
from briefgen.model import Source
from briefgen.spans import paragraphs


def figures_of(text: str, language: str = "ru"):
    """The figures of a text whose every line is one sentence (no NER needed)."""
    lines = paragraphs(text)
    doc = Document(text, 0, lines, lines, [], [], lang.get(language), list(range(len(lines))))
    return figures.find(Context(source=Source(text, language=language), doc=doc))


def only(text: str, language: str = "ru"):
    """The one figure of a text."""
    found = figures_of(text, language)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


MONEY_WITH_SCALES = [
    ("Объем сделки составил 10 млрд долларов.", "10 млрд долларов", 10e9, "USD"),
    ("Инвестиции достигли 1,7 млрд долл. в прошлом году.", "1,7 млрд долл.", 1.7e9, "USD"),
    ("Фонд получил 15 тысяч рублей.", "15 тысяч рублей", 15000, "RUB"),
    ("Кредит на 350 млн евро одобрен.", "350 млн евро", 350e6, "EUR"),
    ("Бюджет вырос до 2 трлн тенге.", "до 2 трлн тенге", 2e12, "KZT"),
    ("Зарплата поднялась до 4 млн сумов.", "до 4 млн сумов", 4e6, "UZS"),
    ("Банк вложил 800 млн юаней.", "800 млн юаней", 800e6, "CNY"),
    ("Клуб заплатил 40 млн фунтов стерлингов.", "40 млн фунтов стерлингов", 40e6, "GBP"),
    ("Выручка составила 3,2 млрд долларов США.", "3,2 млрд долларов США", 3.2e9, "USD"),
    ("Премия составила 50 млн гонконгских долларов.", "50 млн гонконгских долларов", 50e6, "HKD"),
    ("Контракт на 1,5 млрд. долларов подписан.", "1,5 млрд. долларов", 1.5e9, "USD"),
    ("Штраф составил 1 млн руб.", "1 млн руб", 1e6, "RUB"),
    ("Штраф в 1 млн руб. уплачен.", "1 млн руб.", 1e6, "RUB"),
    ("Он разменял 100-долларовую купюру.", "100-долларовую", 100, "USD"),
    ("Премия составляет девять миллионов шведских крон.", "девять миллионов шведских крон", 9e6, "SEK"),
    ("Выплата составила более миллиона долларов.", "более миллиона долларов", 1e6, "USD"),
]


NUMBER_WORDS = [
    ("Потери превысили полтора миллиарда рублей.", 1.5e9, "RUB"),
    ("Сумма выросла до полутора миллиардов долларов.", 1.5e9, "USD"),
    ("Им не хватило пяти миллионов рублей.", 5e6, "RUB"),
    ("Товарооборот достигнет десяти миллиардов долларов.", 10e9, "USD"),
    ("Сумма составила двадцать пять тысяч рублей.", 25000, "RUB"),
    ("Было выделено сто двадцать миллионов рублей.", 120e6, "RUB"),
    ("Выделено полмиллиона рублей.", 500000, "RUB"),
    ("Ему дали миллион долларов.", 1e6, "USD"),
]


@pytest.mark.parametrize("text, value, unit", NUMBER_WORDS)
def test_number_words_are_read_to_a_value(text, value, unit):
    f = only(text)
    assert (f.kind, f.value, f.unit) == ("money", value, unit)


CURRENCY_SIGNS_BEFORE = [
    ("Клуб просит $27 млн за игрока.", "$27 млн", 27e6, "USD"),
    ("Сделка оценена в £22 млн.", "£22 млн", 22e6, "GBP"),
    ("Завод обошелся в €500 млн.", "€500 млн", 500e6, "EUR"),
    ("Цена составила US$3 млрд.", "US$3 млрд", 3e9, "USD"),
    ("Штраф в 5 000 ₸ назначен.", "5 000 ₸", 5000, "KZT"),
]


DECIMAL_AND_GROUPED = [
    ("Цена составила $27.5 млн.", 27.5e6),
    ("Цена составила 8,1 млн долларов.", 8.1e6),
    ("Завод стоит 250 000 долларов.", 250000),
    ("Завод стоит 250\u00a0000 долларов.", 250000),
    ("Сумма 12 345 678 рублей перечислена.", 12345678),
    ("Стоимость составила 12.000.000 рублей.", 12e6),
    ("Капитал составил 1 250,5 тыс. рублей.", 1250500),
]


@pytest.mark.parametrize("text, value", DECIMAL_AND_GROUPED)
def test_decimal_commas_points_and_thousands_separators(text, value):
    assert only(text).value == value


ENGLISH = [
    ("More than 15,000 jobs will be created.", "More than 15,000 jobs", 15000, None),
    ("The portfolio has 78 joint projects.", "78 joint projects", 78, None),
    ("Trade will reach $10.5 billion by 2030.", "$10.5 billion", 10.5e9, "USD"),
    ("The road is 500 km long.", "500 km", 500, "km"),
    ("Over 4,000 Kenyan nurses work abroad.", "Over 4,000 Kenyan nurses", 4000, None),  # a nationality before the noun
    ("They will build a 2-gigawatt solar plant.", "2-gigawatt", 2, "GW"),  # a unit glued by a hyphen
    ("Trade exceeded 90 billion U.S. dollars.", "90 billion U.S. dollars", 90e9, "USD"),
]


@pytest.mark.parametrize("text, span, value, unit", ENGLISH)
def test_english_where_a_comma_groups_thousands(text, span, value, unit):
    f = only(text, "en")
    assert (f.text, f.value, f.unit) == (span, value, unit)


RANGES = [
    ("Штраф составит от 3 до 5 тыс. рублей.", "от 3 до 5 тыс. рублей", 3000, 5000, "money"),
    ("Штраф составит от 3 до 5 тысяч рублей.", "от 3 до 5 тысяч рублей", 3000, 5000, "money"),
    ("Компания занимает 2-3% рынка.", "2-3%", 2, 3, "percent"),
    ("Цены вырастут на 3–5%.", "3–5%", 3, 5, "percent"),
    ("Поставки составят от 2 до 3 млн тонн.", "от 2 до 3 млн тонн", 2e6, 3e6, "quantity"),
]


@pytest.mark.parametrize("text, span, value, value_max, kind", RANGES)
def test_ranges_keep_both_ends(text, span, value, value_max, kind):
    f = only(text)
    assert (f.text, f.value, f.value_max, f.kind) == (span, value, value_max, kind)


QUALIFIERS = [
    ("Инвестиции составили более 5 млн долларов.", "более 5 млн долларов", "более"),
    ("Инвестиции составили свыше 5 млн долларов.", "свыше 5 млн долларов", "свыше"),
    ("Торговля вырастет до 5 млн долларов.", "до 5 млн долларов", "до"),
    ("Приехали около 300 человек.", "около 300 человек", "около"),
    ("Ущерб составил почти 30 миллионов долларов.", "почти 30 миллионов долларов", "почти"),
    ("Акции упали более чем на 40 %.", "более чем на 40 %", "более чем на"),
    ("Сумма выросла до уровня двух миллиардов долларов.", "до уровня двух миллиардов долларов", "до уровня"),
    ("The club wants more than $30 million.", "more than $30 million", "more than"),
]


@pytest.mark.parametrize("text, span, qualifier", QUALIFIERS)
def test_qualifiers_are_kept_in_the_span_and_recorded(text, span, qualifier):
    language = "en" if text.isascii() else "ru"
    f = only(text, language)
    assert (f.text, f.qualifier) == (span, qualifier)


PERCENT = [
    ("Явка составила 65 % избирателей.", "65 %", 65, "избиратели"),
    ("Рост составил 12,5% с начала года.", "12,5%", 12.5, None),
    ("Банк купил 80 процентов акций.", "80 процентов", 80, "акции"),
    ("ВВП вырос на 5,6 процента.", "5,6 процента", 5.6, None),
    ("Индекс прибавил 0,5 п.п. за год.", "0,5 п.п.", 0.5, None),
]


@pytest.mark.parametrize("text, span, value, measure", PERCENT)
def test_percentages(text, span, value, measure):
    f = only(text)
    assert (f.kind, f.text, f.value, f.unit, f.measure) == ("percent", span, value, None, measure)


COUNTS = [
    ("Стороны реализуют 78 совместных проектов.", "78 совместных проектов", 78, "совместные проекты"),
    ("Будет создано более 15 тысяч рабочих мест.", "более 15 тысяч рабочих мест", 15000, "рабочие места"),
    ("Банк управляет 13-ю филиалами в стране.", "13-ю филиалами", 13, "филиалы"),
    ("Спор идет вокруг четырех спорных островов.", "четырех спорных островов", 4, "спорные острова"),
    ("Помогут в строительстве двух национальных школ.", "двух национальных школ", 2, "национальные школы"),
    ("Прибыли около шестисот представителей бизнеса.", "около шестисот представителей", 600, "представители"),
    ("Документ составлен в 3-х экземплярах.", "3-х экземплярах", 3, "экземпляры"),
    ("Поступило 1 500 заявок.", "1 500 заявок", 1500, "заявки"),
    ("В городе 21 школа.", "21 школа", 21, "школа"),
    ("Делегации представляли 40 стран.", "40 стран", 40, "страны"),
    ("Завод будет выпускать до 250 000 автомобилей в год.", "до 250 000 автомобилей", 250000, "автомобили"),
    ("На улицы вышли до 200 агрессивно настроенных молодых людей.", "до 200 агрессивно настроенных молодых людей", 200,
     "агрессивно настроенные молодые люди"),
    ("Полиция задержала 334 подозреваемых.", "334 подозреваемых", 334, "подозреваемые"),
    ("В список вошли 112 общественных и международных организаций.", "112 общественных и международных организаций", 112,
     "общественные и международные организации"),
    ("More than 300 people attended.", "More than 300 people", 300, "people"),
]


@pytest.mark.parametrize("text, span, value, measure", COUNTS)
def test_counts_of_a_counted_noun(text, span, value, measure):
    language = "en" if text.isascii() else "ru"
    f = only(text, language)
    assert (f.kind, f.text, f.value, f.measure) == ("count", span, value, measure)


QUANTITIES = [
    ("Поставки достигнут 3 млн тонн нефти.", "3 млн тонн", 3e6, "т", "нефть"),
    ("Дорога длиной 500 км открыта.", "500 км", 500, "км", "длина"),
    ("Город находится в 110 км от столицы.", "110 км", 110, "км", None),
    ("Построят газопровод в 1 200 километров.", "1 200 километров", 1200, "км", None),
    ("Мощность станции 1,2 ГВт.", "1,2 ГВт", 1.2, "ГВт", "мощность"),
    ("Засеяно 5 тыс. га пшеницы.", "5 тыс. га", 5000, "га", "пшеница"),
    ("Поезд идет со скоростью 140 км/ч.", "140 км/ч", 140, "км/ч", None),
    ("Перевозки составили 376 тыс. TEU.", "376 тыс. TEU", 376e3, "TEU", None),  # a unit in capitals after "тыс."
]


@pytest.mark.parametrize("text, span, value, unit, measure", QUANTITIES)
def test_quantities_with_their_unit(text, span, value, unit, measure):
    f = only(text)
    assert (f.kind, f.text, f.value, f.unit, f.measure) == ("quantity", span, value, unit, measure)


COORDINATED = [
    ("Бег на 50 и 30 метров входит в тест.", [("50", 50, "м"), ("30 метров", 30, "м")]),
    ("Поставки составят 2 или 3 млн тонн.", [("2", 2e6, "т"), ("3 млн тонн", 3e6, "т")]),
    ("Студенты получат 50% и 30% скидку.", [("50%", 50, None), ("30%", 30, None)]),
]


@pytest.mark.parametrize("text, expected", COORDINATED)
def test_coordinated_numbers_share_the_unit_written_after_the_second(text, expected):
    assert [(f.text, f.value, f.unit) for f in figures_of(text)] == expected


VAGUE = [
    ("Ущерб оценен в несколько миллионов рублей.", "несколько миллионов рублей", "RUB"),
    ("На это ушли сотни тысяч долларов.", "сотни тысяч долларов", "USD"),
    ("Инвесторы вложили миллиарды долларов.", "миллиарды долларов", "USD"),
]


@pytest.mark.parametrize("text, span, unit", VAGUE)
def test_vague_sums_are_money_without_a_value(text, span, unit):
    f = only(text)
    assert (f.kind, f.text, f.value, f.unit) == ("money", span, None, unit)


STATED_TWICE = [
    (
        "Проекты стоят свыше полутора миллиардов долларов (1,7 млрд долл.) в сумме.",
        "свыше полутора миллиардов долларов (1,7 млрд долл.)",
        1.5e9,
    ),
    ("Дом продан за 2 млн долларов (2 000 000 долларов).", "2 млн долларов (2 000 000 долларов)", 2e6),
]


@pytest.mark.parametrize("text, span, value", STATED_TWICE)
def test_a_fact_stated_twice_in_a_row_is_one_figure(text, span, value):
    f = only(text)
    assert (f.text, f.value) == (span, value)


def test_a_conversion_to_another_currency_is_a_second_figure():
    found = figures_of("Он получал до 750 тысяч юаней (113 тысяч долларов) за пост.")
    assert [(f.text, f.unit) for f in found] == [("до 750 тысяч юаней", "CNY"), ("113 тысяч долларов", "USD")]


STATUS = [
    ("Товарооборот вырастет до 10 млрд долларов к 2030 году.", "target", 2030, "товарооборот"),
    ("Решено довести товарооборот до 5 млрд долларов.", "target", None, "товарооборот"),
    ("С начала года экспорт составил 2 млрд долларов.", "actual", None, "экспорт"),
    ("Доходы за 2023 год составили 4 млрд долларов.", "actual", 2023, "доходы"),
    ("Экспорт за год вырос на 12%.", "actual", None, "экспорт"),
    ("Реализуются 12 проектов на сумму 3 млрд долларов.", "portfolio", None, "проекты"),
    ("Портфель включает 130 проектов на $9 млрд.", "portfolio", None, "проекты"),
    ("Подписаны соглашения на сумму более $3 млрд.", "portfolio", None, "соглашения"),
    ("По итогам 2024 года товарооборот составил $4,4 млрд.", "actual", 2024, "товарооборот"),
    ("Завод построят в 110 км от города, планирует компания.", None, None, None),
]


@pytest.mark.parametrize("text, status, year, measure", STATUS)
def test_status_year_and_measure_where_the_text_says(text, status, year, measure):
    f = figures_of(text)[-1]
    assert (f.status, f.year, f.measure) == (status, year, measure)


NOT_FIGURES = [
    "Программа подписана 15 марта.",
    "Это случилось в 2030 году.",
    "До депортации 1944 года всё было иначе.",
    "На втором заседании обсудили третий вопрос.",
    "Задержан 31-летний мужчина.",
    "Отмечен 100-летний юбилей.",
    "Стороны остаются без договора в течение 65 лет.",
    "Через пять лет завод заработает.",
    "Встреча началась в 15:30.",
    "Цены выросли в 2,5 раза.",
    "Лидеры двух стран встретились.",
    "Правительства двух государств подписали протокол.",
    "Две страны спорят о границе.",
    "Нарушение по статье 19.7 КоАП.",
    "Изменили пункт 26 статьи 2 закона.",
    "Дело возбуждено по п. «з» ч. 2 ст. 112 УК РФ.",
    "Пандемия COVID-19 ослабла.",
    "Самолет Ту-154 приземлился.",
    "Это был 5-й раунд.",
    "Отмечают 110-ю годовщину полета.",
    "В 1990-е годы многое изменилось.",
    "Провели в 2024–2025 годах.",
    "Звоните 8 800 555 35 35.",
    "Скончался в возрасте 78 лет.",
    "Одна из групп пришла позже.",
    "Он получил 13-ти летний опыт.",
    "Опубликовано 30.03.2020 в газете.",
    "Тысячи людей вышли на улицы.",
    "Вышла статья «5 мыслей об играх».",
    "Несколько сотен человек пришли к участку.",
    "Несколько тысяч человек вышли на митинг.",
    "В 1995 и 2002 годах его освобождали.",
    "Голосование пройдет 20 и 21 марта.",
    "АСТАНА, 14 мар — РИА Новости. Министры встретились.",  # a dateline's abbreviated month
]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Количество совместных предприятий превысило 450.", "450", 450),
        ("Число туристов из Индии достигло почти 1,2 млн.", "почти 1,2 млн", 1.2e6),
        ("The number of visitors reached 3,400.", "3,400", 3400),
        ("Стороны решили довести число рейсов до 14 к концу года.", "до 14", 14),
    ],
)
def test_a_bare_number_the_clause_says_is_the_number_of_something_is_a_count(text, span, value):
    f = only(text, "en" if text.isascii() else "ru")
    assert (f.kind, f.text, f.value) == ("count", span, value)


def test_a_scaled_number_takes_the_currency_the_paragraph_gave_just_before():
    text = "Экспорт превысил 2,5 млрд евро. Мы рассчитываем выйти на 4 миллиарда."
    assert [(f.text, f.value, f.unit) for f in figures_of(text)] == [("2,5 млрд евро", 2.5e9, "EUR"), ("4 миллиарда", 4e9, "EUR")]


@pytest.mark.parametrize(
    "text",
    [
        "Экспорт превысил 2,5 млрд евро.\nНаселение превысило 20 млн.",  # another paragraph
        "Экспорт превысил 2,5 млрд евро. В стране 5 регионов и 40 районов.",  # no scale word
    ],
)
def test_a_number_far_from_a_sum_or_without_scale_takes_no_currency(text):
    assert [f.unit for f in figures_of(text) if f.kind == "money"] == ["EUR"]


@pytest.mark.parametrize("text", ["Количество заявок выросло в 2024 году.", "Компания заработала 300, а не 400."])
def test_a_bare_number_without_a_number_of_something_is_no_count(text):
    assert figures_of(text) == []


@pytest.mark.parametrize("text", ["The two leaders met in Rome.", "The two governments said on Monday.",
                                  "The two heads of state met."])
def test_two_of_the_parties_restate_them_in_english_too(text):
    assert figures_of(text, "en") == []


@pytest.mark.parametrize("text", ["Курсы: € 98.40 +0.25, $ 91.10 -0.40", "Главы двух государств встретились."])
def test_a_market_quote_and_two_heads_are_no_figures(text):
    assert figures_of(text) == []


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_dates_years_ordinals_ages_durations_and_names_are_no_figures(text):
    assert figures_of(text) == []


REGRESSIONS = [
    ("Объем инвестиций составил 5,3млн долларов.", "5,3млн долларов", 5.3e6, "USD"),
    ("Инвестиции 5,3млн руб. вложены.", "5,3млн руб.", 5.3e6, "RUB"),
    ("Товарооборот достиг 1,5 трлн рублей.", "1,5 трлн рублей", 1.5e12, "RUB"),
    ("Бюджет — 2 500 000 000 тенге.", "2 500 000 000 тенге", 2.5e9, "KZT"),
    ("Проект стоит 250 000 000 долларов.", "250 000 000 долларов", 2.5e8, "USD"),
    ("Капитализация 3,04 трлн долларов.", "3,04 трлн долларов", 3.04e12, "USD"),
]


@pytest.mark.parametrize("text, span, value, unit", MONEY_WITH_SCALES + CURRENCY_SIGNS_BEFORE + REGRESSIONS)
def test_money_named_or_signed_with_its_iso_code(text, span, value, unit):
    """Scale words and currency names, signs before the number, and the forms a money extractor gets wrong."""
    f = only(text)
    assert (f.kind, f.text, f.value, f.unit) == ("money", span, value, unit)


TABLES = (MONEY_WITH_SCALES, NUMBER_WORDS, CURRENCY_SIGNS_BEFORE, DECIMAL_AND_GROUPED, RANGES, QUALIFIERS, PERCENT,
          COUNTS, QUANTITIES, COORDINATED, STATED_TWICE, STATUS, REGRESSIONS)
ALL_TEXTS = [row[0] for table in TABLES for row in table if not row[0].isascii()]


def test_every_figure_text_is_the_source_at_its_offsets():
    text = "\n".join(ALL_TEXTS)
    found = figures_of(text)
    assert len(found) >= len(ALL_TEXTS)
    assert all(f.text == text[f.start : f.end] for f in found)


def test_the_seed_figures_are_anchored_in_the_source(seed_brief):
    text = seed_brief.source.text
    assert seed_brief.figures
    assert all(f.text == text[f.start : f.end] for f in seed_brief.figures)


def test_no_figure_runs_from_one_line_into_the_next():
    assert [f.text for f in figures_of("Построено 5\nзаводов и 3 дороги длиной 40 км.")] == ["3 дороги", "40 км"]


MEASURES = [
    # what a sum, a share or a quantity measures, in the nominative, its number kept
    ("ru", "Министры подписали контракты на 2 млрд рублей.", "контракты"),
    ("ru", "Экспорт зерна в республику вырос на 15%.", "экспорт"),
    ("ru", "Построят трубопровод протяженностью 120 километров.", "протяженность"),
    ("ru", "Хозяйству передадут 300 гектаров орошаемых полей.", "орошаемые поля"),
    ("ru", "Банк открыл 12 региональных филиалов.", "региональные филиалы"),
    ("en", "Canadian exports to Chile reached $40 million.", "Canadian exports"),
    ("en", "The navy will buy $2 billion of coastal patrol boats.", "coastal patrol boats"),
]


@pytest.mark.parametrize("language, text, measure", MEASURES)
def test_measure_is_a_short_nominative_phrase(language, text, measure):
    assert only(text, language).measure == measure


YEARS_AND_STATUS = [
    # a year said from the date line
    ("ru", "2021-03-05", "Экспорт в прошлом году вырос до 4 млрд долларов.", 0, "actual", 2020),
    ("ru", "2021-03-05", "За девять месяцев текущего года экспорт составил 3 млрд долларов.", 0, "actual", 2021),
    # where a change starts is what is; where it ends, the target
    ("ru", None, "Стороны решили увеличить экспорт с 2 млрд долларов до 5 млрд долларов.", 0, "actual", None),
    ("ru", None, "Стороны решили увеличить экспорт с 2 млрд долларов до 5 млрд долларов.", 1, "target", None),
    # an estimate, and what is to be created, are targets
    ("ru", None, "Министр оценил эффект соглашения в 3 млрд рублей.", 0, "target", None),
    ("ru", None, "Проекты предполагают создание 900 рабочих мест.", 0, "target", None),
    # the year of the sentence, not a year compared with
    ("en", None, "Exports reached $5 million in 2019, 12% more than in 2018.", 1, "actual", 2019),
]


@pytest.mark.parametrize("language, date, text, index, state, year", YEARS_AND_STATUS)
def test_status_and_year_from_the_sentence_and_the_date_line(language, date, text, index, state, year):
    lines = paragraphs(text)
    doc = Document(text, 0, lines, lines, [], [], lang.get(language), list(range(len(lines))))
    f = figures.find(Context(source=Source(text, language=language, date=date), doc=doc))[index]
    assert (f.status, f.year) == (state, year)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Подписаны контракты на 3 млрд 250 млн рублей.", 3_250_000_000),
        ("Товарооборот составил $1 млрд. 120 млн.", 1_120_000_000),
        ("Стороны подписали около трех десятков документов.", 30),
    ],
)
def test_a_sum_in_two_scales_and_tens_of_things(text, value):
    assert figures_of(text)[-1].value == value
