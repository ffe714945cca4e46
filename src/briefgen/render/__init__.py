"""Turn a Brief into output files: one writer per format, behind one table.

A writer is a function `write(brief, options) -> bytes`. Writers are named by
module path and imported on first use, so choosing one format never loads the
libraries of another (and `briefgen --help` loads none).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnknownFormat
from ..model import Brief


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

# format name → (module path, output file name)
WRITERS: dict[str, tuple[str, str]] = {
    "json": ("briefgen.render.json_writer", "brief.json"),
    "docx": ("briefgen.render.docx_writer", "brief.docx"),
    "pdf": ("briefgen.render.pdf_writer", "brief.pdf"),
    "factsheet": ("briefgen.render.factsheet_writer", "factsheet.pdf"),
}


LABEL_LANGUAGES = ("ru", "en")  # the languages templates/labels/ has a catalogue for
DEFAULT_LABELS = "ru"  # for a source in a language without a catalogue


def label_language(options: RenderOptions, brief: Brief) -> str:
    """The label language: the one asked for (--lang), else the source's when there are labels for it."""
    if options.lang:
        return options.lang
    return brief.source.language if brief.source.language in LABEL_LANGUAGES else DEFAULT_LABELS


def for_brief(options: RenderOptions, brief: Brief) -> RenderOptions:
    """The options with the label language settled for this brief."""
    import dataclasses

    return options if options.lang else dataclasses.replace(options, lang=label_language(options, brief))


def get_writer(name: str) -> Writer:
    """The writer for a format; UnknownFormat names the formats there are."""
    try:
        module, _ = WRITERS[name]
    except KeyError:
        raise UnknownFormat(f"unknown format {name!r} (known: {', '.join(WRITERS)})") from None
    return importlib.import_module(module).write


def output_name(name: str) -> str:
    """The file name a format's output gets inside a pack."""
    return WRITERS[name][1]
