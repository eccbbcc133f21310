"""The translation memory: reuse across runs, keys that miss when they must, concurrency."""
from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
from pathlib import Path

from translate.engine import DecodeOptions, TranslationMemory, Translator

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-article.ar.txt"


def _memory_line(stderr: str) -> str:
    return next((line for line in stderr.splitlines() if "translation memory" in line), "")


def _hits(stderr: str) -> tuple[int, int]:
    """(hits, sentences) from `tarjama translate: H of N sentence(s) from the translation memory`."""
    import re

    found = re.search(r"(\d+) of (\d+) sentence\(s\) from the translation memory", stderr)
    return (int(found.group(1)), int(found.group(2))) if found else (0, 0)


def test_second_run_reuses_every_sentence_and_edits_miss_only_there(cli, tiny_model, tmp_path, tarjama_home):
    text = SEED.read_text(encoding="utf-8")
    first = cli("translate", SEED, "--model", tiny_model, "--beam-size", "2")
    assert first.exit_code == 0 and _memory_line(first.stderr) == ""
    again = cli("translate", SEED, "--model", tiny_model, "--beam-size", "2")
    assert again.stdout == first.stdout
    from translate.engine import segment

    total = len(segment(text).sentences)
    assert _hits(again.stderr) == (total, total)
    # Two paragraphs edited: only their sentences are translated again.
    paragraphs = text.split("\n")
    paragraphs[1] = "قال المتحدث إن الاجتماع سيعقد غدا."
    paragraphs[4] = "وأضاف أن الحكومة لم تتخذ أي قرار بعد."
    edited = tmp_path / "edited.ar.txt"
    edited.write_text("\n".join(paragraphs), encoding="utf-8")
    third = cli("translate", edited, "--model", tiny_model, "--beam-size", "2")
    now = len(segment(edited.read_text(encoding="utf-8")).sentences)
    assert _hits(third.stderr) == (now - 2, now)  # the two new sentences are the only misses
    fresh = cli("translate", edited, "--model", tiny_model, "--beam-size", "2", "--no-cache")
    assert fresh.stdout == third.stdout and _memory_line(fresh.stderr) == ""


def test_other_settings_miss(cli, tiny_model):
    cli("translate", SEED, "--model", tiny_model, "--beam-size", "2")
    other_beam = cli("translate", SEED, "--model", tiny_model, "--beam-size", "1")
    assert _memory_line(other_beam.stderr) == ""
    other_compute = cli("translate", SEED, "--model", tiny_model, "--beam-size", "2", "--compute-type", "float32")
    assert _memory_line(other_compute.stderr) == ""


def test_glossary_change_misses_only_where_the_term_is(cli, tiny_model, tmp_path):
    source = tmp_path / "in.ar.txt"
    source.write_text("طلب مارك اسبير المساعدة.\n\nوقال المتحدث إن الاجتماع سيعقد غدا.\n", encoding="utf-8")
    one = tmp_path / "one.yaml"
    one.write_text("terms:\n  - target: Mark Esper\n    source: [مارك اسبير]\n", encoding="utf-8")
    two = tmp_path / "two.yaml"
    two.write_text("terms:\n  - target: Mark T. Esper\n    source: [مارك اسبير]\n", encoding="utf-8")
    assert cli("translate", source, "--model", tiny_model, "-g", one).exit_code == 0
    same = cli("translate", source, "--model", tiny_model, "-g", one)
    assert "2 of 2 sentence(s)" in same.stderr
    changed = cli("translate", source, "--model", tiny_model, "-g", two)
    assert "1 of 2 sentence(s)" in changed.stderr


def test_records_round_trip_with_attention(tiny_model):
    memory = TranslationMemory()
    options = DecodeOptions(beam_size=1, max_decoding_length=10, return_attention=True)
    t = Translator(tiny_model, options=options, memory=memory)
    sentences = ["قال الوزير إن النمو بلغ 3.5 في المئة.", "", "هل ستنجح المفاوضات؟"]
    first = t.translate_sentences(sentences)
    second = t.translate_sentences(sentences)
    assert memory.hits == 2 and memory.misses == 2
    assert first == second  # targets, pieces, attention and spans, tuples included


