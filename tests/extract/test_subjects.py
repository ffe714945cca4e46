"""Subjects: who the words before a verb name — a person, an organisation, a resolved title, or a noun."""
from __future__ import annotations

import pytest

from briefgen.document import analyse
from briefgen.extract import Context, people
from briefgen.extract.subjects import FIRST, NAMED, NOUN, PERSON, subject
from briefgen.model import Source


def subject_of(text: str, passive: bool = False):
    """The subject of the last sentence of `text`, from its words before the verb "заявил"."""
    ctx = Context(source=Source(text=text), doc=analyse(text))
    ctx.people = people.find(ctx)
    words = ctx.doc.sentence_words()[-1]
    verb = next(k for k, w in enumerate(words) if w.text == "заявил")
    return subject(ctx, words[:verb], None, passive)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Во вторник премьер-министр Турции Иван Петров заявил.", (NAMED, "Иван Петров")),
        ("Иван Петров прибыл в столицу. Глава государства заявил.", (PERSON, "Иван Петров")),
        ("Иван Петров прибыл в столицу. Он заявил.", (PERSON, "Иван Петров")),
        ("Мы заявил.", (FIRST, None)),
        ("Руководство страны заявил.", (NOUN, "Руководство страны")),
        ("Лидеры двух стран заявил.", (NOUN, "Лидеры двух стран")),
        ("На базе Сколково заявил.", (None, None)),
        ("В ходе визита заявил.", (None, None)),
        ("В конце 2016 года она заявил.", (PERSON, None)),  # a year is no subject; "она" has no antecedent here
        ("Делегация Турции заявил.", (NOUN, "Делегация Турции")),  # a place in the genitive is no apposition
        ("По данным Reuters, компания заявил.", (NOUN, "компания")),
    ],
)
def test_subject(text, expected):
    assert subject_of(text) == expected


def test_a_passive_clause_names_what_is_acted_on_not_who_acts():
    assert subject_of("Завод заявил.", passive=True) == (None, None)
    assert subject_of("Завод заявил.") == (NOUN, "Завод")
