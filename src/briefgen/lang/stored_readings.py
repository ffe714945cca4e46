"""Keep what the analyser said of word forms in the user cache, so a start meets the forms seen before without its dictionary.

pymorphy3 loads its dictionary in about 0.1 s and reads a new form in about
60 µs; a brief's extraction or digest reads 500–600 forms, most of them met
by an earlier run (the same brief rendered again after a correction, above
all). The store is an SQLite table of key → answer (a form's readings, an
inflection, a lexeme), one file per analyser and normalisation (named like
every cache entry), read key by key and added to when the process ends. A
damaged file is deleted and built again; any trouble with it only means the
analyser is asked, never that a run fails. A text's forms can be read ahead
in a few queries (`read_ahead`) rather than one a word.
"""
from __future__ import annotations

import atexit
import contextlib
import marshal
import os
from pathlib import Path
from typing import Any

from .. import cache

MAX_BYTES = 64 << 20  # a store grown past this (some 2 million answers) is started afresh rather than grown further
BATCH = 500  # keys a query reads ahead (SQLite allows 999 parameters in its oldest builds)


class Store:
    """Answers by key (anything marshal writes): those in the file, then those added by this process (written when it ends)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.db: Any = None  # sqlite3 connection, opened on first use; False: no store (off, or failing)
        self.pid = os.getpid()  # a forked process opens its own connection (SQLite's must not cross a fork)
        self.added: dict[str, Any] = {}
        self.ahead: dict[str, bytes] = {}  # entries read ahead, by key

    def get(self, key: str) -> Any:
        """The answer kept under `key`; None when there is none."""
        db = self._open()
        if not db:
            return None
        try:
            entry = self.ahead.pop(key, None)
            if entry is None:
                row = db.execute("SELECT entry FROM forms WHERE form = ?", (key,)).fetchone()
                entry = row[0] if row else None
            return marshal.loads(entry) if entry is not None else None
        except Exception:  # sqlite3.DatabaseError, a bad entry: a damaged file
            self._discard()
            return None

    def read_ahead(self, keys: set[str]) -> None:
        """Read the entries of these keys now, BATCH to a query, for the `get`s that will ask for them.

        They replace those read ahead before and never asked for, so a long batch keeps one text's worth.
        """
        db = self._open()
        wanted = sorted(keys)
        self.ahead = {}
        try:
            for i in range(0, len(wanted) if db else 0, BATCH):
                batch = wanted[i : i + BATCH]
                marks = ",".join("?" * len(batch))
                self.ahead.update(db.execute(f"SELECT form, entry FROM forms WHERE form IN ({marks})", batch))
        except Exception:  # a damaged file
            self._discard()

    def put(self, key: str, answer: Any) -> None:
        if not self.added:
            atexit.register(self.save)
        self.added[key] = answer

    def save(self) -> None:
        """Add this process's new answers to the file (other processes' additions are kept: rows are only inserted)."""
        added, self.added = self.added, {}
        path = self._path()
        if not added or path is None:
            return
        with contextlib.suppress(Exception):  # a full disk, a locked or damaged file: the forms are asked again next time
            if path.is_file() and path.stat().st_size > MAX_BYTES:
                path.unlink()
            db = self._connect(path)
            with db:
                db.executemany("INSERT OR IGNORE INTO forms VALUES (?, ?)", ((f, marshal.dumps(e)) for f, e in added.items()))
            db.close()

    def _path(self) -> Path | None:
        where = cache.cache_dir()
        return where / f"{self.name}.sqlite" if where else None

    def _open(self) -> Any:
        if self.pid != os.getpid():
            self.db, self.pid = None, os.getpid()
        if self.db is None:
            path = self._path()
            self.db = False
            if path is not None and path.is_file():
                try:
                    self.db = self._connect(path)
                except Exception:
                    self._discard()
        return self.db

    @staticmethod
    def _connect(path: Path) -> Any:
        import sqlite3

        db = sqlite3.connect(path, timeout=2)
        db.execute("CREATE TABLE IF NOT EXISTS forms (form TEXT PRIMARY KEY, entry BLOB NOT NULL) WITHOUT ROWID")
        return db

    def _discard(self) -> None:
        """Forget a damaged file: it is deleted, and this process's forms start a new one when it ends."""
        if self.db:
            with contextlib.suppress(Exception):
                self.db.close()
        self.db = False
        path = self._path()
        if path is not None:
            path.unlink(missing_ok=True)
