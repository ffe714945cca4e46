"""Turn theme YAML files (the shipped default, then the user's) into one checked Theme.

A user's theme names only what it changes; paths in a file are relative to
that file. Command-line `--paper`, `--marking` and `--organisation` win over both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from ..errors import RenderError
from . import RenderOptions
from .paths import find, load_yaml

PAPERS = ("A4", "Letter")
STYLES = ("regular", "bold", "italic", "bolditalic")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


@dataclass(frozen=True, slots=True)
class Theme:
    """How documents look: paper, marking, logo, fonts and colours."""

    paper: str
    marking: str | None
    logo: Path | None
    organisation: str
    body_font: str
    heading_font: str
    fallback_font: str
    size: float
    font_files: dict[str, dict[str, Path]]
    colours: dict[str, str]
    table_style: str


def load_theme(options: RenderOptions) -> Theme:
    """The theme for these options: default theme, the user's theme over it, then the command line."""
    default = find("theme.yaml", options.template_dir)
    data = _resolved(load_yaml(default), default)
    if options.theme is not None:
        if not options.theme.is_file():
            raise RenderError(f"{options.theme}: no such theme file")
        user = _resolved(load_yaml(options.theme), options.theme)
        data = _merge(data, user)
        where = str(options.theme)
    else:
        where = str(default)
    if options.paper:
        data["paper"] = options.paper
    if options.marking is not None:
        data["marking"] = options.marking
    if options.organisation is not None:
        data["organisation"] = options.organisation
    return _check(data, where)


def _mapping(value: object) -> dict[str, Any]:
    """A YAML mapping as it stands ({} for anything else: the checks below name what is missing)."""
    return cast(dict[str, Any], value) if isinstance(value, dict) else {}


def _resolved(data: object, path: Path) -> dict[str, Any]:
    """The file's data with its paths made absolute (relative to the file)."""
    theme = _mapping(data)
    if data is not None and not isinstance(data, dict):
        raise RenderError(f"{path}: a theme must be a mapping of keys to values")
    base = path.resolve().parent
    logo = theme.get("logo")
    if isinstance(logo, str):
        theme["logo"] = base / logo
    families = _mapping(_mapping(theme.get("fonts")).get("files"))
    for family, styles in families.items():
        families[family] = {k: base / v if isinstance(v, str) else v for k, v in _mapping(styles).items()} or styles
    return theme


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        below = out.get(key)
        if isinstance(value, dict) and isinstance(below, dict):  # a mapping over a mapping merges, key by key
            value = _merge(cast(dict[str, Any], below), cast(dict[str, Any], value))
        out[key] = value
    return out


def _check(data: dict[str, Any], where: str) -> Theme:
    def fail(key: str, message: str) -> RenderError:
        return RenderError(f"{where}: {key}: {message}")

    paper = data.get("paper", "A4")
    if paper not in PAPERS:
        raise fail("paper", f"expected one of {', '.join(PAPERS)}, got {paper!r}")
    fonts = _mapping(data.get("fonts"))
    files = _mapping(fonts.get("files"))
    for role in ("body", "heading", "fallback"):
        family = fonts.get(role)
        if not isinstance(family, str) or family not in files:
            raise fail(f"fonts.{role}", f"{family!r} has no entry under fonts.files")
        styles = _mapping(files[family])
        for style in STYLES:
            path = styles.get(style)
            if not isinstance(path, Path) or not path.is_file():
                raise fail(f"fonts.files.{family}.{style}", f"no such font file {str(path or '')!r}")
    size = fonts.get("size", 10.5)
    if isinstance(size, bool) or not isinstance(size, (int, float)) or not 8 <= size <= 16:
        raise fail("fonts.size", f"expected a number of points from 8 to 16, got {size!r}")
    colours = _mapping(data.get("colours"))
    for key, value in colours.items():
        if not isinstance(value, str) or not _COLOUR.fullmatch(value):
            raise fail(f"colours.{key}", f"expected #RRGGBB, got {value!r}")
    logo = data.get("logo")
    if logo is not None and not (isinstance(logo, Path) and logo.is_file()):
        raise fail("logo", f"no such image {str(logo)!r}")
    if logo is not None and not logo.read_bytes()[:8].startswith(_IMAGE_MAGIC):  # both writers take PNG and JPEG
        raise fail("logo", f"{str(logo)!r} is not a PNG or JPEG image")
    marking = data.get("marking")
    return Theme(
        paper=paper,
        marking=str(marking) if marking else None,
        logo=logo,
        organisation=str(data.get("organisation") or ""),
        body_font=fonts["body"],
        heading_font=fonts["heading"],
        fallback_font=fonts["fallback"],
        size=float(size),
        font_files={f: dict(_mapping(s)) for f, s in files.items()},
        colours=dict(colours),
        table_style=str(_mapping(data.get("docx")).get("table_style") or "Brief Ruled Table"),
    )
