"""Turn input paths into safe, distinct names in an output directory, and put finished work there atomically.

Nothing is ever written in place: a file goes to a temporary sibling that is
renamed over the target, and a pack is assembled in a temporary sibling
directory that is swapped in. Temporaries carry the writer's process id, so
the next run can tell a killed run's leftovers from a live run's work and
clean them up (`clean_stale`); one older than an hour is a leftover in any case.
"""
from __future__ import annotations

import contextlib
import functools
import os
import re
import secrets
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

LOCK_NAME = ".briefgen-build.lock"  # used only where a directory cannot be locked (Windows)
MAX_AGE = 3600  # seconds: a temporary this old is a leftover whatever its process id (ids get reused)
MAX_NAME = 80  # characters of a derived name; room is left for temporary suffixes
_UNSAFE = re.compile(r"[^\w.-]+")
# `.NAME.briefgen-tmp-PID-XXXXXXXX`: only what this module makes (8 characters of mkstemp's or token_hex's
# alphabet), so a user's `.budget.tmp-2024-final` is never taken for a leftover
_TEMP = re.compile(r"\A\.(?P<name>.+)\.briefgen-(?P<kind>tmp|old)-(?P<pid>\d+)-[a-z0-9_]{8}\Z")
# names Windows keeps for devices, whatever the extension ("con.txt" too)
_RESERVED = re.compile(r"\A(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?\Z", re.IGNORECASE)


def safe_name(text: str) -> str:
    """A file name made of letters, digits, '.', '_' and '-', never hidden, never '..', empty or a Windows device."""
    name = _UNSAFE.sub("_", text).strip("._")[:MAX_NAME].strip("._") or "brief"
    return f"{name}_" if _RESERVED.match(name) else name


@dataclass(frozen=True, slots=True)
class Claim:
    """An input asking for a name: what to call it, its folder, and what identifies it."""

    stem: str
    folder: str  # the name of the folder the input is in
    ids: frozenset[str] = frozenset()  # e.g. its path and the hash of its source text
    kept: str | None = None  # a name it already has (its pack from an earlier run)


def plan_names(claims: Sequence[Claim], taken: Mapping[str, frozenset[str]] | None = None) -> list[str]:
    """A distinct safe name for each claim, in input order.

    `taken` maps names in use to what identifies their holder (a pack's input;
    nothing, for a file that no input may replace). A claim may use a name
    whose holder shares an identity with it. Other claims whose names clash
    (equal when case is ignored, or held by someone else) are prefixed with
    their folder's name (`a/visit.txt` → `a_visit`); what still clashes gets
    `-2`, `-3`, … in input order. The result depends on the claims and
    `taken`, never on which input finishes first.
    """
    held = {name.casefold(): ids for name, ids in (taken or {}).items()}
    names = [c.kept or safe_name(c.stem) for c in claims]
    fresh = [i for i, c in enumerate(claims) if c.kept is None]
    given = {c.kept.casefold() for c in claims if c.kept}  # in one run, a name goes to one claim only

    def clashes(i: int, name: str) -> bool:
        holder = held.get(name.casefold())
        return name.casefold() in given or (holder is not None and not holder & claims[i].ids)

    groups: dict[str, list[int]] = defaultdict(list)
    for i in fresh:
        groups[names[i].casefold()].append(i)
    for members in groups.values():
        if len(members) > 1 or clashes(members[0], names[members[0]]):
            for i in members:
                names[i] = safe_name(f"{claims[i].folder}_{claims[i].stem}")
    for i in fresh:
        name, n = names[i], 1
        while clashes(i, names[i]):
            n += 1
            names[i] = f"{name}-{n}"
        given.add(names[i].casefold())
    return names


@contextlib.contextmanager
def exclusive(directory: Path, say: Callable[[str], None]) -> Iterator[None]:
    """Hold `directory` for one run: a second run waits for the first (saying so once), never trips over its work.

    On POSIX the directory itself is locked (flock), so no lock file is left among the packs; elsewhere
    a hidden lock file in it (filelock) does the same.
    """
    directory.mkdir(parents=True, exist_ok=True)
    waiting = f"waiting for another briefgen run writing to {directory} to finish"
    try:
        import fcntl
    except ImportError:
        from filelock import FileLock, Timeout

        lock = FileLock(directory / LOCK_NAME)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            say(waiting)
            lock.acquire()
        with lock:
            yield
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(waiting)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


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


def is_temporary(name: str) -> bool:
    """Whether a file name is one of the temporaries made here (never a finished file)."""
    return _TEMP.match(name) is not None


def _temp_prefix(name: str, kind: str) -> str:
    return f".{name}.briefgen-{kind}-{os.getpid()}-"


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
