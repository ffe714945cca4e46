"""Turn a team's defaults (the `defaults:` of briefgen.yaml, BRIEFGEN_* variables) into the defaults of the options.

The file that applies: the one given with `--config`, else `briefgen.yaml` in
the working directory, else `briefgen.yaml` in the user's configuration
directory (platformdirs: `~/.config/briefgen/` on Linux, `~/Library/Application
Support/briefgen/` on macOS, `%APPDATA%\\briefgen\\` on Windows). The same file
holds the distribution settings (`distribute.config`). Precedence, option by
option: the command line, then the environment, then the file, then what
briefgen works out by itself.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .render.catalogue import languages

CONFIG_NAME = "briefgen.yaml"
ENV_PREFIX = "BRIEFGEN_"
# option → its kind: a path (relative to the file that names it), one line of text, or one of a few words
Kind = type[Path] | type[str] | tuple[str, ...]
OPTIONS: dict[str, Kind] = {
    "lang": languages(),
    "theme": Path,
    "organisation": str,
    "marking": str,
    "paper": ("A4", "Letter"),
    "template_dir": Path,
    "output": Path,
}


def user_config_file() -> Path:
    """briefgen.yaml in the user's configuration directory (where it is depends on the system)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("briefgen", appauthor=False)) / CONFIG_NAME


def config_file(given: Path | None) -> Path | None:
    """The file that applies: `given`, else ./briefgen.yaml, else the user's; None when there is none."""
    if given is not None:
        return given
    return next((p for p in (Path(CONFIG_NAME), user_config_file()) if p.is_file()), None)


def read_yaml(path: Path) -> Any:
    """A settings file's contents; ConfigError with one line when it is missing, unreadable or not YAML."""
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read: {e}") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"{path}: not valid YAML: {' '.join(str(e).split())}") from None


def defaults(config: Path | None = None, environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """Each option's default that the environment (BRIEFGEN_<OPTION>) or else the file sets; others are absent."""
    path = config_file(config)
    found = _from_file(path) if path is not None else {}
    for name, kind in OPTIONS.items():
        variable = ENV_PREFIX + name.upper()
        if environ.get(variable):
            found[name] = _value(kind, environ[variable], Path(), f"${variable}")
    return found


def _from_file(path: Path) -> dict[str, Any]:
    data = read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping")
    section = data.get("defaults") or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: defaults: expected a mapping of option: value")
    unknown = sorted(set(section) - set(OPTIONS))
    if unknown:
        raise ConfigError(f"{path}: defaults.{unknown[0]}: unknown option (known: {', '.join(OPTIONS)})")
    return {name: _value(OPTIONS[name], value, path.parent, f"{path}: defaults.{name}") for name, value in section.items()}


def _value(kind: Kind, value: object, base: Path, where: str) -> str | Path:
    """A checked value: a choice, one line of text, or a path made absolute against `base`."""
    if isinstance(kind, tuple):
        if not isinstance(value, str) or value not in kind:
            raise ConfigError(f"{where}: expected one of {', '.join(kind)}, got {value!r}")
        return value
    if not isinstance(value, str) or "\n" in value or (kind is Path and not value.strip()):
        raise ConfigError(f"{where}: expected {'a path' if kind is Path else 'one line of text'}")
    return base / Path(value).expanduser() if kind is Path else value
