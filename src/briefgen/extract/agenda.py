"""Turn taxonomy keywords found in sentences into AgendaAreas with their evidence.

The taxonomy (ids, labels, lemma keywords per language) is `data/taxonomy.yaml`,
replaceable with a ministry's own file through BRIEFGEN_TAXONOMY. An area is
reported when the text discusses it substantively: a section heading names it,
or at least MIN_SENTENCES sentences do. One passing mention ("министр торговли")
is not an agenda item.
"""
from __future__ import annotations

from collections.abc import Sequence

from .. import data, nlp
from ..model import AgendaArea, Span
from .words import Word, sentence_words

MIN_SENTENCES = 2
MAX_HEADING_WORDS = 8
_FINAL = ".!?…:;\"»“”"


def find(ctx) -> list[AgendaArea]:
    """Substantive areas in taxonomy order, each with the sentences (and headings) that discuss it."""
    lang = ctx.source.language
    taxonomy = keywords(lang)
    headings = {(p.start, p.end) for p in heading_spans(ctx)}
    named = [area_weights(words, taxonomy) for words in sentence_words(ctx)]
    out = []
    for area in data.load("taxonomy")["areas"]:
        evidence = [s for s, weights in zip(ctx.doc.sentences, named) if area["id"] in weights]
        if len(evidence) >= MIN_SENTENCES or any((s.start, s.end) in headings for s in evidence):
            out.append(AgendaArea(area["id"], area["label"].get(lang, area["id"]), tuple(evidence)))
    return out


def is_heading(text: str) -> bool:
    """A section heading: a short line without final punctuation."""
    words = text.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and text[-1] not in _FINAL and text[0].isalnum()


def keywords(lang: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The taxonomy's keywords for `lang`, indexed by their first lemma: first → [(lemmas, area id)]."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for area in data.load("taxonomy")["areas"]:
        for key in area.get("keywords", {}).get(lang) or []:
            lemmas = tuple(str(key).lower().replace("ё", "е").split())
            index.setdefault(lemmas[0], []).append((lemmas, area["id"]))
    return index


def area_weights(words: Sequence[Word], taxonomy: dict) -> dict[str, int]:
    """Area id → how many words of `words` its keywords cover (a multi-word keyword weighs its length)."""
    lemmas = [_keys(w) for w in words if w.is_word]
    out: dict[str, int] = {}
    for i, keys in enumerate(lemmas):
        for first in keys:
            for key, area in taxonomy.get(first, ()):
                if i + len(key) <= len(lemmas) and all(k in lemmas[i + j] for j, k in enumerate(key[1:], 1)):
                    out[area] = out.get(area, 0) + len(key)
    return out


def best_area(words: Sequence[Word], taxonomy: dict) -> str | None:
    """The area whose keywords weigh most in `words` (the first found on a tie), or None."""
    weights = area_weights(words, taxonomy)
    return max(weights, key=weights.get) if weights else None


def _keys(word: Word) -> set[str]:
    """The lemmas a keyword may match: the word's lemma (every form, for a word without morphology), and for
    a compound ("водно-энергетический") its last part's."""
    keys = {word.lemma} if word.tag is not None else set(word.lemmas)
    if "-" in word.text:
        keys.add(nlp.lemma(word.text.rsplit("-", 1)[1].lower()))
    return keys


def heading_spans(ctx) -> list[Span]:
    """The document's section headings."""
    return [p for p in ctx.doc.paragraphs if is_heading(p.text)]
