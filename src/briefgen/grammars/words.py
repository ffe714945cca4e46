"""Turn `data/figures.yaml` into the lexicons of one language, built once per user (see `words`)."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .. import cache, data, lang
from ..lang import pymorphy
from . import lexicon, tokens
from .lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Cues:
    """What the sentence around a figure may say about it (see `status` in figures.yaml)."""

    year_before: Lexicon
    year_after: Lexicon
    target: Lexicon
    change: Lexicon
    actual: Lexicon
    actual_year_before: Lexicon
    actual_year_after: Lexicon
    compared: Lexicon
    relative_year: Lexicon
    relative_unit: Lexicon
    change_from: Lexicon
    portfolio: Lexicon
    portfolio_link: Lexicon
    measure_link: Lexicon


@dataclass(frozen=True, slots=True)
class Words:
    """Every word list the figure grammars read, for one language."""

    inflected: bool
    numbers: Lexicon
    scales: Lexicon
    vague: Lexicon
    currencies: Lexicon
    signs: Lexicon
    percent: Lexicon
    units: Lexicon
    qualifiers: Lexicon
    range_from: Lexicon
    range_to: Lexicon
    dashes: frozenset[str]
    coordination: Lexicon
    cardinal_endings: frozenset[str]
    not_counted: Lexicon
    references: Lexicon
    parties: Lexicon
    parties_max: float
    plural_endings: tuple[str, ...]
    plural_nouns: frozenset[str]
    not_plural: frozenset[str]
    modifier_endings: tuple[str, ...]
    decimal_marks: str
    measures: Lexicon
    counted_measures: Lexicon
    cues: Cues


@data.cached
def words(language: str) -> Words:
    """The lexicons of `language` (Russian when the data has no lists for it), compiled once per user.

    Compiling looks up every inflected form of every listed word (about 0.1 s);
    the result is kept in the user cache, keyed by the word lists, the code
    that compiles them and the morphological dictionary.
    """
    code = b"".join(Path(f).read_bytes() for m in (sys.modules[__name__], lexicon, tokens, lang, pymorphy) if (f := m.__file__))
    versions = pymorphy.versions()
    name = f"words-{cache.key(language, data.digest('figures'), code, *versions)}.pickle"
    return cache.pickled(name, lambda: _compile(language))


def _compile(language: str) -> Words:
    table = data.load("figures")
    chosen = language if language in table["numbers"] else "ru"
    inf = bool(table["inflected"].get(chosen))

    def lst(key: str) -> Lexicon:
        return Lexicon.of_list(table[key].get(chosen, []), inf)

    rng, status, plurals = table["range"][chosen], table["status"], table["plurals"].get(chosen, {})
    return Words(
        inflected=inf,
        numbers=Lexicon(table["numbers"][chosen], inf),
        scales=Lexicon(table["scales"][chosen], inf),
        vague=lst("vague"),
        currencies=Lexicon.of_groups(table["currencies"][chosen], inf),
        signs=Lexicon.of_groups(table["signs"], False),
        percent=lst("percent"),
        units=Lexicon.of_groups(table["units"][chosen], inf),
        qualifiers=Lexicon.of_list(table["qualifiers"][chosen], False),
        range_from=Lexicon.of_list(rng["from"], False),
        range_to=Lexicon.of_list(rng["to"], False),
        dashes=frozenset(rng["dash"]),
        coordination=Lexicon.of_list(table["coordination"][chosen], False),
        cardinal_endings=frozenset(table["cardinal_endings"].get(chosen, [])),
        not_counted=lst("not_counted"),
        references=lst("references"),
        parties=lst("parties"),
        parties_max=float(table["parties_max"]),
        plural_endings=tuple(plurals.get("endings", [])),
        plural_nouns=frozenset(plurals.get("nouns", [])),
        not_plural=frozenset(plurals.get("not", [])),
        modifier_endings=tuple(plurals.get("modifier_endings", [])),
        decimal_marks=table["decimal_marks"][chosen],
        measures=lst("measures"),
        counted_measures=lst("counted_measures"),
        cues=Cues(
            year_before=Lexicon.of_list(status["target_year"][chosen]["before"], False),
            year_after=Lexicon.of_list(status["target_year"][chosen]["after"], inf),
            target=Lexicon.of_list(status["target"].get(chosen, []), inf),
            change=Lexicon.of_list(status["change"].get(chosen, []), inf),
            actual=Lexicon.of_list(status["actual"].get(chosen, []), False),
            actual_year_before=Lexicon.of_list(status["actual_year"][chosen]["before"], False),
            actual_year_after=Lexicon.of_list(status["actual_year"][chosen]["after"], inf),
            compared=Lexicon.of_list(status["actual_year"][chosen].get("compared", []), False),
            relative_year=Lexicon(status["relative_year"][chosen]["words"], inf),
            relative_unit=Lexicon.of_list(status["relative_year"][chosen]["unit"], inf),
            change_from=Lexicon.of_list(status["change_from"].get(chosen, []), False),
            portfolio=Lexicon.of_list(status["portfolio"].get(chosen, []), inf),
            portfolio_link=Lexicon.of_list(status["portfolio_link"].get(chosen, []), inf),
            measure_link=Lexicon.of_list(status["measure_link"].get(chosen, []), False),
        ),
    )
