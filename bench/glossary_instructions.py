"""Instruction counts of parsing the 65k-name YAML glossary, for comparing two commits on a busy machine.

Writes the Wikidata list as tarjama YAML (with this checkout's writer) and parses
it PASSES times with the loader of CHECKOUT. Under callgrind, the count of a run
with 1 pass minus that of a run with 0 is the cost of one parse, which load on
the machine does not change (the node-tree loader: 12.98 G; the event-list loader: 7.03 G,
7.20 G at main bfd9b83; scalars kept as text and line: 6.99 G, main 24d9454; the
common glossary read in one pass over the events, :mod:`translate.glossary.streamed`:
5.51 G, of which libyaml's events are 3.66 G). Instructions miss
memory traffic and page faults: keeping text and line cut CPU time by a quarter for 3 % fewer
instructions, so read them beside bench/glossary_bench.py --compare:

    for n in 0 1; do valgrind --tool=callgrind --callgrind-out-file=cg.$n \\
        .venv/bin/python bench/glossary_instructions.py CHECKOUT $n; done
    # per parse = I refs of cg.1 - I refs of cg.0, for this checkout and the other
"""
from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    bench = Path(__file__).resolve().parent
    sys.path.insert(0, str(bench))
    from corpora import NAMES_FILE, load_names, shared_dir  # this checkout's writer and data

    from translate.glossary.writer import to_yaml

    text = to_yaml(load_names(shared_dir() / "data" / NAMES_FILE))
    for name in [m for m in sys.modules if m == "translate" or m.startswith("translate.")]:
        del sys.modules[name]  # the loader under test comes from CHECKOUT
    sys.path.insert(0, str(Path(sys.argv[1]).resolve()))
    from translate.glossary.loader import parse_glossary

    for _ in range(int(sys.argv[2])):
        parse_glossary(text, NAMES_FILE)
    print(f"{sys.argv[2]} parse(s) done")
