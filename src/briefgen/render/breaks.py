"""Turn unbroken runs of characters (a pasted hash, a URL, a 3,000-letter name) into text a line can break in.

reportlab's line breaker tries every hyphenation point of a word too wide for
its cell and measures each: the time grows with about the cube of the word's
length (a 1,500-letter name in a narrow table cell: 55 s for one PDF). In a
run longer than `LONG` characters, a soft hyphen after every `EVERY`
characters gives it places to break (invisible unless the line breaks there,
then shown as "-"), and a space after every `WORD` characters cuts it into
words of bounded length, so laying it out takes time in proportion to its
length. Only what a writer lays out changes, never the brief's own text.
"""
from __future__ import annotations

import re

LONG = 30  # characters without a space or hyphen: longer than any word of prose
EVERY = 20  # characters between the soft hyphens put into such a run
WORD = 200  # characters between the spaces put into such a run (a hash or a URL is shorter)
SOFT_HYPHEN = "\xad"
_RUN = re.compile(rf"[^\s\-{SOFT_HYPHEN}]{{{LONG + 1},}}")


def breakable(text: str) -> str:
    """`text` with soft hyphens (every EVERY characters) and spaces (every WORD) in each run longer than LONG."""
    return _RUN.sub(lambda m: " ".join(_hyphened(m[0][i : i + WORD]) for i in range(0, len(m[0]), WORD)), text)


def _hyphened(run: str) -> str:
    return SOFT_HYPHEN.join(run[i : i + EVERY] for i in range(0, len(run), EVERY))
