"""Give a brief a true title: the event extraction named, else the headline, else one composed from the text.

A composed title names the participants and the place (never an event type
the text does not state); without them it is the report's first sentence,
shortened by whole clauses. It is never the bare name of the document.
"""
from __future__ import annotations

import re

from ..nlp import lemma, parses
from ..model import Brief
from ..render.sentences import tidy
from .compress import clip, without_asides
from .lexicon import entry
from .source import SourceText
from .speakers import short_name
from .words import count

TITLE_WORDS = 20
MIN_SENTENCE = 8  # words of the sentence a title is made from
LEDE_SENTENCES = 2  # an event type the title claims must be named this early
_WORD = re.compile(r"[^\W\d_]+")
MAX_NAMES = 3


def title(brief: Brief, src: SourceText, lang: str) -> str:
    """The title of the brief and the fact sheet: the headline, a supported event name, else a composed one."""
    head = headline(brief, src)
    if head:
        return head
    for name in (brief.event, brief.source.title):  # a name extraction gave the event: only when the opening says so too
        if name and name.strip() and supported(name, src):
            return " ".join(name.split())
    return composed(brief, src, lang)


def headline(brief: Brief, src: SourceText) -> str:
    """The source's title when it is the report's own headline (its first line), else ""."""
    head = " ".join((brief.source.title or "").split())
    return head if head and src.paras and head in " ".join(src.paras[0].text.split()) else ""


def supported(event: str, src: SourceText) -> bool:
    """True when the event's head word (one of its first two nouns, by lemma) occurs in the report's opening."""
    opening = " ".join(s.text for s in src.sentences()[:LEDE_SENTENCES])
    said = {lemma(w) for w in _WORD.findall(opening)}
    heads = [lemma(w) for w in _WORD.findall(event) if parses(w)[0].tag.POS == "NOUN"][:2]
    return not heads or any(h in said for h in heads)


def composed(brief: Brief, src: SourceText, lang: str) -> str:
    """Two or more participants known by full name, and the place ("Токаев и Эрдоган, Анкара"), else the first
    sentence, else the file's name."""
    names = list(dict.fromkeys(short_name(p.name) for p in brief.participants if " " in p.name.strip()))[:MAX_NAMES]
    if len(names) >= 2:
        joined = ", ".join(names[:-1]) + f" {_and(lang)} " + names[-1]
        return ", ".join(x for x in (joined, brief.source.place) if x)
    sentences = [s for s in src.sentences() if count(s.text) >= MIN_SENTENCE] or src.sentences()
    if sentences:
        return clip(without_asides(tidy(sentences[0].text)), TITLE_WORDS, lang).rstrip(".")
    return brief.source.name or brief.source.publisher or "—"


def _and(lang: str) -> str:
    return str(entry("and", lang) or "&")
