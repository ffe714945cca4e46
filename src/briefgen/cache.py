"""Keep work that is the same on every run as files in the per-user cache directory.

What a start would otherwise rebuild from the same files every time: parsed
YAML files (word lists, theme, labels), compiled templates, the styled DOCX
base, compiled lexicons, the language models in a form that loads without
unpacking. The directory is platformdirs' user cache
directory for briefgen (`~/.cache/briefgen` on Linux, honouring
XDG_CACHE_HOME; `~/Library/Caches/briefgen` on macOS;
`%LOCALAPPDATA%\\briefgen\\Cache` on Windows); `BRIEFGEN_NO_CACHE` (any
value) turns every cache off. Entries are named by a hash of everything they
depend on, so a stale entry is never used; each is written atomically and
sealed with its SHA-256, so a damaged one is rebuilt, never trusted; when the
directory cannot be written, nothing is cached and nothing fails.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_SEAL = b"briefgen-cache 1\n"  # then the SHA-256 of the data, then the data


@functools.cache
def cache_dir() -> Path | None:
    """The cache directory, created on first use; None when caching is off or there is none to write."""
    if os.environ.get("BRIEFGEN_NO_CACHE"):
        return None
    from platformdirs import user_cache_path

    path = user_cache_path("briefgen", appauthor=False)
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


def identity(*files: Path) -> list[str]:
    """What tells a changed file without reading it: its path, size and modification time (a missing one: its path)."""
    out: list[str] = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            out.append(str(path))
            continue
        out += [str(path.resolve()), str(st.st_size), str(st.st_mtime_ns)]
    return out


def package_file(package: str, inner: str = "__init__.py") -> Path:
    """A file of an installed package, found without importing it: its identity keys what is made with the package."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    return Path(spec.origin).parent / inner if spec and spec.origin else Path(package)


def seal(data: bytes) -> bytes:
    """The data behind a header holding its hash (see `unseal`)."""
    return _SEAL + hashlib.sha256(data).digest() + data


def unseal(sealed: bytes) -> bytes | None:
    """The data `seal` wrapped; None when the header is missing or the data does not match its hash."""
    head, digest, data = sealed[: len(_SEAL)], sealed[len(_SEAL) : len(_SEAL) + 32], sealed[len(_SEAL) + 32 :]
    return data if head == _SEAL and hashlib.sha256(data).digest() == digest else None


def read(name: str) -> bytes | None:
    """A cached entry's bytes; None when there is none, or it is damaged."""
    d = cache_dir()
    try:
        return unseal((d / name).read_bytes()) if d else None
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    """Store bytes atomically (a reader never sees half an entry); failures are ignored."""
    d = cache_dir()
    if d is None:
        return
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(seal(data))
        os.replace(tmp, d / name)
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def pickled(name: str, build: Callable[[], T]) -> T:
    """What `build()` returns, kept under `name` (a key of everything the result depends on) for later runs."""
    data = read(name)
    if data is not None:
        return pickle.loads(data)
    value = build()
    write(name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


YAML_FORMAT = "yaml-1"  # change when what a parsed YAML entry holds changes


def parsed_yaml(text: bytes) -> Any:
    """YAML text parsed (by libyaml when present), kept by its content: a later start needs neither PyYAML nor the parse.

    A text that is not valid YAML raises PyYAML's YAMLError, and nothing is kept.
    """

    def parse() -> Any:
        import yaml

        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    return pickled(f"yaml-{key(YAML_FORMAT, text)}", parse)
