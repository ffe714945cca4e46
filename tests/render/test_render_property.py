"""Any text, any valid items: every writer renders, and the files reopen (a property test)."""
from __future__ import annotations

import io
import warnings

import docx
from hypothesis import HealthCheck, given, settings, strategies as st

from briefgen.model import Brief, Commitment, Figure, Quote, Source
from briefgen.render import RenderOptions, RenderWarning, get_writer


@st.composite
def briefs(draw) -> Brief:
    text = draw(st.text(min_size=1, max_size=400))
    n = len(text)

    def span():
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return a, b, text[a:b]

    coms = [Commitment(*span(), kind=draw(st.sampled_from(["proposal", "agreement", "odd"])), actor=draw(st.none() | st.text(max_size=20))) for _ in range(draw(st.integers(0, 3)))]
    figs = [Figure(*span(), kind=draw(st.sampled_from(["money", "percent", "count", "quantity"])),
                   value=draw(st.none() | st.floats(-1e15, 1e15, allow_nan=False)), unit=draw(st.none() | st.text(max_size=4)))
            for _ in range(draw(st.integers(0, 3)))]  # fmt: skip
    quotes = [Quote(*span(), speaker=draw(st.none() | st.text(max_size=20))) for _ in range(draw(st.integers(0, 2)))]
    source = Source(text=text, date=draw(st.none() | st.sampled_from(["2025-11-15", "not a date"])), publisher=draw(st.none() | st.text(max_size=20)))
    return Brief(source, commitments=tuple(coms), figures=tuple(figs), quotes=tuple(quotes), event=draw(st.none() | st.text(max_size=60)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_every_writer_renders_any_brief(brief):
    from pypdf import PdfReader

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RenderWarning)  # replaced characters are expected here
        docx.Document(io.BytesIO(get_writer("docx")(brief, RenderOptions())))
        assert len(PdfReader(io.BytesIO(get_writer("pdf")(brief, RenderOptions()))).pages) >= 1
        assert len(PdfReader(io.BytesIO(get_writer("factsheet")(brief, RenderOptions()))).pages) == 1
