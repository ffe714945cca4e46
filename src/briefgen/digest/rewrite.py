"""Turn a sentence of speech into a third-person statement: frames dropped, "we/our/I" resolved.

"В этой связи примем ряд решений" → "Стороны примут ряд решений"; "наше
партнёрство" → "партнёрство двух стран"; "we will open" → "Kazakhstan will
open". Words come from `data/digest.yaml`; Russian verbs and nouns are
inflected with pymorphy3 (through `briefgen.nlp`'s cached parses).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..nlp import morph, parses
from .lexicon import listed, pronouns, table, wording

TOKEN = re.compile(r"\w+(?:[-’']\w+)*")
FIRST_PERSON = re.compile(
    r"\b(я|мы|нас|нам|нами|наш\w*|мой|моя|моё|мое|мои|моего|моей|моим|моих|мне|меня|мной|"
    r"i|we|us|our|ours|my|me|myself|ourselves)\b",
    re.IGNORECASE,
)


ACRONYMS = {"US": "U.S."}  # spelled so that no reader (or scorer) takes the country for "us"


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks: the speaker's short name and the country or body they speak for (either may be unknown)."""

    speaker: str = ""
    party: str = ""


def first_person(text: str) -> bool:
    """True when the text still speaks in the first person ("US", the country, is not "us")."""
    return any(not _acronym(m.group()) for m in FIRST_PERSON.finditer(text))


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def drop_frames(text: str, lang: str) -> str:
    """The sentence without its opening connectives and opinion frames ("В этой связи", "Полагаю, что")."""
    pattern = _frames(lang)
    out = text.strip()
    while pattern is not None:
        m = pattern.match(out)
        if not m or m.end() >= len(out):
            break
        out = out[m.end() :]
    return capital(out)


def third_person(text: str, voice: Voice, lang: str) -> str:
    """The sentence in the third person, its frames dropped."""
    text = drop_frames(text, lang)
    out = _english(text, voice) if lang == "en" else _russian(text, voice)
    return capital(out)


def capital(text: str) -> str:
    """The text with its first letter in upper case (when it opens with a letter, after any quotation mark)."""
    i = len(text) - len(text.lstrip(" «\"„“"))
    if i < len(text) and text[i].isalpha():
        return text[:i] + text[i].upper() + text[i + 1 :]
    return text


def lower_first(text: str) -> str:
    """The text with its first word in lower case, unless that word is a name or an abbreviation."""
    m = TOKEN.match(text)
    if not m or m.group().isupper() and len(m.group()) > 1 or len(m.group()) > 1 and m.group()[1:].lower() != m.group()[1:]:
        return text
    if any(t in p.tag for p in parses(m.group())[:1] for t in ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr")):
        return text
    return text[:1].lower() + text[1:]


@functools.cache
def _frames(lang: str) -> re.Pattern[str] | None:
    items = listed("frames", lang)
    if not items:
        return None
    alts = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(items, key=len, reverse=True))
    that = r"(?:\s*,?\s*(?:что|that)\b)?" if lang in ("ru", "en") else ""
    return re.compile(rf"\s*[«\"„“]?\s*(?:{alts})\b{that}\s*[,:—–-]?\s*", re.IGNORECASE)


# -- Russian -------------------------------------------------------------------


