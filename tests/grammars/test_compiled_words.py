"""The compiled lexicons of figures.yaml: kept in the user cache, the same when read back, rebuilt when the lists change."""
from __future__ import annotations

import pytest

from briefgen import cache, data
from briefgen.grammars import words as words_module
from briefgen.grammars.tokens import tokenize


@pytest.fixture
def compiles(tmp_path, monkeypatch):
    """A fresh user cache; the list of languages compiled (not read from the cache) since."""
    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path)
    calls: list[str] = []
    compile_ = words_module._compile
    monkeypatch.setattr(words_module, "_compile", lambda language: calls.append(language) or compile_(language))
    words_module.words.cache_clear()
    yield calls
    words_module.words.cache_clear()


PHRASES = [
    ("миллиардов", "scales", 0, 1_000_000_000),
    ("долларов США", "currencies", 0, "USD"),
    ("процентов", "percent", 0, "процент"),
    ("километрами", "units", 0, "км"),
]


def test_a_second_start_reads_the_lexicons_and_they_match_alike(compiles):
    fresh = words_module.words("ru")
    words_module.words.cache_clear()  # as a new process would: nothing in memory, the entry on disk
    cached = words_module.words("ru")
    assert compiles == ["ru"]
    assert cached is not fresh
    for text, lexicon, i, _ in PHRASES:
        toks = tokenize(text)
        assert getattr(cached, lexicon).match(toks, i) == getattr(fresh, lexicon).match(toks, i)


@pytest.mark.parametrize(("text", "lexicon", "i", "value"), PHRASES)
def test_cached_lexicons_match_inflected_forms(compiles, text, lexicon, i, value):
    words_module.words("ru")
    words_module.words.cache_clear()
    got = getattr(words_module.words("ru"), lexicon).match(tokenize(text), i)
    assert got is not None and got[0] == value


def test_changed_word_lists_are_compiled_again(compiles, monkeypatch):
    words_module.words("ru")
    words_module.words.cache_clear()
    monkeypatch.setattr(data, "digest", lambda name: "another figures.yaml")
    words_module.words("ru")
    assert compiles == ["ru", "ru"]
