"""Frequency tables derived from installed packages, kept on disk between runs.

Building the lexicon from wordfreq's lists (seven languages) takes about two
seconds; reading the result back takes a few hundredths. The cache is only an
optimisation: a missing, unreadable, stale or unwritable cache means the tables
are built again, never an error. Files are written to a temporary name and
renamed, so a concurrent run never reads half a file. The format is plain data
(words, then their values as float64), never executable like a pickle.
"""
from __future__ import annotations

import hashlib
import os
import stat
import struct
import tempfile
from array import array
from pathlib import Path
from typing import Callable

from .models.store import HOME_ENV

Table = dict[str, float]
# Bump when the file layout or the meaning of any cached table changes.
FORMAT = 1
_MAGIC = b"tarjama-tables %d\n" % FORMAT
_SIZES = struct.Struct("<QQQ")  # words, bytes of words, bytes of values
MAX_CACHE_BYTES = 256 << 20


def cache_dir() -> Path:
    """``$TARJAMA_HOME/cache`` when set (tests isolate it), else the user cache dir."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("tarjama", appauthor=False))


def load_or_build(name: str, key: str, build: Callable[[], list[Table]]) -> list[Table]:
    """``build()``'s tables, read from ``cache_dir()/name-<hash of key>.tables`` when
    an earlier run with the same key left them there. ``key`` must change whenever
    the tables would (package versions, thresholds, the tables they come from)."""
    digest = hashlib.sha256(f"{FORMAT}|{key}".encode()).hexdigest()[:16]
    path = cache_dir() / f"{name}-{digest}.tables"
    data = read_cached(path)
    if data is not None:
        try:
            return _read(data)
        except (ValueError, UnicodeDecodeError, struct.error, MemoryError):
            pass
    tables = build()
    try:
        write_cached(path, _encode(tables))
    except (OSError, ValueError):
        pass  # a read-only home, or a word that cannot be stored: only slower
    return tables


def read_cached(path: Path) -> bytes | None:
    """The bytes of a cache file, or None when there is none to trust. Only a plain
    file of a plausible size is read: a FIFO or /dev/zero planted in the cache must
    not hang or exhaust the run (the largest table file is about 10 MB)."""
    try:
        st = path.stat()
        if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_CACHE_BYTES:
            return path.read_bytes()
    except (OSError, MemoryError):
        pass
    return None


def write_cached(path: Path, data: bytes) -> None:
    """Write a cache file atomically (readers see the old file or the whole new one);
    raises OSError for the caller to shrug off: a cache is an optimisation only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read(data: bytes) -> list[Table]:
    if not data.startswith(_MAGIC):
        raise ValueError("not a tables file")
    pos, tables = len(_MAGIC), []
    while pos < len(data):
        count, nwords, nvalues = _SIZES.unpack_from(data, pos)
        pos += _SIZES.size
        words = data[pos:pos + nwords].decode("utf-8").split("\n") if count else []
        values = array("d")
        values.frombytes(data[pos + nwords:pos + nwords + nvalues])
        pos += nwords + nvalues
        if len(words) != count or len(values) != count:
            raise ValueError("truncated tables file")
        tables.append(dict(zip(words, values)))
    return tables


def _encode(tables: list[Table]) -> bytes:
    parts = [_MAGIC]
    for table in tables:
        if any("\n" in w for w in table):
            raise ValueError("a word holds a newline")
        words = "\n".join(table).encode("utf-8")
        values = array("d", table.values()).tobytes()
        parts += [_SIZES.pack(len(table), len(words), len(values)), words, values]
    return b"".join(parts)
