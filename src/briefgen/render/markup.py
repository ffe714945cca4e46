"""Turn the markup a template renders into the block tree.

The markup is a small XML vocabulary (the tables `BLOCKS` and `INLINES`;
README "Rendering" shows it). Templates render with autoescaping, so text that
comes from a brief reaches this parser as character data and can never become
markup. Characters XML cannot hold (C0 controls, lone surrogates, U+FFFE/U+FFFF)
are replaced by visible stand-ins, counted in one `RenderWarning`.
"""
from __future__ import annotations

import dataclasses
import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..errors import RenderError
from . import RenderWarning
from .blocks import (
    Bar,
    Block,
    BulletList,
    Chart,
    Document,
    Heading,
    Item,
    Meta,
    More,
    PageBreak,
    Paragraph,
    Quote,
    Rule,
    Run,
    Runs,
    Stat,
    Stats,
    Table,
    Toc,
)

_ID = re.compile(r"[^A-Za-z0-9_.-]")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"[ \t\r\n]+")


def sanitize(text: str) -> tuple[str, int]:
    """Text XML can hold: a C0 control becomes its Control Picture (U+2400…), anything else U+FFFD."""

    def visible(m: re.Match[str]) -> str:
        c = ord(m.group())
        return chr(0x2400 + c) if c < 0x20 else "\ufffd"

    return _ILLEGAL.subn(visible, text)


def parse(markup: str, source: str = "template") -> Document:
    """The block tree of a rendered template; RenderError (naming `source`) when the markup is broken."""
    markup, replaced = sanitize(markup)
    if replaced:
        warnings.warn(
            f"{source}: {replaced} character(s) that documents cannot hold shown as visible replacements",
            RenderWarning,
            stacklevel=2,
        )
    if "<!DOCTYPE" in markup or "<!ENTITY" in markup:
        raise RenderError(f"{source}: the markup may not declare a DOCTYPE or entities")
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as e:
        raise RenderError(f"{source}: produced broken markup: {e}") from None
    if root.tag != "doc":
        raise RenderError(f"{source}: the markup must have <doc> at its root, not <{root.tag}>")
    parser = _Parser(source)
    blocks = tuple(parser.block(el) for el in root)
    return Document(meta=parser.meta(root), blocks=_resolve_links(blocks))


class _Parser:
    """Element → block, with errors that name the template."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.ids: set[str] = set()

    def fail(self, el: ET.Element, message: str) -> RenderError:
        return RenderError(f"{self.source}: <{el.tag}>: {message}")

    def meta(self, root: ET.Element) -> Meta:
        a = root.attrib
        keywords = tuple(k.strip() for k in a.get("keywords", "").split("|") if k.strip())
        return Meta(
            title=_clean(a.get("title", "")),
            subject=_clean(a.get("subject", "")),
            author=_clean(a.get("author", "")),
            keywords=keywords,
            lang=a.get("lang", "ru-RU"),
            text_lang=a.get("text-lang", "ru"),
            created=a.get("created") or None,
            header=_clean(a.get("header", "")),
            marking=_clean(a.get("marking", "")),
            footer=_clean(a.get("footer", "")),
        )

    def id(self, el: ET.Element) -> str | None:
        """The element's id made safe for every format (letters, digits, _ . -); a repeated id is dropped."""
        raw = el.get("id")
        if not raw:
            return None
        safe = _ID.sub("_", raw)
        if safe in self.ids:
            return None
        self.ids.add(safe)
        return safe

    def int_attr(self, el: ET.Element, name: str, default: int | None = None) -> int | None:
        value = el.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except ValueError:
            raise self.fail(el, f"{name}={value!r} is not a whole number") from None

    def float_attr(self, el: ET.Element, name: str) -> float:
        try:
            return float(el.get(name, ""))
        except ValueError:
            raise self.fail(el, f"{name}={el.get(name)!r} is not a number") from None

    def block(self, el: ET.Element) -> Block:
        handler = BLOCKS.get(el.tag)
        if handler is None:
            raise self.fail(el, f"unknown block (known: {', '.join(BLOCKS)})")
        return handler(self, el)

    def heading(self, el: ET.Element) -> Heading:
        return Heading(level=0 if el.tag == "title" else int(el.tag[1]), runs=self.runs(el), id=self.id(el))

    def paragraph(self, el: ET.Element) -> Paragraph:
        return Paragraph(
            runs=self.runs(el),
            style=el.get("class") or None,
            id=self.id(el),
            num=el.get("num") or None,
            outline=el.get("outline") or None,
        )

    def bullets(self, el: ET.Element) -> BulletList:
        items = tuple(Item(self.runs(li), self.int_attr(li, "rank")) for li in self.children(el, "li"))
        return BulletList(items, self.int_attr(el, "rank"))

    def quote(self, el: ET.Element) -> Quote:
        cites = [c for c in el if c.tag == "cite"]
        for c in cites:
            el.remove(c)
        return Quote(self.runs(el), self.runs(cites[0]) if cites else (), self.int_attr(el, "rank"))

    def stats(self, el: ET.Element) -> Stats:
        return Stats(
            tuple(
                Stat(_clean(s.get("value", "")), _clean(s.get("label", "")), _clean(s.get("note", "")), self.int_attr(s, "rank"))
                for s in self.children(el, "stat")
            )
        )

    def chart(self, el: ET.Element) -> Chart:
        bars = tuple(
            Bar(_clean(b.get("label", "")), self.float_attr(b, "value"), _clean(b.get("display", "")), self.int_attr(b, "rank"))
            for b in self.children(el, "bar")
        )
        return Chart(_clean(el.get("title", "")), bars, self.int_attr(el, "rank"), _clean(el.get("source", "")))

    def more(self, el: ET.Element) -> More:
        return More(_clean(el.get("label", "")), self.int_attr(el, "count", 0) or 0)

    def toc(self, el: ET.Element) -> Toc:
        return Toc(_clean(el.get("title", "")), self.int_attr(el, "depth", 2) or 2)

    def children(self, el: ET.Element, tag: str) -> list[ET.Element]:
        for child in el:
            if child.tag != tag:
                raise self.fail(child, f"only <{tag}> may stand inside <{el.tag}>")
        return list(el)

    def table(self, el: ET.Element) -> Table:
        rows: list[tuple[Runs, ...]] = []
        ranks: list[int | None] = []
        for tr in self.children(el, "tr"):
            cells: list[Runs] = []
            for cell in tr:
                if cell.tag not in ("td", "th"):
                    raise self.fail(cell, "only <td> and <th> may stand inside <tr>")
                cells.append(self.runs(cell))
            rows.append(tuple(cells))
            ranks.append(self.int_attr(tr, "rank"))
        if not rows:
            raise self.fail(el, "a table needs at least one <tr>")
        header = self.int_attr(el, "header", 1) or 0
        widths = None
        if el.get("widths"):
            try:
                widths = tuple(float(w) for w in el.get("widths", "").split())
            except ValueError:
                raise self.fail(el, f"widths={el.get('widths')!r} must be numbers separated by spaces") from None
        return Table(tuple(rows), header, widths, tuple(ranks[header:]))

    def runs(self, el: ET.Element) -> Runs:
        return _merge(_collapse(list(self._walk(el, _PLAIN))))

    def _walk(self, el: ET.Element, look: _Look) -> Iterable[Run]:
        if el.text:
            yield Run(el.text, *look)
        for child in el:
            inline = INLINES.get(child.tag)
            if inline is None:
                raise self.fail(child, f"unknown inline element inside <{el.tag}> (known: {', '.join(INLINES)})")
            yield from self._walk(child, inline(child, look))
            if child.tail:
                yield Run(child.tail, *look)


