"""Turn a sentence of speech into a third-person statement: frames dropped, "we/our/I" resolved.

"В этой связи примем ряд решений" → "Стороны примут ряд решений"; "наше
партнёрство" → "партнёрство двух стран"; "we will open" → "Kazakhstan will
open". Words come from `data/digest.yaml`; Russian verbs and nouns are
inflected through their readings in `briefgen.lang` (cached per form).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..lang import grammar as g, readings
from ..lang.reading import Reading
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
    if any(mark in r for r in readings(m.group())[:1] for mark in g.NAMES):
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
                if head.case == g.NOM:  # "Наши страны придаём…": the phrase is the subject, its number the verb's
                    said_subject, singular = True, head.number == g.SINGULAR
                continue
        verb = _ru_verb(low)
        if verb is not None:
            form, number = verb
            if number == g.PLURAL and singular:
                form = _inflect_verb(low, g.SINGULAR) or form
            if not said_subject and not _has_subject_before(tokens, i):
                subject, singular = (voice.speaker, False) if number == g.SINGULAR else _we(tokens, i - 1, voice)
                if number == g.PLURAL and singular:
                    form = _inflect_verb(low, g.SINGULAR) or form
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
        r = readings(m.group())[0]
        if r.pos in (g.VERB, g.INFINITIVE):
            if r.lemma.replace("ё", "е") in joint or not voice.party:
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
    for r in readings(low)[:1]:
        if r.pos == g.VERB and r.person == g.FIRST:
            number = r.number or g.PLURAL
            form = r.inflect(g.THIRD, number)
            if form is not None:
                return form, number
    return None


def _inflect_verb(low: str, number: str) -> str | None:
    for r in readings(low)[:1]:
        return r.inflect(g.THIRD, number)
    return None


def _has_subject_before(tokens: list[re.Match[str]], i: int) -> bool:
    """True when a nominative noun or pronoun stands before word i in its clause (so no subject needs adding)."""
    for m in reversed(tokens[max(0, i - 4) : i]):
        r = readings(m.group())[0]
        if r.pos in (g.NOUN, g.PRONOUN) and r.case == g.NOM:
            return True
    return False


def _next_noun(tokens: list[re.Match[str]], i: int) -> int | None:
    """The index of the noun a possessive at i belongs to (within three words), else None."""
    for j in range(i + 1, min(i + 4, len(tokens))):
        r = readings(tokens[j].group())[0]
        if r.pos == g.NOUN:
            return j
        if r.pos not in (g.ADJ, g.PARTICIPLE, g.NUMERAL, g.ADVERB):
            return None
    return None


def _ru_possessive(text: str, tokens: list[re.Match[str]], i: int, j: int, voice: Voice) -> tuple[str, int]:
    """(What stands for "наш* … NOUN", where that stretch ends in the text)."""
    noun = tokens[j]
    reading = _agreeing(tokens[i].group(), noun.group())
    case = reading.case or g.NOM
    country = wording("country_noun", "ru")
    between = text[tokens[i].end() : noun.start()].strip()
    if reading.lemma == country:
        if reading.number == g.PLURAL:
            both = table("both_countries", "ru")
            return both.get(case, both.get(g.GEN, "")), noun.end()
        if not voice.party:  # "наша страна" of a speaker whose country is unknown: "страна выступающего", no gender assumed
            return " ".join(x for x in (between, noun.group(), wording("speaker_owner", "ru")) if x), noun.end()
        return _inflect_name(voice.party, case), noun.end()
    shared = reading.lemma.replace("ё", "е") in listed("shared_nouns", "ru")
    owner = table("both_countries", "ru").get(g.GEN, "") if shared or not voice.party else _inflect_name(voice.party, g.GEN)
    phrase = " ".join(x for x in (between, noun.group(), owner) if x)
    return phrase, noun.end()


def _agreeing(possessive: str, noun: str) -> Reading:
    """The reading of `noun` that agrees with the possessive before it in number and case (else its likeliest)."""
    for n in readings(noun):
        if n.pos == g.NOUN and any(p.number == n.number and p.case == n.case for p in readings(possessive)):
            return n
    return readings(noun)[0]


def _inflect_name(name: str, case: str) -> str:
    """A country's name in a case, word by word ("Российская Федерация" → "Российской Федерации");
    a word the analyser cannot inflect stays as written."""
    if case == g.NOM:
        return name
    return " ".join(_inflect_word(w, case) for w in name.split())


def _inflect_word(word: str, case: str) -> str:
    for r in readings(word):
        if r.case == g.NOM and r.pos in (g.NOUN, g.ADJ):
            form = r.inflect(case)
            if form is not None:
                return _like(word, form)
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
