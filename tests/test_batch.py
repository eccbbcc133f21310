"""``tarjama batch``: real model, real files, real kills, real worker crashes.

Documents are cut from the bundled seed article and QA fixtures (Arabic news
lines) and the format fixtures; the model is the suite's tiny CTranslate2 model.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.manifest import done_in_manifest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
TARJAMA = str(Path(sys.executable).parent / "tarjama")
GLOSSARY = str(ROOT / "glossaries")
#: Greedy decoding: the random-weight model decodes to its length limit, and
#: beam 4 costs ~10x the time (measured on a loaded 2-core machine).
FAST = ("--beam-size", "1")


def arabic_lines() -> list[str]:
    lines = (ROOT / "examples" / "seed-article.ar.txt").read_text(encoding="utf-8").splitlines()
    lines += (DATA / "qa" / "seed.ar.txt").read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip()]


def make_corpus(root: Path, docs: int, per_doc: int = 3) -> Path:
    """``docs`` text documents in a two-level tree (output must mirror it)."""
    lines = arabic_lines()
    for k in range(docs):
        sub = root / ("desk-a" if k % 2 else "desk-b") / f"{k // 10}"
        sub.mkdir(parents=True, exist_ok=True)
        chosen = [lines[(k * per_doc + j) % len(lines)] for j in range(per_doc)]
        (sub / f"story-{k:03d}.txt").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return root


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every output file except the manifest (which records attempts)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".tarjama" not in p.relative_to(root).parts}


def run(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([TARJAMA, *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def test_batch_translates_every_format_and_fails_bad_documents_alone(cli, tiny_model, tmp_path):
    inputs = make_corpus(tmp_path / "in", 4)
    for name in ("news.xlf", "story.xlf", "messages.po", "memory.tmx"):
        (inputs / name).write_bytes((DATA / "formats" / name).read_bytes())
    (inputs / "wire.jsonl").write_text('{"id": "w1", "text": "قال الرئيس إن المحادثات ستستمر."}\n', encoding="utf-8")
    (inputs / "latin1.txt").write_bytes("نص".encode("utf-8") + b"\xe9t\xe9\n")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "broken.xlf").write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file><body>\n'
                                       '<trans-unit id="1"><source>نص</target>\n', encoding="utf-8")
    out = tmp_path / "out"
    result = cli("batch", inputs, "-o", out, "--model", tiny_model, *FAST, "-g", GLOSSARY, "--report", "html")
    assert result.exit_code == 3, result.stderr
    assert "failed: latin1.txt: line 1: not valid UTF-8" in result.stderr
    assert "failed: empty.txt: file is empty" in result.stderr
    assert "failed: broken.xlf: line 4: malformed XML" in result.stderr
    # the output tree mirrors the input tree; failed documents have no output
    assert (out / "desk-a" / "0" / "story-001.txt").is_file() and (out / "desk-b" / "0" / "story-000.txt").is_file()
    assert not (out / "latin1.txt").exists() and not (out / "broken.xlf").exists()
    story = (out / "desk-b" / "0" / "story-000.txt").read_text(encoding="utf-8").splitlines()
    assert len(story) == 3 and all(line.strip() for line in story)
    from translate import formats

    for name in ("news.xlf", "story.xlf", "messages.po", "memory.tmx", "wire.jsonl"):
        doc = formats.read(out / name)
        assert all(u.target for u in doc.units if u.source.strip()), name  # every unit has a translation now
    report = json.loads((out / "tarjama-report.json").read_text(encoding="utf-8"))
    status = {d["name"]: d["status"] for d in report["documents"]}
    assert status["broken.xlf"] == "failed" and status["news.xlf"] == "done" and len(status) == 12
    assert report["summary"]["done"] == 9 and report["summary"]["failed"] == 3
    assert "<html" in (out / "tarjama-report.html").read_text(encoding="utf-8").lower()


def test_no_translate_enforces_targets_and_reports_drift_across_documents(cli, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "one.jsonl").write_text(
        '{"id": "1", "source": "قال بيرزوفسكي إن الهجوم فشل.", "target": "Berzofsky said the attack failed."}\n'
        '{"id": "2", "source": "وأضاف بيرزوفسكي أن القوات انسحبت.", "target": "Berzofsky added that the forces withdrew."}\n',
        encoding="utf-8")
    (inputs / "two.jsonl").write_text(
        '{"id": "1", "source": "التقى بيرزوفسكي بالوزير.", "target": "Berzovsky met the minister."}\n'
        '{"id": "2", "source": "وقال قاسم سليماني إن الوضع مستقر.", "target": "Qasim Sulaimani said it was calm."}\n',
        encoding="utf-8")
    out = tmp_path / "out"
    result = cli("batch", inputs, "-o", out, "--no-translate", "-g", GLOSSARY)
    assert result.exit_code == 0, result.stderr
    two = [json.loads(line) for line in (out / "two.jsonl").read_text(encoding="utf-8").splitlines()]
    assert two[1]["target"] == "Qassem Soleimani said it was calm."  # the glossary was enforced
    assert (out / "one.jsonl").read_bytes() == (inputs / "one.jsonl").read_bytes()  # nothing to change
    report = json.loads((out / "tarjama-report.json").read_text(encoding="utf-8"))
    assert report["summary"]["drift"] == 1
    drift = report["drift"][0]
    assert drift["term"] == "بيرزوفسكي" and drift["details"]["scope"] == "batch"
    docs = {at["document"] for r in drift["details"]["renderings"] for at in r["at"]}
    assert docs == {"one.jsonl", "two.jsonl"}


def test_existing_job_needs_resume_and_resume_redoes_only_what_changed(cli, tiny_model, tmp_path):
    inputs = make_corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    assert cli("batch", inputs, "-o", out, "--model", tiny_model, *FAST).exit_code == 0
    again = cli("batch", inputs, "-o", out, "--model", tiny_model, *FAST)
    assert again.exit_code == 2 and "add --resume" in again.stderr
    first = tree_bytes(out)
    same = cli("batch", inputs, "-o", out, "--model", tiny_model, *FAST, "--resume")
    assert same.exit_code == 0 and "6 already done before" in same.stderr
    assert tree_bytes(out) == first
    changed = inputs / "desk-a" / "0" / "story-003.txt"
    changed.write_text("قال الوزير إن الاجتماع انتهى.\n", encoding="utf-8")
    one = cli("batch", inputs, "-o", out, "--model", tiny_model, *FAST, "--resume")
    assert "5 already done before" in one.stderr
    settings = cli("batch", inputs, "-o", out, "--model", tiny_model, *FAST, "--resume", "-g", GLOSSARY)
    assert "0 already done before" in settings.stderr  # a new glossary: every document redone


@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_at_several_points_then_resume_gives_identical_outputs(tiny_model, tmp_path, workers):
    inputs = make_corpus(tmp_path / "in", 40, per_doc=2)
    reference = tmp_path / "reference"
    full = run("batch", inputs, "-o", reference, "--model", tiny_model, *FAST, "-g", GLOSSARY, "-q", "--workers", "1")
    assert full.returncode == 0, full.stderr
    out = tmp_path / "out"
    args = ["batch", inputs, "-o", out, "--model", tiny_model, *FAST, "-g", GLOSSARY, "-q", "--workers", workers]
    kills = 0
    for target_done in (0, 10, 25):  # during start-up, early, late; writes are in progress at any of them
        proc = subprocess.Popen([TARJAMA, *map(str, args + (["--resume"] if kills else []))],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while done_in_manifest(out) <= target_done and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        before = done_in_manifest(out)
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        _gone_soon(workers)  # a killed coordinator's worker processes do not live on (orphans holding a model)
        kills += proc.returncode == -signal.SIGKILL
        after_kill = done_in_manifest(out)
        assert after_kill >= before  # nothing recorded done was lost
    assert kills >= 2  # the job really was killed mid-way (not finished first)
    # a kill inside a write leaves a temporary: resume must not be confused by it
    (out / "desk-a" / "0" / ".story-001.txt.abcd1234.part").write_bytes(b"half a transl")
    done = done_in_manifest(out)
    resumed = run(*[a for a in args if a != "-q"], "--resume")
    assert resumed.returncode == 0, resumed.stderr
    # resume redid exactly what the manifest had not recorded as done (at most the in-flight documents)
    assert f"{done} already done before" in resumed.stderr
    assert tree_bytes(out) == tree_bytes(reference)
    assert not list(out.rglob("*.part"))
    report = json.loads((out / "tarjama-report.json").read_text(encoding="utf-8"))
    assert report["summary"]["done"] == 40


def test_workers_give_identical_bytes_and_survive_a_crashing_document(tiny_model, tmp_path):
    inputs = make_corpus(tmp_path / "in", 8)
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("batch", inputs, "-o", one, "--model", tiny_model, *FAST, "-g", GLOSSARY, "-q",
               "--workers", "1").returncode == 0
    crash = run("batch", inputs, "-o", two, "--model", tiny_model, *FAST, "-g", GLOSSARY, "--workers", "2",
                env=crash_on_env("story-005"))
    assert crash.returncode == 3, crash.stderr
    assert "failed: desk-a/0/story-005.txt: the worker died while processing it, twice" in crash.stderr
    expected = {k: v for k, v in tree_bytes(one).items() if "story-005" not in k and k != "tarjama-report.json"}
    got = {k: v for k, v in tree_bytes(two).items() if k != "tarjama-report.json"}
    assert got == expected  # every other document done, byte-identical to one worker
    fixed = run("batch", inputs, "-o", two, "--model", tiny_model, *FAST, "-g", GLOSSARY, "--workers", "2", "--resume")
    assert fixed.returncode == 0 and tree_bytes(two) == tree_bytes(one)


def crash_on_env(text: str) -> dict[str, str]:
    """The environment under which a worker dies outright on a document whose name contains ``text``
    (``tests/support/crash_on/sitecustomize.py``: the fault is injected from the test side)."""
    path = [str(ROOT / "tests" / "support" / "crash_on"), os.environ.get("PYTHONPATH", "")]
    return {"TARJAMA_TEST_CRASH_ON": text, "PYTHONPATH": os.pathsep.join(p for p in path if p)}


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _gone_soon(pids: list[int], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while any(map(_alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in pids if _alive(p)], "worker processes outlived their killed coordinator"


def test_a_worker_killed_by_the_system_is_survived(tiny_model, tmp_path):
    inputs = make_corpus(tmp_path / "in", 40, per_doc=2)
    reference, out = tmp_path / "reference", tmp_path / "out"
    assert run("batch", inputs, "-o", reference, "--model", tiny_model, *FAST, "-q").returncode == 0
    proc = subprocess.Popen([TARJAMA, "batch", str(inputs), "-o", str(out), "--model", str(tiny_model), *FAST, "-q",
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while done_in_manifest(out) < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    workers = [p for p in _children(proc.pid) if "python" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")
               and "spawn" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")]
    if proc.poll() is not None or not workers:
        pytest.fail("the job finished before a worker could be killed; make the corpus larger")
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert tree_bytes(out) == tree_bytes(reference)


def test_plain_progress_lines_when_not_a_terminal_and_quiet(cli, tiny_model, tmp_path):
    inputs = make_corpus(tmp_path / "in", 3)
    # A 3-document job is short: the display waits TARJAMA_PROGRESS_DELAY (see translate/progress.py).
    loud = run("batch", inputs, "-o", tmp_path / "a", "--model", tiny_model, *FAST, env={"TARJAMA_PROGRESS_DELAY": "0"})
    assert "tarjama batch: 3/3 documents" in loud.stderr and "segments/s" in loud.stderr
    quiet = run("batch", inputs, "-o", tmp_path / "b", "--model", tiny_model, *FAST, "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_ray_local_gives_the_same_bytes(tiny_model, tmp_path):
    pytest.importorskip("ray")
    inputs = make_corpus(tmp_path / "in", 6)
    (inputs / "news.xlf").write_bytes((DATA / "formats" / "news.xlf").read_bytes())
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    assert run("batch", inputs, "-o", local, "--model", tiny_model, *FAST, "-g", GLOSSARY, "-q").returncode == 0
    result = run("batch", inputs, "-o", on_ray, "--model", tiny_model, *FAST, "-g", GLOSSARY, "--ray", "--workers", "2",
                 timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert [ln for ln in result.stderr.splitlines() if not ln.startswith("tarjama batch: ")] == []  # no Ray logging
    assert tree_bytes(on_ray) == tree_bytes(local)
    resumed = run("batch", inputs, "-o", on_ray, "--model", tiny_model, *FAST, "-g", GLOSSARY, "--ray", "--resume")
    assert resumed.returncode == 0 and "7 already done before" in resumed.stderr


def test_qa_and_enforce_read_bilingual_files(cli, tmp_path):
    xlf = tmp_path / "vendor.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '  <file original="a.html" source-language="ar" target-language="en" datatype="html"><body>\n'
        '    <trans-unit id="1"><source>قال <g id="1">قاسم سليماني</g> إن الهجوم فشل.</source>\n'
        '      <target state="translated"><g id="1">Qasim Sulaimani</g> said the attack failed.</target></trans-unit>\n'
        '    <trans-unit id="2"><source>وصل الوفد.</source><target state=\'final\'>The delegation arrived.</target>'
        '</trans-unit>\n  </body></file>\n</xliff>\n', encoding="utf-8")
    qa = cli("qa", "-s", xlf, "-g", GLOSSARY, "-f", "json", "--fail-on", "never")
    findings = json.loads(qa.stdout)["findings"]
    assert qa.exit_code == 0 and any(f["check"] == "term-missing" and f["line"] == 1 for f in findings)
    fixed = tmp_path / "fixed.xlf"
    enforced = cli("enforce", "-s", xlf, "-g", GLOSSARY, "-o", fixed)
    assert enforced.exit_code == 0 and "1 correction(s)" in enforced.stderr
    before, after = xlf.read_text(encoding="utf-8"), fixed.read_text(encoding="utf-8")
    assert after == before.replace("Qasim Sulaimani", "Qassem Soleimani")  # nothing else moved
    tmx = DATA / "formats" / "memory.tmx"
    assert cli("qa", "-s", tmx, "--input-format", "tmx", "--fail-on", "never").exit_code == 0
    plain = cli("qa", "-s", ROOT / "examples" / "seed-article.ar.txt")
    assert plain.exit_code == 2 and "needs --target" in plain.stderr
    html = tmp_path / "page.html"
    html.write_text("<html><body>نص</body></html>", encoding="utf-8")
    unknown = cli("qa", "-s", html)
    assert unknown.exit_code == 2 and "page.html" in unknown.stderr and "neither XLIFF nor TMX" in unknown.stderr


def test_ray_survives_an_actor_that_dies_with_documents_queued_behind_it(tiny_model, tmp_path):
    """Each actor holds two documents (one decoding, one queued); the one queued
    behind a document that kills its actor must be retried and done, the killer failed."""
    pytest.importorskip("ray")
    inputs = make_corpus(tmp_path / "in", 6)
    killer = inputs / "desk-a" / "0" / "story-003.txt"
    killer.write_text(killer.read_text(encoding="utf-8") * 3, encoding="utf-8")  # the largest: handed out first
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    assert run("batch", inputs, "-o", local, "--model", tiny_model, *FAST, "-q").returncode == 0
    crash = run("batch", inputs, "-o", on_ray, "--model", tiny_model, *FAST, "--ray", "--workers", "2", "-q",
                env=crash_on_env("story-003"), timeout=600)
    assert crash.returncode == 3, crash.stderr[-3000:]
    assert "failed: desk-a/0/story-003.txt: the worker died while processing it, twice (Ray actor died)" \
        in crash.stderr
    expected = {k: v for k, v in tree_bytes(local).items() if "story-003" not in k and k != "tarjama-report.json"}
    assert {k: v for k, v in tree_bytes(on_ray).items() if k != "tarjama-report.json"} == expected


def test_documents_are_handed_out_largest_first(tmp_path):
    """The job's order (outputs never depend on it): largest first, ties by name, so the smallest finish the job."""
    from translate.batch.job import largest_first

    sizes = {"a.txt": 10, "b.txt": 300, "c.txt": 10, "d.txt": 55}
    todo = [(name, tmp_path / name) for name in sorted(sizes)]
    assert [name for name, _ in largest_first(todo, sizes)] == ["b.txt", "d.txt", "a.txt", "c.txt"]


