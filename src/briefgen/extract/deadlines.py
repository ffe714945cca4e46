"""Turn the time phrases of a commitment's words into its deadline ("к 2035 году", "через пять лет").

A deadline is a preposition, then modifiers, adjectives and numbers, then a unit of time;
or a preposition and a year ("в месячный срок", "к 2035 году"); or a month with its day and year ("до 1 марта
2026 года", "в мае"). A bare unit counts only after a preposition that takes one ("через год", not the rate "в год").
Past or present time ("в прошлом году", "в настоящее время") is not a deadline.
The words are language data (`deadlines` in data/commitments.yaml).
"""
from __future__ import annotations

import re

from ..lang import grammar as g
from ..lang.words import Word, match_phrase, phrase_index

MAX_DAY = 31
_DAYS = re.compile(r"\d{1,2}(?:[-‐]\d{1,2})?")
MAX_MIDDLE = 4  # modifiers and numbers between a preposition and its unit
_YEARS = re.compile(r"\b(?:1[89]|2[0-9])\d{2}\b")
_YEAR = re.compile(r"(1[89]|2[0-9])\d{2}(?:[-–](?:1[89]|2[0-9])\d{2})?$")


class Deadlines:
    """Finds deadline phrases with one language's vocabulary."""

    def __init__(self, vocab: dict):
        self.prepositions = phrase_index(vocab.get("prepositions", ()))
        self.modifiers = set(vocab.get("modifiers", ()))
        self.units = set(vocab.get("units", ()))
        self.past = set(vocab.get("past", ()))
        self.alone = set(vocab.get("alone", ()))
        self.months = set(vocab.get("months", ()))

    def find(self, words: list[Word], text: str, since: int | None = None) -> str | None:
        """Every deadline in `words` (punctuation included), joined by "; ", or None. `text` is the text the
        words' offsets point into, so a deadline keeps its spelling; a year before `since` (the year of
        publication) dates a past event, not a deadline."""
        found = []
        i = 0
        while i < len(words):
            end = self._at(words, i) or self._date(words, i)
            if end is None:
                i += 1
                continue
            phrase = text[words[i].start : words[end - 1].end]
            if since is None or all(int(y) >= since for y in _YEARS.findall(phrase)):
                found.append(phrase)
            i = end
        return "; ".join(found) or None

    def _at(self, words: list[Word], i: int) -> int | None:
        """The index after a deadline starting at words[i], or None."""
        for parts, _ in self.prepositions.get(words[i].lemma, ()):
            j = match_phrase(words, i, parts)
            if j is not None:
                end = self._rest(words, j)
                if end is not None and (end > j + 1 or " ".join(parts) in self.alone or words[j].lemmas & self.months
                                        or _YEAR.match(words[j].text)):  # "by 2030", "к маю"
                    return end
        return None

    def _date(self, words: list[Word], i: int) -> int | None:
        """The index after a date with no preposition: a day (or days) and a month ("10 октября", "22-23
        января 2009 года"), or a month and a day ("October 13"), or None."""
        k = i
        if _day(words[k]):
            k += 1
            if k + 1 < len(words) and words[k].text in "-–" and _day(words[k + 1]):
                k += 2
            return self._year_after(words, k + 1) if k < len(words) and words[k].lemmas & self.months else None
        if words[k].lemmas & self.months and k + 1 < len(words) and _day(words[k + 1]):
            return k + 2
        return None

    def _rest(self, words: list[Word], j: int) -> int | None:
        year = None
        for k in range(j, min(len(words), j + MAX_MIDDLE + 1)):
            w = words[k]
            if w.lemmas & self.past:
                return None
            if w.lemmas & self.months:
                past = k + 1 < len(words) and bool(words[k + 1].lemmas & self.past)  # "в ноябре прошлого года"
                return None if past else self._year_after(words, k + 1)
            if w.lemmas & self.units:
                return self._year_after(words, k + 1)  # "в первом квартале 2026 года"
            if _YEAR.match(w.text):
                year = k + 1
            elif not (w.lemmas & self.modifiers or w.has(g.ADJ) or _is_number(w) or w.text in "-–."):
                break
        return year


    def _year_after(self, words: list[Word], k: int) -> int:
        """The index after a month's year ("марта 2026 года"), or `k` when no year follows."""
        if k < len(words) and _YEAR.match(words[k].text):
            k += 1
            if k < len(words) and words[k].lemmas & self.units:
                k += 1
        return k


def _day(word: Word) -> bool:
    """A day of the month, or two written as one word ("22-23")."""
    return bool(_DAYS.fullmatch(word.text)) and all(1 <= int(d) <= MAX_DAY for d in re.split(r"[-‐]", word.text))


def _is_number(word: Word) -> bool:
    return word.text.isdigit() or _day(word) or (word.tag is not None and word.tag.pos == g.NUMERAL)
