"""Label catalogues: one file per language for documents and e-mail, the same keys in each, choices from the files."""
from __future__ import annotations

from typing import Any

import pytest

from briefgen.cli import main
from briefgen.distribute import labels as email
from briefgen.model import Brief, Source
from briefgen.render import FORMATS, RenderOptions, label_language
from briefgen.render.catalogue import CATALOGUES, DEFAULT_LANGUAGE, languages
from briefgen.render.compose import load_labels
from briefgen.settings import OPTIONS

OPEN_ENDED = ("currencies", "qualifiers")  # lists of the words a language has, not labels to translate


def keys(d: dict[str, Any], prefix: str = "") -> set[str]:
    out: set[str] = set()
    for k, v in d.items():
        if isinstance(v, dict) and k not in OPEN_ENDED:
            out |= keys(v, f"{prefix}{k}.")
        else:
            out.add(prefix + k)
    return out


def catalogue(lang: str) -> dict[str, Any]:
    return load_labels(RenderOptions(lang=lang))


def test_the_languages_are_the_catalogue_files_default_first():
    assert set(languages()) == {p.stem for p in CATALOGUES.glob("*.yaml")} >= {"ru", "en"}
    assert languages()[0] == DEFAULT_LANGUAGE


@pytest.mark.parametrize("lang", languages())
def test_every_catalogue_has_every_key_the_english_one_has(lang):
    assert keys(catalogue(lang)) == keys(catalogue("en"))


@pytest.mark.parametrize("lang", languages())
def test_each_format_has_an_attachment_name(lang):
    assert set(email.labels(lang)["files"]) == set(FORMATS)


@pytest.mark.parametrize("lang", languages())
def test_month_names_are_spelled_once(lang):
    assert [k for k in keys(catalogue(lang)) if k.rsplit(".", 1)[-1] == "months"] == ["dates.months"]


def test_every_language_choice_comes_from_the_catalogues():
    lang = next(p for p in main.commands["build"].params if p.name == "lang")
    assert tuple(lang.type.choices) == languages() == OPTIONS["lang"] == email.languages()


@pytest.mark.parametrize("source_lang, expected", [("ru", "ru"), ("en", "en"), ("kk", DEFAULT_LANGUAGE)])
def test_a_source_without_a_catalogue_gets_the_default_labels(source_lang, expected):
    brief = Brief(source=Source(text="x", name="a.txt", sha256="0" * 64, language=source_lang))
    assert label_language(RenderOptions(), brief) == expected
