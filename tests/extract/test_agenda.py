"""Agenda areas: taxonomy keywords (lemmas) in a sentence or heading make an area, with its evidence; names do not."""
from __future__ import annotations

import pytest

from briefgen import data
from briefgen.extract import agenda, extract_brief
from briefgen.lang.words import index_phrases, words_of
from briefgen.model import Source


def areas(text: str) -> dict[str, list[str]]:
    """Area id → the texts of its evidence."""
    return {a.id: [e.text for e in a.evidence] for a in extract_brief(Source(text=text)).agenda_areas}


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # inflected forms of single-word keywords
        ("Министры обсудили взаимную торговлю. Товарооборот вырос, экспорт увеличился.", "trade"),
        ("Стороны договорились о поставках зерна. Обсуждались и вопросы животноводства.", "agriculture"),
        ("Обсуждена модернизация железных дорог. Особое внимание уделено транзиту грузов.", "transport"),
        # multi-word keywords match their lemmas in sequence
        ("Страны развивают искусственный интеллект. Открыт центр искусственного интеллекта.", "digital"),
        ("Обсуждено рациональное использование водных ресурсов. Отмечена роль трансграничных рек.", "water"),
        # a compound word matches by its last part too
        ("Стороны рассмотрели транзитно-транспортные вопросы. Обсуждено развитие логистики.", "transport"),
    ],
)
def test_keywords_in_two_sentences_make_an_area(text, area):
    found = areas(text)
    assert area in found
    assert len(found[area]) == 2


def test_evidence_is_the_sentences_that_name_the_area():
    found = areas("Министры обсудили торговлю. Погода была солнечной. Экспорт зерна вырос.")
    assert found["trade"] == ["Министры обсудили торговлю.", "Экспорт зерна вырос."]


def test_a_heading_is_evidence_enough():
    found = areas("Энергетика\nСтороны обсудили ряд вопросов сотрудничества.")
    assert found["energy"] == ["Энергетика"]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Стороны договорились открыть в столице филиал медицинского университета.", "education"),
        ("Президент предложил создать совместное предприятие по выпуску сельхозтехники.", "agriculture"),
        ("Гость пригласил коллег на форум регионов двух стран.", "regional"),
        ("Делегации обсудили сотрудничество в рамках ООН.", "multilateral"),
        ("Доля расчетов в рублях и юанях выросла.", "finance"),
        ("Стороны обсудили сотрудничество в сфере СМИ.", "culture"),
        ("Консул предложил программу обмена для студентов-медиков.", "education"),  # a compound's first part
        ("The ministers discussed direct flights between the two capitals.", "transport"),
        ("Лидеры встретятся на полях саммита «Группы двадцати».", "multilateral"),
        ("The leaders will meet again at the APEC summit.", "multilateral"),
        ("Стороны предложили создать трехсторонний союз для газовых проектов.", "multilateral"),
        ("Очередное заседание межгоскомиссии пройдет в столице.", "politics"),
        ("They discussed the conflicts in the region.", "security"),
        ("Ministers signed an agreement on film co-production.", "culture"),
        ("По итогам поездки подписаны контракты на поставку техники.", "trade"),
    ],
)
def test_one_sentence_about_an_area_makes_it(text, area):
    assert area in areas(text)


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Министр торговли прибыл в столицу. Он провел переговоры с коллегами.", "trade"),
        ("Делегацию встретили в аэропорту. Промышленный банк прислал своего представителя.", "industry"),
        ("Делегация остановилась в гостинице «Торговый двор».", "trade"),
        ("Зарплата на новых заводах будет выше среднего уровня по региону.", "regional"),
        ("По сообщению местных СМИ, делегация прибыла вечером.", "culture"),  # media cited as a source
        ("Министр сообщил журналистам об итогах визита.", "culture"),
    ],
)
def test_a_keyword_inside_a_title_or_name_is_a_passing_mention(text, area):
    assert area not in areas(text)


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("It was a long day, and it ended late.", "digital"),  # the pronoun, not IT
        ("They discussed the nuclear issue of the peninsula.", "energy"),  # a weapon as often as a power plant
        ("They agreed on animal and plant health checks.", "industry"),  # a plant that grows
    ],
)
def test_english_words_that_name_an_area_only_in_a_phrase(text, area):
    assert area not in areas(text)


@pytest.fixture
def own_taxonomy(tmp_path, monkeypatch):
    """A ministry's own two-area taxonomy, in force through BRIEFGEN_TAXONOMY for one test."""
    path = tmp_path / "taxonomy.yaml"
    path.write_text(
        "areas:\n"
        "  - id: space\n"
        "    label: {ru: Космос, en: Space}\n"
        "    keywords: {ru: [космос, космический, спутник, ракета-носитель], en: [space, satellite]}\n"
        "  - id: fisheries\n"
        "    label: {ru: Рыболовство, en: Fisheries}\n"
        "    keywords: {ru: [рыболовство, рыбный промысел], en: [fishing]}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("BRIEFGEN_TAXONOMY", str(path))
    data.forget()
    yield
    monkeypatch.delenv("BRIEFGEN_TAXONOMY")
    data.forget()


def test_a_replaced_taxonomy_is_used_instead(own_taxonomy):
    text = "Стороны обсудили космические программы и торговлю. Запуск спутника намечен на осень. Торговля растет."
    brief = extract_brief(Source(text=text))
    assert [(a.id, a.label) for a in brief.agenda_areas] == [("space", "Космос")]
    assert all(c.area in (None, "space") for c in brief.commitments)


@pytest.mark.parametrize(
    ("text", "weights"),
    [
        ("Обсудили поставки сельхозтехники.", {"farm": 1}),  # a prefix keyword
        ("Обсудили водные ресурсы региона.", {"water": 2}),  # a multi-word keyword weighs its length
        ("Обсудили водные, ресурсы.", {"water": 2}),  # punctuation does not part its words
        ("Обсудили водный баланс.", {}),
        ("Обсудили охрану вод.", {"water": 1}),  # an exact form
        ("Обсудили охрану воды.", {}),
    ],
)
def test_keywords_are_phrases_in_the_word_syntax(text, weights):
    taxonomy = index_phrases([("сельхоз*", "farm"), ("водный ресурс", "water"), ("=вод", "water")])
    assert agenda.area_weights(words_of(text), taxonomy) == weights
