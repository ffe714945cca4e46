"""Arbitrary Unicode text and arbitrary valid briefs through extraction and every writer in FORMATS.

Nothing may raise except a one-line SourceError for text that is not a report;
every item keeps its offsets; each output reopens (JSON through load_brief,
DOCX through python-docx, PDF through pypdf) and the text comes back. A
writer whose module is not there yet is skipped by name, so its checks start
running the day it lands.
"""
from __future__ import annotations

import importlib
import importlib.util
import io
import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from briefgen.errors import SourceError
from briefgen.extract import extract_brief
from briefgen.model import AgendaArea, Brief, Commitment, Figure, Participant, Quote, Source, Span
from briefgen.render import FORMATS, RenderOptions
from briefgen.serialize import MAX_NUMBER, load_brief
from briefgen.source import source_from_text
from briefgen.spans import mismatches

NASTY = [
    "<b>", "</b>", "<font name='x'>", "<img src='/etc/passwd'/>", "<para>", "&", "&amp;", "<", ">",
    "{{ brief.event }}", "{% for x in brief.quotes %}", "{#", "${x}", "%s",
    "\u202eRTL", "שלום עולם", "مرحبا بالعالم", "😀", "👩\u200d👩\u200d👧", "🇰🇿", "е\u0301", "a\u0308\u0301",
    "Ә Ғ Қ Ң Ө Ұ Ү Һ І", "Oʻzbekiston, gʻalaba", "\x00", "\x07", "\x0b", "\x1b[31m", "\ufffe", "\uffff",
    "\ud800", "\udfff", "\t", "\n", "\r\n", "\u2028", "\xa0",
    "а" * 2000, "Сотрудничество" * 100, "«", "»", "„", "“", '"', "—",
    "5 млрд долларов", "на 15%", "Президент Казахстана Касым-Жомарт Токаев заявил: «Мы договорились»",
    "date 2025-01-01\n", "date 2025-02-30\n",
]
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")  # two halves in a str: no file or JSON can hold them apart

piece = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=20),  # every category, surrogates and controls too
    st.binary(max_size=20).map(lambda b: b.decode("utf-8", "surrogateescape")),  # text read with errors kept
    st.sampled_from(NASTY),
)
texts = st.lists(piece, max_size=10).map("".join).filter(lambda t: not _PAIR.search(t))
words = st.text(st.characters(exclude_categories=()), max_size=12).filter(lambda t: not _PAIR.search(t))
maybe = st.none() | words
numbers = st.none() | st.floats(-MAX_NUMBER, MAX_NUMBER)  # a valid brief holds finite numbers of bounded size

SETTINGS = settings(
    max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


KINDS = {
    "commitment": ["proposal", "agreement", "intention", "invitation", "instruction", "creation"],
    "figure": ["money", "percent", "count", "quantity"],
    "resolution": ["explicit", "pronoun", "title", "context", "turn"],
}


@st.composite
def briefs(draw) -> Brief:
    """A valid Brief whose every span, figure, quote and commitment agrees with its source text."""
    text = draw(texts)

    def span() -> Span:
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        return Span(start, end, text[start:end])

    def several(make) -> tuple:
        return tuple(make() for _ in range(draw(st.integers(0, 3))))

    def commitment() -> Commitment:
        s = span()
        return Commitment(
            s.start, s.end, s.text, draw(st.sampled_from(KINDS["commitment"])), actor=draw(maybe),
            action=draw(maybe), deadline=draw(maybe), area=draw(maybe), cue=span() if draw(st.booleans()) else None,
        )

    def figure() -> Figure:
        s = span()
        return Figure(
            s.start, s.end, s.text, draw(st.sampled_from(KINDS["figure"])), value=draw(numbers), unit=draw(maybe),
            value_max=draw(numbers), qualifier=draw(maybe), measure=draw(maybe), status=draw(maybe),
            year=draw(st.none() | st.integers(1900, 2100)), area=draw(maybe),
        )

    def quote() -> Quote:
        s = span()
        return Quote(
            s.start, s.end, s.text, speaker=draw(maybe), speaker_role=draw(maybe),
            attribution=span() if draw(st.booleans()) else None,
            resolution=draw(st.none() | st.sampled_from(KINDS["resolution"])),
        )

    source = Source(
        text=text, name=draw(words), sha256=draw(words), title=draw(maybe),
        date=draw(st.none() | st.dates().map(str)), publisher=draw(maybe), place=draw(maybe),
    )
    return Brief(
        source=source,
        participants=several(lambda: Participant(draw(words), draw(maybe), several(span))),
        agenda_areas=several(lambda: AgendaArea(draw(words), draw(words), several(span), draw(st.booleans()))),
        commitments=several(commitment),
        figures=several(figure),
        quotes=several(quote),
        event=draw(words.filter(str.strip)),
        generator=draw(words),
    )


def _writer(name: str):
    module = FORMATS[name].module
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"the {name} writer ({module}) is not there yet")
    return importlib.import_module(module).write


def _items(brief: Brief) -> list:
    return [*brief.quotes, *brief.figures, *brief.commitments, *(s for p in brief.participants for s in p.mentions),
            *(s for a in brief.agenda_areas for s in a.evidence)]


def check_output(name: str, brief: Brief, data: bytes) -> None:
    """The output of writer `name` reopens with the library for its kind of file and keeps the brief's text."""
    suffix = FORMATS[name].filename.rsplit(".", 1)[1]
    if suffix == "json":
        assert load_brief(data.decode("utf-8")) == brief
    elif suffix == "docx":
        docx = pytest.importorskip("docx")
        doc = docx.Document(io.BytesIO(data))
        paragraphs = [*doc.paragraphs, *(p for s in doc.sections for p in s.header.paragraphs)]
        cells = [c for t in doc.tables for row in t.rows for c in row.cells]
        body = " ".join([doc.core_properties.title or "", *(p.text for p in paragraphs), *(c.text for c in cells)])
        for part in _xml_legal_parts(brief.event or ""):
            assert part in " ".join(body.split())
    elif suffix == "pdf":
        pypdf = pytest.importorskip("pypdf")
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert len(reader.pages) >= 1
        assert all(isinstance(page.extract_text(), str) for page in reader.pages)
    else:
        raise AssertionError(f"no check for .{suffix} files yet: add one here")


def _xml_legal_parts(text: str) -> list[str]:
    """The stretches of `text` that XML can hold, white space collapsed (what a DOCX reader gets back)."""
    parts = re.split("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]+", text)
    return [" ".join(p.split()) for p in parts if p.split()]


def _render(write, brief: Brief) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a writer may warn about glyphs its font lacks: expected here
        return write(brief, RenderOptions())


@pytest.mark.parametrize("name", list(FORMATS))
def test_any_text_extracts_and_renders(name):
    write = _writer(name)

    @SETTINGS
    @given(texts)
    def check(text: str) -> None:
        try:
            source = source_from_text(text, name="any.txt")
        except SourceError as e:  # empty, or a bad date marker: a one-line reason is the contract
            assert "\n" not in str(e)
            return
        brief = extract_brief(source)
        assert brief.source.text == text.replace("\r\n", "\n").replace("\r", "\n")
        assert not mismatches(brief.source.text, _items(brief))
        check_output(name, brief, _render(write, brief))

    check()


@pytest.mark.parametrize("name", list(FORMATS))
def test_any_valid_brief_renders(name):
    write = _writer(name)

    @SETTINGS
    @given(briefs())
    def check(brief: Brief) -> None:
        assert not mismatches(brief.source.text, _items(brief))
        check_output(name, brief, _render(write, brief))

    check()
