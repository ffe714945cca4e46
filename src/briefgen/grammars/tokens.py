"""Turn text into the tokens the figure grammars read: numbers, words and signs with their offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.letters import fold

# A line break is a sign of its own, so that no figure runs from one line (a heading) into the next.
_TOKEN = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)|(?P<word>[^\W\d_]+(?:[-‑][^\W\d_]+)*)|(?P<sign>\n|\S)")


@dataclass(frozen=True, slots=True)
class Token:
    """A number, a word (inner hyphens kept) or one sign or line break; `space` is the text since the previous token."""

    start: int
    end: int
    text: str
    kind: str  # num | word | sign
    space: str
    key: str  # folded text

    @property
    def glued(self) -> bool:
        """True when nothing separates this token from the previous one ("5,3млн", "13-ю")."""
        return not self.space


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], offsets into `text`."""
    out: list[Token] = []
    last = start
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        out.append(Token(m.start(), m.end(), m.group(), m.lastgroup or "sign", text[last : m.start()], fold(m.group())))
        last = m.end()
    return out
