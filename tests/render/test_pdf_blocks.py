"""Flowables from blocks: text escaped for reportlab, fallback font per character, huge paragraphs in pieces."""
from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from briefgen.render import RenderOptions
from briefgen.render.blocks import Document, Meta, Run
from briefgen.render.fonts import Glyphs, family
from briefgen.render.pdf_blocks import Kit, _chunks, plain_frags
from briefgen.render.theme import load_theme


@pytest.fixture(scope="module")
def theme():
    return load_theme(RenderOptions())


def _parsed(text: str, style) -> list[dict]:
    """What reportlab's own markup parser makes of a paragraph's text: each fragment's attributes."""
    return [vars(f) for f in Paragraph(text, style).frags]


@pytest.mark.parametrize(
    "text, style",
    [
        ("Переговоры прошли в Ташкенте.", "body"),
        ("  Две строки\n  текста,\tс отступами  ", "body"),
        ("Оʻзбекистон — 1 234,5 млн долларов", "cell"),
        ("Повестка дня", "kicker"),  # set in capitals by the style
        ("Итоги", "h1"),
    ],
)
def test_a_paragraph_without_markup_gets_the_fragments_the_parser_would_make(theme, text, style):
    st = Kit(theme, Document(Meta(), ()), 400).styles[style]
    frags = plain_frags(text, st)
    assert frags is not None and [vars(f) for f in frags] == _parsed(text, st)


@pytest.mark.parametrize("text", ["<b>жирный</b>", "A &amp; B", '<a name="h1"/>Итоги', "", "   "])
def test_markup_and_empty_text_go_to_the_parser(theme, text):
    assert plain_frags(text, Kit(theme, Document(Meta(), ()), 400).styles["body"]) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;"),
        ('<img src="x"/>', "&lt;img src=&quot;x&quot;/&gt;"),
        ("Қазақ", "Қазақ"),
        ("Oʻzbek", 'O<font face="DejaVuSans">ʻ</font>zbek'),
    ],
)
def test_markup_escapes_and_falls_back_per_character(theme, text, expected):
    glyphs = Glyphs(theme)
    assert glyphs.markup(text, family(theme, theme.body_font)) == expected
    assert glyphs.missing == 0


def test_a_character_no_font_has_is_replaced_and_counted(theme):
    glyphs = Glyphs(theme)
    out = glyphs.markup("a\u2401b", family(theme, theme.body_font))
    assert "\u2401" not in out and "\ufffd" in out and glyphs.missing == 1


def test_huge_paragraphs_are_cut_at_spaces_without_losing_text():
    runs = (Run("слово " * 1000), Run("жирное " * 500, bold=True), Run("конец"))
    pieces = _chunks(runs, 2000)
    assert len(pieces) > 3
    assert "".join(r.text for p in pieces for r in p) == "".join(r.text for r in runs)
    assert all(sum(len(r.text) for r in p) <= 2000 for p in pieces)
    assert _chunks(runs[2:], 2000) == [runs[2:]]


@pytest.mark.parametrize(
    ("lang", "word", "expected"),
    [
        ("ru", "переговоры", ["пе", "ре", "го", "во", "ры"]),
        ("ru", "сотрудничество", ["со", "труд", "ни", "че", "ство"]),
        ("en", "cooperation", ["co", "oper", "a", "tion"]),
        ("en-GB", "agreement", ["agree", "ment"]),
    ],
)
def test_hyphenation_patterns_read_back_from_the_user_cache_hyphenate_alike(tmp_path, monkeypatch, lang, word, expected):
    import pyphen

    from briefgen import cache
    from briefgen.render import pdf_blocks

    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path)
    monkeypatch.setattr(pyphen, "hdcache", {})
    pdf_blocks._hyphenator.cache_clear()
    fresh = pdf_blocks._hyphenator(lang)  # parses the dictionary and writes the entry
    monkeypatch.setattr(pyphen, "hdcache", {})  # as a new process: nothing parsed in memory
    pdf_blocks._hyphenator.cache_clear()
    cached = pdf_blocks._hyphenator(lang)  # reads the entry into pyphen's per-file cache
    pdf_blocks._hyphenator.cache_clear()
    assert list(tmp_path.glob("hyph-*.pickle"))
    assert list(cached(word)) == list(fresh(word))
    assert pyphen.Pyphen(lang=pyphen.language_fallback(lang.replace("-", "_"))).inserted(word).split("-") == expected


@pytest.mark.parametrize(
    "word, hyphenated",
    [
        ("межгосударственного", True),
        ("Касым-Жомарт", False),  # a personal name
        ("Мирзиёев", False),
        ("Узбекистана", False),  # capitalised: a place or a name
    ],
)
def test_names_are_never_hyphenated(word, hyphenated):
    from briefgen.render.pdf_blocks import _hyphenator

    assert bool(list(_hyphenator("ru")(word))) == hyphenated


def test_a_page_never_ends_with_a_hyphenated_word(theme):
    from reportlab.platypus import Frame

    from briefgen.render.blocks import Document, Meta
    from briefgen.render.pdf_blocks import Kit, _last_line

    width = 450
    kit = Kit(theme, Document(Meta(text_lang="ru")), width)
    text = ("Стороны обсудили вопросы межгосударственного сотрудничества, развития внешнеэкономической "
            "деятельности и взаимных инвестиций в промышленность, энергетику и сельское хозяйство. ") * 20
    for height in range(40, 600, 3):
        para = kit.para((Run(text),), "body")
        para.wrap(width, height)
        parts = para.split(width, height)
        if len(parts) == 2:
            assert not _last_line(parts[0]).endswith("-"), height
    assert Frame  # the frame class exists: the split is what a frame calls


def test_lines_are_broken_once_per_width_and_again_after_a_split(theme, monkeypatch):
    from reportlab.platypus import Paragraph

    kit = Kit(theme, Document(Meta(text_lang="ru")), 450)
    para = kit.para((Run("Стороны обсудили вопросы сотрудничества в промышленности и энергетике. " * 12),), "body")
    breaks: list[float] = []
    original = Paragraph.breakLines
    monkeypatch.setattr(Paragraph, "breakLines", lambda p, widths: breaks.append(widths[1]) or original(p, widths))
    first = para.wrap(450, 800)
    assert para.wrap(450, 300) == first and breaks == [450]
    assert para.wrap(300, 800)[1] > first[1] and breaks == [450, 300]
    para.split(300, 40)
    para.wrap(300, 800)
    assert breaks == [450, 300, 300]


def test_getting_ready_registers_the_fonts_and_loads_the_label_languages_hyphenation():
    from reportlab.pdfbase import pdfmetrics

    from briefgen.render import pdf_blocks

    pdf_blocks._hyphenator.cache_clear()
    pdf_blocks.get_ready(RenderOptions(lang="en"))
    before = pdf_blocks._hyphenator.cache_info()
    assert pdf_blocks._hyphenator("en") is not None
    assert pdf_blocks._hyphenator.cache_info().hits == before.hits + 1  # loaded already, not now
    theme = load_theme(RenderOptions(lang="en"))
    assert family(theme, theme.body_font).font() in pdfmetrics.getRegisteredFontNames()
