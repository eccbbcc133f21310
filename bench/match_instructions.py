"""Instruction counts of matching, for comparing two commits on a busy machine.

Loads the 65k names plus the shipped glossary with the package of CHECKOUT and
runs PASSES cold ``find_all`` passes over NTREX. Under callgrind, the count of a
run with 3 passes minus that of a run with 0, divided by 3, is the cost of one
pass, which load on the machine does not change:

    for n in 0 3; do valgrind --tool=callgrind --callgrind-out-file=cg.$n python bench/match_instructions.py CHECKOUT $n; done
    # per pass = (I refs of cg.3 - I refs of cg.0) / 3, for this checkout and the other

The passes run inside ``operator.call`` (a C function nothing else here calls),
so one run can count them alone, without the load (half the time):

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect='_operator_call*' \
        python bench/match_instructions.py CHECKOUT 3    # Collected / 3 = per pass
"""
from __future__ import annotations

import operator
import sys
from pathlib import Path

if __name__ == "__main__":
    repo, passes = Path(sys.argv[1]).resolve(), int(sys.argv[2])
    shared = Path(sys.argv[3]) if len(sys.argv) > 3 else repo.parent / "shared"
    sys.path[:0] = [str(repo), str(repo / "bench")]
    from match_bench import load_names

    from translate.arabic.lexicon import default_lexicon
    from translate.glossary import load_glossaries
    from translate.matching import Matcher

    data = shared / "data"
    lines = (data / "ntrex128-newstest2019.ar.txt").read_text(encoding="utf-8").splitlines()
    glossary = load_names(data / "wikidata-person-names.en-ar.tsv")
    glossary.extend(load_glossaries([repo / "glossaries"]))
    default_lexicon().prepare()
    matcher = Matcher(glossary)

    def run() -> None:
        for _ in range(passes):  # a new matcher on the same index: empty per-word caches
            Matcher(matcher.glossary, matcher.settings, matcher.lexicon, index=matcher.index).find_all(lines)

    operator.call(run)
    print(f"{passes} pass(es) done")
