"""Lexicons: a word list matched in any inflected form, longest phrase first."""
from __future__ import annotations

import pytest

from briefgen.grammars.lexicon import Lexicon
from briefgen.grammars.tokens import tokenize

CURRENCIES = Lexicon.of_groups(
    {"USD": ["доллар", "долл.", "доллар США", "долл. США"], "HKD": ["гонконгский доллар"]}, True
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("долларов", ("USD", 1)),
        ("долларами", ("USD", 1)),
        ("долларов США", ("USD", 2)),
        ("гонконгских долларов", ("HKD", 2)),
        ("долл. США", ("USD", 3)),
        ("долл", ("USD", 1)),
        ("долл. Затем", ("USD", 1)),
        ("долл.)", ("USD", 2)),
        ("доля", None),
    ],
)
def test_inflected_forms_and_the_longest_phrase_match(text, expected):
    assert CURRENCIES.match(tokenize(text), 0) == expected


def test_a_form_must_be_read_as_the_lemma():
    numbers = Lexicon({"семь": 7, "восемь": 8}, True)
    assert numbers.match(tokenize("восемью"), 0) == (8, 1)
    assert numbers.match(tokenize("семью"), 0) is None  # "семья", not "семь"


def test_words_are_matched_as_written_where_the_language_is_not_inflected():
    en = Lexicon({"dollar": "USD"}, False)
    assert en.match(tokenize("dollar"), 0) == ("USD", 1)
    assert en.match(tokenize("dollars"), 0) is None


def test_a_phrase_ending_before_a_token():
    qualifiers = Lexicon.of_list(["более", "более чем на", "до"], False)
    toks = tokenize("упали более чем на 40")
    assert qualifiers.ends_at(toks, 4) == ("более чем на", 1)
    assert qualifiers.ends_at(toks, 1) is None
    assert not Lexicon({}, False) and qualifiers
