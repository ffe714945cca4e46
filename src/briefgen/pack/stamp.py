"""Turn what a pack was built from into a stamp kept inside it, so an unchanged pack is not built again.

The stamp records the input's and the source text's sha256 and, per format,
a key of everything else that shapes the output: briefgen's own files (code,
data, templates), the user's template directory and theme, and the look
options. Field names come from the dataclass, so no key is spelled twice.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path

from .. import __version__

STAMP_NAME = ".briefgen-stamp.json"


@dataclasses.dataclass(frozen=True, slots=True)
class Stamp:
    """What a pack on disk was built from."""

    input: str  # the file it was last built from, absolute
    input_sha256: str
    source_sha256: str  # of the text its brief describes (kept when a corrected brief is rendered)
    formats: dict[str, str]  # format → the configuration key it was rendered with
    version: str = __version__


def read_stamp(pack: Path) -> Stamp | None:
    """The stamp of a pack directory, or None when there is none or it cannot be read."""
    try:
        data = json.loads((pack / STAMP_NAME).read_text(encoding="utf-8"))
        return Stamp(**data)
    except (OSError, ValueError, TypeError):
        return None


def stamp_bytes(stamp: Stamp) -> bytes:
    """The stamp as the UTF-8 JSON kept in the pack."""
    return json.dumps(dataclasses.asdict(stamp), ensure_ascii=False, indent=1).encode("utf-8")


def config_key(options: object) -> str:
    """A hash of everything besides the input that shapes a rendered file."""
    h = hashlib.sha256(f"briefgen {__version__}\n{_installation()}\n".encode())
    for f in dataclasses.fields(options):  # type: ignore[arg-type]
        value = getattr(options, f.name)
        h.update(f"{f.name}={value!r}:{_content(value) if isinstance(value, Path) else ''}\n".encode())
    return h.hexdigest()


@functools.cache
def _installation() -> str:
    """A hash of briefgen's own files: a changed extractor, template or word list changes every pack."""
    return _content(Path(__file__).parent)  # the package holds its templates too


def _content(path: Path) -> str:
    """A hash of a file's bytes, or of a directory tree's names and bytes ('missing' when absent)."""
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    if not path.is_dir():
        return "missing"
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        rel = p.relative_to(path)
        if p.is_file() and "__pycache__" not in rel.parts:
            h.update(f"{rel.as_posix()}\0".encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()
