"""Break opportunities in unbroken runs, so laying out a 3,000-letter word takes bounded time."""
from __future__ import annotations

import pytest

from briefgen.render.breaks import breakable

S = "\xad"


@pytest.mark.parametrize(("text", "expected"), [
    ("Переговоры прошли в Ташкенте.", "Переговоры прошли в Ташкенте."),
    ("а" * 30, "а" * 30),  # as long as a word gets: untouched
    ("а" * 31, "а" * 20 + S + "а" * 11),
    ("x " + "б" * 45 + " y", "x " + "б" * 20 + S + "б" * 20 + S + "б" * 5 + " y"),
    ("https://example.org/news/2025/11/15/visit", "https://example.org/" + S + "news/2025/11/15/visi" + S + "t"),
    ("северо-восточно-" + "в" * 25, "северо-восточно-" + "в" * 25),  # hyphens already break it
    ("", ""),
])
def test_breakable(text, expected):
    assert breakable(text) == expected


def test_a_run_longer_than_200_becomes_words_of_200():
    word = "Абв" + "г" * 2997
    words = breakable(word).split(" ")
    assert len(words) == 15 and "".join(words).replace(S, "") == word
    assert all(w == S.join(w.replace(S, "")[i:i + 20] for i in range(0, 200, 20)) for w in words)
