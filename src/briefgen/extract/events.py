"""Turn what the text says about its event into a name: "Третье заседание Межправительственного совета Сербии и Хорватии".

The event is the meeting noun (`data/events.yaml`) the text uses most (first
use winning ties; the next one when it gives only a bare noun), with the adjectives and genitive words the text gives it
("Уральского промышленного форума" → "Уральский промышленный форум") and a
destination ("визит … в Москву"). A bare noun is completed from the rest of the
text: an ordinal used with it anywhere ("на третьем заседании"), the body the
text names most ("Межправительственного совета") and, for a meeting
between sides, the two places the role phrases name most ("Президент
Сербии", "президентом Хорватии"), in alphabetical order.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .. import data, lang
from ..document import Document, Token
from ..lang import grammar as g
from . import phrases
from .context import Context
from .roles import Role

MAX_COMPLEMENT = 4
STEM = 4  # "заседании", "переговоров": case endings come later
MIN_REPEATS = 2  # a body named once is not what the event is about
PARTIES = 2
_INTO = ("в", "во")


@dataclass(frozen=True, slots=True)
class Event:
    """The event's name and, when the text says, where it took place."""

    name: str
    place: str | None


def find(ctx: Context) -> Event | None:
    """The event the text reports, or None when it names no meeting or only a bare noun. A meeting the
    sides agree or plan to hold ("договорились провести заседание …") is not the one reported."""
    return event(ctx.doc, ctx.source.language, ctx.roles, [(c.start, c.end) for c in ctx.commitments])


def event(doc: Document, language: str, roles: list[Role], planned: Sequence[tuple[int, int]] = ()) -> Event | None:
    """The event named in a document whose role phrases are `roles`, leaving out the `planned` stretches."""
    words = doc.words()
    meetings = _lemmas("meetings", language)
    stems = tuple({m[:STEM] for m in meetings})  # a word that starts otherwise is no meeting: spare its morphology
    heads = (
        (i, phrases.head_reading(w.text, meetings))
        for i, w in enumerate(words)
        if w.text.lower().startswith(stems) and not any(s <= w.start < e for s, e in planned)
    )
    uses = [(i, h) for i, h in heads if h]
    counts = Counter(phrases.lemma(h) for _, h in uses)  # in order of first use
    order = sorted(counts, key=lambda k: -counts[k])
    locs = [e for e in doc.entities if e.type == "LOC"]
    for noun in order:
        found = _named(doc, language, roles, words, [u for u in uses if phrases.lemma(u[1]) == noun], locs)
        if found:
            return found
    return None


def _named(doc: Document, language: str, roles: list[Role], words: list[Token], same, locs) -> Event | None:
    """The event as this meeting noun's uses name it; None when they give a bare noun only."""
    i, head = min(same, key=lambda u: u[1].number == g.PLURAL)  # "встреча" reads better than "встречи"
    names = {e.start for e in doc.entities if e.type == "PER"}  # "визита Нарендры Моди": no name is cut in two
    begin, end = phrases.bounds(doc.text, words, i, head, MAX_COMPLEMENT, names)
    parts: list[str | None] = [phrases.nominative_phrase(words, begin, i, end, head)]
    ordinal = next((words[j - 1] for j, _ in same if j and _ordinal(words[j - 1].text)), None)
    if ordinal and begin == i:
        parts.insert(0, phrases.nominative(ordinal.text, head))
    place = None
    into = end + 2 < len(words) and phrases.adjacent(doc.text, words[end], words[end + 1])  # not the next line's
    if into and words[end + 1].text.lower() in _INTO and _is_loc(words[end + 2], locs):
        parts.append(f"{words[end + 1].text.lower()} {words[end + 2].text}")
        place = _place_name(words[end + 2], locs)
    elif end == i:
        parts.append(_body(doc, language))
        parts.append(_parties(locs, roles) if phrases.lemma(head) in _lemmas("between", language) else None)
        parts = [x for x in parts if x]
    if len(parts) == 1 and begin == end:
        return None  # a bare "Встреча" names no event
    place = place or _place(doc, words, [j for j, _ in same], locs)
    name = " ".join(p for p in parts if p is not None)
    return Event(name[:1].upper() + name[1:], place)


def _ordinal(word: str) -> bool:
    return g.ORDINAL in lang.readings(word)[0]


def _is_loc(tok: Token, locs) -> bool:
    return any(e.start <= tok.start < e.end for e in locs)


def _body(doc: Document, language: str) -> str | None:
    """The body the text names most often, in the genitive ("Высшего межгосударственного совета")."""
    bodies = _lemmas("bodies", language)
    named: dict[tuple[str, ...], list[str]] = {}
    for e in doc.entities:
        words = e.text.split()
        if e.type == "ORG" and any(phrases.head_reading(w, bodies) for w in words):
            named.setdefault(tuple(lang.lemma(w) for w in words), []).append(e.text)
    if not named:
        return None
    forms = max(named.values(), key=len)
    if len(forms) < MIN_REPEATS:
        return None
    return next((f for f in forms if _genitive(f, bodies)), None) or _to_genitive(forms[0], bodies)


def _genitive(name: str, bodies: frozenset[str]) -> bool:
    head = next(h for h in (phrases.head_reading(w, bodies) for w in name.split()) if h)
    return head.case == g.GEN


def _to_genitive(name: str, bodies: frozenset[str]) -> str:
    """The name with its words up to the head put in the genitive ("Деловой совет" → "Делового совета")."""
    out, done = [], False
    for w in name.split():
        form = None if done else lang.readings(w)[0].inflect(g.GEN)
        out.append(w[:1] + form[1:] if form else w)
        done = done or phrases.head_reading(w, bodies) is not None
    return " ".join(out)


def _parties(locs, roles: list[Role]) -> str | None:
    """The two places the participants' roles name most ("Президент Сербии"), in the genitive."""
    counts = Counter(
        lang.lemma(e.text) for e in locs if " " not in e.text and any(r.start <= e.start < r.end for r in roles)
    )
    top = [k for k, _ in counts.most_common(PARTIES)]
    if len(top) < PARTIES:
        return None
    return " и ".join(sorted(_place_genitive(k) for k in top))


def _place_genitive(lemma: str) -> str:
    parse = next((p for p in lang.readings(lemma) if g.PLACE in p), lang.readings(lemma)[0])
    form = parse.inflect(g.GEN)
    return (form if form else lemma).capitalize()


def _place(doc: Document, words: list[Token], uses: list[int], locs) -> str | None:
    """Where the event took place: "в Киеве" in a sentence that names the event."""
    for j in uses:
        si = doc.sentence_index(words[j].start)
        if si is None:
            continue
        sentence = doc.sentences[si]
        inside = [w for w in words if sentence.start <= w.start < sentence.end]
        for a, b in zip(inside, inside[1:], strict=False):
            if a.text.lower() in _INTO and _is_loc(b, locs):
                return _place_name(b, locs)
    return None


def _place_name(tok: Token, locs) -> str:
    """A place name in the nominative, spelled with the text's capitals ("Киеве" → "Киев", "США"), all of
    it when it is a name of several words ("Республику Таджикистан" → "Республика Таджикистан")."""
    whole = next((e.text for e in locs if e.start == tok.start), tok.text)
    return " ".join(w if w.isupper() else "-".join(p.capitalize() for p in lang.lemma(w).split("-")) for w in whole.split())


def _lemmas(key: str, language: str) -> frozenset[str]:
    return data.word_set("events", key, language)
