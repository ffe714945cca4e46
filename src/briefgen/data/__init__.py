"""Language knowledge as data: load the YAML word lists that extractors read.

Each file keeps its languages side by side (``ru:``, ``en:``), so a new
language or a ministry's own taxonomy is a file, not a patch. A user may point
``BRIEFGEN_TAXONOMY`` at a replacement taxonomy file. A language registered
from outside (`briefgen.lang`) brings its own files of the same shape holding
only its entries (``kk:``); `load` merges them into the shipped ones.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from .. import cache

DATA_DIR = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The file `name` is read from: `data/<name>.yaml`, or BRIEFGEN_TAXONOMY's file for the taxonomy."""
    if name == "taxonomy" and os.environ.get("BRIEFGEN_TAXONOMY"):
        return Path(os.environ["BRIEFGEN_TAXONOMY"])
    return DATA_DIR / f"{name}.yaml"


_ADDED: list[Path] = []  # directories of word lists that languages registered from outside brought
_CACHES: list[Any] = []  # what was compiled from the lists (see `cached`): forgotten when they change
_T = TypeVar("_T", bound=Callable[..., Any])


def cached(fn: _T) -> _T:
    """functools.cache for what is compiled from the word lists: forgotten when a language adds or takes its lists."""
    wrapped = functools.cache(fn)
    _CACHES.append(wrapped)
    return cast(_T, wrapped)


def add(directory: Path) -> None:
    """Merge the word lists in `directory` (files of the same shape as `data/`'s) into every table from now on."""
    _ADDED.append(directory)
    forget()


def remove(directory: Path) -> None:
    """Stop merging the word lists in `directory`."""
    if directory in _ADDED:
        _ADDED.remove(directory)
    forget()


def forget() -> None:
    """Drop every table read and everything compiled from them, so the next use reads the files again."""
    for c in _CACHES:
        c.cache_clear()


@cached
def load(name: str) -> Any:
    """The parsed contents of `data/<name>.yaml` with the added languages' own files merged in (cached per process)."""
    table = _read(path(name))
    for extra in _added(name):
        _merge(table, _read(extra))
    return table


def _read(file: Path) -> Any:
    return cache.parsed_yaml(file.read_bytes())


def _merge(table: dict[str, Any], extra: dict[str, Any]) -> None:
    """Put `extra`'s entries into `table`, mapping into mapping (a language's lists beside the others')."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(table.get(key), dict):
            _merge(table[key], value)
        else:
            table[key] = value


def _added(name: str) -> tuple[Path, ...]:
    """The files of `name` that added languages brought."""
    return tuple(f for f in (d / f"{name}.yaml" for d in _ADDED) if f.is_file())


def digest(name: str) -> str:
    """The SHA-256 of the files `name` is read from, as they are now: part of the key of anything compiled from them."""
    h = hashlib.sha256(path(name).read_bytes())
    for extra in _added(name):
        h.update(extra.read_bytes())
    return h.hexdigest()


def entry(
    key: str | None = None,
    build: Callable[..., Any] | None = None,
    *,
    inner: str | None = None,
    shared: bool = False,
    options: bool = False,
) -> Any:
    """A bundle field read from the list `key` (the field's own name when None; dots go down nested mappings)
    and, with `inner`, from that key of the language's entry ("range" → ru → "from"); a `shared` list is
    the same for every language. `build` turns it into the field's value (else its type does: frozenset,
    tuple or dict of the list), given the bundle's `options` as keywords when `options` is set."""
    return dataclasses.field(metadata={"key": key, "build": build, "inner": inner, "shared": shared, "options": options})


def bundle(cls: type[_B], name: str, language: str, options: dict[str, Any] | None = None, **given: Any) -> _B:
    """The dataclass `cls` filled with `language`'s lists of data/<name>.yaml, one field a list (see `entry`),
    but for the fields `given`; a list the file lacks for the language is empty."""
    table = load(name)
    types = typing.get_type_hints(cls)
    values: dict[str, Any] = dict(given)
    for f in dataclasses.fields(cast(Any, cls)):
        if f.name in given:
            continue
        raw = _at(table, f.metadata.get("key") or f.name)
        if not f.metadata.get("shared"):
            raw = _at(raw.get(language) or {}, f.metadata.get("inner")) if isinstance(raw, dict) else {}
        build = f.metadata.get("build") or _BUILDS[typing.get_origin(types[f.name]) or types[f.name]]
        values[f.name] = build(raw or {}, **(options or {})) if f.metadata.get("options") else build(raw or {})
    return cls(**values)


def _at(table: Any, path: str | None) -> Any:
    """The value down a dotted path of nested mappings ({} where one is missing)."""
    for part in path.split(".") if path else ():
        table = (table.get(part) if isinstance(table, dict) else None) or {}
    return table


_BUILDS: dict[Any, Callable[[Any], Any]] = {frozenset: frozenset, tuple: tuple, dict: dict}
_B = TypeVar("_B")


@cached
def word_set(name: str, key: str, language: str) -> frozenset[str]:
    """The `key` list of `data/<name>.yaml` in one language (empty when the file has none for it)."""
    return frozenset((load(name).get(key) or {}).get(language) or ())
