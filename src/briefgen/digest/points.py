"""Turn the brief's items into the bottom line: 3–6 short third-person key points, the outcome first.

Each point is one source sentence that carries items (the lede: who met
whom, where; then the sentences holding the weightiest commitments and
figures), with its frames dropped, "we/I" resolved, clauses dropped until it
has at most 30 words (never cut with "…"), and the speaker named when the
sentence is speech. A sentence that would repeat 8 words of an earlier point
is skipped.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..document import DATELINE
from ..model import Brief, Span
from .compress import compress
from .lexicon import entry
from .model import KeyPoint
from .rank import commitment_score, figure_score
from ..render.sentences import tidy
from .rewrite import Voice, first_person, third_person
from .source import SourceText
from .speakers import short_name, voice
from .words import Seen, count

MAX_POINTS = 6
MIN_POINTS = 3
POINT_WORDS = 30
MIN_SAID = 4  # words a sentence keeps when its attribution goes
SHORT_TAIL = 2  # words of an attribution ("отметил он") that always moves in front; a longer one only to save room
LEDE_WORDS = 8  # the lede is the first sentence of at least this many words
MORE_SENTENCES = 40  # sentences without items that may fill the key points: the opening ones


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that may become a key point: its span, its weight, and the strings it must keep."""

    span: Span
    score: float
    keep: tuple[str, ...] = ()
    values: tuple[float, ...] = ()  # the values of the figures it states
    commits: bool = False  # it states a commitment


def key_points(brief: Brief, src: SourceText, lang: str, seen: Seen) -> list[KeyPoint]:
    """The key points in order of importance (the lede first)."""
    points: list[KeyPoint] = []
    stated: set[float] = set()  # the values of figures already stated
    for cand in _candidates(brief, src):
        if len(points) >= MAX_POINTS:
            break
        if cand.values and set(cand.values) <= stated and not cand.commits:
            continue
        text = phrase(brief, src, cand, lang)
        if text and seen.fresh(text):
            seen.take(text)
            stated.update(cand.values)
            points.append(KeyPoint(text, cand.span.start))
    return points


def phrase(brief: Brief, src: SourceText, cand: Candidate, lang: str) -> str | None:
    """The candidate sentence as a key point, or None when it cannot be said in 30 third-person words."""
    who = voice(brief, cand.span, lang)
    spoken = in_quote(brief, cand.span) or first_person(cand.span.text)
    text = _paired_quotes(tidy(_without_dateline(cand.span.text)))
    text = third_person(text, who, lang) if lang in ("ru", "en") else text
    said, tail = speech_tail(text, lang)  # ", – отметил он." goes; the speaker is named in front instead
    if tail and count(said) > POINT_WORDS:  # "…, the press secretary told the Times, the agency has learned."
        said, more = speech_tail(said, lang)
        tail = f"{more} {tail}"
    named = [w for w in re.findall(r"[\w-]+", tail) if w in {short_name(p.name) for p in brief.participants}]
    if tail and (named or who.speaker) and (count(tail) <= SHORT_TAIL or count(text) > POINT_WORDS):
        text, spoken, who = said, True, Voice(named[0] if named else who.speaker, who.party)
    prefix = f"{who.speaker}: " if spoken and who.speaker and who.speaker not in text else ""
    text = compress(text, POINT_WORDS - count(prefix), lang, cand.keep) or compress(text, POINT_WORDS - count(prefix), lang)
    if text is None or first_person(text) or "…" in text or text.rstrip().endswith("..."):
        return None
    return prefix + text


def speech_tail(text: str, lang: str) -> tuple[str, str]:
    """The sentence without a closing attribution (", Minister X said." / ", – сказал X."), and that attribution."""
    m = _tail(lang).search(text)
    if not m or count(text[: m.start()]) < MIN_SAID:
        return text, ""
    return tidy(text[: m.start()].rstrip(" ,\"»”")) + ".", m.group()


@functools.cache
def _tail(lang: str) -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in entry("speech_tail", lang) or ["said"])
    return re.compile(rf"[,\"»”]+\s*[—–-]?\s*(?:[^,.;:!?]{{0,80}}\s)?(?:{verbs})\b[^,;:!?]{{0,160}}[.!?]?\s*$", re.IGNORECASE)


def _paired_quotes(text: str) -> str:
    """The sentence without quotation marks whose partner is in the next or last sentence."""
    if text.count('"') == 1:
        text = text.replace('"', "", 1)
    for opening, closing in ("«»", "“”", "„“"):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    return " ".join(text.split())


def _without_dateline(text: str) -> str:
    """The sentence without a dateline opening it ("ANKARA (AP) —")."""
    m = DATELINE.match(text)
    return text[m.end() :] if m and m.end() < len(text) else text


def in_quote(brief: Brief, span: Span) -> bool:
    """True when the sentence lies inside a direct quotation."""
    return any(q.start <= span.start + 2 and span.end - 2 <= q.end for q in brief.quotes)


def _candidates(brief: Brief, src: SourceText) -> Iterable[Candidate]:
    """The lede, then sentences by the weight of the items they hold, then the rest of the text in order."""
    weights: dict[Span, float] = {}
    keep: dict[Span, list[str]] = {}
    values: dict[Span, list[float]] = {}
    commits: set[Span] = set()
    for c in brief.commitments:
        s = src.sentence(c.start, c.end)
        weights[s] = weights.get(s, 0.0) + commitment_score(c)
        commits.add(s)
    for f in brief.figures:
        s = src.sentence(f.start, f.end)
        weights[s] = weights.get(s, 0.0) + figure_score(f)
        keep.setdefault(s, []).append(f.text)
        if f.value is not None:
            values.setdefault(s, []).append(f.value)

    def make(s: Span, w: float) -> Candidate:
        return Candidate(s, w, tuple(keep.get(s, ())), tuple(values.get(s, ())), s in commits)

    lede = _lede(brief, src)
    if lede is not None:
        yield make(lede, float("inf"))
    for s, w in sorted(weights.items(), key=lambda x: (-x[1], x[0].start)):
        if s != lede:
            yield make(s, w)
    for s in src.sentences()[:MORE_SENTENCES]:
        if s != lede and s not in weights and count(s.text) >= LEDE_WORDS:
            yield Candidate(s, 0.0)


def _lede(brief: Brief, src: SourceText) -> Span | None:
    """The first sentence of the report that names a participant (else the first long sentence), not a quotation."""
    mentions = [m for p in brief.participants for m in p.mentions]
    first = None
    for s in src.sentences()[:MORE_SENTENCES]:
        if count(s.text) < LEDE_WORDS or in_quote(brief, s) or first_person(s.text):
            continue
        if any(s.start <= m.start < s.end for m in mentions):
            return s
        first = first or s
    return first
