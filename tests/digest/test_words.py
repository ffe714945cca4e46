"""Counting words and finding repeats as the length and say-it-once rules count them."""
from __future__ import annotations

import pytest

from briefgen.digest.words import Seen, body_limit, count


@pytest.mark.parametrize("text, expected", [("1,7 млрд долл.", 4), ("[§4]", 1), ("— «»", 0), ("Токаев и Мирзиёев", 3)])
def test_count(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize("source_words, expected", [(100, 200), (200, 250), (500, 350), (1000, 700), (120, 220)])
def test_body_limit(source_words, expected):
    assert body_limit(source_words) == expected


def test_seen_flags_a_run_of_eight_words_once_said():
    seen = Seen()
    seen.take("Министры договорились открыть новый пункт пропуска на границе до конца года.")
    assert not seen.fresh("Ранее министры договорились открыть новый пункт пропуска на границе двух стран.")
    assert seen.fresh("Министры договорились открыть новый пункт пропуска.")  # seven words: fine
