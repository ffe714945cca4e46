"""Turn a Brief into output files: documents (brief, fact sheet) × media (JSON, DOCX, PDF), behind two tables.

A format is a (document, medium) pair with a writer, a function
`write(brief, options) -> bytes`. Writers are named by module path and
imported on first use, so choosing one format never loads the libraries of
another (and `briefgen --help` loads none). A new medium is a row of MEDIA and
a writer module per document that comes in it.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnknownFormat
from ..model import Brief
from .catalogue import DEFAULT_LANGUAGE, languages


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Choices that change how a brief looks, never what it says."""

    lang: str | None = None  # language of labels (message catalogue); None: the source's (see label_language)
    template_dir: Path | None = None  # a user's copy of templates/ (runs sandboxed)
    theme: Path | None = None  # a theme YAML overriding the default theme
    paper: str | None = None  # "A4" | "Letter"; None: the theme's
    marking: str | None = None  # handling marking ("Для служебного пользования"); None: off
    organisation: str | None = None  # shown under the logo; None: the theme's
    prepared: str | None = None  # preparation date (ISO); None: SOURCE_DATE_EPOCH, else the source's date is shown as such


class RenderWarning(UserWarning):
    """Something in a brief could not be shown exactly (a replaced character, a glyph no font has)."""


Writer = Callable[[Brief, RenderOptions], bytes]


@dataclass(frozen=True, slots=True)
class Medium:
    """A kind of file a document can be written as."""

    suffix: str  # of the output file, e.g. ".pdf"
    laid_out: bool = False  # laid out page by page (reportlab): the slow half of a pack
    composed: bool = True  # written from the document's template (render.compose); else from the brief itself


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """A document of a pack: its file name, its template, and the writer module of each medium it comes in (its own first)."""

    stem: str
    template: str  # composed into a block tree by render.compose
    writers: Mapping[str, str]  # medium → writer module


MEDIA: dict[str, Medium] = {
    "json": Medium(".json", composed=False),
    "docx": Medium(".docx"),
    "pdf": Medium(".pdf", laid_out=True),
}

DOCUMENTS: dict[str, DocumentKind] = {
    "brief": DocumentKind(
        "brief",
        "brief.j2",
        {
            "json": "briefgen.render.json_writer",
            "docx": "briefgen.render.docx_writer",
            "pdf": "briefgen.render.pdf_writer",
        },
    ),
    "factsheet": DocumentKind("factsheet", "factsheet.j2", {"pdf": "briefgen.render.factsheet_writer"}),
}
MAIN_DOCUMENT = "brief"  # its formats are named by medium alone


@dataclass(frozen=True, slots=True)
class Format:
    """One file of a pack: a document in a medium, under the name `--format` and the manifest use."""

    name: str
    document: str
    medium: str
    module: str  # the writer's module, imported on first use
    filename: str  # inside a pack
    laid_out: bool = False  # its medium is laid out page by page (see Medium)
    composed: bool = True  # written from its document's template (see Medium)


def format_name(document: str, medium: str) -> str:
    """"pdf" for the main document, "factsheet" for another in its own medium, "factsheet-docx" in another."""
    if document == MAIN_DOCUMENT:
        return medium
    return document if medium == next(iter(DOCUMENTS[document].writers)) else f"{document}-{medium}"


def _formats() -> dict[str, Format]:
    """Every (document, medium) pair there is a writer for, in table order."""
    pairs = [(d, m, module) for d, kind in DOCUMENTS.items() for m, module in kind.writers.items()]
    return {
        format_name(d, m): Format(
            format_name(d, m), d, m, module, DOCUMENTS[d].stem + MEDIA[m].suffix, MEDIA[m].laid_out, MEDIA[m].composed
        )
        for d, m, module in pairs
    }


FORMATS: dict[str, Format] = _formats()  # format name → Format: json, docx, pdf, factsheet


def label_language(options: RenderOptions, brief: Brief) -> str:
    """The label language: the one asked for (--lang), else the source's when there are labels for it."""
    if options.lang:
        return options.lang
    return brief.source.language if brief.source.language in languages() else DEFAULT_LANGUAGE


def for_brief(options: RenderOptions, brief: Brief) -> RenderOptions:
    """The options with the label language settled for this brief."""
    import dataclasses

    return options if options.lang else dataclasses.replace(options, lang=label_language(options, brief))


def get_writer(name: str) -> Writer:
    """The writer for a format; UnknownFormat names the formats there are."""
    try:
        module = FORMATS[name].module
    except KeyError:
        raise UnknownFormat(f"unknown format {name!r} (known: {', '.join(FORMATS)})") from None
    return importlib.import_module(module).write


def output_name(name: str) -> str:
    """The file name a format's output gets inside a pack."""
    return FORMATS[name].filename
