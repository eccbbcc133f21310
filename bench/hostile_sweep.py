"""Hostile-input sweep: every command against generated bad inputs.

Usage:
    python bench/hostile_sweep.py [--workdir DIR] [--jobs 2] [--quick] [--keep]

Generates hostile inputs (broken encodings, binaries, huge lines, YAML bombs,
bad JSONL, unsafe archives, damaged model stores, hanging servers, output paths
that are directories, devices, symlinks or inputs) and runs each through the
real CLI in a subprocess. Every run is checked for: no traceback, no "internal
error", the documented exit status (0 ok, 1 findings, 2 usage or input error),
one stderr line naming the file (and line) on an error, nothing written outside
the case's folder, no output created or destroyed on failure, no input changed,
at most 60 s and 2 GB (``os.wait4``'s per-child rusage). It then SIGKILLs
``enforce -o``, ``qa -o``, ``translate -o`` and ``model install`` at random
moments and runs 8 processes at once on a cold TARJAMA_HOME.

The case generator is shared with ``tests/test_hostile.py`` (the fast, in-process
part). Prints the counts and exits 1 when any check failed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile import (CATEGORIES, Fixtures, _pair, concurrency_test, generate, kill_test,  # noqa: E402
                     run_subprocess, start_server, sweep)
from hostile.inputs import ROOT  # noqa: E402


def prepare(work: Path, with_model: bool = True) -> Fixtures:
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    model_dir = None
    if with_model:
        sys.path.insert(0, str(ROOT))
        sys.path.insert(0, str(ROOT / "tests"))  # tests/support
        from support.testmodel import build_ct2_model

        model_dir = build_ct2_model(work / "model-src" / "tiny", size="tiny", seed=0)
    # warm the lexicon cache once, so each case costs one start-up, not a build
    d = work / "warm"
    src, tgt, glo = _pair(d)
    subprocess.run([sys.executable, "-m", "translate", "qa", "-s", str(src), "-t", str(tgt), "-g", str(glo)],
                   env=dict(os.environ, TARJAMA_HOME=str(home)), capture_output=True)
    return Fixtures(work / "cases", home, model_dir)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--kill-rounds", type=int, default=5)
    ap.add_argument("--keep", action="store_true", help="Keep the work folder.")
    ap.add_argument("--only", default=None, help="Run only cases whose name holds this (no kills, no concurrency).")
    args = ap.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tarjama-sweep-"))
    start = time.monotonic()
    fx = prepare(work)
    base, srv = start_server()
    fx.server = base
    cases = generate(fx)
    if args.only:
        cases = [c for c in cases if args.only in c.name]
    print(f"{len(cases)} hostile inputs generated in {time.monotonic() - start:.0f} s; running...", flush=True)
    counts, failures = sweep(cases, fx, run_subprocess, jobs=args.jobs)
    skip = {"kills": 0, "bad": [], "processes": 0}
    kills = kill_test(fx, args.kill_rounds) if not args.only else skip
    conc = concurrency_test(fx) if not args.only else skip
    srv.close()
    print(f"inputs: {len(cases)}  runs: {counts['runs']}  max time: {counts['max_seconds']:.1f} s  "
          f"max memory: {counts['max_rss_mb']} MB")
    for k in CATEGORIES:
        print(f"  {k:<18} {counts[k]}")
    print(f"kills: {kills['kills']}  problems: {len(kills['bad'])}")
    for b in kills["bad"]:
        print("  ", b)
    print(f"concurrency: {conc['processes']} processes  problems: {len(conc['bad'])}")
    for b in conc["bad"]:
        print("  ", b)
    for name, kind, detail in sorted(failures):
        print(f"FAIL {name}: {kind}: {detail}")
    print(f"total {time.monotonic() - start:.0f} s")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures or kills["bad"] or conc["bad"] else 0


if __name__ == "__main__":
    sys.exit(main())
