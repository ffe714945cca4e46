"""Turn taxonomy keywords found in sentences into AgendaAreas with their evidence.

The taxonomy (ids, labels, lemma keywords per language) is `data/taxonomy.yaml`,
replaceable with a ministry's own file through BRIEFGEN_TAXONOMY. An area is
reported when a section heading or a sentence of the text discusses it. A keyword
inside a name says nothing of what was discussed: a title ("министр торговли"),
part of an organisation's name ("Промышленный банк") or a name in quotation marks
(«Зеленый энергетический коридор») is a passing mention, not an agenda item.
"""
from __future__ import annotations

from collections.abc import Sequence

from .. import data, lang
from ..document import is_heading
from ..grammars.tokens import fold
from ..lang.words import Word
from ..model import AgendaArea, Span
from .context import Context
from .speech import quoted_stretches

PREFIX = "*"  # a keyword ending so matches every lemma it begins


def find(ctx: Context) -> list[AgendaArea]:
    """Substantive areas in taxonomy order, each with the sentences (and headings) that discuss it."""
    lang = ctx.source.language
    taxonomy = keywords(lang)
    names = name_spans(ctx)
    named = [area_weights(words, taxonomy, names) for words in ctx.doc.sentence_words()]
    out = []
    for area in data.load("taxonomy")["areas"]:
        evidence = [s for s, weights in zip(ctx.doc.sentences, named, strict=True) if area["id"] in weights]
        if evidence:
            out.append(AgendaArea(area["id"], area["label"].get(lang, area["id"]), tuple(evidence)))
    return out


def keywords(lang: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The taxonomy's keywords for `lang`, indexed by their first lemma: first → [(lemmas, area id)].

    A one-word keyword ending in "*" is a prefix, indexed under PREFIX as [(prefix,), area id].
    """
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for area in data.load("taxonomy")["areas"]:
        for key in area.get("keywords", {}).get(lang) or []:
            lemmas = tuple(fold(str(key)).split())
            if lemmas[0].endswith(PREFIX):
                index.setdefault(PREFIX, []).append(((lemmas[0][: -len(PREFIX)],), area["id"]))
            else:
                index.setdefault(lemmas[0], []).append((lemmas, area["id"]))
    return index


def area_weights(words: Sequence[Word], taxonomy: dict, names: Sequence[tuple[int, int]] = ()) -> dict[str, int]:
    """Area id → how many words of `words` its keywords cover (a multi-word keyword weighs its length).

    A keyword that lies inside one of the `names` stretches without covering it
    (the "торговли" of "министр торговли") does not count; one that is the whole
    name ("ООН", "Евразийский экономический союз") does.
    """
    found = [w for w in words if w.is_word]
    lemmas = [_keys(w) for w in found]
    prefixes = taxonomy.get(PREFIX, ())
    out: dict[str, int] = {}
    for i, keys in enumerate(lemmas):
        for first in keys | {PREFIX for (p,), _ in prefixes if any(k.startswith(p) for k in keys)}:
            for key, area in taxonomy.get(first, ()):
                if first == PREFIX and not any(k.startswith(key[0]) for k in keys):
                    continue
                n = len(key)
                if i + n > len(lemmas) or not all(k in lemmas[i + j] for j, k in enumerate(key[1:], 1)):
                    continue
                begin, end = found[i].start, found[i + n - 1].end
                if not any(s <= begin and end <= e and (s, e) != (begin, end) for s, e in names):
                    out[area] = out.get(area, 0) + n
    return out


def best_area(words: Sequence[Word], taxonomy: dict) -> str | None:
    """The area whose keywords weigh most in `words` (the first found on a tie), or None."""
    weights = area_weights(words, taxonomy)
    return max(weights, key=weights.__getitem__) if weights else None


def _keys(word: Word) -> set[str]:
    """The lemmas a keyword may match: the word's lemma (every form, for a word without morphology), and for
    a compound its parts' ("водно-энергетический", "студентов-медиков")."""
    keys = {word.lemma} if word.tag is not None else set(word.lemmas)
    if "-" in word.text:
        keys |= {lang.lemma(part.lower()) for part in word.text.split("-") if part}
    return keys


def name_spans(ctx: Context) -> list[tuple[int, int]]:
    """Stretches that name someone or something rather than discuss it: titles, organisations' names
    and quoted stretches that are not quotations."""
    quotes = {(q.start, q.end) for q in ctx.quotes}
    out = [(r.start, r.end) for r in ctx.roles]
    out += [(e.start, e.end) for e in ctx.doc.entities if e.type == "ORG"]
    out += [s for s in quoted_stretches(ctx.doc.text, ctx.doc.body_start) if not any(a <= s[0] < b for a, b in quotes)]
    return out


def heading_spans(ctx: Context) -> list[Span]:
    """The document's section headings."""
    return [p for p in ctx.doc.paragraphs if is_heading(p.text)]