class _Look(NamedTuple):
    """How an inline element's text looks: the Run fields after its text, in Run's order."""

    bold: bool
    italic: bool
    link: str | None


_PLAIN = _Look(False, False, None)


def _anchor(el: ET.Element, look: _Look) -> _Look:
    """A link to an id in the document; any other address is text, not a link."""
    href = el.get("href", "")
    return look._replace(link=_ID.sub("_", href[1:]) if href.startswith("#") else None)


BLOCKS: dict[str, Callable[[_Parser, ET.Element], Block]] = {
    "title": _Parser.heading,
    "h1": _Parser.heading,
    "h2": _Parser.heading,
    "h3": _Parser.heading,
    "p": _Parser.paragraph,
    "ul": _Parser.bullets,
    "table": _Parser.table,
    "quote": _Parser.quote,
    "stats": _Parser.stats,
    "chart": _Parser.chart,
    "more": _Parser.more,
    "toc": _Parser.toc,
    "pagebreak": lambda _parser, _el: PageBreak(),
    "rule": lambda _parser, _el: Rule(),
}
INLINES: dict[str, Callable[[ET.Element, _Look], _Look]] = {
    "b": lambda _el, look: look._replace(bold=True),
    "i": lambda _el, look: look._replace(italic=True),
    "a": _anchor,
}


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _collapse(runs: list[Run]) -> list[Run]:
    """HTML-like white space: runs of spaces and line breaks become one space, none at the ends."""
    out: list[Run] = []
    space_before = True  # at the start, leading space is dropped
    for r in runs:
        text = _SPACE.sub(" ", r.text)
        if space_before and text.startswith(" "):
            text = text[1:]
        if text:
            out.append(Run(text, r.bold, r.italic, r.link))
            space_before = text.endswith(" ")
    if out and out[-1].text.endswith(" "):
        last = out.pop()
        if last.text.rstrip():
            out.append(Run(last.text.rstrip(), last.bold, last.italic, last.link))
    return out


def _merge(runs: list[Run]) -> Runs:
    out: list[Run] = []
    for r in runs:
        if out and (out[-1].bold, out[-1].italic, out[-1].link) == (r.bold, r.italic, r.link):
            out[-1] = Run(out[-1].text + r.text, r.bold, r.italic, r.link)
        else:
            out.append(r)
    return tuple(out)


def _targets(blocks: tuple[Block, ...]) -> set[str]:
    return {b.id for b in blocks if isinstance(b, (Heading, Paragraph)) and b.id}


def _resolve_links(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Links to an id no block has become plain text, so every link a writer sees has a target."""
    targets = _targets(blocks)

    def fix(runs: Runs) -> Runs:
        if all(r.link is None or r.link in targets for r in runs):
            return runs
        return _merge([Run(r.text, r.bold, r.italic, r.link if r.link in targets else None) for r in runs])

    out: list[Block] = []
    for b in blocks:
        match b:
            case Heading() | Paragraph():
                b = dataclasses.replace(b, runs=fix(b.runs))
            case BulletList():
                b = BulletList(tuple(Item(fix(i.runs), i.rank) for i in b.items), b.rank)
            case Table():
                b = Table(tuple(tuple(fix(c) for c in row) for row in b.rows), b.header_rows, b.widths, b.ranks)
            case Quote():
                b = Quote(fix(b.runs), fix(b.cite), b.rank)
            case _:
                pass  # no runs that link
        out.append(b)
    return tuple(out)
