"""Glossary maintenance benchmark on the 65k Wikidata name list.

Prints, for the 64,973 names written as tarjama YAML: YAML load time (cold —
parsed with libyaml, and warm — the compiled copy; goal ≤ 1 s cold), the
pure-Python parser for comparison (the loader before issue 13), export and import
times for TBX and CSV with a round-trip check, and `suggest` time over NTREX
(1,997 segments, fuzzy variants; plus new entries from the aligned English).

``--compare CHECKOUT`` (repeatable) also times the cold load with another checkout's
package (e.g. a clean main) against this one, alternating fresh processes, each with an
empty cache: on a busy 2-core machine only such side-by-side ratios mean much.
Each process also reports its CPU time (user + system), minor page faults and
peak memory: a loader that keeps less saves memory traffic and the kernel's page
faults, which callgrind's instruction counts (bench/glossary_instructions.py) miss.

    .venv/bin/python bench/glossary_bench.py [--shared ../shared] [--no-pure] [--compare /work/main ...] [--rounds 9]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import NAMES_FILE, load_names, shared_dir  # noqa: E402

from translate.glossary import load_glossary_file  # noqa: E402
from translate.glossary import loader, yaml_limits  # noqa: E402
from translate.glossary.corpus import read_aligned_pair  # noqa: E402
from translate.glossary.exchange import export_glossary, import_termbase  # noqa: E402
from translate.maintenance.suggest import fuzzy_variants, propose_entries  # noqa: E402
from translate.glossary.writer import to_yaml  # noqa: E402
from translate.matching import Matcher  # noqa: E402


def timed(label: str, fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    print(f"{label:<44} {time.perf_counter() - t0:7.2f} s", flush=True)
    return out


# One cold load in a fresh process: argv = checkout, YAML file, empty cache directory.
# Prints seconds, CPU seconds (user + system), minor page faults and the peak RSS
# in KB: callgrind counts instructions only, not the memory traffic and page faults
# that a loader keeping less avoids.
_COLD_LOAD = """
import os, resource, sys, time
sys.path.insert(0, sys.argv[1])
os.environ["TARJAMA_HOME"] = sys.argv[3]
from translate.glossary import load_glossary_file
r0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
load_glossary_file(sys.argv[2])
t1 = time.perf_counter()
r1 = resource.getrusage(resource.RUSAGE_SELF)
cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
peak = r1.ru_maxrss  # KB; on Linux it also counts the forking parent's memory, so VmHWM where there is one
if os.path.exists("/proc/self/status"):
    with open("/proc/self/status") as status:
        peak = next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), peak)
print(t1 - t0, cpu, r1.ru_minflt - r0.ru_minflt, peak)
"""


def compare_cold(checkouts: dict[str, Path], yaml_path: Path, tmp: Path, rounds: int = 5) -> None:
    """Best-of-``rounds`` cold load per checkout, the checkouts taking turns."""
    runs: dict[str, list[list[float]]] = {label: [] for label in checkouts}
    for i in range(rounds):
        for label, checkout in checkouts.items():
            home = tmp / f"home-{label}-{i}"
            out = subprocess.run([sys.executable, "-c", _COLD_LOAD, str(checkout), str(yaml_path), str(home)],
                                 check=True, capture_output=True, text=True).stdout
            runs[label].append([float(x) for x in out.split()])
    for label, rows in runs.items():
        wall, cpu, faults, peak = (sorted(column) for column in zip(*rows))
        median = len(rows) // 2
        print(f"{'load YAML, cold, ' + label:<44} {wall[0]:7.2f} s  (best of {rounds}; median {wall[median]:.2f} s; "
              f"CPU {cpu[0]:.2f} s best, {cpu[median]:.2f} s median; {faults[median] / 1000:.0f}k page faults, "
              f"peak {peak[median] / 1024:.0f} MB)", flush=True)


def fields(glossary) -> list[tuple]:
    return [(t.target, t.source, t.type, t.forbidden, t.note, t.also, t.case, t.domain, t.origin)
            for t in glossary.terms]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None, help="the shared/ folder (default: found as bench/corpora.py does)")
    ap.add_argument("--no-pure", action="store_true", help="skip the slow pure-Python YAML comparison")
    ap.add_argument("--compare", metavar="CHECKOUT", action="append", default=[],
                    help="also time the cold load with this checkout's package (repeatable)")
    ap.add_argument("--rounds", type=int, default=5, help="fresh-process cold loads per checkout with --compare")
    args = ap.parse_args()
    data = shared_dir(args.shared) / "data"
    names = load_names(data / NAMES_FILE)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TARJAMA_HOME"] = str(Path(tmp) / "home")  # a cold compiled-copy cache
        yaml_path = Path(tmp) / "names.yaml"
        yaml_path.write_text(to_yaml(names), encoding="utf-8")
        print(f"{len(names)} names, {yaml_path.stat().st_size / 1e6:.1f} MB of YAML")
        if args.compare:
            others = {Path(c).name or c: Path(c) for c in args.compare}
            compare_cold({"this checkout": ROOT, **others}, yaml_path, Path(tmp), args.rounds)
        cold = timed("load YAML, cold (libyaml events)", load_glossary_file, yaml_path)
        warm = timed("load YAML, warm (compiled copy)", load_glossary_file, yaml_path)
        assert fields(cold) == fields(warm)
        if not args.no_pure:
            import yaml
            saved = yaml_limits.PARSER
            yaml_limits.PARSER = yaml.SafeLoader
            try:
                text = yaml_path.read_text(encoding="utf-8")
                timed("load YAML, pure-Python parser (before)", loader.parse_glossary, text, str(yaml_path))
            finally:
                yaml_limits.PARSER = saved
        for fmt in ("tbx", "csv"):
            out = Path(tmp) / f"names.{fmt}"
            data_bytes = timed(f"export {fmt}", export_glossary, cold, fmt)
            out.write_bytes(data_bytes)
            back = timed(f"import {fmt} ({len(data_bytes) / 1e6:.1f} MB)", import_termbase, out).glossary
            print(f"  round trip {fmt}: {'same glossary' if fields(back) == fields(cold) else 'DIFFERENT'}")
        doc = read_aligned_pair(data / "ntrex128-newstest2019.ar.txt", data / "ntrex128-newstest2019.en.txt")
        matcher = timed("build the matcher (65k names)", Matcher, cold)
        variants = timed("suggest: fuzzy variants over NTREX", fuzzy_variants, [doc], cold, 1, matcher)
        proposals = timed("suggest: new entries from NTREX ar/en", propose_entries, [doc], cold, 2)
        print(f"  {len(variants)} variant(s), {len(proposals)} new entr(ies) proposed")


if __name__ == "__main__":
    main()
