"""Turn input paths into safe, distinct names in an output directory, and put finished work there atomically.

Nothing is ever written in place: a file goes to a temporary sibling that is
renamed over the target, and a pack is assembled in a temporary sibling
directory that is swapped in. Temporaries carry the writer's process id, so
the next run can tell a killed run's leftovers from a live run's work and
clean them up (`clean_stale`); one older than an hour is a leftover in any case.
"""
from __future__ import annotations

import functools
import os
import re
import secrets
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

MAX_AGE = 3600  # seconds: a temporary this old is a leftover whatever its process id (ids get reused)
MAX_NAME = 80  # characters of a derived name; room is left for temporary suffixes
_UNSAFE = re.compile(r"[^\w.-]+")
_TEMP = re.compile(r"\A\.(?P<name>.+)\.(?P<kind>tmp|old)-(?P<pid>\d+)-\w+\Z")


def safe_name(text: str) -> str:
    """A file name made of letters, digits, '.', '_' and '-', never hidden, never '..' or empty."""
    name = _UNSAFE.sub("_", text).strip("._")[:MAX_NAME].strip("._")
    return name or "brief"


def plan_names(stems: Sequence[tuple[Path, str]], taken: Mapping[str, Path] | None = None) -> list[str]:
    """A distinct safe name for each (input path, stem), in input order.

    `taken` maps names already in use to the input they belong to: an input
    found there keeps its name. Other inputs whose names clash (equal when case
    is ignored, or in use by another input) are prefixed with their folder's
    name (`a/visit.txt` → `a_visit`); what still clashes gets `-2`, `-3`, … in
    input order. The result depends on the paths and `taken`, never on which
    input finishes first.
    """
    used = {name.casefold(): owner for name, owner in (taken or {}).items()}
    kept = {owner: name for name, owner in (taken or {}).items()}
    paths = [path.resolve() for path, _ in stems]
    names = [kept.get(path) or safe_name(stem) for path, (_, stem) in zip(paths, stems)]
    fresh = [i for i, path in enumerate(paths) if path not in kept]

    def clashes(i: int, name: str) -> bool:
        return used.get(name.casefold(), paths[i]) != paths[i]

    groups: dict[str, list[int]] = defaultdict(list)
    for i in fresh:
        groups[names[i].casefold()].append(i)
    for members in groups.values():
        if len(members) > 1 or clashes(members[0], names[members[0]]):
            for i in members:
                names[i] = safe_name(f"{paths[i].parent.name}_{stems[i][1]}")
    for i in fresh:
        name, n = names[i], 1
        while clashes(i, names[i]):
            n += 1
            names[i] = f"{name}-{n}"
        used[names[i].casefold()] = paths[i]
    return names


def write_atomic(path: Path, data: bytes) -> Path:
    """Write bytes to a temporary file beside `path`, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_temp_prefix(path.name, "tmp"))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), 0o666 & ~_umask())  # mkstemp makes it private; a plain file is not
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def staging_dir(target: Path) -> Path:
    """A new empty directory beside `target` to assemble its next version in."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(dir=target.parent, prefix=_temp_prefix(target.name, "tmp")))
    staged.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a plain directory is not
    return staged


def swap_in(staged: Path, target: Path) -> None:
    """Put a finished staging directory at `target`, replacing what was there.

    Two renames: the old version steps aside under a temporary name, the new
    one takes its place, then the old one is removed. Killed between the two,
    the old version survives and `clean_stale` puts it back.
    """
    _fsync_dir(staged)
    old = None
    if target.is_symlink() or target.exists():
        old = target.with_name(f"{_temp_prefix(target.name, 'old')}{secrets.token_hex(4)}")
        os.rename(target, old)
    os.rename(staged, target)
    _fsync_dir(target.parent)
    if old is not None:
        _remove(old)


def clean_stale(directory: Path) -> None:
    """Remove what killed runs left in `directory`; restore a pack that was stepping aside."""
    if not directory.is_dir():
        return
    for entry in sorted(directory.iterdir()):
        m = _TEMP.match(entry.name)
        if not m or (_alive(int(m.group("pid"))) and time.time() - entry.lstat().st_mtime < MAX_AGE):
            continue
        target = directory / m.group("name")
        if m.group("kind") == "old" and not (target.is_symlink() or target.exists()):
            os.rename(entry, target)
        else:
            _remove(entry)


def _temp_prefix(name: str, kind: str) -> str:
    return f".{name}.{kind}-{os.getpid()}-"


@functools.cache
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    """Whether another process with this id runs (this process has no leftovers of its own yet; a zombie is dead)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