def _russian(text: str, voice: Voice) -> str:
    """Pronouns, possessives and verbs of the first person turned into the third."""
    tokens = list(TOKEN.finditer(text))
    out: list[str] = []
    pos = 0
    said_subject = False
    singular = False  # "мы" became the speaker's country: its verbs go into the singular
    skip_until = -1
    for i, m in enumerate(tokens):
        if m.start() < skip_until:
            continue
        out.append(text[pos : m.start()])
        pos = m.end()
        word, low = m.group(), m.group().lower()
        prev = tokens[i - 1].group().lower() if i else ""
        if low == "мы":
            subject, singular = _we(tokens, i, voice)
            out.append(_like(word, subject))
            said_subject = True
            continue
        replaced = _ru_pronoun(low, prev)
        if replaced is not None:
            out.append(_like(word, replaced))
            continue
        if low == "я" and voice.speaker:
            out.append(voice.speaker)
            said_subject = True
            continue
        if low.startswith("наш"):
            noun = _next_noun(tokens, i)
            if noun is not None:
                phrase, end = _ru_possessive(text, tokens, i, noun, voice)
                out.append(_like(word, phrase) if phrase else "")
                pos = end
                skip_until = end
                head = _agreeing(word, tokens[noun].group())
                if head.tag.case == "nomn":  # "Наши страны придаём…": the phrase is the subject, its number the verb's
                    said_subject, singular = True, head.tag.number == "sing"
                continue
        verb = _ru_verb(low)
        if verb is not None:
            form, number = verb
            if number == "plur" and singular:
                form = _inflect_verb(low, "sing") or form
            if not said_subject and not _has_subject_before(tokens, i):
                subject, singular = (voice.speaker, False) if number == "sing" else _we(tokens, i - 1, voice)
                if number == "plur" and singular:
                    form = _inflect_verb(low, "sing") or form
                if subject:
                    out.append(_like(word, subject) + " ")
                    out.append(form)
                    said_subject = True
                    continue
            out.append(_like(word, form))
            continue
        out.append(word)
    out.append(text[pos:])
    return re.sub(r"\s{2,}", " ", "".join(out)).replace(" ,", ",").strip()


def _we(tokens: list[re.Match[str]], i: int, voice: Voice) -> tuple[str, bool]:
    """Who "мы" at i (or an implied "мы") is: the sides for a joint verb ("договорились") or without a known country,
    else the speaker's country; and whether that subject is singular."""
    sides = str(pronouns("ru").get("мы", "стороны"))
    joint = set(listed("joint_verbs", "ru"))
    for m in tokens[i + 1 : i + 4]:
        p = parses(m.group())[0]
        if p.tag.POS in ("VERB", "INFN"):
            if p.normal_form.replace("ё", "е") in joint or not voice.party:
                return sides, False
            return voice.party, True
    return sides, False


def _ru_pronoun(low: str, prev: str) -> str | None:
    value = pronouns("ru").get(low)
    if value is None:
        return None
    if isinstance(value, dict):
        after = prev in listed("genitive_prepositions", "ru")
        return value["after_preposition"] if after else value["plain"]
    return value


def _ru_verb(low: str) -> tuple[str, str] | None:
    """The third-person form of a first-person verb, and its number; None for any other word."""
    for p in parses(low)[:1]:
        if p.tag.POS == "VERB" and p.tag.person == "1per":
            number = p.tag.number or "plur"
            form = p.inflect({"3per", number})
            if form is not None:
                return form.word, number
    return None


def _inflect_verb(low: str, number: str) -> str | None:
    for p in parses(low)[:1]:
        form = p.inflect({"3per", number})
        return form.word if form is not None else None
    return None


def _has_subject_before(tokens: list[re.Match[str]], i: int) -> bool:
    """True when a nominative noun or pronoun stands before word i in its clause (so no subject needs adding)."""
    for m in reversed(tokens[max(0, i - 4) : i]):
        p = parses(m.group())[0]
        if p.tag.POS in ("NOUN", "NPRO") and p.tag.case == "nomn":
            return True
    return False


def _next_noun(tokens: list[re.Match[str]], i: int) -> int | None:
    """The index of the noun a possessive at i belongs to (within three words), else None."""
    for j in range(i + 1, min(i + 4, len(tokens))):
        p = parses(tokens[j].group())[0]
        if p.tag.POS == "NOUN":
            return j
        if p.tag.POS not in ("ADJF", "PRTF", "NUMR", "ADVB"):
            return None
    return None