def test_auto_workers_one_per_core_when_documents_and_memory_allow():
    """``--workers auto``: a process per core only when each gets two documents and the memory holds them."""
    from translate.batch.executors import WORKER_OVERHEAD, auto_workers

    gib = 1 << 30
    assert auto_workers(123, 2, model_bytes=94_000_000, memory=20 * gib) == 2
    assert auto_workers(3, 2, memory=20 * gib) == 1  # start-up would cost more than it wins
    assert auto_workers(4, 2, memory=20 * gib) == 2
    assert auto_workers(1000, 8) == 8  # memory unknown: cores decide
    assert auto_workers(9, 8) == 4  # two documents per worker
    per_worker = WORKER_OVERHEAD + 2 * gib
    assert auto_workers(100, 8, model_bytes=gib, memory=int(3 * per_worker / 0.75)) == 3  # memory decides
    assert auto_workers(100, 8, model_bytes=gib, memory=per_worker) == 1
    assert auto_workers(100, 1) == 1  # one core: this process


def test_workers_auto_and_the_summary_says_what_ran(cli, tiny_model, tmp_path):
    from translate.engine.runtime import available_cores

    inputs = make_corpus(tmp_path / "in", 4, per_doc=1)
    auto = cli("batch", inputs, "-o", tmp_path / "auto", "--model", tiny_model, *FAST, "--workers", "auto")
    assert auto.exit_code == 0, auto.stderr
    cores = min(2, available_cores())
    assert ("in this process" if cores == 1 else f"{cores} worker processes") in auto.stderr
    one = cli("batch", inputs, "-o", tmp_path / "one", "--model", tiny_model, *FAST)  # the default: this process
    assert one.exit_code == 0 and "in this process" in one.stderr
    assert tree_bytes(tmp_path / "auto") == tree_bytes(tmp_path / "one")
    for bad in ("0", "many", "-2"):
        wrong = cli("batch", inputs, "-o", tmp_path / "bad", "--workers", bad)
        assert wrong.exit_code == 2 and "'--workers'" in wrong.stderr and "Traceback" not in wrong.stderr
    assert not (tmp_path / "bad").exists()


