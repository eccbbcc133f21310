"""Reading a batch job's manifest from outside the job, as the tests and the batch bench watch it."""
from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path


def done_in_manifest(outdir: Path) -> int:
    """Documents the job manifest records as done (0 before it exists).

    Read-write, not ``mode=ro``: a coordinator killed inside a commit leaves a hot
    journal, which only a connection allowed to write rolls back (as the resuming
    run does); a read-only one fails on it with "attempt to write a readonly
    database", which once read as 0 documents done and failed the kill test."""
    db = outdir / ".tarjama" / "manifest.sqlite"
    deadline = time.monotonic() + 30
    while True:
        if not db.is_file():
            return 0
        try:
            with closing(sqlite3.connect(db, timeout=5)) as con:
                return con.execute("SELECT COUNT(*) FROM documents WHERE status = 'done'").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return 0
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)
