"""Turn each delivery's outcome into one line of outputs/sent.jsonl, appended only, and say what was sent before.

A line is written and flushed to disk as soon as the server has answered, so
a crash later loses nothing; "sent" is written only for a message the server
accepted. A pack counts as sent to an address when a "sent" line has the
pack's manifest hash and that address. While a send runs it holds a lock on
the log's directory, so two runs cannot both send the same pack. Log keys are spelled only
here.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Any

from ..errors import DeliveryError

LOG_NAME = "sent.jsonl"
SENT = "sent"
REFUSED = "refused"


class SendLog:
    """The send log of one outputs directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: BinaryIO | None = None
        self._cut_short = False  # the last line lacks its newline (a crash while writing it)
        self._lock: int | None = None
        self._sent: dict[tuple[str, str], dict[str, Any]] = {}
        self._load()

    def _load(self) -> None:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return
        for line in lines:
            try:
                entry = json.loads(line)
                if entry["result"] == SENT:
                    self._sent[(entry["manifest"], entry["recipient"].lower())] = entry
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # a line cut short by a crash: it recorded nothing accepted

    def sent_before(self, manifest: str, address: str) -> dict[str, Any] | None:
        """The earlier 'sent' entry of this pack to this address, if any."""
        return self._sent.get((manifest, address.lower()))

    def lock(self) -> None:
        """Hold the log's directory for this run; DeliveryError when another send holds it."""
        try:
            import fcntl  # POSIX; elsewhere two runs at once are not guarded
        except ImportError:
            return
        self._lock = os.open(self.path.parent, os.O_RDONLY)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.close()
            raise DeliveryError(f"{self.path}: another briefgen send is running with this log") from None
        self._sent.clear()
        self._load()  # what a run that finished just before ours has sent

    def close(self) -> None:
        """Release the lock and the file."""
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def _open(self) -> BinaryIO:
        """The log opened for appending, on the first entry only: a run that sends nothing leaves no trace."""
        if self._file is None:
            self._file = self.path.open("a+b")
            size = self._file.seek(0, os.SEEK_END)
            if size:
                self._file.seek(size - 1)
                self._cut_short = self._file.read(1) != b"\n"
        return self._file

    def append(self, *, pack: str, manifest: str, recipient: str, lang: str, files: list[str],
               message_id: str, result: str, detail: str | None = None) -> None:
        """Record one outcome durably (written and synced before returning)."""
        entry = {
            "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "pack": pack,
            "manifest": manifest,
            "recipient": recipient,
            "lang": lang,
            "files": files,
            "message_id": message_id,
            "result": result,
            **({"detail": detail} if detail else {}),
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        f = self._open()
        f.write((b"\n" if self._cut_short else b"") + line.encode("utf-8"))
        self._cut_short = False
        f.flush()
        os.fsync(f.fileno())
        if result == SENT:
            self._sent[(manifest, recipient.lower())] = entry
