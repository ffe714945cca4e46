"""A morphology backend on pymorphy3 (Russian): its readings in the normalised grammar, cached per word form.

The only module that knows pymorphy's tag names: each reading's tag is mapped
to the names of `grammar` once per distinct word form, and inflection maps
them back. Readings are also kept in the user cache (`stored_readings`), so
the dictionary is loaded only for a form no earlier run has met. All
morphology goes through pymorphy3 (the maintained fork): natasha's own
pymorphy2-based vocabulary is never built.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from .. import cache
from . import grammar as g
from .reading import Reading
from .stored_readings import Store

# pymorphy3 (OpenCorpora) grammeme → normalised name
_NAMES = {
    "NOUN": g.NOUN, "ADJF": g.ADJ, "ADJS": g.ADJ_SHORT, "COMP": g.COMPARATIVE, "VERB": g.VERB,
    "INFN": g.INFINITIVE, "PRTF": g.PARTICIPLE, "PRTS": g.PARTICIPLE_SHORT, "GRND": g.GERUND,
    "NUMR": g.NUMERAL, "ADVB": g.ADVERB, "NPRO": g.PRONOUN, "PRED": g.PREDICATIVE, "PREP": g.PREPOSITION,
    "CONJ": g.CONJUNCTION, "PRCL": g.PARTICLE, "INTJ": g.INTERJECTION,
    "nomn": g.NOM, "gent": g.GEN, "gen2": g.GEN2, "datv": g.DAT, "accs": g.ACC, "ablt": g.INS, "loct": g.LOC, "loc2": g.LOC2,
    "acc2": g.ACC2, "voct": g.VOC,
    "sing": g.SINGULAR, "plur": g.PLURAL, "masc": g.MASCULINE, "femn": g.FEMININE, "neut": g.NEUTER, "ms-f": g.COMMON, "Ms-f": g.VARYING_GENDER,
    "1per": g.FIRST, "2per": g.SECOND, "3per": g.THIRD, "past": g.PAST, "pres": g.PRESENT, "futr": g.FUTURE,
    "perf": g.PERFECTIVE, "impf": g.IMPERFECTIVE, "pssv": g.PASSIVE, "indc": g.INDICATIVE, "impr": g.IMPERATIVE,
    "tran": g.TRANSITIVE, "anim": g.ANIMATE, "Name": g.FIRST_NAME, "Surn": g.SURNAME, "Patr": g.PATRONYMIC,
    "Geox": g.PLACE, "Orgn": g.ORGANISATION, "Abbr": g.ABBREVIATION, "Fixd": g.INDECLINABLE,
    "Apro": g.PRONOMINAL, "Anum": g.ORDINAL, "Qual": g.QUALITATIVE, "Prdx": g.PREDICATIVE_USE, "LATN": g.LATIN, "NUMB": g.DIGITS,
}
_RAW = {name: raw for raw, name in _NAMES.items()}
_OTHER = "analysed"  # the mark of a reading whose grammemes have no normalised name (pymorphy's UNKN, PNCT …)


@functools.cache
def analyzer() -> Any:
    """A pymorphy3 analyzer on the Russian dictionary package, built on first use.

    The dictionary is named rather than found: finding it reads the entry points of every installed package.
    """
    import pymorphy3
    import pymorphy3_dicts_ru
    from pymorphy3 import shapes

    shapes.is_latin_char = _latin_or_unnamed(shapes.is_latin_char)
    return pymorphy3.MorphAnalyzer(pymorphy3_dicts_ru.get_path(), lang="ru")


def _latin_or_unnamed(is_latin_char: Callable[[str], bool]) -> Callable[[str], bool]:
    """pymorphy3's letter test, but False for a letter Unicode gives no name (it raises: pymorphy2 issue #137)."""

    def check(ch: str) -> bool:
        try:
            return is_latin_char(ch)
        except ValueError:
            return False

    return check


@functools.cache
def identity() -> tuple[str, ...]:
    """The analyser's and its dictionary's files (path, size, time), found without importing pymorphy3: part of the
    key of anything made with them."""
    return tuple(cache.identity(cache.package_file("pymorphy3"), cache.package_file("pymorphy3_dicts_ru", "data/meta.json")))


