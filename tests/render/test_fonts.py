"""Fonts registered ahead of layout are the ones layout then uses, parsed once."""
from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from briefgen.render import RenderOptions, fonts
from briefgen.render.theme import load_theme


def test_registered_ahead_the_theme_families_are_not_parsed_again(monkeypatch):
    options = RenderOptions()
    fonts.register(options)
    parsed = []
    monkeypatch.setattr(pdfmetrics, "registerFont", parsed.append)
    theme = load_theme(options)
    body, head = fonts.family(theme, theme.body_font), fonts.family(theme, theme.heading_font)
    assert parsed == []
    assert {body.font(), head.font(bold=True)} <= set(pdfmetrics.getRegisteredFontNames())
