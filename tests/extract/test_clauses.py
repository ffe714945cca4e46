"""Clauses: a sentence splits where a clause-opening word follows a comma, and at quotation edges."""
from __future__ import annotations

import pytest

from briefgen import data
from briefgen.extract.clauses import split
from briefgen.lang.words import words_of

OPENERS = {w: kind for kind, ws in data.load("commitments")["clauses"]["ru"].items() for w in ws}


def clauses(text: str, regions=()) -> list[tuple[str, str]]:
    """(kind, text) of each clause, its trailing punctuation dropped."""
    out = []
    for c in split(words_of(text), OPENERS, list(regions)):
        out.append((c.kind, text[c.words[0].start : c.words[-1].end].rstrip(",;. ")))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Министр сообщил, что будет расширять программу.",
         [("main", "Министр сообщил"), ("complement", "что будет расширять программу")]),
        ("Письмо, в котором просили о помощи, передали послу.",
         [("main", "Письмо"), ("relative", "в котором просили о помощи, передали послу")]),
        ("Министр предложил создать группу, а посол пригласил делегацию.",
         [("main", "Министр предложил создать группу"), ("coordinate", "а посол пригласил делегацию")]),
        # a coordinate stretch without a verb of its own stays with its clause
        ("Будет терпеливо, но настойчиво вести переговоры.", [("main", "Будет терпеливо, но настойчиво вести переговоры")]),
        ("Если проект одобрят, компания получит кредит.", [("condition", "Если проект одобрят, компания получит кредит")]),
        ("Стороны обсудили торговлю; решено создать комиссию.",
         [("main", "Стороны обсудили торговлю"), ("coordinate", "решено создать комиссию")]),
    ],
)
def test_split_at_clause_openers(text, expected):
    assert clauses(text) == expected


def test_relative_clause_runs_to_the_next_opener():
    # the main clause resumes after a relative one without a word to mark it: it stays with the relative clause
    assert [k for k, _ in clauses("Завод, который строится в Джизаке, откроется весной.")] == ["main", "relative"]


def test_a_quotation_edge_always_splits():
    text = "Он сказал: «Мы откроем завод», – и уехал."
    start = text.index("Мы")
    got = clauses(text, [(start, start + len("Мы откроем завод"))])
    assert ("quote", "Мы откроем завод") in got
    assert got[0] == ("main", "Он сказал: «")
