"""Compare what the CLI prints before and after a change (issue 11's check).

Runs ``tarjama glossary match --json``, ``tarjama enforce --json`` and
``tarjama qa --format json`` on NTREX, TICO-19 (the Arabic and English of its
TMX) and the seed article, with the shipped glossary and with the 65k Wikidata
names (converted to a glossary as ``bench/match_bench.py`` loads them), and saves
every output in a folder. Then compares two such folders, output by output.

    # save the outputs of this checkout
    .venv/bin/python bench/compare_outputs.py save OUT_DIR [--repo CHECKOUT] [--shared ../shared] [--jobs 2]
    # compare two saved folders (exit 1 when they differ)
    .venv/bin/python bench/compare_outputs.py diff BEFORE_DIR AFTER_DIR [--show 5]

The QA signature records settings and versions, not results, so ``diff``
reports a changed signature on its own line and compares findings and summary.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def shared_dir(given: str | None) -> Path:
    for p in ([Path(given)] if given else []) + [ROOT.parent / "shared", Path("/work/shared")]:
        if (p / "data").is_dir():
            return p
    raise SystemExit("shared/ not found; pass --shared")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def tico_pairs(tmx_zip: Path) -> tuple[list[str], list[str]]:
    """Arabic and English of every translation unit of the TICO-19 TMX."""
    with zipfile.ZipFile(tmx_zip) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".tmx"))
        root = ET.fromstring(zf.read(name))
    ar, en = [], []
    for tu in root.iter("tu"):
        segs = {tuv.get(XML_LANG, "").lower()[:2]: "".join(tuv.find("seg").itertext()) for tuv in tu.iter("tuv")}
        if segs.get("ar", "").strip() and segs.get("en", "").strip():
            ar.append(_one_line(segs["ar"]))
            en.append(_one_line(segs["en"]))
    return ar, en


def names_glossary(tsv: Path, out: Path) -> None:
    """The 65k names as a glossary YAML (one person term per row, as match_bench)."""
    import yaml

    sys.path.insert(0, str(ROOT / "bench"))
    from corpora import name_pairs

    terms = [{"target": en, "type": "person", "source": [ar]} for ar, en in name_pairs(tsv)]
    out.write_text(yaml.safe_dump({"name": tsv.name, "terms": terms}, allow_unicode=True, sort_keys=False),
                   encoding="utf-8")


def inputs(shared: Path, work: Path) -> dict[str, tuple[Path, Path]]:
    data = shared / "data"
    ar, en = tico_pairs(data / "tico19-tm.en-ar.tmx.zip")
    (work / "tico.ar.txt").write_text("".join(x + "\n" for x in ar), encoding="utf-8")
    (work / "tico.en.txt").write_text("".join(x + "\n" for x in en), encoding="utf-8")
    return {
        "ntrex": (data / "ntrex128-newstest2019.ar.txt", data / "ntrex128-newstest2019.en.txt"),
        "tico": (work / "tico.ar.txt", work / "tico.en.txt"),
        "seed": (ROOT / "examples" / "seed-article.ar.txt", ROOT / "examples" / "seed-article.mt.en.txt"),
    }


def commands(corpora: dict[str, tuple[Path, Path]], glossaries: dict[str, Path]) -> dict[str, list[str]]:
    out = {}
    for corpus, (ar, en) in corpora.items():
        for gname, g in glossaries.items():
            key = f"{corpus}.{gname}"
            out[f"{key}.match.json"] = ["glossary", "match", str(ar), "-g", str(g), "--json"]
            out[f"{key}.enforce.json"] = ["enforce", "-s", str(ar), "-t", str(en), "-g", str(g), "--json"]
            out[f"{key}.qa.json"] = ["qa", "-s", str(ar), "-t", str(en), "-g", str(g), "--format", "json",
                                     "--fail-on", "never"]
    return out


def save(args: argparse.Namespace) -> int:
    shared = shared_dir(args.shared)
    dest = Path(args.out)
    repo = Path(args.repo).resolve() if args.repo else ROOT
    env = {**os.environ, "PYTHONPATH": str(repo)}
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpora = inputs(shared, work)
        names = Path(tempfile.gettempdir()) / "tarjama-compare" / "names65k.yaml"
        names.parent.mkdir(exist_ok=True)
        names_glossary(shared / "data" / "wikidata-person-names.en-ar.tsv", names)
        cmds = commands(corpora, {"shipped": ROOT / "glossaries", "names65k": names})
        if args.only:
            cmds = {k: v for k, v in cmds.items() if fnmatch.fnmatch(k, args.only)}

        def run(item: tuple[str, list[str]]) -> str:
            out_name, argv = item
            proc = subprocess.run([sys.executable, "-m", "translate", *argv], cwd=repo, env=env,
                                  capture_output=True, text=True)
            if proc.returncode not in (0, 1):
                return f"{out_name}: exit {proc.returncode}: {proc.stderr.strip()[-500:]}"
            (dest / out_name).write_text(proc.stdout, encoding="utf-8")
            return f"{out_name}: ok"

        with ThreadPoolExecutor(args.jobs) as pool:
            for msg in pool.map(run, sorted(cmds.items())):
                print(msg, flush=True)
    return 0


def _records(name: str, data: dict) -> dict[str, list]:
    """The parts of one output compared item by item."""
    if name.endswith(".match.json"):
        return {"matches": data["matches"]}
    if name.endswith(".enforce.json"):
        lines = [{"line": i + 1, "text": t} for i, t in enumerate(data["lines"])]
        return {"lines": lines, "corrections": data["corrections"], "unplaced": data["unplaced"]}
    return {"findings": data["findings"], "summary": [data["summary"]]}


# Where the 65k list was written is not a result: keep the file name only.
_TMP_PATH = re.compile(r"/\S*/(names65k\.yaml)")


def _key(rec: dict) -> str:
    return _TMP_PATH.sub(r"\1", json.dumps(rec, ensure_ascii=False, sort_keys=True))


def diff(args: argparse.Namespace) -> int:
    before, after = Path(args.before), Path(args.after)
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    changed = 0
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"{name}: only in {'after' if b.exists() else 'before'}")
            changed += 1
            continue
        da, db = json.loads(a.read_text(encoding="utf-8")), json.loads(b.read_text(encoding="utf-8"))
        if name.endswith(".qa.json") and da.get("signature") != db.get("signature"):
            print(f"{name}: signature changed (settings recorded, not results)")
        ra, rb = _records(name, da), _records(name, db)
        same = True
        for part in ra:
            ka, kb = [_key(r) for r in ra[part]], [_key(r) for r in rb[part]]
            if ka == kb:
                continue
            same = False
            gone = [k for k in ka if k not in set(kb)]
            new = [k for k in kb if k not in set(ka)]
            print(f"{name} {part}: {len(ka)} -> {len(kb)}, {len(gone)} gone, {len(new)} new")
            for k in gone[:args.show]:
                print(f"  - {k}")
            for k in new[:args.show]:
                print(f"  + {k}")
        if same:
            print(f"{name}: identical")
        else:
            changed += 1
    print(f"{len(names) - changed} of {len(names)} outputs identical")
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("save", help="run the CLI on every corpus and glossary, save the outputs")
    s.add_argument("out")
    s.add_argument("--shared")
    s.add_argument("--repo", help="checkout whose code runs (default: this one), e.g. a worktree of the base commit")
    s.add_argument("--jobs", type=int, default=2)
    s.add_argument("--only", help="save only outputs whose name matches this glob, e.g. 'seed.*'")
    d = sub.add_parser("diff", help="compare two saved folders")
    d.add_argument("before")
    d.add_argument("after")
    d.add_argument("--show", type=int, default=5, help="examples printed per changed part")
    args = ap.parse_args(argv)
    return save(args) if args.cmd == "save" else diff(args)


if __name__ == "__main__":
    sys.exit(main())