@pytest.mark.parametrize("where", [("--workers", "2"), ("--ray", "--workers", "2")], ids=["processes", "ray"])
def test_a_model_that_loads_in_no_worker_is_one_error_not_every_document_failed(model_copy, tmp_path, where):
    """model.bin cut short: the coordinator only checks the files exist, each worker
    finds out while loading. Same one line and exit code as ``--workers 1``, no
    worker traceback, no document recorded failed, no report."""
    if where[0] == "--ray":
        pytest.importorskip("ray")
    bad = model_copy()
    whole = (bad / "model.bin").read_bytes()
    (bad / "model.bin").write_bytes(whole[: len(whole) // 2])
    inputs = make_corpus(tmp_path / "in", 3)
    one = run("batch", inputs, "-o", tmp_path / "one", "--model", bad, *FAST)
    many = run("batch", inputs, "-o", tmp_path / "many", "--model", bad, *FAST, *where, timeout=600)
    assert one.returncode == many.returncode == 2
    error = [ln for ln in many.stderr.splitlines() if ln.startswith("tarjama")]
    assert error == [ln for ln in one.stderr.splitlines() if ln.startswith("tarjama")]
    assert len(error) == 1 and f"{bad}: cannot load model" in error[0]
    assert "Traceback" not in many.stderr and "Unhandled error" not in many.stderr
    # nothing left behind: once the model is fixed, the same command runs (no "add --resume")
    assert not (tmp_path / "many").exists() and not (tmp_path / "one").exists()
    (bad / "model.bin").write_bytes(whole)
    again = run("batch", inputs, "-o", tmp_path / "many", "--model", bad, *FAST, *where, "-q", timeout=600)
    assert again.returncode == 0, again.stderr
    assert done_in_manifest(tmp_path / "many") == 3


def test_a_script_without_a_main_guard_gets_one_clear_error_at_once(tiny_model, tmp_path):
    """Worker processes are spawned, so they re-import the caller's script; one
    that calls run_batch at import time stops each worker while it starts. The
    caller gets one error saying so (before: every document was retried in a
    fresh pool, then failed as a crash, for about 90 s)."""
    inputs = make_corpus(tmp_path / "in", 4)
    script = tmp_path / "job.py"
    script.write_text(
        "import tempfile\n"
        "from translate.batch import BatchSettings, run_batch\n"
        "from translate.errors import TarjamaError\n"
        f"settings = BatchSettings(model={str(tiny_model)!r}, beam_size=1)\n"
        "try:\n"
        f"    out = tempfile.mkdtemp(dir={str(tmp_path)!r}, prefix='out-')\n"
        f"    run_batch([{str(inputs)!r}], out, settings, workers=2, quiet=True)\n"
        "    print('finished')\n"
        "except TarjamaError as exc:\n"
        "    print('error:', exc, '| out:', out)\n", encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert time.monotonic() - started < 60
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("error: the worker processes exited while starting") and "__main__" in last
    # The caller's job leaves no manifest to demand --resume. (Each spawned worker ran the script too and
    # may have been stopped inside its own run_batch: its directory is the unguarded script's doing.)
    assert not any(Path(last.rsplit("| out: ", 1)[1]).iterdir())
    assert {done_in_manifest(o) for o in tmp_path.glob("out-*")} == {0}