def test_damaged_database_warns_and_translates(tiny_model, tmp_path, capsys):
    path = tmp_path / "tm.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    t = Translator(tiny_model, options=DecodeOptions(beam_size=1, max_decoding_length=6), memory=TranslationMemory(path))
    assert t.translate_sentences(["مرحبا بكم"])[0].target
    assert "translation memory off" in capsys.readouterr().err


def _writer(path: str, worker: int, count: int) -> None:
    memory = TranslationMemory(path)
    for start in range(0, count, 25):
        memory.put_many((f"{worker}-{i}", {"target": f"t{worker}-{i}"}) for i in range(start, start + 25))
        memory.get_many([f"{worker}-{start}"])


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "tm.sqlite3"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(path), w, 200)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM segments").fetchone()[0] == 800


def _opener(folder: str, worker: int, rounds: int, barrier, results) -> None:
    for r in range(rounds):
        barrier.wait(30)  # every process opens the same new file at the same moment
        TranslationMemory(f"{folder}/tm{r}.sqlite3").put_many([(str(worker), {"target": "t"})])
    results.put(worker)


def test_processes_opening_one_new_file_at_once_all_keep_the_memory(tmp_path, capfd):
    """Switching a new file to WAL races; SQLite answers "locked" without waiting. Before the retry in
    ``memory._open`` this failed on every run (one process per few rounds turned its memory off)."""
    ctx = multiprocessing.get_context("spawn")
    workers, rounds = 6, 40
    barrier, results = ctx.Barrier(workers), ctx.Queue()
    procs = [ctx.Process(target=_opener, args=(str(tmp_path), w, rounds, barrier, results)) for w in range(workers)]
    for p in procs:
        p.start()
    done = sorted(results.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(60)
    assert done == list(range(workers)) and [p.exitcode for p in procs] == [0] * workers
    assert "translation memory off" not in capfd.readouterr().err
    for r in range(rounds):
        with sqlite3.connect(tmp_path / f"tm{r}.sqlite3") as db:
            assert db.execute("SELECT COUNT(*) FROM segments").fetchone()[0] == workers


def test_concurrent_cli_runs_share_one_memory(tiny_model, tarjama_home, tmp_path):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "TARJAMA_HOME": str(tarjama_home)}
    cmd = [sys.executable, "-m", "translate", "translate", str(SEED), "--model", str(tiny_model), "--beam-size", "1"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e for _, e in outs]
    assert len({o for o, _ in outs}) == 1 and not any("warning" in e for _, e in outs)
    last = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert last.stdout == outs[0][0] and "sentence(s) from the translation memory" in last.stderr


def test_one_translator_shared_by_threads(tiny_model):
    from concurrent.futures import ThreadPoolExecutor

    t = Translator(tiny_model, options=DecodeOptions(beam_size=1, max_decoding_length=6), memory=TranslationMemory())
    batches = [["جملة رقم %d." % (i % 7), "سطر %d" % i] for i in range(16)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(t.translate_sentences, batches))
    alone = Translator(tiny_model, options=DecodeOptions(beam_size=1, max_decoding_length=6))
    assert [[r.target for r in rs] for rs in results] == [[r.target for r in alone.translate_sentences(b)] for b in batches]
    assert t.memory.hits > 0


def test_memory_keeps_the_newest_segments(tmp_path):
    memory = TranslationMemory(tmp_path / "tm.sqlite3", max_segments=10)
    for start in range(0, 25, 5):
        memory.put_many((f"k{i}", {"target": str(i)}) for i in range(start, start + 5))
    kept = memory.get_many([f"k{i}" for i in range(25)])
    assert sorted(kept, key=lambda k: int(k[1:])) == [f"k{i}" for i in range(15, 25)]
