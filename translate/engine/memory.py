"""A translation memory: reuse what the same model already translated.

Why: newsrooms re-run an article after editing two paragraphs, and batch jobs
meet the same boilerplate sentences every day. A segment is looked up by the
sha256 of everything that decides the model's output — the model's identity,
family and language tokens, device and compute type, every decoding option —
and the exact text the model receives. Glossary protection rewrites that text
before decoding (canonical English in the source), and enforcement runs again on
every result, so the same model + settings + glossary always hits and a changed
glossary term misses exactly where it appears.

SQLite in the user cache directory, WAL mode with a busy timeout: concurrent
runs read and write the same file safely. The memory is an optimisation only:
a damaged, locked or unwritable database turns it off for the run with one
warning, never an error.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import threading
import time
from pathlib import Path
from typing import Any, Iterable

#: Bump when the meaning of a stored record changes.
FORMAT = 1
FILENAME = "translation-memory.sqlite3"
_BUSY_MS = 30_000
#: Segments kept; the oldest go first. A news sentence with its pieces is about
#: 1 KB (10 KB+ with attention), so the file stays in the hundreds of MB at most.
MAX_SEGMENTS = 100_000


def default_path() -> Path:
    from ..cache import cache_dir

    return cache_dir() / FILENAME


class TranslationMemory:
    """Segment records keyed by ``key(fingerprint, text)``."""

    def __init__(self, path: str | os.PathLike[str] | None = None, max_segments: int = MAX_SEGMENTS):
        self.path = Path(path) if path is not None else default_path()
        self.max_segments = max_segments
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._off = False
        self._lock = threading.Lock()  # a Translator may be shared by threads; a connection may not

    @staticmethod
    def key(fingerprint: str, text: str) -> str:
        return hashlib.sha256(f"{FORMAT}\0{fingerprint}\0{text}".encode("utf-8")).hexdigest()

    def _warn(self, exc: Exception) -> None:
        self._off = True
        print(f"tarjama: warning: translation memory off for this run ({exc}): {self.path}", file=sys.stderr)

    def _connect(self) -> sqlite3.Connection | None:
        if self._off:
            return None
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = _open(self.path)
            except (sqlite3.Error, OSError) as exc:
                self._warn(exc)
                return None
        return self._db

    def get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        """The stored records among ``keys``."""
        with self._lock:
            return self._get_many(keys)

    def _get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        db = self._connect()
        found: dict[str, dict[str, Any]] = {}
        if db is not None and keys:
            try:
                for at in range(0, len(keys), 500):  # SQLite's parameter limit
                    chunk = keys[at : at + 500]
                    marks = ",".join("?" * len(chunk))
                    for key, record in db.execute(f"SELECT key, record FROM segments WHERE key IN ({marks})", chunk):
                        found[key] = json.loads(record)
            except (sqlite3.Error, ValueError) as exc:
                self._warn(exc)
                found = {}
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Store records in one transaction (one short write lock)."""
        rows = [(key, json.dumps(record, ensure_ascii=False, separators=(",", ":"))) for key, record in items]
        with self._lock:
            self._put_many(rows)

    def _put_many(self, rows: list[tuple[str, str]]) -> None:
        db = self._connect()
        if db is None or not rows:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO segments (key, record) VALUES (?, ?)", rows)
            # Replacing gives a row a new rowid, so the smallest rowids are the oldest writes.
            excess = db.execute("SELECT COUNT(*) FROM segments").fetchone()[0] - self.max_segments
            if excess > 0:
                db.execute("DELETE FROM segments WHERE rowid IN "
                           "(SELECT rowid FROM segments ORDER BY rowid LIMIT ?)", (excess,))
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self._warn(exc)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def _open(path: Path) -> sqlite3.Connection:
    """Connect, switch the file to WAL once and create the table, retrying while another process holds a lock.

    Why the retry: SQLite does not call the busy handler where waiting could
    deadlock — switching a fresh file to WAL needs an exclusive lock while other
    connections hold shared ones, and an autocommit CREATE TABLE whose snapshot
    went stale returns SQLITE_BUSY at once. Measured: 8 processes opening one new
    file at once, 150 times, turned the memory off in 4 trials (one process each)
    before this loop, in none after.
    """
    deadline = time.monotonic() + _BUSY_MS / 1000
    delay = 0.005
    while True:
        db = sqlite3.connect(path, timeout=_BUSY_MS / 1000, check_same_thread=False, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS segments (key TEXT PRIMARY KEY, record TEXT NOT NULL)")
            return db
        except sqlite3.OperationalError as exc:
            db.close()
            if not _busy(exc) or time.monotonic() + delay > deadline:
                raise
        except BaseException:
            db.close()
            raise
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def _busy(exc: sqlite3.OperationalError) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED: another connection holds the lock for now."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)
    return "locked" in str(exc) or "busy" in str(exc)
