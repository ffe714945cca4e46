"""Turn a long sentence into a short one by dropping whole clauses, never by cutting with "…".

First asides in brackets that hold no number go; then the sentence ends at
the last clause boundary (a comma, dash or semicolon before a clause opener:
"который", "обеспечивая", "which", "including" …) that keeps it within the
limit and keeps what it must keep.
"""
from __future__ import annotations

import re

from ..data import word_set
from .words import count

_ASIDE = re.compile(r"\s*\([^()]*\)")
_BOUNDARY = re.compile(r"\s*(?:[,;:]|\s[—–-])\s+")
_TAIL = " ,;:—–-«„“\"("
SHORT_WORD = 3  # a clipped text does not end on a word this short (a preposition, a conjunction)


def compress(text: str, limit: int, lang: str, keep: tuple[str, ...] = ()) -> str | None:
    """The sentence in at most `limit` words, still holding every string of `keep`; None when it cannot be done."""
    text = " ".join(text.split())
    if count(text) <= limit:
        return text
    shorter = _ASIDE.sub(lambda m: m.group() if any(ch.isdigit() for ch in m.group()) else "", text)
    if count(shorter) <= limit and _holds(shorter, keep):
        return _close(shorter)
    for source in (shorter, _without_opening(shorter, lang), text):
        if count(source) <= limit and _holds(source, keep):
            return _close(source)
        for cut in reversed(_cuts(source, lang)):
            head = source[:cut]
            if count(head) <= limit and count(head) >= min(5, limit) and _holds(head, keep) and balanced(head):
                return _close(head)
    return None


def _without_opening(text: str, lang: str) -> str:
    """The sentence without an opening adverbial clause ("Выступая на форуме, …", "Speaking after the talks, …")."""
    words = word_set("digest", "opening_clauses", lang)
    first = re.match(r"[\w-]+", text)
    comma = text.find(", ")
    if not first or comma < 0 or first.group().lower() not in words:
        return text
    rest = text[comma + 2 :]
    return rest[:1].upper() + rest[1:] if count(rest) >= 5 and balanced(text[:comma]) else text


def without_asides(text: str) -> str:
    """The text without its bracketed asides ("банк Китая (Industrial … of China)" → "банк Китая")."""
    return " ".join(_ASIDE.sub("", text).split())


def clip(text: str, limit: int, lang: str) -> str:
    """The text in at most `limit` words: compressed when it can be, else ended at its last comma within the limit,
    else after its last long word within the limit."""
    done = compress(text, limit, lang)
    if done is not None:
        return done
    flat = " ".join(text.split())
    commas = [m.start() for m in re.finditer(r",\s", flat) if count(flat[: m.start()]) <= limit]
    if commas and count(flat[: commas[-1]]) >= limit // 2 and balanced(flat[: commas[-1]]):
        return _close(flat[: commas[-1]])
    head = flat
    while (count(head) > limit or len(head.rsplit(" ", 1)[-1]) <= SHORT_WORD) and " " in head:
        head = head[: head.rfind(" ")]
    return _close(head)


def _cuts(text: str, lang: str) -> list[int]:
    """Offsets where the sentence may end: clause boundaries before a clause opener, and every semicolon."""
    openers = word_set("digest", "clause_openers", lang)
    out = []
    for m in _BOUNDARY.finditer(text):
        nxt = re.match(r"\w+", text[m.end() :])
        if ";" in m.group() or (nxt and nxt.group().lower() in openers):
            out.append(m.start())
    return out


def _holds(text: str, keep: tuple[str, ...]) -> bool:
    flat = " ".join(text.split())
    return all(" ".join(k.split()) in flat for k in keep if k)


def balanced(text: str) -> bool:
    """True when every bracket and guillemet opened in the text is closed in it."""
    return text.count("(") == text.count(")") and text.count("«") == text.count("»") and text.count('"') % 2 == 0


def _close(text: str) -> str:
    """The clause ended with a full stop."""
    text = text.rstrip(_TAIL + ".")
    return text + "." if text and text[-1] not in ".!?" else text
