"""The fast part of the hostile-input sweep (bench/hostile_sweep.py runs all of it
in subprocesses, with kills and concurrency): every generated input through the
real CLI in-process, checked for no traceback, no internal error, the documented
exit status, one stderr line naming the file (and line), no output created or
destroyed on failure and nothing written outside the case's folder."""
from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("hostile_sweep", ROOT / "bench" / "hostile_sweep.py")
sweep_mod = importlib.util.module_from_spec(_spec)
sys.modules["hostile_sweep"] = sweep_mod
_spec.loader.exec_module(sweep_mod)

CLASSES = ("text", "odd", "glossary", "gpath", "jsonl", "option", "stdin", "output", "archive", "store", "fetch")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, tiny_model):
    """The quick cases (no hanging servers, no bombs), generated once."""
    work = tmp_path_factory.mktemp("hostile")
    base, server = sweep_mod.start_server()
    fx = sweep_mod.Fixtures(work / "cases", work / "home", tiny_model, base)
    cases = sweep_mod.generate(fx, quick=True)
    yield fx, cases
    server.close()


def run_in_process(case, env):
    """The CLI through typer's CliRunner: the same checks, without a start-up per case."""
    from typer.testing import CliRunner

    from translate.cli import app

    runner = CliRunner()
    stdin = case.stdin if isinstance(case.stdin, bytes) else b""
    start = time.monotonic()
    overrides = {k: env[k] for k in ("TARJAMA_HOME", *case.env)}
    old = {k: os.environ.get(k) for k in overrides}
    os.environ.update(overrides)
    cwd = os.getcwd()
    os.chdir(case.folder)
    try:
        result = runner.invoke(app, case.args, input=stdin)
    finally:
        os.chdir(cwd)
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        stderr += "".join(traceback.format_exception(result.exception))  # counted as a traceback
    return sweep_mod.Outcome(result.exit_code, result.stdout, stderr, time.monotonic() - start, 0)


def test_enough_hostile_inputs(hostile):
    _, cases = hostile
    assert len(cases) >= 300, len(cases)
    assert {c.name.split("/")[0] for c in cases} >= set(CLASSES) - {"stdin"}


@pytest.mark.parametrize("kind", CLASSES)
def test_hostile_inputs(hostile, kind):
    fx, cases = hostile
    mine = [c for c in cases if c.name.split("/")[0] == kind]
    if kind != "stdin":
        assert mine, kind
    counts, failures = sweep_mod.sweep(mine, fx, run_in_process, jobs=1)
    assert counts["runs"] == len(mine)
    assert not failures, "\n".join(f"{n}: {k}: {v}" for n, k, v in failures[:15])


def test_the_checks_can_fail(hostile, tmp_path):
    """A case whose expectation is wrong is reported: the sweep is not a rubber stamp."""
    fx, _ = hostile
    d = tmp_path / "c"
    d.mkdir()
    src = sweep_mod._w(d / "s.txt", b"\x00")
    wrong = sweep_mod.Case("meta/wrong", ["glossary", "match", str(src), "-g", str(src)], frozenset({0}), d,
                           needle="elsewhere.txt", line=7)
    counts, failures = sweep_mod.sweep([wrong], fx, run_in_process, jobs=1)
    assert {k for _, k, _ in failures} == {"exit_status", "names_file", "names_line"}
    shutil.rmtree(d)
