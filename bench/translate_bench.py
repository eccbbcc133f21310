#!/usr/bin/env python3
"""Benchmark: tarjama's library API against the best plain CTranslate2 call.

    python bench/translate_bench.py [--lines 300] [--beams 1,4] [--repeats 3]

Builds the ``base`` random test model (OPUS-MT-base dimensions, int8) in a temp
dir and translates the first N lines of ``../shared/data/ntrex128-newstest2019.ar.txt``
two ways on the same loaded model, with a fixed decoding length (40 tokens) so a
random model costs what a real one does:

* raw:     SentencePiece encode → one ``translate_batch`` (max_batch_size 32,
           examples) → SentencePiece decode, nothing else;
* tarjama: ``Translator.translate_sentences`` (the same call plus tarjama's
           bookkeeping and repetition guard).

Prints sentences/s for both, the time ratio (goal: tarjama ≤ 1.05× raw) and
peak RSS. Skips with a message if the NTREX file is absent.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/support: the test-model builder

from translate.engine import DecodeOptions, Translator  # noqa: E402
from support.testmodel import build_ct2_model  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ntrex128-newstest2019.ar.txt"
LENGTH = 40


def raw_translate(translator: Translator, lines: list[str], beam: int) -> list[str]:
    """What a careful user of ctranslate2 alone would write."""
    tokens = translator.source_sp.encode(lines, out_type=str)
    results = translator.ct2.translate_batch(
        tokens,
        beam_size=beam,
        max_batch_size=32,
        batch_type="examples",
        max_decoding_length=LENGTH,
        min_decoding_length=LENGTH,
    )
    return translator.target_sp.decode([r.hypotheses[0] for r in results])


def tarjama_translate(translator: Translator, lines: list[str], beam: int) -> list[str]:
    options = DecodeOptions(beam_size=beam, max_decoding_length=LENGTH, min_decoding_length=LENGTH)
    return [r.target for r in translator.translate_sentences(lines, options)]


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=300)
    parser.add_argument("--beams", default="1,4")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"skipped: {DATA} not found (the benchmark needs the shared NTREX data)")
        return 0
    lines = [ln.strip() for ln in DATA.read_text(encoding="utf-8").splitlines() if ln.strip()][: args.lines]
    with tempfile.TemporaryDirectory(prefix="tarjama-bench-") as tmp:
        start = time.perf_counter()
        model = build_ct2_model(Path(tmp) / "base", size="base", seed=0)
        print(f"built base test model in {time.perf_counter() - start:.1f}s "
              f"(model.bin {(model / 'model.bin').stat().st_size / 1048576:.1f} MiB, int8)")
        translator = Translator(model, compute_type="int8")
        print(f"{len(lines)} lines, inter_threads={translator.inter_threads} intra_threads={translator.intra_threads}, "
              f"decoding length fixed at {LENGTH} tokens, median of {args.repeats} runs")
        for beam in (int(b) for b in args.beams.split(",")):
            raw_translate(translator, lines[:32], beam)  # warm-up
            raw_times, our_times = [], []
            for _ in range(args.repeats):  # interleaved so drift hits both alike
                raw_times.append(timed(raw_translate, translator, lines, beam))
                our_times.append(timed(tarjama_translate, translator, lines, beam))
            raw, ours = statistics.median(raw_times), statistics.median(our_times)
            print(f"beam {beam}: raw ctranslate2 {len(lines) / raw:6.1f} sentences/s ({raw:.2f}s)  "
                  f"tarjama {len(lines) / ours:6.1f} sentences/s ({ours:.2f}s)  ratio {ours / raw:.3f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
