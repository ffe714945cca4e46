"""Referents: who names, titles and pronouns refer to, reading the text in order."""
from __future__ import annotations

import pytest

from briefgen.document import analyse
from briefgen.extract import Context, discourse, people, roles
from briefgen.source import source_from_text


def read(text: str) -> list[tuple[str, str | None]]:
    """(phrase, the person it resolves to) for each subject phrase, read in order."""

    ctx = Context(source=source_from_text(text), doc=analyse(text))
    ctx.roles = roles.find(ctx)
    ctx.people = people.find(ctx)
    reader = discourse.Reader()
    out = []
    for ref in discourse.refs(ctx, []):
        who = reader.read(ref)
        if ref.subject:
            out.append((text[ref.start : ref.end], who.name if who else None))
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Губернатор Иван Козлов встретился с министром Олегом Смирновым. Он отметил рост экономики.",
            [("Губернатор Иван Козлов", "Иван Козлов"), ("Он", "Иван Козлов")],
        ),
        (
            "Министр Анна Соколова и губернатор Иван Козлов выступили. Иван Козлов ушел. Она осталась.",
            [("Министр Анна Соколова", "Анна Соколова"), ("губернатор Иван Козлов", "Иван Козлов"),
             ("Иван Козлов", "Иван Козлов"), ("Она", "Анна Соколова")],
        ),
        (
            "Иван Козлов встретился с губернатором Олегом Смирновым. Губернатор отметил рост экономики.",
            [("Иван Козлов", "Иван Козлов"), ("Губернатор", "Олег Смирнов")],
        ),
        (
            "По словам министра Олега Смирнова, рост продолжится.",
            [("министра Олега Смирнова", "Олег Смирнов")],
        ),
        (
            "Иван Козлов купил дом. Представитель Козлова отказался от комментариев.",
            [("Иван Козлов", "Иван Козлов"), ("Представитель", None)],
        ),
    ],
)
def test_subject_phrases_resolve_to_people(text, expected):
    assert read(text) == expected


def test_a_title_gives_the_topic_the_role_and_the_place():
    text = "Иван Козлов открыл форум. Президент Сербии подчеркнул значение встречи."
    ctx_people = read(text)
    assert ctx_people[-1] == ("Президент Сербии", "Иван Козлов")
