"""Adding a language is one module plus data: Kazakh (tests/lang/kk), with its own letters and no NER."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from kk import LANGUAGE as KAZAKH

from briefgen import lang
from briefgen.extract import extract_brief
from briefgen.model import Brief, Source

# Our own short report: a quotation with its speaker, a sum, and an agreement with a deadline.
TEXT = (
    "Қазақстан мен Түркия ынтымақтастықты талқылады\n\n"
    "«Біз жаңа зауытты бірге саламыз», — деді Ерлан Сейітов.\n\n"
    "Тауар айналымы 500 миллион доллар болды.\n\n"
    "Тараптар 2027 жылға дейін жаңа зауыт салуға уағдаласты.\n"
)


@pytest.fixture
def kazakh() -> Iterator[None]:
    lang.register(KAZAKH)
    yield
    lang.unregister(KAZAKH.code)


@pytest.fixture
def brief(kazakh: None) -> Brief:
    return extract_brief(Source(text=TEXT))


def test_the_text_is_told_from_russian_by_its_own_letters(kazakh):
    assert (lang.detect(TEXT).code, lang.detect("Стороны обсудили сотрудничество.").code) == ("kk", "ru")


def test_the_language_comes_from_the_table(brief):
    assert brief.source.language == "kk"


def test_a_quote_with_its_speaker(brief):
    (quote,) = brief.quotes
    assert (quote.text, quote.speaker, quote.resolution) == ("Біз жаңа зауытты бірге саламыз", "Ерлан Сейітов", "explicit")


def test_a_figure(brief):
    (figure,) = brief.figures
    assert (figure.text, figure.kind, figure.value, figure.unit, figure.measure) == (
        "500 миллион доллар", "money", 500_000_000, "USD", "Тауар айналымы"
    )


def test_a_commitment(brief):
    (commitment,) = brief.commitments
    assert (commitment.kind, commitment.cue.text if commitment.cue else None) == ("agreement", "уағдаласты")
    assert TEXT[commitment.start : commitment.end] == "Тараптар 2027 жылға дейін жаңа зауыт салуға уағдаласты"


def test_no_ner_runs_for_it(kazakh, monkeypatch):
    from briefgen import nlp
    from briefgen.document import analyse

    monkeypatch.setattr(nlp, "entities", lambda text: pytest.fail("the NER ran"))
    assert analyse(TEXT).entities == []


def test_the_table_forgets_it_afterwards():
    assert "kk" not in lang.codes() and lang.detect(TEXT).code == "ru"
