"""The on-disk table cache: a speed-up that can never break a run."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from translate.cache import cache_dir, load_or_build

TABLES = [{"في": 0.0361, "علي": 0.0012}, {}, {"john": 2.2e-05, "o'neil": 1e-08}]


def _builder(calls: list):
    def build():
        calls.append(1)
        return [dict(t) for t in TABLES]
    return build


def test_second_run_reads_what_the_first_wrote(tarjama_home: Path) -> None:
    calls: list = []
    assert load_or_build("t", "k1", _builder(calls)) == TABLES
    assert load_or_build("t", "k1", _builder(calls)) == TABLES
    assert len(calls) == 1
    assert [p.parent for p in cache_dir().iterdir()] == [tarjama_home / "cache"]


def test_another_key_builds_again(tarjama_home: Path) -> None:
    calls: list = []
    load_or_build("t", "wordfreq 3.1", _builder(calls))
    load_or_build("t", "wordfreq 3.2", _builder(calls))
    assert len(calls) == 2


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_damaged_file_is_rebuilt(tarjama_home: Path, damage: bytes | None) -> None:
    calls: list = []
    load_or_build("t", "k", _builder(calls))
    (path,) = cache_dir().iterdir()
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2] if damage is None else damage)  # None: cut in half
    assert load_or_build("t", "k", _builder(calls)) == TABLES
    assert len(calls) == 2
    assert load_or_build("t", "k", _builder(calls)) == TABLES and len(calls) == 2  # rewritten whole


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only directories")
def test_unwritable_cache_still_works(tarjama_home: Path) -> None:
    tarjama_home.chmod(0o500)
    try:
        calls: list = []
        assert load_or_build("t", "k", _builder(calls)) == TABLES
        assert load_or_build("t", "k", _builder(calls)) == TABLES
        assert len(calls) == 2
    finally:
        tarjama_home.chmod(0o700)


def test_cache_under_a_file_still_works(tarjama_home: Path) -> None:
    (tarjama_home / "cache").write_text("not a directory")
    calls: list = []
    assert load_or_build("t", "k", _builder(calls)) == TABLES
    assert len(calls) == 1


def test_words_with_newlines_are_not_cached(tarjama_home: Path) -> None:
    calls: list = []

    def build():
        calls.append(1)
        return [{"a\nb": 1.0}]
    assert load_or_build("t", "k", build) == [{"a\nb": 1.0}]
    assert load_or_build("t", "k", build) == [{"a\nb": 1.0}]
    assert len(calls) == 2


def test_a_fifo_planted_as_a_compiled_glossary_is_not_read(tmp_path):
    """The compiled-glossary copy goes through the same guarded read as the
    tables: a FIFO at its path must not block the load (it would wait forever)."""
    import os
    import signal

    from translate.glossary import compiled

    data = "terms:\n".encode() + b"  - {target: Name, source: [x]}\n" * 2000
    path = compiled._path(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    class Blocked(Exception):  # not an OSError: the loader must not swallow it
        pass

    def blocked(*_):
        raise Blocked("the read blocked on the FIFO")

    signal.signal(signal.SIGALRM, blocked)
    signal.alarm(5)
    try:
        assert compiled.read(data, "g.yaml") is None
    finally:
        signal.alarm(0)
