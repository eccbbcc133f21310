"""The fast part of the hostile-input sweep (bench/hostile_sweep.py runs all of it
in subprocesses, with kills and concurrency): every generated input through the
real CLI in-process, checked for no traceback, no internal error, the documented
exit status, one stderr line naming the file (and line), no output created or
destroyed on failure and nothing written outside the case's folder."""
from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import hostile as sweep_mod  # noqa: E402  (bench/hostile/, shared with the bench)

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


def test_enforce_keeps_bom_and_line_endings_exactly(cli, tmp_path):
    src = tmp_path / "s.txt"
    src.write_text("\n".join(sweep_mod.SRC_LINES) + "\n", encoding="utf-8")
    glo = tmp_path / "g.yaml"
    glo.write_text(sweep_mod.GLOSSARY_TEXT, encoding="utf-8")
    for layout, ending in (("crlf", "\r\n"), ("lf-no-final", "\n")):
        tgt = tmp_path / f"t-{layout}.txt"
        body = ending.join(sweep_mod.TGT_LINES) + (ending if layout == "crlf" else "")
        tgt.write_bytes(("\ufeff" + body).encode("utf-8"))
        out = tmp_path / f"o-{layout}.txt"
        r = cli("enforce", "-s", src, "-t", tgt, "-g", glo, "-o", out)
        assert r.exit_code == 0, r.stderr
        data = out.read_bytes().decode("utf-8")
        assert data.startswith("\ufeff") and not data.startswith("\ufeff\ufeff")
        assert "Mark Esper visited Baghdad" in data and "Esbir" not in data  # it did correct
        assert data.count("\r\n") == (3 if layout == "crlf" else 0)
        assert data.endswith(ending if layout == "crlf" else "Baghdad.")
        assert data[1:].replace("Mark Esper", "Mark Esbir") == body


def test_new_output_honours_the_umask(tmp_path):
    import subprocess

    src = sweep_mod._w(tmp_path / "s.txt", "\n".join(sweep_mod.SRC_LINES) + "\n")
    tgt = sweep_mod._w(tmp_path / "t.txt", "\n".join(sweep_mod.TGT_LINES) + "\n")
    glo = sweep_mod._w(tmp_path / "g.yaml", sweep_mod.GLOSSARY_TEXT)
    out = tmp_path / "new.txt"
    r = subprocess.run([sys.executable, "-m", "translate", "enforce", "-s", str(src), "-t", str(tgt), "-g", str(glo),
                        "-o", str(out)], capture_output=True, text=True, preexec_fn=lambda: os.umask(0o027))
    assert r.returncode == 0, r.stderr
    assert oct(out.stat().st_mode & 0o777) == oct(0o640)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
