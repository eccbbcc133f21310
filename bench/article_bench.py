#!/usr/bin/env python3
"""Benchmark: one article, whole process, before/after; the translation memory; start-up.

    python bench/article_bench.py --base OLD_CHECKOUT [--model DIR] [--repeats 3] [--tokens 60]

Each variant runs in a fresh Python process (imports, model load, translation),
alternating with the others so machine load hits all alike; wall, user and sys
seconds are the medians. The seed article (examples/seed-article.ar.txt) is
translated with the ``base`` Marian test model at beam 4 and a fixed output
length (``--tokens``, 60 by default, a realistic news sentence; ``--long``, 200, for
the long decodes where malloc churn shows):

* old:                 the checkout at ``--base`` (PYTHONPATH), default malloc;
* old + trim only:     MALLOC_TRIM_THRESHOLD_ alone (issue 17: worse);
* old + malloc:        the mmap and trim thresholds tarjama now sets;
* new, default malloc: this tree with TARJAMA_MALLOC=default (batch per worker only);
* new:                 this tree (batch per worker + mallopt).

Then the translation memory: ``tarjama translate`` on the article (cold), on the
article with two paragraphs changed (warm) and the same with ``--no-cache``;
and ``tarjama --help`` start-up, old and new.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/support: the test-model builder

SEED = ROOT / "examples" / "seed-article.ar.txt"
SCRIPT = """
import os, sys
from translate.engine import DecodeOptions, Translator

def threads():
    tick, out = os.sysconf("SC_CLK_TCK"), {}
    for tid in os.listdir("/proc/self/task"):
        fields = open(f"/proc/self/task/{tid}/stat").read().rsplit(")", 1)[1].split()
        out[tid] = (int(fields[11]) + int(fields[12])) / tick
    return out

text = open(sys.argv[1], encoding="utf-8").read()
n = int(sys.argv[3])
t = Translator(sys.argv[2])
before = threads()
t.translate_document(text, options=DecodeOptions(beam_size=4, max_decoding_length=n, min_decoding_length=n))
after = threads()
print("busiest", max(after[k] - before.get(k, 0.0) for k in after))
"""
TRIM_ONLY = {"MALLOC_TRIM_THRESHOLD_": str(256 << 20)}
BOTH = {"MALLOC_MMAP_THRESHOLD_": str(32 << 20), "MALLOC_TRIM_THRESHOLD_": str(256 << 20)}


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, ...]:
    """(wall, user, sys, minor page faults, busiest thread's CPU seconds in the
    translation or -1) of one child process. The busiest thread is what the
    translation's wall time would be on idle cores: the figure that load from
    other jobs cannot blur."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # cwd: not this checkout, or `python -c`/`-m` would import it ahead of PYTHONPATH.
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, cwd="/").stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    busiest = float(out.rsplit("busiest ", 1)[1]) if "busiest " in out else -1.0
    return (wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime,
            float(after.ru_minflt - before.ru_minflt), busiest)


