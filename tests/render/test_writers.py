"""The format table: documents × media, each pair with a writer, under the names users' Makefiles spell."""
from __future__ import annotations

import importlib.util

import pytest

from briefgen.cli import main
from briefgen.errors import UnknownFormat
from briefgen.render import DOCUMENTS, FORMATS, MEDIA, format_name, get_writer, output_name


@pytest.mark.parametrize(
    "name, document, medium, filename",
    [
        ("json", "brief", "json", "brief.json"),
        ("docx", "brief", "docx", "brief.docx"),
        ("pdf", "brief", "pdf", "brief.pdf"),
        ("factsheet", "factsheet", "pdf", "factsheet.pdf"),
    ],
)
def test_each_format_is_a_document_in_a_medium(name, document, medium, filename):
    f = FORMATS[name]
    assert (f.document, f.medium, f.filename, output_name(name)) == (document, medium, filename, filename)


def test_the_formats_are_every_pair_with_a_writer_in_table_order():
    pairs = [(d, m) for d, kind in DOCUMENTS.items() for m in kind.writers]
    assert [(f.document, f.medium) for f in FORMATS.values()] == pairs
    assert all(f.medium in MEDIA and importlib.util.find_spec(f.module) for f in FORMATS.values())


@pytest.mark.parametrize(
    "document, medium, expected",
    [("brief", "pdf", "pdf"), ("brief", "docx", "docx"), ("factsheet", "pdf", "factsheet"), ("factsheet", "docx", "factsheet-docx")],
)
def test_format_names(document, medium, expected):
    assert format_name(document, medium) == expected


def test_only_paged_media_are_laid_out():
    assert {n for n, f in FORMATS.items() if f.laid_out} == {"pdf", "factsheet"}


def test_an_unknown_format_names_the_known_ones():
    with pytest.raises(UnknownFormat, match="known: json, docx, pdf, factsheet"):
        get_writer("html")


def test_the_cli_offers_the_tables_formats_and_all():
    choices = next(p for p in main.commands["render"].params if p.name == "fmt").type.choices
    assert list(choices) == [*FORMATS, "all"]
