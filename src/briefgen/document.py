"""Turn source text into a Document: paragraphs, sentences, tokens and named entities with offsets.

This is the one place the text is segmented and tagged; every extractor reads
the same Document, so the work is done once per text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lang, nlp
from .lang import Language
from .lang.words import Word, words_of
from .model import Span
from .source import date_marker
from .spans import LINE, index_of, make_span, paragraphs

MAX_HEADING_WORDS = 8
MAX_HEADLINE_WORDS = 14
_WORDS = re.compile(r"\w+")
# A news agency's dateline opening a paragraph: a place in capitals, a date, then the agency:
# "МОСКВА, 4 июня. /ТАСС/.", "TOKYO, Dec 3 (Reuters) -", "ANKARA (AP) —", "АШХАБАД. 22 октября. ИНТЕРФАКС -",
# "КАЗАНЬ, 12 апр — РИА Новости.". The groups hold the agency's name.
_UP, _LOW = lang.capitals(), lang.small()  # the letters of the Latin and Cyrillic names a dateline holds
DATELINE = re.compile(
    rf"(?m)^[ \t]*[{_UP}][{_UP}-]+(?:[ \t][{_UP}-]+)*(?:[,.][ \t]*(?:[^\n/()—–]{{0,25}}?[ \t])?|[ \t]+(?=\())"
    rf"(?:/([^/\n]{{2,40}})/|\(([A-Z][\w .&-]{{1,40}})\)|([{_UP}]{{3,}}(?:[ \t][{_UP}]+)?)[ \t]+[-—–]"
    rf"|[—–-][ \t]*([{_UP}][\w-]*(?:[ \t][{_UP}][\w-]*)?)\.)[.,]?[ \t]*(?:[-—–][ \t]*)?"
    # "Москва. 1 сентября. INTERFAX.RU - ": a place as written, the day and month, the agency's name or address
    rf"|^[ \t]*[{_UP}][{_LOW}-]+\.[ \t]+\d{{1,2}}[ \t]+[{_LOW}]+\.[ \t]+([{_UP}]{{3,}}(?:\.[{_UP}]{{2,}})?)[ \t]+[-—–][ \t]*"
)
_FINAL = ".!?…:;\"»“”"


def is_heading(text: str) -> bool:
    """A section heading: a short line without final punctuation."""
    words = text.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and text[-1] not in _FINAL and text[0].isalnum()


def headline(doc: Document) -> str | None:
    """The first line, when it reads as a headline: short, no full stop, and more text after it."""
    if len(doc.paragraphs) < 2:
        return None
    first = doc.paragraphs[0].text
    if first.endswith((".", ":", ";", ",")) or len(_WORDS.findall(first)) > MAX_HEADLINE_WORDS:
        return None
    return first


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity found by natasha's NER: type is PER, ORG or LOC."""

    start: int
    end: int
    text: str
    type: str


def _one_line(text: str, e: Entity) -> Entity:
    """An entity within one line: the NER may run a headline's name into the next paragraph
    ("Эмомали Рахмоном\n\nСегодня"); the longest line of it is the name."""
    lines = [m for m in LINE.finditer(text, e.start, e.end)]
    if len(lines) < 2:
        return e
    best = max(lines, key=lambda m: len(m.group().strip()))
    return Entity(best.start(), best.end(), best.group(), e.type)


@dataclass(slots=True)
class Document:
    """A segmented, tagged source text; offsets are into `text`."""

    text: str
    body_start: int
    paragraphs: list[Span]
    sentences: list[Span]
    tokens: list[Token]
    entities: list[Entity]
    language: Language
    _sentence_paragraph: list[int] = field(default_factory=list)
    _words: list[list[Word]] | None = None

    def __post_init__(self) -> None:
        self.entities = [_one_line(self.text, e) for e in self.entities]

    def sentence_index(self, offset: int) -> int | None:
        """The index of the sentence containing `offset`."""
        return index_of(self.sentences, offset)

    def paragraph_index(self, offset: int) -> int | None:
        """The index of the paragraph containing `offset`."""
        return index_of(self.paragraphs, offset)

    def paragraph_of_sentence(self, i: int) -> int:
        """The paragraph index a sentence belongs to."""
        return self._sentence_paragraph[i]

    def sentence_words(self) -> list[list[Word]]:
        """The analysed words of every sentence, each read once by its language (built on first use)."""
        if self._words is None:
            self._words = [words_of(s.text, s.start, self.language) for s in self.sentences]
        return self._words

    def words(self) -> list[Token]:
        """The tokens of the body (after any date marker) that are words, not numbers or punctuation."""
        return [t for t in self.tokens if t.text[:1].isalpha() and t.start >= self.body_start]

    def entities_in(self, start: int, end: int, type: str | None = None) -> list[Entity]:
        """The entities lying within [start, end), optionally of one type."""
        return [e for e in self.entities if e.start >= start and e.end <= end and (type is None or e.type == type)]


def analyse(text: str, language: Language | None = None) -> Document:
    """Segment and tag a text in `language` (detected from its letters when None); the NER runs only for a
    language that has it. Sentences never cross a line break, so headings stay apart."""
    from razdel import sentenize

    _, body_start = date_marker(text)
    paras = paragraphs(text, body_start)
    sentences: list[Span] = []
    owner: list[int] = []
    for pi, para in enumerate(paras):
        dateline = DATELINE.match(text, para.start, para.end)
        begin = dateline.end() if dateline else para.start  # a dateline is no part of the first sentence
        for s in sentenize(para.text):
            span = make_span(text, max(begin, para.start + s.start), para.start + s.stop)
            if span.text and span.start < span.end:
                sentences.append(span)
                owner.append(pi)

    tokens = [Token(t.start, t.stop, t.text) for t in nlp.segmenter().tokenize(text)]
    language = language or lang.detect(text)
    lang.read_ahead((t.text for t in tokens), language)  # the readings of the forms a user met before, in one go
    found = nlp.entities(text, [(t.start, t.end, t.text) for t in tokens]) if language.ner else ()
    entities = [Entity(s, e, text[s:e], t) for s, e, t in found if s >= body_start]
    return Document(text, body_start, paras, sentences, tokens, entities, language, owner)
