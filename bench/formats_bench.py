#!/usr/bin/env python3
"""Benchmark: format round trips (issue 14) — XLIFF 1.2/2.0, TMX and PO read and written back.

    python bench/formats_bench.py [--shared ../shared]

For each file: the test fixtures shaped like real exports (``tests/data/formats``:
namespaces, groups, ``xml:space``, CDATA, entities, inline tags, notes), the
TICO-19 translation memory (3,071 ``<tu>``, from ``../shared``) and XLIFF 1.2 and
2.0 files built here from the same 3,071 pairs (every 7th unit with an inline
``<ph>``/``<g>`` pair, every 5th without a target, a note on every 3rd):

* read → write with no change: the bytes back;
* read → every target set to something else and back to itself → write: every
  unit with a target is re-serialised, so this is the real round trip of the
  writer; it prints whether the bytes are identical and, where not, how many
  lines differ and the first pair (documented normalisations: inside a rewritten
  element lxml writes attributes in double quotes and character references as
  characters);
* read → one target changed → write: how many lines differ (goal: that unit's
  lines only) and whether reading the result gives the new target and every
  other unit unchanged;
* read and write times.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/support: the diff the format tests count

from support.diffs import changed_lines  # noqa: E402
from translate import formats  # noqa: E402


def xliff12(pairs: list[tuple[str, str]]) -> bytes:
    units = []
    for k, (src, tgt) in enumerate(pairs, 1):
        if k % 7 == 0:
            src, tgt = f'<g id="1">{escape(src)}</g> <ph id="2">{{0}}</ph>', f'<g id="1">{escape(tgt)}</g> <ph id="2">{{0}}</ph>'
        else:
            src, tgt = escape(src), escape(tgt)
        target = "" if k % 5 == 0 else f'\n        <target state="translated">{tgt}</target>'
        note = f"\n        <note from='reviewer'>unit {k}</note>" if k % 3 == 0 else ""
        units.append(f'      <trans-unit id="u{k}" resname={quoteattr(f"r{k}")}>\n        <source>{src}</source>'
                     f'{target}{note}\n      </trans-unit>')
    body = "\n".join(units)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f'  <file original="tico19.txt" source-language="ar" target-language="en" datatype="plaintext">\n'
            f'    <body>\n    <group id="g1" xml:space="preserve">\n{body}\n    </group>\n    </body>\n  </file>\n</xliff>\n'
            ).encode("utf-8")


def xliff20(pairs: list[tuple[str, str]]) -> bytes:
    units = []
    for k, (src, tgt) in enumerate(pairs, 1):
        if k % 7 == 0:
            src, tgt = (f'<pc id="1">{escape(src)}</pc> <ph id="2"/>', f'<pc id="1">{escape(tgt)}</pc> <ph id="2"/>')
        else:
            src, tgt = escape(src), escape(tgt)
        target = "" if k % 5 == 0 else f"<target>{tgt}</target>"
        notes = f"<notes><note category='review'>unit {k}</note></notes>" if k % 3 == 0 else ""
        state = "" if k % 5 == 0 else ' state="translated"'
        units.append(f'    <unit id="u{k}">{notes}\n      <segment{state}>\n        <source>{src}</source>{target}\n'
                     f'      </segment>\n    </unit>')
    body = "\n".join(units)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            f'version="2.0" srcLang="ar" trgLang="en">\n  <file id="f1" original="tico19.txt">\n{body}\n  </file>\n</xliff>\n'
            ).encode("utf-8")


_SINGLE_QUOTED = re.compile(r"""(\s[\w:.-]+)='([^'"]*)'""")
_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")


def normalised(line: str) -> str:
    """A line with the writer's documented normalisations undone: attributes in
    double quotes, character references (and &apos; &quot;) as characters."""
    line = _SINGLE_QUOTED.sub(r'\1="\2"', line).replace("&apos;", "'").replace("&quot;", '"')
    return _CHAR_REF.sub(lambda m: chr(int(m[1][1:], 16) if m[1][0] == "x" else int(m[1])), line)


def beyond_normalisation(before: bytes, after: bytes) -> list[tuple[str, str]]:
    """Line pairs that still differ once the documented normalisations are undone."""
    a, b = before.decode("utf-8").splitlines(), after.decode("utf-8").splitlines()
    if len(a) != len(b):
        return [("(line count)", f"{len(a)} -> {len(b)}")]
    return [(x, y) for x, y in zip(a, b) if x != y and normalised(x) != normalised(y)]


def check(label: str, data: bytes, name: str) -> None:
    t = time.perf_counter()
    doc = formats.parse(data, name)
    read_s = time.perf_counter() - t
    # units with a translation (an empty target is untranslated: filling it is a new translation)
    targets = [k for k, u in enumerate(doc.units) if u.target]
    same = doc.to_bytes() == data
    for k in targets:  # force every translated unit through the writer
        original = doc.units[k].target
        doc.set_target(k, original + " x")
        doc.set_target(k, original)
    t = time.perf_counter()
    out = doc.to_bytes()
    write_s = time.perf_counter() - t
    raw_diff = sum(1 for x, y in zip(data.decode("utf-8").splitlines(), out.decode("utf-8").splitlines()) if x != y)
    rest = beyond_normalisation(data, out)
    forced = ("identical" if out == data else
              f"{raw_diff} line(s) differ, all by documented normalisations" if not rest else
              f"{len(rest)} line(s) differ beyond the documented normalisations, e.g. {rest[0][0][:80]!r} -> {rest[0][1][:80]!r}")
    one = formats.parse(data, name)
    k = targets[len(targets) // 2]
    one.set_target(k, "A changed target & <escaped>")
    changed = one.to_bytes()
    back = formats.parse(changed, name)
    reread = back.units[k].target == "A changed target & <escaped>" and all(
        b.target == u.target for j, (b, u) in enumerate(zip(back.units, formats.parse(data, name).units)) if j != k)
    print(f"{label:34} {len(doc.units):6,} units ({len(targets):,} translated)  read {read_s:6.3f}s  write {write_s:6.3f}s\n"
          f"    unchanged → bytes back identical: {same}\n"
          f"    every target re-serialised: {forced}\n"
          f"    one target changed: {len(changed_lines(data, changed))} diff line(s) (- and +); re-read gives it and every other "
          f"unit unchanged: {reread}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    fixtures = ROOT / "tests" / "data" / "formats"
    for path in sorted(fixtures.iterdir()):
        check(f"{path.name} (fixture)", path.read_bytes(), path.name)
    archive = Path(args.shared) / "data" / "tico19-tm.en-ar.tmx.zip"
    if not archive.is_file():
        print(f"skipped the TICO-19 memory: {archive} not found")
        return 0
    with zipfile.ZipFile(archive) as zf:
        raw = zf.read(zf.namelist()[0])
    check("TICO-19 memory (TMX 1.4)", raw, "tico19.en-ar.tmx")
    pairs = list(formats.iter_pairs(archive, "ar", "en"))
    check("TICO-19 pairs as XLIFF 1.2", xliff12([(s, t) for s, t, _ in pairs]), "tico19.xlf")
    check("TICO-19 pairs as XLIFF 2.0", xliff20([(s, t) for s, t, _ in pairs]), "tico19-2.xlf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
