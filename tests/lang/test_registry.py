"""Languages: detected from their letters before analysis, words read in the normalised grammar."""
from __future__ import annotations

import re

import pytest

from briefgen import lang
from briefgen.lang import grammar as g


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Стороны подписали соглашение о сотрудничестве.", "ru"),
        ("The sides signed an agreement on cooperation.", "en"),
        ("Агентство Reuters сообщило о переговорах.", "ru"),  # a Latin name in a Russian text
        ("The talks in Москва went on.", "en"),  # more Latin letters than Cyrillic
        ("", "ru"),  # no letters: the first registered language
    ],
)
def test_detect_counts_each_alphabet_letters(text, code):
    assert lang.detect(text).code == code


def test_codes_come_from_the_table():
    assert lang.codes()[:2] == ("ru", "en")


@pytest.mark.parametrize(
    ("word", "lemma", "marks"),
    [
        ("стороны", "сторона", (g.NOUN, g.GEN, g.SINGULAR)),
        ("подпишут", "подписать", (g.VERB, g.PERFECTIVE, g.FUTURE, g.PLURAL, g.THIRD)),
        ("созданы", "создать", (g.PARTICIPLE_SHORT, g.PAST, g.PASSIVE)),
    ],
)
def test_readings_speak_the_normalised_grammar(word, lemma, marks):
    best = lang.readings(word)[0]
    assert (best.lemma, best.has(*marks)) == (lemma, True)


def test_a_reading_names_its_features():
    best = lang.readings("стороны")[0]
    assert (best.pos, best.case, best.number, best.gender) == (g.NOUN, g.GEN, g.SINGULAR, g.FEMININE)


@pytest.mark.parametrize(
    ("word", "marks", "form"),
    [
        ("Хорватии", (g.NOM,), "хорватия"),
        ("министр", (g.GEN,), "министра"),
        ("заявил", (g.PLURAL,), "заявили"),
    ],
)
def test_inflect_takes_normalised_marks(word, marks, form):
    assert lang.readings(word)[0].inflect(*marks) == form


def test_readings_are_computed_once_per_form():
    assert lang.readings("Стороны") is lang.readings("стороны")


@pytest.mark.parametrize(("word", "code"), [("signed", "en"), ("подписали", "ru"), ("2025", "ru")])
def test_reader_is_the_language_that_writes_the_word(word, code):
    assert lang.reader(word, lang.get("ru")).code == code


@pytest.mark.parametrize(
    ("code", "word", "matched"),
    [
        ("en", "José", True),
        ("en", "Jean-Marc", True),
        ("en", "Иван", False),
        ("ru", "Иван", True),
        ("ru", "Ёлкин", True),
        ("ru", "ivan", False),
    ],
)
def test_a_capitalised_word_in_the_languages_letters(code, word, matched):
    assert bool(re.fullmatch(lang.letters.word(lang.get(code)), word)) is matched


def test_a_capital_is_one_letter():
    assert lang.letters.capitals("aßb") == "AB"
