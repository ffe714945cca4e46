"""Load the language models once per process and hand them out.

Importing this module is cheap; each model is built on first use and cached,
so `briefgen --help` never pays for natasha and a batch worker pays once.
All morphology goes through pymorphy3 (the maintained fork): natasha's own
pymorphy2-based vocabulary is never built, so `pkg_resources` is never needed.
"""
from __future__ import annotations

import functools
from typing import Any


@functools.cache
def segmenter() -> Any:
    """natasha's rule-based segmenter (razdel) for tokens and sentences."""
    from natasha import Segmenter

    return Segmenter()


@functools.cache
def embedding() -> Any:
    """natasha's news-domain word embeddings, shared by the taggers."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


@functools.cache
def ner_tagger() -> Any:
    """natasha's slovnet NER tagger (PER, ORG, LOC)."""
    from natasha import NewsNERTagger

    return NewsNERTagger(embedding())


@functools.cache
def morph() -> Any:
    """A pymorphy3 analyzer for lemmas and inflection."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.cache
def lemma(word: str) -> str:
    """The most likely dictionary form of a word, lower-cased, ё folded to е."""
    return parses(word)[0].normal_form.replace("ё", "е")


def parses(word: str) -> tuple[Any, ...]:
    """Every pymorphy reading of a word, most likely first (shared by every extractor's words)."""
    return _parses(word.lower())


@functools.cache
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(morph().parse(word))


def warm_up() -> None:
    """Load every model and word list now, so the first document costs no more than the next.

    A batch worker's initialiser calls this; so does a process about to extract.
    """
    from .grammars.words import words

    segmenter()
    ner_tagger()
    morph()
    words("ru")
