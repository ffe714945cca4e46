"""The word lists of data/*.yaml, as extractors read them."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from briefgen import data


@pytest.mark.parametrize(
    ["name", "key", "language", "present"],
    [("roles", "posted_at", "ru", "при"), ("roles", "title_links", "en", "of"), ("events", "meetings", "en", "summit")],
)
def test_a_word_list_is_one_language_of_one_key(name, key, language, present):
    words = data.word_set(name, key, language)
    assert present in words
    assert words == frozenset(data.load(name)[key][language])


@pytest.mark.parametrize(["name", "key", "language"], [("roles", "states", "xx"), ("roles", "no_such_list", "ru")])
def test_a_language_or_list_the_file_lacks_is_empty(name, key, language):
    assert data.word_set(name, key, language) == frozenset()


@dataclass(frozen=True)
class _Few:
    """A bundle of three commitment lists, read the three ways a field can be."""

    hedges: frozenset[str] = data.entry()
    auxiliaries: tuple[str, ...] = data.entry("future_auxiliaries")
    cue_count: int = data.entry("cues", len)


def test_a_bundle_reads_each_field_from_its_list():
    few = data.bundle(_Few, "commitments", "en")
    assert ("may" in few.hedges, few.auxiliaries, few.cue_count > 0) == (True, ("will", "shall", "would"), True)


def test_a_language_without_lists_gets_empty_ones():
    assert data.bundle(_Few, "commitments", "xx") == _Few(frozenset(), (), 0)
