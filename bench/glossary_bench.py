"""Glossary maintenance benchmark on the 65k Wikidata name list.

Prints, for the 64,973 names written as tarjama YAML: YAML load time (cold —
libyaml's node tree, and warm — the compiled copy; goal ≤ 1 s), the pure-Python
parser for comparison (the loader before issue 13), export and import times for
TBX and CSV with a round-trip check, and `suggest` time over NTREX (1,997
segments, fuzzy variants; plus new entries from the aligned English).

    .venv/bin/python bench/glossary_bench.py [--shared ../shared] [--no-pure]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import load_names  # noqa: E402

from translate.glossary import load_glossary_file  # noqa: E402
from translate.glossary import loader  # noqa: E402
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


def fields(glossary) -> list[tuple]:
    return [(t.target, t.source, t.type, t.forbidden, t.note, t.also, t.case, t.domain, t.origin)
            for t in glossary.terms]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--no-pure", action="store_true", help="skip the slow pure-Python YAML comparison")
    args = ap.parse_args()
    data = Path(args.shared) / "data"
    names = load_names(data / "wikidata-person-names.en-ar.tsv")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TARJAMA_HOME"] = str(Path(tmp) / "home")  # a cold compiled-copy cache
        yaml_path = Path(tmp) / "names.yaml"
        yaml_path.write_text(to_yaml(names), encoding="utf-8")
        print(f"{len(names)} names, {yaml_path.stat().st_size / 1e6:.1f} MB of YAML")
        cold = timed("load YAML, cold (libyaml node tree)", load_glossary_file, yaml_path)
        warm = timed("load YAML, warm (compiled copy)", load_glossary_file, yaml_path)
        assert fields(cold) == fields(warm)
        if not args.no_pure:
            import yaml
            saved = loader._LOADER
            loader._LOADER = yaml.SafeLoader
            try:
                text = yaml_path.read_text(encoding="utf-8")
                timed("load YAML, pure-Python parser (before)", loader.parse_glossary, text, str(yaml_path))
            finally:
                loader._LOADER = saved
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
