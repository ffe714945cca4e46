"""Noun phrases around a head: bounds and the nominative."""
from __future__ import annotations

import pytest

from briefgen.document import analyse
from briefgen.extract import phrases


@pytest.mark.parametrize(
    "text, head, expected",
    [
        ("во время Питерского экономического форума", "форум", "Питерский экономический форум"),
        ("с министром иностранных дел Японии", "министр", "министр иностранных дел Японии"),
        ("приднестровского аналитика прогноз", "аналитик", "приднестровский аналитик"),
        ("после встреч на высшем уровне", "встреча", "встречи"),
    ],
)
def test_the_phrase_around_a_head_in_the_nominative(text, head, expected):
    doc = analyse(text)
    words = [t for t in doc.tokens if t.text[:1].isalpha()]
    i, reading = next((i, r) for i, r in enumerate(phrases.head_reading(w.text, frozenset({head})) for w in words) if r)
    begin, end = phrases.bounds(doc.text, words, i, reading, 4, set())
    assert phrases.nominative_phrase(words, begin, i, end, reading) == expected
