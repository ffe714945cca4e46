"""Language knowledge as data: load the YAML word lists that extractors read.

Each file keeps its languages side by side (``ru:``, ``en:``), so a new
language or a ministry's own taxonomy is a file, not a patch. A user may point
``BRIEFGEN_TAXONOMY`` at a replacement taxonomy file.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent


@functools.cache
def load(name: str) -> Any:
    """The parsed contents of `data/<name>.yaml` (cached per process)."""
    import yaml

    path = DATA_DIR / f"{name}.yaml"
    if name == "taxonomy" and os.environ.get("BRIEFGEN_TAXONOMY"):
        path = Path(os.environ["BRIEFGEN_TAXONOMY"])
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: several times faster
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)


@functools.cache
def word_set(name: str, key: str, language: str) -> frozenset[str]:
    """The `key` list of `data/<name>.yaml` in one language (empty when the file has none for it)."""
    return frozenset((load(name).get(key) or {}).get(language) or ())
