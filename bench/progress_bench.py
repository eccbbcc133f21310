#!/usr/bin/env python3
"""Benchmark: what the progress display costs qa, enforce and translate.

    python bench/progress_bench.py [--lines 300] [--repeats 3] [--models DIR]

Runs each library call with ``progress=None`` and with a ``ProgressDisplay``
(plain lines into a string buffer, shown from the start) on the same inputs,
interleaved so machine load hits both alike, and prints the median wall and CPU
time of each and their ratio. qa and enforce read all 1,997 NTREX lines with the
bundled glossary; translate takes the first ``--lines`` with the ``base``
random Marian test model and a fixed 40-token decoding length (its progress
path makes the ctranslate2 calls asynchronous and polls them every 50 ms).
Goal: ratio ≤ 1.02. Skips if the NTREX files are absent.
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import ntrex, shared_dir  # noqa: E402
from translate_bench import LENGTH, base_model  # noqa: E402

from translate.documents import Document, Segment  # noqa: E402
from translate.engine import DecodeOptions, Translator  # noqa: E402
from translate.enforce import Enforcer  # noqa: E402
from translate.glossary import load_glossaries  # noqa: E402
from translate.progress import ProgressDisplay  # noqa: E402
from translate.qa import run_qa  # noqa: E402


def display() -> ProgressDisplay:
    return ProgressDisplay("bench", stream=io.StringIO(), tty=False, delay=0, interval=10)


def timed(fn) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def compare(name: str, call, repeats: int) -> None:
    call(None)  # warm-up: indexes, caches
    plain, shown = [], []
    for _ in range(repeats):
        plain.append(timed(lambda: call(None)))
        shown.append(timed(lambda: call(display())))
    wall = [statistics.median(t[0] for t in ts) for ts in (plain, shown)]
    cpu = [statistics.median(t[1] for t in ts) for ts in (plain, shown)]
    print(f"{name:9s} without {wall[0]:.2f}s (cpu {cpu[0]:.2f}s)  with {wall[1]:.2f}s (cpu {cpu[1]:.2f}s)  "
          f"ratio {wall[1] / wall[0]:.3f} wall, {cpu[1] / cpu[0]:.3f} cpu")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--models", help="directory to keep the built base model in (default: a temp dir)")
    args = parser.parse_args(argv)
    data = shared_dir() / "data"
    if not (data / "ntrex128-newstest2019.ar.txt").is_file():
        print(f"skipped: NTREX not found under {data}")
        return 0
    corpus = ntrex(data)
    glossary = load_glossaries([ROOT / "glossaries"])
    doc = Document(None, [Segment(k, a, e) for k, (a, e) in enumerate(zip(corpus.arabic, corpus.english), 1)])
    print(f"NTREX {len(corpus.arabic)} lines, median of {args.repeats} interleaved runs")
    compare("qa", lambda p: run_qa([doc], glossary, progress=p), args.repeats)
    enforcer = Enforcer(glossary)
    compare("enforce", lambda p: enforcer.enforce_lines(corpus.arabic, corpus.english, progress=p), args.repeats)
    lines = [ln for ln in corpus.arabic if ln.strip()][: args.lines]
    options = DecodeOptions(beam_size=1, max_decoding_length=LENGTH, min_decoding_length=LENGTH)
    with tempfile.TemporaryDirectory(prefix="tarjama-bench-") as tmp:
        translator = Translator(base_model("marian", Path(args.models) if args.models else Path(tmp)), device="cpu")
        compare("translate", lambda p: translator.translate_sentences(lines, options, progress=p), args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