class Pymorphy:
    """Russian morphology: every pymorphy3 reading of a form, most likely first, in the normalised grammar."""

    name = "pymorphy3"
    dictionary = True

    def readings(self, word: str) -> tuple[Reading, ...]:
        """Every reading of a word form, most likely first (computed once per lower-cased form)."""
        return _readings(word.lower())

    def is_known(self, word: str) -> bool:
        """True when the dictionary has the word form."""
        return _entry(word.lower())[0]

    def read_ahead(self, words: Iterable[str]) -> None:
        """Read the stored answers of the forms not met yet in one go (a query per few hundred, not one each)."""
        _store().read_ahead({w.lower() for w in words} - _MET)

    def warm_up(self) -> None:
        """Load the dictionary now."""
        analyzer()


FORMAT = "readings-2"  # change when what a stored entry holds changes


@functools.cache
def _store() -> Store:
    """The stored answers of this analyser, dictionary and normalisation."""
    return Store(f"{FORMAT}-{cache.key(FORMAT, *identity(), repr(sorted(_NAMES.items())), repr(Reading.__slots__))}")


Entry = tuple[bool, tuple[tuple[Any, ...], ...]]  # (the form is in the dictionary, each reading's fields)


_MET: set[str] = set()  # forms whose entry this process has (read ahead no more)


@functools.cache
def _entry(word: str) -> Entry:
    """Whether the dictionary has the form, and each reading's fields."""
    _MET.add(word)
    return _stored(word, lambda: (bool(analyzer().word_is_known(word)), tuple(_fields(p) for p in _parses(word))))


def _stored(key: str, ask: Callable[[], Any]) -> Any:
    """The stored answer under `key`, else `ask()`'s, stored (kept in a 1-tuple: None is an answer too)."""
    found = _store().get(key)
    if found is None:
        found = (ask(),)
        _store().put(key, found)
    return found[0]


@functools.cache
def _readings(word: str) -> tuple[Reading, ...]:
    readings = []
    for i, (lemma, pos, case, number, gender, person, tense, aspect, marks, score, known) in enumerate(_entry(word)[1]):
        inflector, lexeme = functools.partial(_inflect, word, i), functools.partial(_lexeme, word, i)
        readings.append(Reading(lemma, pos, case, number, gender, person, tense, aspect, frozenset(marks), score, known, inflector, lexeme))
    return tuple(readings)


@functools.lru_cache(maxsize=4096)
def _parses(word: str) -> Any:
    return analyzer().parse(word)


def _fields(p: Any) -> tuple[Any, ...]:
    pos, case, number, gender, person, tense, aspect, marks = _features(p.tag)
    return p.normal_form, pos, case, number, gender, person, tense, aspect, tuple(sorted(marks)), p.score, p.is_known


_Features = tuple[str | None, str | None, str | None, str | None, str | None, str | None, str | None, frozenset[str]]


_SEEN: dict[str, _Features] = {}  # tag → its features: a dictionary has a few hundred tags


def _features(tag: Any) -> _Features:
    """A tag's normalised part of speech, case, number, gender, person, tense, aspect and marks (once per tag)."""
    name = str(tag)
    if name not in _SEEN:
        _SEEN[name] = _normalised(tag)
    return _SEEN[name]


def _normalised(tag: Any) -> _Features:
    marks = frozenset(_NAMES[x] for x in tag.grammemes if x in _NAMES) or frozenset({_OTHER})
    named = (tag.POS, tag.case, tag.number, tag.gender, tag.person, tag.tense, tag.aspect)
    pos, case, number, gender, person, tense, aspect = (_NAMES.get(x) if x else None for x in named)
    return pos, case, number, gender, person, tense, aspect, marks


@functools.lru_cache(maxsize=65536)  # readings are kept per form, so are their inflections (pymorphy rebuilds the lexeme)
def _inflect(word: str, reading: int, marks: frozenset[str]) -> str | None:
    def ask() -> str | None:
        form = _parses(word)[reading].inflect({_RAW.get(m, m) for m in marks})
        return form.word if form else None

    return _stored(f"{word}\0{reading}\0{' '.join(sorted(marks))}", ask)


def _lexeme(word: str, reading: int) -> tuple[str, ...]:
    return _stored(f"{word}\0{reading}\0*", lambda: tuple(f.word for f in _parses(word)[reading].lexeme))
