"""Tell the facts of a meeting from what surrounds them: photo captions, credits, site furniture, courtesies.

A caption ("Фото: …", "This photo, provided by … shows …", "© agency") describes a
picture, not the meeting, so it is neither a key point nor a title; a line of
site furniture ("Войти в почту", "Menu", "Forwarded from …") is no headline; a
sentence of thanks or welcome is no lede.
"""
from __future__ import annotations

import re

from .lexicon import holds, listed


def caption(line: str, lang: str) -> bool:
    """True when the line is a photo caption or credit rather than the report's words."""
    low = " ".join(line.lower().split())
    openers = listed("caption_openers", lang)
    if any(re.match(rf"{re.escape(o)}\b", low) for o in openers):
        return True
    return any(mark in low for mark in listed("credit_marks", lang))


def furniture(line: str, lang: str) -> bool:
    """True when the line holds a word of a web page's furniture (login, menu, share, subscribe)."""
    return holds(line, "web_furniture", lang)


def courtesy(sentence: str, lang: str) -> bool:
    """True when the sentence thanks, welcomes or congratulates (a courtesy, not what happened)."""
    return holds(sentence, "courtesy", lang)
