"""Language knowledge as data: load the YAML word lists that extractors read.

Each file keeps its languages side by side (``ru:``, ``en:``), so a new
language or a ministry's own taxonomy is a file, not a patch. A user may point
``BRIEFGEN_TAXONOMY`` at a replacement taxonomy file.
"""
from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The file `name` is read from: `data/<name>.yaml`, or BRIEFGEN_TAXONOMY's file for the taxonomy."""
    if name == "taxonomy" and os.environ.get("BRIEFGEN_TAXONOMY"):
        return Path(os.environ["BRIEFGEN_TAXONOMY"])
    return DATA_DIR / f"{name}.yaml"


@functools.cache
def load(name: str) -> Any:
    """The parsed contents of `data/<name>.yaml` (cached per process)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: several times faster
    with path(name).open(encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)


def digest(name: str) -> str:
    """The SHA-256 of the file `name` is read from, as it is now: part of the key of anything compiled from it."""
    return hashlib.sha256(path(name).read_bytes()).hexdigest()


@functools.cache
def word_set(name: str, key: str, language: str) -> frozenset[str]:
    """The `key` list of `data/<name>.yaml` in one language (empty when the file has none for it)."""
    return frozenset((load(name).get(key) or {}).get(language) or ())
