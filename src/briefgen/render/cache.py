"""Turn work that is the same on every run (compiled templates, the styled DOCX base) into files in a user cache.

A cold `briefgen render` spends more time compiling templates and styling an
empty DOCX than laying out the brief; both results are kept under
$XDG_CACHE_HOME/briefgen (or ~/.cache/briefgen). Entries are keyed by a hash of
everything they depend on, so a stale entry is never used; when the directory
cannot be written, nothing is cached and nothing fails.
"""
from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from pathlib import Path


@functools.cache
def cache_dir() -> Path | None:
    """The cache directory, created on first use; None when there is none to write."""
    if os.environ.get("BRIEFGEN_NO_CACHE"):
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / "briefgen"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def key(*parts: str | bytes) -> str:
    """A file name for the given inputs."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else p.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def read(name: str) -> bytes | None:
    """A cached file's bytes, or None."""
    d = cache_dir()
    try:
        return (d / name).read_bytes() if d else None
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    """Store bytes atomically (a reader never sees half a file); failures are ignored."""
    d = cache_dir()
    if d is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, d / name)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
