"""The normalised grammar every reading speaks, whatever the language's analyser calls it.

Extractors compare a reading's part of speech and features with these names,
never with an analyser's own tags; each morphology backend maps its tags to
them (see `pymorphy.py`).
"""
from __future__ import annotations

# parts of speech
NOUN = "noun"
ADJ = "adjective"
ADJ_SHORT = "short adjective"
COMPARATIVE = "comparative"
VERB = "verb"  # a finite verb
INFINITIVE = "infinitive"
PARTICIPLE = "participle"
PARTICIPLE_SHORT = "short participle"
GERUND = "gerund"
NUMERAL = "numeral"
ADVERB = "adverb"
PRONOUN = "pronoun"
PREDICATIVE = "predicative"
PREPOSITION = "preposition"
CONJUNCTION = "conjunction"
PARTICLE = "particle"
INTERJECTION = "interjection"

# cases
NOM = "nominative"
GEN = "genitive"
GEN2 = "second genitive"  # "чаю"
DAT = "dative"
ACC = "accusative"
INS = "instrumental"
LOC = "locative"
LOC2 = "second locative"  # "в лесу"
ACC2 = "second accusative"
VOC = "vocative"
CASES = (INS, ACC2, ACC, DAT, GEN2, GEN, LOC2, LOC, NOM, VOC)  # a fixed order, for ties between cases

# number, gender, person, tense, aspect, voice, mood
SINGULAR = "singular"
PLURAL = "plural"
MASCULINE = "masculine"
FEMININE = "feminine"
NEUTER = "neuter"
COMMON = "common gender"  # "сирота"
VARYING_GENDER = "varying gender"  # "ставень"
FIRST = "first person"
SECOND = "second person"
THIRD = "third person"
PAST = "past"
PRESENT = "present"
FUTURE = "future"
PERFECTIVE = "perfective"
IMPERFECTIVE = "imperfective"
PASSIVE = "passive"
INDICATIVE = "indicative"
IMPERATIVE = "imperative"
TRANSITIVE = "transitive"

# what kind of word: names, abbreviations, word classes
ANIMATE = "animate"
FIRST_NAME = "first name"
SURNAME = "surname"
PATRONYMIC = "patronymic"
PLACE = "place name"
ORGANISATION = "organisation name"
ABBREVIATION = "abbreviation"
INDECLINABLE = "indeclinable"
PRONOMINAL = "pronominal"  # "этот", "наш"
ORDINAL = "ordinal"  # "второй"
QUALITATIVE = "qualitative"
PREDICATIVE_USE = "may be predicative"  # "рад"
LATIN = "latin"  # a word in Latin letters the analyser does not read
DIGITS = "digits"  # a number written in digits
NAMES = (FIRST_NAME, SURNAME, PATRONYMIC, PLACE, ORGANISATION, ABBREVIATION)  # marks of a name, not a common word
