"""Turn each delivery into lines of outputs/sent.jsonl, appended only, and say what each reader was sent before.

A message is logged `sending` (written and synced) before it is handed to the
server, then `sent`, `refused`, `failed` or `uncertain` once its fate is
known. A `sending` line that nothing follows (a crash, a full disk after the
server took the message) counts as `uncertain`: it may have arrived, so it is
never sent again without `--force`. Every line of a message carries its pack,
manifest hash, reader, Message-ID and the brief's items, so the next run can
tell a re-render (same items) from a correction. While a send runs it holds
`sent.jsonl.lock` beside the log (filelock: POSIX, Windows and macOS alike),
so two runs cannot both send the same pack. Log keys are spelled only here.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import DeliveryError

LOG_NAME = "sent.jsonl"
LOCK_NAME = LOG_NAME + ".lock"
SENDING, SENT, REFUSED, FAILED, UNCERTAIN = "sending", "sent", "refused", "failed", "uncertain"


class SendLog:
    """The send log of one outputs directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: BinaryIO | None = None
        self._cut_short = False  # the last line lacks its newline (a crash while writing it)
        self._lock: Any = None
        self._last: dict[tuple[str, str], dict[str, Any]] = {}
        self._sends: Counter[tuple[str, str]] = Counter()
        self._load()

    def _load(self) -> None:
        self._last.clear()
        self._sends.clear()
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return
        entries = []
        for line in lines:
            try:
                entry = json.loads(line)
                if isinstance(entry, dict) and {"pack", "manifest", "recipient", "message_id", "result"} <= set(entry):
                    entries.append(entry)
            except ValueError:
                continue  # a line cut short by a crash: what it meant is carried by the line before it
        pending: dict[str, tuple[int, dict[str, Any]]] = {}
        known = []
        for i, entry in enumerate(entries):
            if entry["result"] == SENDING:
                pending[entry["message_id"]] = (i, entry)
                continue
            pending.pop(entry["message_id"], None)
            if entry["result"] in (SENT, UNCERTAIN):
                known.append((i, entry))
        known += [(i, {**entry, "result": UNCERTAIN}) for i, entry in pending.values()]  # handed over, never settled
        for _, entry in sorted(known, key=lambda pair: pair[0]):
            self._remember(entry)

    def _remember(self, entry: Mapping[str, Any]) -> None:
        address = str(entry["recipient"]).lower()
        self._last[(entry["pack"], address)] = dict(entry)
        if entry["result"] == SENT:
            self._sends[(entry["manifest"], address)] += 1

    def last(self, pack: str, address: str) -> dict[str, Any] | None:
        """The latest message of this pack that reached (`sent`) or may have reached (`uncertain`) this address."""
        return self._last.get((pack, address.lower()))

    def sends(self, manifest: str, address: str) -> int:
        """How many times this pack (by manifest) was sent to this address: numbers its Message-IDs."""
        return self._sends[(manifest, address.lower())]

    def lock(self) -> None:
        """Hold the log for this run; DeliveryError when another send holds it."""
        from filelock import FileLock, Timeout

        self._lock = FileLock(self.path.with_name(LOCK_NAME))
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            self._lock = None
            raise DeliveryError(f"{self.path}: another briefgen send is running with this log") from None
        self._load()  # what a run that finished just before ours has sent

    def close(self) -> None:
        """Release the lock and the file."""
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _open(self) -> BinaryIO:
        """The log opened for appending, on the first entry only: a run that sends nothing leaves no trace."""
        if self._file is None:
            self._file = self.path.open("a+b", buffering=0)  # unbuffered: nothing of a failed line lingers to land later
            size = self._file.seek(0, os.SEEK_END)
            if size:
                self._file.seek(size - 1)
                self._cut_short = self._file.read(1) != b"\n"
        return self._file

    def append(self, record: Mapping[str, Any], result: str, detail: str | None = None) -> None:
        """Record one step of a message durably (written and synced before returning); OSError when the disk refuses."""
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            **record,
            "result": result,
            **({"detail": detail} if detail else {}),
        }
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        f = self._open()  # first: it finds whether the log ends in a line cut short
        self._write(f, (b"\n" if self._cut_short else b"") + line)
        self._cut_short = False
        if result in (SENT, UNCERTAIN):
            self._remember(entry)

    def _write(self, f: BinaryIO, data: bytes) -> None:
        try:
            rest = memoryview(data)
            while rest:
                rest = rest[f.write(rest):]
            os.fsync(f.fileno())
        except OSError:
            self._cut_short = True  # perhaps part of the line landed: the next one starts on a line of its own
            raise
