"""Turn the text's own statements into source metadata: date, language, publisher, title."""
from __future__ import annotations

import re
from dataclasses import replace

from .. import data
from ..model import Source

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def find(ctx) -> Source:
    """The source with what the text says of itself: language and publisher."""
    text = ctx.doc.text
    language = "ru" if len(_CYRILLIC.findall(text)) >= len(_LATIN.findall(text)) else "en"
    return replace(ctx.source, language=language, publisher=publisher(text, language))


def event(ctx) -> str | None:
    """A one-line name of the event; the first paragraph stands in until a better rule exists."""
    first = ctx.doc.paragraphs[0].text if ctx.doc.paragraphs else None
    return first if first and len(first) <= 120 else None


def publisher(text: str, language: str) -> str | None:
    """The outlet a text credits ("сообщает Zakon.kz" → "Zakon.kz"), or None."""
    cues = data.load("sources")["publisher_cues"].get(language, [])
    for cue in cues:
        m = re.search(rf"(?<!\w){re.escape(cue)}[ \t]+([A-ZА-ЯЁ][\w.-]*(?:[ \t]+[A-ZА-ЯЁ][\w.-]*)?)", text)
        if m:
            return m.group(1).rstrip(".")
    return None
