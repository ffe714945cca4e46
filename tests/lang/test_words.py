"""Words: offsets kept, every likely reading known, phrases (lemmas, exact forms, prefixes, gaps) matched."""
from __future__ import annotations

import re

import pytest

from briefgen import lang
from briefgen.lang import grammar as g
from briefgen.lang.words import form_pattern, phrase_index, phrases_at, readings, words_of


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
        # an exact form matches that written form only, in any case, ё as е
        ("по =словам", "по словам министра", True),
        ("по =словам", "по слову министра", False),
        ("=Пообещал", "пообещал построить мост", True),
        ("=пообещал", "пообещали построить мост", False),
        ("=ещё раз", "еще раз подтвердили", True),
        # a prefix matches every lemma it begins, in any form
        ("сельхоз*", "сельхозпроизводителям выделят кредиты", True),
        ("сельхоз*", "сельскому хозяйству выделят кредиты", False),
        ("водный сельхоз*", "водных сельхозугодий", True),
        # kinds mix in one phrase, a gap before a form
        ("подписать ... =соглашение", "подписали важное соглашение", True),
        ("подписать ... =соглашение", "подписали важные соглашения", False),
    ],
)
def test_phrases_match_lemmas_forms_prefixes_and_gaps(phrase, text, matched):
    index = phrase_index({phrase: "kind"})
    words = [w for w in words_of(text) if w.is_word]
    assert bool(phrases_at(words, 0, index)) is matched


def test_phrase_reports_its_end_and_the_lemma_it_opened_with():
    words = [w for w in words_of("Сельхозпроизводители подписали договор") if w.is_word]
    assert phrases_at(words, 0, phrase_index({"сельхоз* подписать": "deal"})) == [
        (2, "deal", "сельхозпроизводитель", False)
    ]


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("=сообщает", "как сообщает агентство", "сообщает"),
        ("=сообщает", "как сообщило агентство", None),  # an exact form, not the lemma
        ("агентств*", "агентству Новости", "агентству"),  # a prefix begins a written form
        ("=Forwarded =from", "Forwarded  from Kabar", "Forwarded  from"),
        ("=в ... =интервью", "в большом интервью", "в большом интервью"),
        ("=в ... =интервью", "в очень долгом большом интервью", None),  # the gap is at most two words
    ],
)
def test_form_patterns_match_raw_text(phrase, text, found):
    m = re.search(form_pattern([phrase]), text)
    assert (m.group() if m else None) == found


def test_a_lemma_has_no_raw_text_pattern():
    with pytest.raises(ValueError, match="exact forms"):
        form_pattern(["сообщать"])