def environ(path: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MALLOC_", "TARJAMA_", "PYTHONPATH"))}
    env["PYTHONPATH"] = str(path)
    env.update(extra or {})
    return env


def medians(times: list[tuple[float, ...]]) -> tuple[float, ...]:
    return tuple(statistics.median(t[i] for t in times) for i in range(len(times[0])))


def compare(variants: dict[str, tuple[list[str], dict[str, str]]], repeats: int) -> dict[str, tuple[float, ...]]:
    times: dict[str, list] = {name: [] for name in variants}
    for cmd, env in variants.values():  # warm-up: bytecode caches, page cache
        run(cmd, env)
    for _ in range(repeats):
        for name, (cmd, env) in variants.items():
            times[name].append(run(cmd, env))
    return {name: medians(t) for name, t in times.items()}


def show(results: dict[str, tuple[float, ...]], reference: str) -> None:
    ref = results[reference]
    for name, (wall, user, sys_, faults, busiest) in results.items():
        line = (f"  {name:<24} wall {wall:6.2f}s ({wall / ref[0]:4.2f}×)  user {user:6.2f}s  sys {sys_:6.2f}s  "
                f"cpu {user + sys_:6.2f}s ({(user + sys_) / (ref[1] + ref[2]):4.2f}×)  faults {faults / 1e6:5.2f}M")
        if busiest >= 0:
            line += f"  busiest thread {busiest:5.2f}s ({busiest / ref[4]:4.2f}×)"
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="checkout of the code to compare against")
    parser.add_argument("--model", help="base Marian test model dir (built when absent)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--tokens", type=int, default=60)
    parser.add_argument("--long", type=int, default=200, help="output length of the long-decode comparison")
    args = parser.parse_args(argv)
    old, new = Path(args.base).resolve(), ROOT
    for tree in (old, new):  # each variant must import the tree it names
        where = subprocess.run([sys.executable, "-c", "import translate; print(translate.__file__)"], cwd="/",
                               env=environ(tree), capture_output=True, text=True, check=True).stdout.strip()
        if not where.startswith(str(tree)):
            raise SystemExit(f"PYTHONPATH={tree} imports {where}; run from a venv without another tarjama first")
    with tempfile.TemporaryDirectory(prefix="tarjama-article-") as tmp:
        model = Path(args.model) if args.model else Path(tmp) / "base"
        if not (model / "model.bin").is_file():
            from support.testmodel import build_ct2_model

            build_ct2_model(model, size="base", seed=0)
        py = sys.executable
        one = [py, "-c", SCRIPT, str(SEED), str(model), str(args.tokens)]
        print(f"seed article, base Marian test model, beam 4, {args.tokens} tokens per sentence, "
              f"median of {args.repeats}:")
        show(compare({
            "old": (one, environ(old)),
            "old + trim only": (one, environ(old, TRIM_ONLY)),
            "old + malloc": (one, environ(old, BOTH)),
            "new, default malloc": (one, environ(new, {"TARJAMA_MALLOC": "default"})),
            "new": (one, environ(new)),
        }, args.repeats), "old")
        long = [py, "-c", SCRIPT, str(SEED), str(model), str(args.long)]
        print(f"the same at {args.long} tokens per sentence (long decodes: malloc churn), median of {args.repeats}:")
        show(compare({
            "old": (long, environ(old)),
            "new, default malloc": (long, environ(new, {"TARJAMA_MALLOC": "default"})),
            "new": (long, environ(new)),
        }, args.repeats), "old")

        text = SEED.read_text(encoding="utf-8")
        paragraphs = text.split("\n")
        paragraphs[1] = "قال المتحدث باسم وزارة الدفاع إن الاجتماع سيعقد غدا في بغداد."
        paragraphs[4] = "وأضاف أن الحكومة العراقية لم تتخذ أي قرار بعد بشأن الطلب الأمريكي."
        edited = Path(tmp) / "edited.ar.txt"
        edited.write_text("\n".join(paragraphs), encoding="utf-8")
        cli = [py, "-m", "translate", "translate", "--model", str(model)]
        memory_times = {}
        for k in range(args.repeats):
            home = {"TARJAMA_HOME": str(Path(tmp) / f"home{k}")}
            for name, cmd in (("first run (cold memory)", cli + [str(SEED)]),
                              ("edited, memory", cli + [str(edited)]),
                              ("edited, --no-cache", cli + [str(edited), "--no-cache"])):
                memory_times.setdefault(name, []).append(run(cmd, environ(new, home)))
        print("translation memory, `tarjama translate` (beam 4, default lengths), two paragraphs changed:")
        show({name: medians(t) for name, t in memory_times.items()}, "edited, --no-cache")

        print(f"`tarjama --help` start-up, median of {5 * args.repeats}:")
        show(compare({
            "python -c pass": ([py, "-c", "pass"], environ(new)),
            "old --help": ([py, "-m", "translate", "--help"], environ(old)),
            "new --help": ([py, "-m", "translate", "--help"], environ(new)),
        }, 5 * args.repeats), "old --help")
    return 0


if __name__ == "__main__":
    sys.exit(main())
