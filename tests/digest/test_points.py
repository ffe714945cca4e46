"""Key points: the lede first, then the weightiest sentences; third person, at most 30 words, said once, never cut."""
from __future__ import annotations

import pytest

from briefgen.digest import make_digest
from briefgen.digest.audit import check_points
from briefgen.digest.points import key_points, speech_tail
from briefgen.digest.source import SourceText
from briefgen.digest.words import Seen
from briefgen.model import Brief, Participant, Source, Span

from .briefs import meeting


def test_the_meeting_leads_with_who_met_whom_then_the_agreement():
    brief = meeting()
    points = [p.text for p in key_points(brief, SourceText(brief.source.text), "ru", Seen())]
    assert points[0].startswith("Министр экономики Казахстана Арман Сергеев провел в Ташкенте переговоры")
    assert points[1] == "Стороны договорились довести товарооборот до 5 млрд долларов к 2028 году."
    assert "Казахстан откроет в Самарканде торговый дом" in " ".join(points)


def test_every_point_is_short_third_person_uncut_and_backed_by_its_paragraph():
    brief = meeting()
    d = make_digest(brief, "ru")
    check = check_points(d.points, SourceText(brief.source.text))
    assert 3 <= check.count <= 6
    assert (check.long, check.first_person, check.cut, check.unsupported) == (0, 0, 0, 0)


def test_a_sentence_already_in_the_title_is_not_a_point():
    brief = meeting()
    seen = Seen()
    seen.take("Министр экономики Казахстана Арман Сергеев провел в Ташкенте переговоры с министром Узбекистана")
    points = key_points(brief, SourceText(brief.source.text), "ru", seen)
    assert not any(p.text.startswith("Министр экономики") for p in points)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("«Мы откроем торговый дом в Самарканде», – сказал Сергеев.", "ru", ("Мы откроем торговый дом в Самарканде.", "сказал Сергеев")),
        ("Товарооборот вырос на треть, отметил он.", "ru", ("Товарооборот вырос на треть.", "отметил он")),
        ('"Trade grew by a third," the minister told reporters.', "en", ("Trade grew by a third.", "the minister told reporters")),
        ("Министр сказал, что товарооборот вырос.", "ru", ("Министр сказал, что товарооборот вырос.", "")),  # not a closing attribution
    ],
)
def test_speech_tail(text, lang, expected):
    said, tail = speech_tail(text, lang)
    assert (said, " ".join(tail.strip(' ,–-"».').split())) == expected


def test_a_short_attribution_moves_in_front_and_a_dateline_goes():
    text = "ТАШКЕНТ, 5 мая. /ТАСС/. Товарооборот двух стран вырос на треть за год, отметил он.\n"
    brief = Brief(Source(text), participants=(Participant("Арман Сергеев", None, (Span(0, 7, text[:7]),)),))
    src = SourceText(text)
    assert key_points(brief, src, "ru", Seen())[0].text == "Сергеев: Товарооборот двух стран вырос на треть за год."
