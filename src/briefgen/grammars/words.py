"""Turn `data/figures.yaml` into the lexicons of one language, built once per user (see `words`)."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import cache, data, lang
from ..lang import pymorphy
from . import lexicon, tokens
from .lexicon import Lexicon


def _lexicon(table: dict[str, Any], inflected: bool) -> Lexicon:
    return Lexicon(table, inflected)


def _inflected(items: list[Any], inflected: bool) -> Lexicon:
    return Lexicon.of_list(items, inflected)


def _plain(items: list[Any]) -> Lexicon:
    return Lexicon.of_list(items, False)


def _groups(groups: dict[str, list[Any]], inflected: bool) -> Lexicon:
    return Lexicon.of_groups(groups, inflected)


def _plain_groups(groups: dict[str, list[Any]]) -> Lexicon:
    return Lexicon.of_groups(groups, False)


def _text(value: Any) -> str:
    return value or ""


INFLECTED = {"build": _inflected, "options": True}  # a word list whose words match in any inflected form


@dataclass(frozen=True, slots=True)
class Cues:
    """What the sentence around a figure may say about it (see `status` in figures.yaml)."""

    year_before: Lexicon = data.entry("status.target_year", _plain, inner="before")
    year_after: Lexicon = data.entry("status.target_year", inner="after", **INFLECTED)
    target: Lexicon = data.entry("status.target", **INFLECTED)
    change: Lexicon = data.entry("status.change", **INFLECTED)
    actual: Lexicon = data.entry("status.actual", _plain)
    actual_year_before: Lexicon = data.entry("status.actual_year", _plain, inner="before")
    actual_year_after: Lexicon = data.entry("status.actual_year", inner="after", **INFLECTED)
    compared: Lexicon = data.entry("status.actual_year", _plain, inner="compared")
    relative_year: Lexicon = data.entry("status.relative_year", _lexicon, inner="words", options=True)
    relative_unit: Lexicon = data.entry("status.relative_year", inner="unit", **INFLECTED)
    change_from: Lexicon = data.entry("status.change_from", _plain)
    portfolio: Lexicon = data.entry("status.portfolio", **INFLECTED)
    portfolio_link: Lexicon = data.entry("status.portfolio_link", **INFLECTED)
    measure_link: Lexicon = data.entry("status.measure_link", _plain)


@dataclass(frozen=True, slots=True)
class Words:
    """Every word list the figure grammars read, for one language: each field one list of figures.yaml."""

    inflected: bool = data.entry(build=bool)
    numbers: Lexicon = data.entry(build=_lexicon, options=True)
    scales: Lexicon = data.entry(build=_lexicon, options=True)
    vague: Lexicon = data.entry(**INFLECTED)
    currencies: Lexicon = data.entry(build=_groups, options=True)
    signs: Lexicon = data.entry(build=_plain_groups, shared=True)
    percent: Lexicon = data.entry(**INFLECTED)
    units: Lexicon = data.entry(build=_groups, options=True)
    qualifiers: Lexicon = data.entry(build=_plain)
    range_from: Lexicon = data.entry("range", _plain, inner="from")
    range_to: Lexicon = data.entry("range", _plain, inner="to")
    dashes: frozenset[str] = data.entry("range", inner="dash")
    coordination: Lexicon = data.entry(build=_plain)
    cardinal_endings: frozenset[str] = data.entry()
    not_counted: Lexicon = data.entry(**INFLECTED)
    references: Lexicon = data.entry(**INFLECTED)
    parties: Lexicon = data.entry(**INFLECTED)
    parties_max: float = data.entry(build=float, shared=True)
    plural_endings: tuple[str, ...] = data.entry("plurals", inner="endings")
    plural_nouns: frozenset[str] = data.entry("plurals", inner="nouns")
    not_plural: frozenset[str] = data.entry("plurals", inner="not")
    modifier_endings: tuple[str, ...] = data.entry("plurals", inner="modifier_endings")
    decimal_marks: str = data.entry(build=_text)
    measures: Lexicon = data.entry(**INFLECTED)
    counted_measures: Lexicon = data.entry(**INFLECTED)
    cues: Cues = data.entry()  # given: built from the `status` lists


@data.cached
def words(language: str) -> Words:
    """The lexicons of `language` (Russian when the data has no lists for it), compiled once per user.

    Compiling looks up every inflected form of every listed word (about 0.1 s);
    the result is kept in the user cache, keyed by the word lists, the code
    that compiles them and the morphological dictionary.
    """
    code = b"".join(Path(f).read_bytes() for m in (sys.modules[__name__], lexicon, tokens, lang, pymorphy) if (f := m.__file__))
    name = f"words-{cache.key(language, data.digest('figures'), code, *pymorphy.identity())}.pickle"
    return cache.pickled(name, lambda: _compile(language))


def _compile(language: str) -> Words:
    table = data.load("figures")
    chosen = language if language in table["numbers"] else "ru"
    options = {"inflected": bool(table["inflected"].get(chosen))}
    cues = data.bundle(Cues, "figures", chosen, options)
    return data.bundle(Words, "figures", chosen, options, cues=cues)