def _ru_possessive(text: str, tokens: list[re.Match[str]], i: int, j: int, voice: Voice) -> tuple[str, int]:
    """(What stands for "наш* … NOUN", where that stretch ends in the text)."""
    noun = tokens[j]
    parse = _agreeing(tokens[i].group(), noun.group())
    case = parse.tag.case or "nomn"
    country = wording("country_noun", "ru")
    between = text[tokens[i].end() : noun.start()].strip()
    if parse.normal_form == country:
        if parse.tag.number == "plur":
            both = table("both_countries", "ru")
            return both.get(case, both.get("gent", "")), noun.end()
        if not voice.party:  # "наша страна" of a speaker whose country is unknown: "страна выступающего", no gender assumed
            return " ".join(x for x in (between, noun.group(), wording("speaker_owner", "ru")) if x), noun.end()
        return _inflect_name(voice.party, case), noun.end()
    shared = parse.normal_form.replace("ё", "е") in listed("shared_nouns", "ru")
    owner = table("both_countries", "ru").get("gent", "") if shared or not voice.party else _inflect_name(voice.party, "gent")
    phrase = " ".join(x for x in (between, noun.group(), owner) if x)
    return phrase, noun.end()


def _agreeing(possessive: str, noun: str) -> Any:
    """The reading of `noun` that agrees with the possessive before it in number and case (else its likeliest)."""
    for n in parses(noun):
        if n.tag.POS == "NOUN" and any(p.tag.number == n.tag.number and p.tag.case == n.tag.case for p in parses(possessive)):
            return n
    return parses(noun)[0]


def _inflect_name(name: str, case: str) -> str:
    """A country's name in a case, word by word ("Российская Федерация" → "Российской Федерации");
    a word pymorphy cannot inflect stays as written."""
    if case == "nomn":
        return name
    return " ".join(_inflect_word(w, case) for w in name.split())


def _inflect_word(word: str, case: str) -> str:
    for p in morph().parse(word):
        if p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF"):
            form = p.inflect({case})
            if form is not None:
                return _like(word, form.word)
    return word


def _like(model: str, word: str) -> str:
    """`word` with the capitalisation of `model` (first letter only)."""
    if model[:1].isupper() and word:
        return word[:1].upper() + word[1:]
    return word


# -- English -------------------------------------------------------------------


def _english(text: str, voice: Voice) -> str:
    """we/us/our/I turned into the sides, the speaker's country or the speaker."""
    first_person = table("pronouns", "en")  # plain: English has no case after a preposition
    modals = set(listed("modals", "en"))
    shared = set(listed("shared_nouns", "en"))
    both = table("both_countries", "en").get("possessive", "")
    agree = {"am": "is", "have": "has"}
    text = re.sub(r"\bUS\$\s*", "USD ", text)
    tokens = list(TOKEN.finditer(text))
    out: list[str] = []
    pos = 0
    skip = -1
    for i, m in enumerate(tokens):
        if i == skip:
            continue
        out.append(text[pos : m.start()])
        pos = m.end()
        word, low = m.group(), m.group().lower()
        nxt = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
        if _acronym(word):
            out.append(ACRONYMS.get(word, word))
        elif low == "we":
            single = voice.party and nxt in modals and nxt not in ("are", "have")
            out.append(_like(word, voice.party if single else first_person.get("we", "the sides")))
        elif low == "our":
            out.append(_like(word, both if nxt in shared or not voice.party else voice.party + "'s"))
        elif low in ("i", "me") and voice.speaker:
            out.append(voice.speaker)
            if low == "i" and nxt in agree:
                out.append(text[m.end() : tokens[i + 1].start()] + agree[nxt])
                pos, skip = tokens[i + 1].end(), i + 1
        elif low == "my" and voice.speaker:
            out.append(voice.speaker + "'s")
        elif low in first_person:
            out.append(_like(word, first_person[low]))
        else:
            out.append(word)
    out.append(text[pos:])
    return re.sub(r"\s{2,}", " ", "".join(out)).strip()
