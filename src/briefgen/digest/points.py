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
from ..lang import grammar as g, readings
from ..model import Brief, Span
from .captions import courtesy
from .compress import compress
from .lexicon import holds, listed
from .model import KeyPoint
from .rank import commitment_score, figure_score
from .rewrite import Voice, first_person, third_person
from .sentences import tidy
from .source import SourceText
from .speakers import short_name, voice
from .words import Seen, count

MAX_POINTS = 6
MIN_POINTS = 3
POINT_WORDS = 30
MIN_SAID = 4  # words a sentence keeps when its attribution goes
SHORT_TAIL = 2  # words of an attribution ("отметил он") that always moves in front; a longer one only to save room
LEDE_WORDS = 8  # the lede is the first sentence of at least this many words...
MEETING_WORDS = 5  # ...or, when it says who met whom, of at least this many
MORE_SENTENCES = 40  # sentences without items that may fill the key points: the opening ones
SAME_FACT_WORDS = 4  # content words (by stem) two points share when they state one fact...
SAME_FACT_SHARE = 0.5  # ...making up at least this share of the shorter one's
MIN_CONTENT = 4  # letters of a content word
STEM = 5  # letters of a word that compare ("пригласил", "приглашает")
_CONTENT = re.compile(r"[^\W\d_]+")
_ENDED = re.compile(r"[.!?…][»\"”)]?\s*$")  # a sentence, not a headline or a heading
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_VERB_FORMS = {g.VERB, g.INFINITIVE, g.PARTICIPLE, g.PARTICIPLE_SHORT, g.GERUND}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that may become a key point: its span, its weight, and the strings it must keep."""

    span: Span
    score: float = 0.0
    keep: tuple[str, ...] = ()
    values: tuple[float, ...] = ()  # the values of the figures it states
    commits: bool = False  # it states a commitment


def key_points(brief: Brief, src: SourceText, lang: str, seen: Seen) -> list[KeyPoint]:
    """The key points in order of importance (the lede first)."""
    points: list[KeyPoint] = []
    stated: set[float] = set()  # the values of figures already stated
    for cand in _candidates(brief, src, lang):
        if len(points) >= MAX_POINTS:
            break
        if cand.values and set(cand.values) <= stated and not cand.commits:
            continue
        text = phrase(brief, src, cand, lang)
        if not text or not seen.fresh(text):
            continue
        same = next((i for i, p in enumerate(points) if same_fact(text, p.text, brief)), None)
        if same is not None and len(_stems(text)) <= len(_stems(points[same].text)):
            continue  # said already, as fully
        seen.take(text)
        stated.update(cand.values)
        if same is None:
            points.append(KeyPoint(text, cand.span.start))
        else:  # the same fact said more fully: it takes the earlier statement's place
            points[same] = KeyPoint(text, cand.span.start)
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
    verbs = "|".join(re.escape(v) for v in listed("speech_tail", lang) or ["said"])
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


def same_fact(text: str, earlier: str, brief: Brief) -> bool:
    """True when `text` says what `earlier` said: no new number, an action in common, and most of its content
    words (by stem, names left out) there too."""
    if set(_NUMBER.findall(text)) ^ set(_NUMBER.findall(earlier)):
        return False
    names = {_stem(w) for p in brief.participants for w in _CONTENT.findall(p.name)}
    a, b = (_stems(x) - names for x in (text, earlier))
    shared = a & b
    acts = {_stem(w) for w in _CONTENT.findall(text) if _action(w)}
    return bool(shared & acts) and len(shared) >= SAME_FACT_WORDS and len(shared) >= SAME_FACT_SHARE * min(len(a), len(b))


def _action(word: str) -> bool:
    """True when a word may name an action (a Russian verb form; any English word, which the analyser cannot tell)."""
    return not _CYRILLIC.search(word) or readings(word)[0].pos in _VERB_FORMS


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _CONTENT.findall(text) if len(w) >= MIN_CONTENT}


def _stem(word: str) -> str:
    return word.lower().replace("ё", "е")[:STEM]


def _candidates(brief: Brief, src: SourceText, lang: str) -> Iterable[Candidate]:
    """The lede, then sentences by the weight of the items they hold, then the rest of the text in order;
    captions never, courtesies last."""
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

    lede = _lede(brief, src, lang)
    if lede is not None:
        yield make(lede, float("inf"))
    ranked = [make(s, w) for s, w in sorted(weights.items(), key=lambda x: (-x[1], x[0].start)) if s != lede]
    ranked += [Candidate(s) for s in src.sentences()[:MORE_SENTENCES] if s != lede and s not in weights and count(s.text) >= LEDE_WORDS]
    ranked = [c for c in ranked if not src.in_caption(c.span.start, lang)]
    yield from sorted(ranked, key=lambda c: courtesy(c.span.text, lang))  # stable: courtesies after the rest


def _lede(brief: Brief, src: SourceText, lang: str) -> Span | None:
    """What happened, by the first of: an opening sentence naming two participants and a meeting or a decision
    ("Президенты … подписали Договор"); one naming a participant and a meeting ("… в ходе визита Токаева");
    any naming two who met ("Токаев и Мирзиёев провели переговоры"); the first naming a participant; the first
    long one. Never a headline, a quotation, a caption or a courtesy."""
    mentions = [(p, m) for p in brief.participants for m in p.mentions]
    tiers: list[Span | None] = [None] * 5
    for i, s in enumerate(src.sentences()):
        if not _ENDED.search(s.text) or in_quote(brief, s) or first_person(s.text) or courtesy(s.text, lang):
            continue
        if src.in_caption(s.start, lang):
            continue
        who = {p.name for p, m in mentions if s.start <= m.start < s.end}
        meets = meeting(s.text, lang)
        opening = i < MORE_SENTENCES and count(s.text) >= LEDE_WORDS
        ranks = [
            opening and len(who) >= 2 and (meets or _decides(s.text, lang)),
            opening and bool(who) and meets,
            len(who) >= 2 and meets and count(s.text) >= MEETING_WORDS,
            opening and bool(who),
            opening,
        ]
        tiers = [t or (s if r else None) for t, r in zip(tiers, ranks, strict=True)]
        if tiers[0]:
            break
    return next((t for t in tiers if t), None)


def _decides(sentence: str, lang: str) -> bool:
    """True when the sentence states a decision (signed, agreed)."""
    return holds(sentence, "decision_words", lang)


def meeting(sentence: str, lang: str) -> bool:
    """True when the sentence names a meeting (talks, a visit) or its verb (met, received)."""
    return holds(sentence, "meeting_nouns", lang) or holds(sentence, "meeting_verbs", lang)
