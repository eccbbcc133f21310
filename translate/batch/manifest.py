"""The job manifest: one SQLite row per document, updated in one transaction each.

Why SQLite: every update is atomic and durable under SIGKILL (its journal rolls
back a half-done write), so after a kill the manifest says exactly which
documents are done — with their input checksum, settings signature and result
— and ``--resume`` redoes only the rest. Only the coordinating process writes
it, after the document's output file is in place.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

SCHEMA = """
CREATE TABLE IF NOT EXISTS job (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY,
    input_sha256 TEXT NOT NULL,
    settings TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    output TEXT,
    output_sha256 TEXT,
    result TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Entry:
    name: str
    input_sha256: str
    settings: str
    status: str
    reason: str | None
    output: str | None
    output_sha256: str | None
    result: dict[str, Any]


class Manifest:
    FILE = "manifest.sqlite"

    def __init__(self, path: Path):
        self.path = path
        try:
            self.db = sqlite3.connect(str(path), isolation_level=None, timeout=30)
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise InputError(f"cannot open the job manifest ({exc}); remove it to start over", str(path)) from None

    @classmethod
    def exists(cls, state_dir: Path) -> bool:
        return (state_dir / cls.FILE).is_file()

    @classmethod
    def open(cls, state_dir: Path) -> "Manifest":
        state_dir.mkdir(parents=True, exist_ok=True)
        return cls(state_dir / cls.FILE)

    def get(self, name: str) -> Entry | None:
        row = self.db.execute("SELECT name, input_sha256, settings, status, reason, output, output_sha256, result "
                              "FROM documents WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        return Entry(*row[:7], json.loads(row[7]))

    def entries(self) -> dict[str, Entry]:
        rows = self.db.execute("SELECT name FROM documents").fetchall()
        return {name: self.get(name) for (name,) in rows}

    def record(self, name: str, input_sha256: str, settings: str, status: str, reason: str | None,
               output: str | None, output_sha256: str | None, result: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (name, input_sha256, settings, status, reason, output, output_sha256,
             json.dumps(result, ensure_ascii=False)))

    def set(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO job VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self.db.close()
