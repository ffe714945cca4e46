"""Turn taxonomy keywords found in sentences into AgendaAreas with their evidence.

The taxonomy (ids, labels, lemma keywords per language) is `data/taxonomy.yaml`.
"""
from __future__ import annotations

import re

from .. import data, nlp
from ..model import AgendaArea

_WORD = re.compile(r"\w+(?:-\w+)*")


def find(ctx) -> list[AgendaArea]:
    """Areas in taxonomy order, each with the sentences that mention one of its keywords."""
    lang = ctx.source.language
    lemmas_of = [[nlp.lemma(w.lower()) for w in _WORD.findall(s.text)] for s in ctx.doc.sentences]
    out = []
    for area in data.load("taxonomy")["areas"]:
        keys = [k.split() for k in area["keywords"].get(lang, [])]
        evidence = tuple(
            sent for sent, lemmas in zip(ctx.doc.sentences, lemmas_of) if any(_contains(lemmas, k) for k in keys)
        )
        if evidence:
            out.append(AgendaArea(area["id"], area["label"].get(lang, area["id"]), evidence))
    return out


def _contains(lemmas: list[str], key: list[str]) -> bool:
    n = len(key)
    return any(lemmas[i : i + n] == key for i in range(len(lemmas) - n + 1))
