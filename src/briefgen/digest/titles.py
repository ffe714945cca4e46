"""Give a brief a true title: the report's headline, else the event extraction named, else one composed.

A headline must read as one of this article (not a caption, a login or menu
line, a speaker's turn) and share content words with it. A composed title says
what happened: the meeting the text names, who met (those named together) and
where; without them it is the report's first sentence, shortened by whole
clauses. It is never the bare name of the document.
"""
from __future__ import annotations

import re

from ..lang import grammar as g, lemma, readings
from ..model import Brief, Participant
from .captions import caption, courtesy, furniture
from .compress import clip, without_asides
from .lexicon import listed, table, wording
from .rewrite import first_person
from .sentences import tidy
from .source import SourceText
from .speakers import short_name
from .words import count

TITLE_WORDS = 20
MIN_SENTENCE = 8  # words of the sentence a title is made from
LEDE_SENTENCES = 2  # an event type the title claims must be named this early
_WORD = re.compile(r"[^\W\d_]+")
MAX_NAMES = 3
HEAD_LINES = 8  # the first lines that may be the headline (after a page's menu, stamps and captions)
MIN_HEADLINE = 3  # words of a headline ("Переговоры в Кремле"); a shorter line is a section's heading
FURNITURE_WORDS = 6  # a line of site furniture is short ("Войти в почту", "Forwarded from …")
MIN_CONTENT = 4  # letters of a content word a headline shares with its article
MIN_SHARED = 2  # content words (lemmas) a headline shares with the rest of its article
_TURN = re.compile(r"^[^:!?]{1,40}?:\s")  # "Д.Медведев: " opening a speaker's turn
_LEADING_STAMP = re.compile(r"^(?:\d{1,2}[.:/]\d{1,2}(?:[.:/]\d{2,4})?\s+|[\u2022\u2190-\u2bff\U0001f000-\U0001faff]+\s*)+")  # "17.01.2009 ", "🔹"
_SENTENCE_END = re.compile(r"[.!?][»\"”]?$")


def title(brief: Brief, src: SourceText, lang: str) -> str:
    """The title of the brief and the fact sheet: the headline, a supported event name, else a composed one."""
    head = headline(brief, src, lang)
    if head:
        return head
    lines = _lines(src)
    for name, is_event in ((brief.event, True), (brief.source.title, False)):  # a name extraction gave, when the opening says so
        name = _unstamped(" ".join((name or "").split()))
        if name and supported(name, src) and (is_event or headline_like(name, [x for x in lines if x != name], lang)):
            return name
    return composed(brief, src, lang)


def headline(brief: Brief, src: SourceText, lang: str) -> str:
    """The report's own headline: one of its first lines, without a full stop unless it is the source's title,
    that reads as a headline of this article; else ""."""
    lines = _lines(src)
    given = " ".join((brief.source.title or "").split())
    for i, raw in enumerate(lines[:HEAD_LINES]):
        line = _unstamped(raw)
        if line and (line == given or not line.endswith(".")) and headline_like(line, lines[:i] + lines[i + 1 :], lang):
            return line
        if count(line) >= MIN_SENTENCE and _SENTENCE_END.search(line):  # the article has begun: later lines are its own
            break
    return ""


def _unstamped(line: str) -> str:
    """The line without a date, time or pictograms opening it (unless that is all it holds)."""
    return _LEADING_STAMP.sub("", line) or line


def _lines(src: SourceText) -> list[str]:
    return [" ".join(p.text.split()) for p in src.paras]


def headline_like(line: str, lines: list[str], lang: str) -> bool:
    """True when `line` is a headline of the article whose other lines are `lines`: not a caption, a page's
    furniture or a speaker's turn, and sharing content words with them."""
    n = count(line)
    if not MIN_HEADLINE <= n <= TITLE_WORDS + 5 or caption(line, lang) or (n <= FURNITURE_WORDS and furniture(line, lang)):
        return False
    turn = _TURN.match(line)
    if turn and any(x.startswith(turn.group()) for x in lines):  # a speaker's turn in a transcript
        return False
    said = _WORD.findall(line[turn.end() :] if turn else line)
    if said and line.endswith("!") and lemma(said[0]) in listed("address_words", lang):  # "Господин министр!"
        return False
    body = {lemma(w) for x in lines for w in _WORD.findall(x) if len(w) >= MIN_CONTENT}
    own = {lemma(w) for w in _WORD.findall(line) if len(w) >= MIN_CONTENT}
    return len(own & body) >= MIN_SHARED


def supported(event: str, src: SourceText) -> bool:
    """True when the event's head word (one of its first two nouns, by lemma) occurs in the report's opening."""
    opening = " ".join(s.text for s in src.sentences()[:LEDE_SENTENCES])
    said = {lemma(w) for w in _WORD.findall(opening)}
    heads = [lemma(w) for w in _WORD.findall(event) if readings(w)[0].pos == g.NOUN][:2]
    return not heads or any(h in said for h in heads)


def composed(brief: Brief, src: SourceText, lang: str) -> str:
    """What happened: the meeting the report names, its participants and place ("Переговоры: Токаев и Эрдоган,
    Анкара"), else the first sentence that is no caption, else the file's name."""
    names = participants(brief, src, lang)
    if len(names) >= 2:
        joined = ", ".join(names[:-1]) + f" {_and(lang)} " + names[-1]
        meeting = _meeting(src, lang)
        pattern = wording("meeting_title", lang) or "{meeting}: {names}"
        head = pattern.format(meeting=meeting, names=joined) if meeting else joined
        return ", ".join(x for x in (head, brief.source.place) if x)
    prose = [s for s in src.sentences() if not src.in_caption(s.start, lang)]
    plain = [s for s in prose if not (first_person(s.text) or courtesy(s.text, lang))] or prose
    sentences = [s for s in plain if count(s.text) >= MIN_SENTENCE] or plain
    if sentences:
        return clip(without_asides(tidy(_unstamped(sentences[0].text))), TITLE_WORDS, lang).rstrip(".")
    return brief.source.name or brief.source.publisher or "—"


def participants(brief: Brief, src: SourceText, lang: str) -> list[str]:
    """The short names of those who met: the participants named together in the first sentence (no caption)
    naming two or more of them; else those known by full name."""
    for s in src.sentences():
        if src.in_caption(s.start, lang):
            continue
        named = [p for p in brief.participants if any(s.start <= m.start < s.end for m in p.mentions) and not reporter(p, lang)]
        if len(named) >= 2:
            return list(dict.fromkeys(short_name(p.name) for p in named))[:MAX_NAMES]
    full = [p for p in brief.participants if (" " in p.name.strip() or "." in p.name) and not reporter(p, lang)]
    return list(dict.fromkeys(short_name(p.name) for p in full))[:MAX_NAMES]


def reporter(p: Participant, lang: str) -> bool:
    """True when the participant only reports the meeting (a press secretary, an analyst), by their role."""
    role = (p.role or "").lower()
    return any(r in role for r in listed("reporter_roles", lang))


def _meeting(src: SourceText, lang: str) -> str:
    """The name of the meeting the report itself uses ("Переговоры", "Talks"), else ""."""
    said = {lemma(w) for w in _WORD.findall(src.text)} | {w.lower() for w in _WORD.findall(src.text)}
    nouns = table("meeting_nouns", lang)
    return next((label for noun, label in nouns.items() if noun in said), "")


def _and(lang: str) -> str:
    return wording("and", lang) or "&"
