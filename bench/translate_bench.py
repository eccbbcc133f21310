#!/usr/bin/env python3
"""Benchmark: tarjama's library API against the best plain CTranslate2 loop, per model family.

    python bench/translate_bench.py [--families marian,nllb,m2m100] [--lines 300] [--beams 1,4]
                                    [--repeats 3] [--models DIR]

Builds (or reuses, with ``--models DIR``) the ``base`` random test model of each
family (OPUS-MT-base dimensions, int8) and translates the first N lines of
``../shared/data/ntrex128-newstest2019.ar.txt`` two ways on the same loaded
model, with a fixed decoding length (40 tokens) so a random model costs what a
real one does:

* raw:     SentencePiece encode (+ the family's language tokens) → one
           ``translate_batch`` with the same threads and ``max_batch_size`` →
           SentencePiece decode, nothing else;
* tarjama: ``Translator.translate_sentences`` (the same call plus Moses
           punctuation normalisation, language-token filtering, the repetition
           guard and bookkeeping; no translation memory).

Runs alternate so machine load hits both alike. Prints sentences/s for both, the
wall-time ratio and the CPU-time ratio (all threads of the process; steadier
than wall time when other jobs load the machine). Goal: tarjama ≤ 1.05× raw.
Skips if the NTREX file is absent.
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

from support.testmodel import build_ct2_model  # noqa: E402
from translate.engine import DecodeOptions, Translator  # noqa: E402
from translate.engine.runtime import batch_size  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ntrex128-newstest2019.ar.txt"
LENGTH = 40


def raw_translate(translator: Translator, lines: list[str], beam: int) -> list[str]:
    """What a careful user of ctranslate2 alone would write for this family."""
    family = translator.family
    head, tail = list(family.source_prefix), list(family.source_suffix)
    tokens = [head + t + tail for t in translator.source_sp.encode(lines, out_type=str)]
    prefix = [list(family.target_prefix)] * len(tokens) if family.target_prefix else None
    skip = len(family.target_prefix)
    results = translator.ct2.translate_batch(
        tokens,
        target_prefix=prefix,
        beam_size=beam,
        max_batch_size=batch_size(len(tokens), translator.inter_threads, 32),
        batch_type="examples",
        max_decoding_length=LENGTH + skip,
        min_decoding_length=LENGTH + skip,
    )
    return translator.target_sp.decode([r.hypotheses[0][skip:] for r in results])


def tarjama_translate(translator: Translator, lines: list[str], beam: int) -> list[str]:
    options = DecodeOptions(beam_size=beam, max_decoding_length=LENGTH, min_decoding_length=LENGTH)
    return [r.target for r in translator.translate_sentences(lines, options)]


def timed(fn, *args) -> tuple[float, float]:
    """(wall, CPU) seconds of one call; CPU counts ctranslate2's threads too."""
    start, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - start, time.process_time() - cpu


def base_model(family: str, models: Path) -> Path:
    path = models / f"base-{family}"
    if not (path / "model.bin").is_file():
        start = time.perf_counter()
        build_ct2_model(path, size="base", seed=0, family=family)
        print(f"built base {family} test model in {time.perf_counter() - start:.1f}s")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", default="marian,nllb,m2m100")
    parser.add_argument("--lines", type=int, default=300)
    parser.add_argument("--beams", default="1,4")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--models", help="directory to keep built base models in (default: a temp dir)")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"skipped: {DATA} not found (the benchmark needs the shared NTREX data)")
        return 0
    lines = [ln.strip() for ln in DATA.read_text(encoding="utf-8").splitlines() if ln.strip()][: args.lines]
    with tempfile.TemporaryDirectory(prefix="tarjama-bench-") as tmp:
        models = Path(args.models) if args.models else Path(tmp)
        for family in args.families.split(","):
            translator = Translator(base_model(family, models), device="cpu")
            print(f"{family}: {len(lines)} lines, inter_threads={translator.inter_threads} "
                  f"intra_threads={translator.intra_threads}, decoding length fixed at {LENGTH} tokens, "
                  f"median of {args.repeats} runs")
            for beam in (int(b) for b in args.beams.split(",")):
                raw_translate(translator, lines[:32], beam)  # warm-up
                raw_times, our_times = [], []
                for _ in range(args.repeats):  # interleaved so drift hits both alike
                    raw_times.append(timed(raw_translate, translator, lines, beam))
                    our_times.append(timed(tarjama_translate, translator, lines, beam))
                raw, ours = (statistics.median(t[0] for t in times) for times in (raw_times, our_times))
                raw_cpu, our_cpu = (statistics.median(t[1] for t in times) for times in (raw_times, our_times))
                print(f"  beam {beam}: raw ctranslate2 {len(lines) / raw:6.1f} sentences/s ({raw:.2f}s, cpu {raw_cpu:.2f}s)  "
                      f"tarjama {len(lines) / ours:6.1f} sentences/s ({ours:.2f}s, cpu {our_cpu:.2f}s)  "
                      f"ratio {ours / raw:.3f} wall, {our_cpu / raw_cpu:.3f} cpu")
            del translator
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
