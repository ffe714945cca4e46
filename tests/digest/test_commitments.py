"""Commitment rows: one per commitment, restatements merged, the kind following the words, actions short."""
from __future__ import annotations

import pytest

from briefgen.digest.commitments import kind, rows
from briefgen.digest.source import SourceText
from briefgen.digest.words import count
from briefgen.model import Brief, Commitment, Source

from .briefs import commitment, meeting


def test_one_row_per_commitment_with_party_and_deadline():
    brief = meeting()
    out = rows(brief, SourceText(brief.source.text), "ru")
    assert len(out) == 3
    first = out[0]
    assert (first.kind, first.deadline, first.actor) == ("agreement", "2028", "стороны")
    proposal = next(r for r in out if r.kind == "proposal")
    assert proposal.party == "Казахстан" and proposal.action.startswith("предложил создать совместную рабочую группу")
    assert all(count(r.action) <= 18 for r in out)


def test_reported_speech_and_its_quote_make_one_row_with_both_places():
    text = (
        "Министр предложил открыть прямой авиарейс между столицами двух стран.\n"
        "\"Предлагаю открыть прямой авиарейс между столицами двух стран\", - сказал министр.\n"
    )
    a = commitment(text, "Министр предложил открыть прямой авиарейс между столицами двух стран.", "proposal", actor="Министр")
    b = commitment(text, "Предлагаю открыть прямой авиарейс между столицами двух стран", "proposal", actor="Министр")
    out = rows(Brief(Source(text), commitments=(a, b)), SourceText(text), "ru")
    assert len(out) == 1 and out[0].offsets == (a.start, b.start)


@pytest.mark.parametrize(
    "sentence, extracted, expected",
    [
        ("Министр считает, что правительствам следует снизить пошлины.", "instruction", "opinion"),
        ("Важно снизить пошлины на зерно.", "agreement", "opinion"),
        ("Президент поручил правительству снизить пошлины.", "instruction", "instruction"),
        ("Стороны договорились снизить пошлины.", "agreement", "agreement"),
        ("Министр считает, что пошлины нужно снизить, и стороны договорились об этом.", "agreement", "agreement"),
        ("Министр предложил снизить пошлины.", "proposal", "proposal"),
    ],
)
def test_the_kind_follows_the_words(sentence, extracted, expected):
    c = Commitment(0, len(sentence), sentence, extracted)
    assert kind(c, sentence, "ru") == expected
