"""The markup parser: text stays text, white space collapses, broken markup names its template."""
from __future__ import annotations

import pytest

from briefgen.errors import RenderError
from briefgen.render import RenderWarning
from briefgen.render.blocks import BulletList, Heading, Paragraph, Run, Table, dump
from briefgen.render.markup import parse, sanitize


def doc(body: str) -> str:
    return f"<doc>{body}</doc>"


@pytest.mark.parametrize(
    "markup, runs",
    [
        ("<p>a &lt;b&gt;bold&lt;/b&gt; &amp; {{ x }}</p>", (Run("a <b>bold</b> & {{ x }}"),)),
        ("<p>  one\n\t two  <b> three </b> four </p>", (Run("one two "), Run("three ", bold=True), Run("four"))),
        ("<p><i>a <b>b</b></i></p>", (Run("a ", italic=True), Run("b", bold=True, italic=True))),
        ("<p>x&#160;y</p>", (Run("x\u00a0y"),)),
    ],
)
def test_paragraph_runs(markup, runs):
    (p,) = parse(doc(markup)).blocks
    assert isinstance(p, Paragraph) and p.runs == runs


def test_links_resolve_to_ids_and_dangling_links_become_text():
    tree = parse(doc('<h1 id="s1">S</h1><p>see <a href="#s1">here</a> and <a href="#nowhere">there</a></p>'))
    heading, p = tree.blocks
    assert isinstance(heading, Heading) and heading.id == "s1"
    assert p.runs == (Run("see "), Run("here", link="s1"), Run(" and there"))


def test_ids_are_made_safe_and_unique():
    tree = parse(doc('<h1 id="a&quot;&lt;b">A</h1><h2 id="a&quot;&lt;b">B</h2><p><a href="#a&quot;&lt;b">x</a></p>'))
    first, second, p = tree.blocks
    assert first.id == "a__b" and second.id is None and p.runs == (Run("x", link="a__b"),)


def test_table_rows_header_and_ranks():
    (t,) = parse(doc('<table><tr><th>A</th><th>B</th></tr><tr rank="2"><td>1</td><td>2</td></tr></table>')).blocks
    assert isinstance(t, Table) and t.header_rows == 1 and t.ranks == (2,) and len(t.rows) == 2


def test_list_items_keep_their_rank():
    (ul,) = parse(doc('<ul rank="9"><li rank="3">x</li><li>y</li></ul>')).blocks
    assert isinstance(ul, BulletList) and ul.rank == 9 and [i.rank for i in ul.items] == [3, None]


@pytest.mark.parametrize(
    "markup, message",
    [
        ("<doc><p>unclosed</doc>", "broken markup"),
        ("<doc><blink>x</blink></doc>", "unknown block"),
        ("<doc><p><img src='x'/></p></doc>", "unknown inline"),
        ("<page/>", "<doc> at its root"),
        ('<!DOCTYPE d [<!ENTITY e "x">]><doc/>', "DOCTYPE"),
        ('<doc><ul rank="high"><li>x</li></ul></doc>', "not a whole number"),
    ],
)
def test_broken_markup_names_the_template(markup, message):
    with pytest.raises(RenderError, match=message) as e:
        parse(markup, "mine.j2")
    assert str(e.value).startswith("mine.j2")


def test_characters_xml_cannot_hold_become_visible_and_are_counted():
    text, n = sanitize("a\x00b\x1fc\ud800d\uffff")
    assert text == "a\u2400b\u241fc\ufffdd\ufffd" and n == 4
    with pytest.warns(RenderWarning, match="2 character"):
        (p,) = parse(doc("<p>x\x01y\udfffz</p>")).blocks
    assert p.runs == (Run("x\u2401y\ufffdz"),)


def test_dump_is_readable():
    text = dump(parse(doc('<h1 id="a">T</h1><p class="meta">m <b>b</b></p><ul><li>i</li></ul>')))
    assert "# {#a} T" in text and "p style=meta: m **b**" in text and "  - i" in text
