"""Matching speed of this checkout against another commit's, side by side in one process.

Timings on a shared machine drift by 2x within minutes, so comparing two runs
of ``match_bench.py`` says little. This loads the other checkout's package under
another name (``translate_base``), builds both matchers on the 65k names plus
the shipped glossary, and times cold ``find_all`` passes (and ``find`` line by
line) over NTREX alternately, so drift hits both alike. Times are CPU time of
this process (``time.process_time``): on a loaded machine wall time mostly
measures waiting for a core. Prints best-of-N and median times and
their ratio (new/base; below 1 is faster), and checks both find the same matches.

    git worktree add /tmp/base b11e3e2
    .venv/bin/python bench/match_speed_ab.py /tmp/base [--repeat 7] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import importlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import name_pairs  # noqa: E402
from match_bench import fresh  # noqa: E402


def load(pkg: str, names: Path):
    glossary_mod = importlib.import_module(f"{pkg}.glossary")
    matching = importlib.import_module(f"{pkg}.matching")
    lexicon = importlib.import_module(f"{pkg}.arabic.lexicon")
    glossary = glossary_mod.Glossary.from_pairs(name_pairs(names), type="person", name=names.name)
    glossary.extend(glossary_mod.load_glossaries([ROOT / "glossaries"]))
    lexicon.default_lexicon().prepare()
    return matching.Matcher(glossary)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", help="checkout of the commit to compare against")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    data = Path(args.shared) / "data"
    lines = (data / "ntrex128-newstest2019.ar.txt").read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(Path(args.base) / "translate", Path(tmp) / "translate_base")
        sys.path.insert(0, tmp)
        matchers = {"base": load("translate_base", data / "wikidata-person-names.en-ar.tsv"),
                    "new": load("translate", data / "wikidata-person-names.en-ar.tsv")}
        modes = {"find_all (cold)": lambda m: fresh(m).find_all(lines),  # one `glossary match` run
                 "find per line (cold)": lambda m: _per_line(fresh(m), lines)}
        times = {(mode, side): [] for mode in modes for side in matchers}
        found = {}
        for _ in range(args.repeat):
            for mode, run in modes.items():
                for side, matcher in matchers.items():
                    t0 = time.process_time()
                    found[mode, side] = run(matcher)
                    times[mode, side].append(time.process_time() - t0)
    same = all([m.to_dict() for m in found[mode, "base"]] == [m.to_dict() for m in found[mode, "new"]] for mode in modes)
    for mode in modes:
        base, new = times[mode, "base"], times[mode, "new"]
        print(f"{mode:<21} base best {min(base):.3f} s median {statistics.median(base):.3f} s | "
              f"new best {min(new):.3f} s median {statistics.median(new):.3f} s | "
              f"ratio new/base best {min(new) / min(base):.3f} median {statistics.median(new) / statistics.median(base):.3f}")
    print(f"same matches: {same} ({len(found['find_all (cold)', 'new'])}, {len(lines)} lines)")
    return 0 if same else 1


def _per_line(matcher, lines: list[str]) -> list:
    """Matcher.find per line, as an editor plug-in would call it."""
    return [m for no, line in enumerate(lines, 1) for m in matcher.find(line, no)]


if __name__ == "__main__":
    sys.exit(main())
