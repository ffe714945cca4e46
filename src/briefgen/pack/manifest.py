"""Turn a pack directory into its manifest.json (generator, source, each file's size and SHA-256) and back.

The manifest is written when a pack is built and attached to every message,
so a reader can check that the files they opened are the ones that were
built. Its own SHA-256 identifies the pack in the send log. It holds no time
stamp: the same files give the same manifest. Manifest keys are spelled only
here.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import PackError
from ..model import Brief

MANIFEST = "manifest.json"
MAX_MANIFEST = 1 << 20  # bytes: a manifest lists a handful of files


@dataclass(frozen=True, slots=True)
class FileEntry:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """A pack as its manifest describes it; `sha256` is the hash of manifest.json itself."""

    dir: Path
    raw: bytes  # manifest.json as read, attached as is
    sha256: str
    lang: str
    marking: str | None
    look: dict[str, str]  # the other look options the pack was built with (theme, paper, template_dir, prepared)
    parent: str | None  # for a rendition in another language: the manifest hash of the pack it renders
    files: dict[str, FileEntry]

    def read_file(self, name: str) -> bytes:
        """A file of the pack, checked against the manifest; PackError when missing or changed."""
        entry = self.files.get(name)
        if entry is None:
            raise PackError(f"{self.dir}: the pack has no {name}")
        path = self.dir / name
        try:
            data = read_regular(path, entry.size + 1)
        except FileNotFoundError:
            raise PackError(f"{path}: listed in {MANIFEST} but missing: rebuild the pack") from None
        except OSError:
            raise PackError(f"{path}: not a plain file of the pack (a link or a device): rebuild the pack") from None
        if len(data) != entry.size or sha256(data) != entry.sha256:
            raise PackError(f"{path}: changed since the pack was built (see {MANIFEST}): rebuild the pack")
        return data


def read_regular(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a regular file of the pack itself: never a device, never through a symlink."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(f"{path}: not a regular file")
        return f.read(limit)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_manifest(outdir: Path, brief: Brief, options: Any, parent: str | None = None) -> Path:
    """Describe the pack files now in `outdir` (rendered with `options`) in outdir/manifest.json."""
    from ..render import FORMATS
    from .outdir import write_atomic

    names = sorted(f.filename for f in FORMATS.values() if (outdir / f.filename).is_file())
    data = {
        "generator": {"name": "briefgen", "version": __version__},
        "source": {"name": brief.source.name, "sha256": brief.source.sha256},
        "lang": options.lang,
        "marking": options.marking,
        "look": look(options),
        **({"parent": parent} if parent else {}),
        "files": [_entry(outdir / name) for name in names],
    }
    return write_atomic(outdir / MANIFEST, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def look(options: Any) -> dict[str, str]:
    """The look options besides language and marking that were set, so a rendition looks like its pack."""
    values = {"theme": options.theme, "template_dir": options.template_dir, "paper": options.paper, "prepared": options.prepared}
    return {k: str(v.resolve()) if isinstance(v, Path) else str(v) for k, v in values.items() if v}


def _entry(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    return {"name": path.name, "size": len(data), "sha256": sha256(data)}


def read_manifest(packdir: Path) -> Manifest:
    """The pack's manifest, after checking that every file it lists is still as it was built."""
    try:
        raw = read_regular(packdir / MANIFEST, MAX_MANIFEST + 1)
    except FileNotFoundError:
        raise PackError(f"{packdir}: not a pack (no {MANIFEST}): build it with `briefgen build`") from None
    except OSError as e:
        raise PackError(f"{packdir / MANIFEST}: cannot read: {e.strerror or e}") from None
    if len(raw) > MAX_MANIFEST:
        raise PackError(f"{packdir / MANIFEST}: not a briefgen manifest (larger than {MAX_MANIFEST} bytes)")
    try:
        data = json.loads(raw)
        manifest = Manifest(
            dir=packdir,
            raw=raw,
            sha256=sha256(raw),
            lang=data["lang"],
            marking=data["marking"],
            look=dict(data.get("look") or {}),
            parent=data.get("parent"),
            files={f["name"]: FileEntry(f["name"], int(f["size"]), f["sha256"]) for f in data["files"]},
        )
    except (ValueError, KeyError, TypeError):
        raise PackError(f"{packdir / MANIFEST}: not a briefgen manifest") from None
    for name in manifest.files:
        if name not in _pack_files():
            raise PackError(f"{packdir / MANIFEST}: names {name!r}, which is no file of a pack: rebuild the pack")
    for name in manifest.files:
        manifest.read_file(name)
    return manifest


def _pack_files() -> set[str]:
    """The only names a manifest may list: the files the writers make (so never a path out of the pack)."""
    from ..render import FORMATS

    return {f.filename for f in FORMATS.values()}
