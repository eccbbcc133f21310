"""Killed processes and concurrent runs (real subprocesses).

SIGKILL ``enforce -o``, ``qa -o``, ``translate -o`` and ``model install`` at
random moments: the output is the old file or the whole new one, the model store
holds whole models only, and the next run leaves no temporary file behind.
Eight processes on one cold TARJAMA_HOME give the answers of one, and leave a
sound store. The bench (bench/hostile_sweep.py) runs more rounds."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import hostile as sweep_mod  # noqa: E402  (bench/hostile/, shared with the bench)


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory, tiny_model):
    work = tmp_path_factory.mktemp("kill")
    home = work / "home"
    d = work / "warm"
    src, tgt, glo = sweep_mod._pair(d)
    subprocess.run([sys.executable, "-m", "translate", "qa", "-s", str(src), "-t", str(tgt), "-g", str(glo)],
                   env=dict(os.environ, TARJAMA_HOME=str(home)), capture_output=True, check=False)
    return sweep_mod.Fixtures(work / "cases", home, tiny_model)


def test_sigkill_at_random_moments_loses_nothing(fixtures):
    result = sweep_mod.kill_test(fixtures, rounds=2, seed=16)
    assert result["kills"] == 8
    assert not result["bad"], result["bad"]


def test_eight_processes_on_a_cold_home(fixtures):
    result = sweep_mod.concurrency_test(fixtures, n=8, translate=False)  # the bench also translates
    assert not result["bad"], result["bad"]


def test_a_killed_install_is_cleaned_by_the_next(fixtures, tmp_path):
    """A staging folder whose process is gone is removed by the next install; a
    live one (another install running) is left alone."""
    home = tmp_path / "home"
    models = home / "models"
    dead = models / ".install-999999999-abc"
    (dead / "model").mkdir(parents=True)
    live = models / f".install-{os.getpid()}-xyz"
    live.mkdir()
    env = dict(os.environ, TARJAMA_HOME=str(home))
    r = subprocess.run([sys.executable, "-m", "translate", "model", "install", str(fixtures.model_dir),
                        "--name", "m"], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert not dead.exists() and live.exists()
    assert (models / "m" / "model.bin").is_file()


def test_a_killed_writer_s_temp_file_is_removed_by_the_next_run(cli, tmp_path):
    """SIGKILL between writing the temporary file and renaming it leaves
    ``.tj-PID-XXXX.tmp``; the next write to that folder removes it (its pid is
    gone) and leaves a running writer's file alone."""
    src = sweep_mod._w(tmp_path / "s.txt", "\n".join(sweep_mod.SRC_LINES) + "\n")
    tgt = sweep_mod._w(tmp_path / "t.txt", "\n".join(sweep_mod.TGT_LINES) + "\n")
    glo = sweep_mod._w(tmp_path / "g.yaml", sweep_mod.GLOSSARY_TEXT)
    dead = sweep_mod._w(tmp_path / ".tj-999999999-abcd1234.tmp", b"half an out")
    live = sweep_mod._w(tmp_path / f".tj-{os.getpid()}-efgh5678.tmp", b"being written")
    r = cli("enforce", "-s", src, "-t", tgt, "-g", glo, "-o", tmp_path / "out.txt")
    assert r.exit_code == 0, r.stderr
    assert not dead.exists() and live.exists()
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith("Mark Esper visited")
