"""Turn one input file into a briefing pack on disk: outputs/<name>/ with one file per format.

Inputs are source texts or brief files (.json/.yaml), so a brief corrected by
hand renders as corrected. Every file is written to a temporary file in its
directory and renamed into place: a reader never sees half a file.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .distribute.manifest import write_manifest
from .errors import BriefgenError
from .model import Brief
from .render import RenderOptions, get_writer, output_name

BRIEF_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(slots=True)
class PackResult:
    """What building one input produced, or the one-line reason it failed."""

    input: Path
    outdir: Path | None = None
    files: list[Path] = field(default_factory=list)
    error: str | None = None


def load_input(path: Path) -> Brief:
    """A Brief from a brief file, or extracted from a source text."""
    kind = BRIEF_SUFFIXES.get(path.suffix.lower())
    if kind:
        from .serialize import load_brief
        from .source import decode

        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise BriefgenError("no such file") from None
        except IsADirectoryError:
            raise BriefgenError("is a directory, not a brief file") from None
        except OSError as e:
            raise BriefgenError(f"cannot read: {e.strerror or e}") from None
        text, _ = decode(raw)
        return load_brief(text, kind)
    from .extract import extract_brief
    from .source import read_source

    return extract_brief(read_source(path))


def pack_name(path: Path, brief: Brief | None = None) -> str:
    """A safe directory name for an input's pack: the source's stem, never a path."""
    stem = Path(brief.source.name).stem if brief and brief.source.name else path.stem
    name = _UNSAFE.sub("_", stem).strip("._")
    return name or "brief"


def write_pack(brief: Brief, outdir: Path, formats: Sequence[str], options: RenderOptions) -> list[Path]:
    """Render each format and write it atomically into outdir."""
    rendered = [(output_name(f), get_writer(f)(brief, options)) for f in formats]
    outdir.mkdir(parents=True, exist_ok=True)
    return [write_atomic(outdir / name, data) for name, data in rendered]


def write_atomic(path: Path, data: bytes) -> Path:
    """Write bytes to a temporary file beside `path`, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def build_one(path: Path, out_root: Path, formats: Sequence[str], options: RenderOptions) -> PackResult:
    """Extract (or load) one input and write its pack; failures come back as the result's error."""
    result = PackResult(input=path)
    try:
        brief = load_input(path)
        result.outdir = out_root / pack_name(path, brief)
        result.files = write_pack(brief, result.outdir, formats, options)
        result.files.append(write_manifest(result.outdir, brief, options))
    except BriefgenError as e:
        result.error = str(e)
    return result
