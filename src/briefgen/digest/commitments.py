"""Turn the brief's commitments into who–what–when rows: one per commitment, its kind following its words.

A commitment stated twice (in reported speech and in a quotation, say) is one
row with both places; a "decision" hedged as an opinion ("считает, что
следует…") is an opinion; the action is the commitment's own verb phrase in
the third person, in at most 16 words.
"""
from __future__ import annotations

import re

from ..data import word_set
from ..lang import lemma
from ..model import Brief, Commitment
from .compress import balanced, clip, without_asides
from .model import CommitmentRow
from .rank import ranked_commitments
from .rewrite import lower_first, third_person
from .source import SourceText
from .speakers import party_of, voice

ACTION_WORDS = 18
AGREED = ("agreement", "creation")
SAME = 0.5  # share of content words two statements of one commitment have in common
_WORD = re.compile(r"[^\W\d_]{4,}")


def rows(brief: Brief, src: SourceText, lang: str) -> list[CommitmentRow]:
    """One row per commitment, most important first, restatements merged."""
    parties = {p.name: party_of(p, lang) for p in brief.participants}
    out: list[CommitmentRow] = []
    keys: list[frozenset[str]] = []
    for c in ranked_commitments(brief.commitments):
        key = _content(c.action or c.text, lang)
        twin = next((i for i, k in enumerate(keys) if _same(k, key) and _actors_agree(out[i].actor, c.actor)), None)
        if twin is not None:
            out[twin] = _with_offset(out[twin], c.start)
            continue
        keys.append(key)
        out.append(_row(brief, src, c, lang, parties))
    return out


def kind(c: Commitment, sentence: str, lang: str) -> str:
    """The commitment's kind, "opinion" when the words only hold a view that something should be done."""
    if c.kind not in ("agreement", "instruction"):
        return c.kind
    words = {lemma(w) for w in _WORD.findall(sentence.lower())} | set(sentence.lower().split())
    if words & word_set("digest", "opinion_words", lang) and not words & word_set("digest", "decision_words", lang):
        return "opinion"
    return c.kind


def agreed(items: list[CommitmentRow], src: SourceText, lang: str) -> bool:
    """True when the source reports an agreement or a new body (in a row, or in words of decision anywhere)."""
    if any(r.kind in AGREED for r in items):
        return True
    decisions = word_set("digest", "decision_words", lang)
    return any(lemma(w) in decisions or w in decisions for w in _WORD.findall(src.text.lower()))


def _row(brief: Brief, src: SourceText, c: Commitment, lang: str, parties: dict[str, str]) -> CommitmentRow:
    sentence = src.sentence(c.start, c.end)
    action = c.action or ""
    if not (len(action.split()) >= 4 and action[:1].isalpha() and balanced(action)):
        action = sentence.text  # a missing, short or broken action: the whole sentence says it
    if lang in ("ru", "en"):
        action = third_person(action, voice(brief, sentence, lang), lang)
    action = clip(action, ACTION_WORDS, lang).rstrip(".")
    return CommitmentRow(
        actor=without_asides(c.actor or ""),
        party=c.party or parties.get(c.actor or "", ""),
        action=lower_first(action),
        deadline=c.deadline or "",
        kind=kind(c, sentence.text, lang),
        area=c.area or "",
        offsets=(c.start,),
        sentence=" ".join(sentence.text.split()),
    )


def _with_offset(row: CommitmentRow, offset: int) -> CommitmentRow:
    from dataclasses import replace

    return replace(row, offsets=tuple(sorted({*row.offsets, offset})))


def _content(text: str, lang: str) -> frozenset[str]:
    return frozenset(lemma(w) if lang == "ru" else w for w in _WORD.findall(text.lower()))


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= SAME and len(a & b) >= 3


def _actors_agree(a: str, b: str | None) -> bool:
    return not a or not b or a == b
