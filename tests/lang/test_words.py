"""Words: offsets kept, every likely reading known, lemma phrases matched with gaps."""
from __future__ import annotations

import pytest

from briefgen import lang
from briefgen.lang import grammar as g
from briefgen.lang.words import phrase_index, phrases_at, readings, words_of


def test_words_keep_their_offsets():
    text = "Стороны договорились, что «Узавтосаноат» откроет завод."
    words = words_of(text, 100)
    assert all(text[w.start - 100 : w.end - 100] == w.text for w in words)
    assert [w.text for w in words if not w.is_word] == [",", "«", "»", "."]


@pytest.mark.parametrize(
    ("word", "lemma", "grammeme"),
    [
        ("стороны", "сторона", g.NOM),  # rarer cases of the likeliest lemma stay: "стороны" can be the subject
        ("намерены", "намерен", g.ADJ_SHORT),  # a likely other lemma stays too
        ("Создаваемого", "создавать", g.PARTICIPLE),
    ],
)
def test_readings(word, lemma, grammeme):
    assert any(r.lemma == lemma and grammeme in r for r in readings(word))


def test_english_forms_reach_the_base_word():
    assert {"propose", "proposed"} <= {r.lemma for r in readings("proposed")}


def test_a_word_is_read_by_the_language_that_writes_it():
    """A Latin word in a Russian text is read as English (no grammar); a Russian word by the dictionary."""
    ru = lang.get("ru")
    assert not any(r.analysed for r in readings("signed", ru))
    assert all(r.analysed for r in readings("подписали", ru))


@pytest.mark.parametrize(
    ("phrase", "text", "matched"),
    [
        ("объявить ... решение", "объявили принципиальные решения о создании", True),
        ("объявить ... решение", "объявили о начале продаж, а решения нет", False),  # the gap is at most two words
        ("указать на важность", "указал на важность продолжения", True),
        ("указать на важность", "указал на ошибки", False),
    ],
)
def test_phrases_match_lemmas_with_gaps(phrase, text, matched):
    index = phrase_index({phrase: "kind"})
    words = [w for w in words_of(text) if w.is_word]
    assert bool(phrases_at(words, 0, index)) is matched
