"""Turn taxonomy keywords found in sentences into AgendaAreas with their evidence.

The taxonomy (ids, labels, keywords per language in `lang.words`' phrase syntax) is `data/taxonomy.yaml`,
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
from ..lang.words import Parts, Word, index_phrases, phrases_at
from ..model import AgendaArea, Span
from .context import Context
from .speech import quoted_stretches

Taxonomy = dict[str, list[tuple[Parts, str]]]  # `keywords`: first word → [(phrase parts, area id)]


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


@data.cached
def keywords(lang: str) -> Taxonomy:
    """The taxonomy's keywords for `lang` (phrases in `lang.words`' syntax) indexed for `phrases_at`."""
    return index_phrases(
        (str(key), area["id"])
        for area in data.load("taxonomy")["areas"]
        for key in area.get("keywords", {}).get(lang) or []
    )


def area_weights(words: Sequence[Word], taxonomy: Taxonomy, names: Sequence[tuple[int, int]] = ()) -> dict[str, int]:
    """Area id → how many words of `words` its keywords cover (a multi-word keyword weighs its length).

    Punctuation does not part a keyword's words. A keyword that lies inside one of
    the `names` stretches without covering it (the "торговли" of "министр
    торговли") does not count; one that is the whole name ("ООН", "Евразийский
    экономический союз") does.
    """
    found = [w for w in words if w.is_word]
    keys = [_keys(w) for w in found]
    out: dict[str, int] = {}
    for i in range(len(found)):
        for end, area, _, _ in phrases_at(found, i, taxonomy, keys):
            begin, stop = found[i].start, found[end - 1].end
            if not any(s <= begin and stop <= e and (s, e) != (begin, stop) for s, e in names):
                out[area] = out.get(area, 0) + end - i
    return out


def best_area(words: Sequence[Word], taxonomy: Taxonomy) -> str | None:
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
