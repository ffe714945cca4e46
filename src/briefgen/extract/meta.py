"""Turn the text's own statements into source metadata: date, language, publisher, title, place.

The title is the first line when it reads as a headline (short, no full stop,
more text below), else the event's name (`events`). The publisher is the outlet
the text credits ("сообщает Kabar.kg", "цитирует «Фонтанка»", "в интервью
Русской службе Би-би-си"); a date in the text counts only when it is
a full date with its year.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .. import data, lang
from ..document import DATELINE, headline
from ..lang.words import form_pattern
from ..model import Source
from .context import Context

OUTLET_REACH = 60  # characters after an interview cue in which the outlet is named
_QUOTED = r"[«\"“„]([^»\"”“\n]{1,60})[»\"”“]"
_UP = lang.capitals()
_CAPITALISED = rf"((?:[{_UP}][\w.-]*|[A-Za-z][\w-]*\.[a-z]{{2,}})(?:[ \t]+[{_UP}][\w.-]*){{0,2}})"
_NUMERIC_DATE = re.compile(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d./]\d)")  # 15.03.2025, 15/03/2025
_HOST = r"(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)*\.[a-z]{2,})"
# An agency between slashes ("Ulaanbaatar /AGENCY/ The visit"), or in brackets closing a paragraph ("… (Agency)").
_SLASHED = re.compile(rf"(?<![\w/])/([{_UP}]{{2,}}(?:[ -][{_UP}]+)?)/(?![\w/])")
_BRACKETED = re.compile(r"\(([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\)[ \t|]*$", re.MULTILINE)


def find(ctx: Context) -> Source:
    """The source with what the text says of itself: language, publisher, date."""
    text = ctx.doc.text
    language = ctx.doc.language.code  # detected before the analysis (`lang.detect`)
    persons = frozenset(e.text for e in ctx.doc.entities if e.type == "PER")
    return replace(
        ctx.source,
        language=language,
        publisher=publisher(text[ctx.doc.body_start :], language, persons),
        date=ctx.source.date or stated_date(text[ctx.doc.body_start :], language),
    )


def event(ctx: Context) -> str | None:
    """The event's name ("Второе заседание Высшего межгосударственного совета …"), when the text names one."""
    return ctx.occasion.name if ctx.occasion else None


def titled(ctx: Context) -> Source:
    """The source with its title (headline, else the event's name) and the event's place."""
    return replace(
        ctx.source,
        title=ctx.source.title or headline(ctx.doc) or ctx.event,  # a web page's or document's own title first
        place=ctx.occasion.place if ctx.occasion else None,
    )


def publisher(text: str, language: str, persons: frozenset[str] = frozenset()) -> str | None:
    """The outlet a text credits ("сообщает Kabar.kg" → "Kabar.kg"), or None.

    A news agency's dateline ("МОСКВА, 4 июня. /ТАСС/.", "TOKYO, Dec 3 (Reuters) -") names it
    first; then a credit cue (not naming one of the `persons`: "пишет Олег Смирнов" in his blog);
    then an agency between slashes ("Ulaanbaatar /AGENCY/"), a source line ("Источник:
    https://news.example.ru/"), an agency in brackets closing a paragraph ("… (Agency)"); then the
    outlet a person gave an interview to ("в интервью журналу «Огонёк»", "в интервью РИА Новости").
    """
    m = DATELINE.search(text)
    if m:
        return next(g for g in m.groups() if g).strip()
    for pattern in (_credit(language), _past_credit(language), _SLASHED, _source_line(language), _BRACKETED):
        for m in pattern.finditer(text):
            named = next(g for g in m.groups() if g).rstrip(".")
            if named not in persons:
                return named
    for cue in _interview(language).finditer(text):
        window = text[cue.end() : cue.end() + OUTLET_REACH].split("\n")[0]
        named = re.search(_QUOTED, window) or _outlet(language).match(window)
        if named:
            return named.group(1).rstrip(".")
    return None


def stated_date(text: str, language: str) -> str | None:
    """The first full date the text states ("15 марта 2025 года", "15.03.2025"), as ISO."""
    months = data.load("sources")["months"].get(language, [])
    named = "|".join(months)
    found = []
    if named:
        for m in re.finditer(rf"(?<!\d)(\d{{1,2}})[ \t]+({named})[ \t]+(\d{{4}})(?!\d)", text, re.IGNORECASE):
            found.append((m.start(), int(m.group(3)), months.index(_month(m.group(2), months)) + 1, int(m.group(1))))
        for m in re.finditer(rf"({named})[ \t]+(\d{{1,2}}),?[ \t]+(\d{{4}})(?!\d)", text, re.IGNORECASE):
            found.append((m.start(), int(m.group(3)), months.index(_month(m.group(1), months)) + 1, int(m.group(2))))
    for m in _NUMERIC_DATE.finditer(text):
        found.append((m.start(), int(m.group(4)), int(m.group(3)), int(m.group(1))))
    for _, year, month, day in sorted(found):
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def _month(word: str, months: list[str]) -> str:
    return next(m for m in months if m.lower() == word.lower())


@data.cached
def _credit(language: str) -> re.Pattern[str]:
    """A credit cue, an optional outlet noun, then the outlet's name, quoted or capitalised."""
    cues, nouns = _any_of("publisher_cues", language), _any_of("outlet_nouns", language)
    return re.compile(rf"(?<!\w)(?:{cues})[ \t]+(?:(?:{nouns})[ \t]+)?(?:{_QUOTED}|{_CAPITALISED})")


@data.cached
def _past_credit(language: str) -> re.Pattern[str]:
    """A credit cue in the past tense, which names an outlet only with its noun: "сообщило агентство Новости"."""
    cues, nouns = _any_of("past_cues", language), _any_of("outlet_nouns", language)
    return re.compile(rf"(?<!\w)(?:{cues})[ \t]+(?:{nouns})[ \t]+(?:{_QUOTED}|{_CAPITALISED})")


@data.cached
def _source_line(language: str) -> re.Pattern[str]:
    """A line that names where the text comes from: a web address (its host) or a name."""
    return re.compile(rf"(?m)^[ \t]*(?:{_any_of('source_lines', language)})[ \t]*:[ \t]*(?:{_HOST}|{_CAPITALISED})")


@data.cached
def _outlet(language: str) -> re.Pattern[str]:
    """An outlet named right after an interview cue: an optional outlet noun, then a capitalised name."""
    return re.compile(rf"[ \t]+(?:(?:{_any_of('outlet_nouns', language)})[ \t]+)?{_CAPITALISED}")


@data.cached
def _interview(language: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_any_of('interview_cues', language)})(?!\w)", re.IGNORECASE)


def _any_of(key: str, language: str) -> str:
    """A regex alternation of the `key` phrases of sources.yaml (exact forms and prefixes), in the file's order."""
    return form_pattern(data.load("sources")[key].get(language, []))
