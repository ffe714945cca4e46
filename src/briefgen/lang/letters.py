"""Character classes built from a language's alphabet (lower case letters), for the patterns that read names."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import Language


def fold(text: str) -> str:
    """The form words are compared in: lower case, ё as е."""
    return text.lower().replace("ё", "е")


def both_cases(alphabet: str) -> str:
    """The alphabet's letters and their capitals (a letter whose capital is two letters, "ß", has none)."""
    return alphabet + capitals(alphabet)


def capitals(alphabet: str) -> str:
    """The capitals of the alphabet's letters."""
    return "".join(c.upper() for c in alphabet if len(c.upper()) == 1 and c.upper() != c)


def upper(language: Language) -> str:
    """The capitals a word of the language may start with (its name letters too), for a character class."""
    return _escaped(capitals(language.alphabet + language.name_letters))


def lower(language: Language) -> str:
    """The small letters of the language (its name letters too), for a character class."""
    return _escaped(language.alphabet + language.name_letters)


def word(language: Language) -> str:
    """A pattern for a capitalised word in the language's letters, parts joined by a hyphen ("Jean-Marc")."""
    up, low = _escaped(capitals(language.alphabet)), _escaped(language.alphabet)
    return rf"[{up}][{low}]+(?:-[{up}][{low}]+)?"


def _escaped(letters: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in letters)
