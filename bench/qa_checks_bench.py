"""The reviewer's checks (issue 15): false alarms on human translations, and
what they catch in a TICO-19 slice with errors injected by a seeded injector.

* False alarms: every non-terminology check over the untouched human English of
  TICO-19 (the TMX, 9,213 units) and NTREX-128 (1,997 lines). Goal: at most one
  finding per 200 segments for every check.
* Caught: a slice of TICO-19 segments, one injected error per chosen segment
  (empty target, target = source, dropped/added end punctuation, an unbalanced
  bracket or quote, a repeated word, a double space, a trailing space, a
  changed URL, a truncated target); findings per check before and after.
* The seed article with its injected errors: findings per check, clean vs injected.
* ``--fit`` prints the Gale–Church length-model constants on NTREX.

    .venv/bin/python bench/qa_checks_bench.py [--shared ../shared] [--slice 200] [--seed 15] [--fit]
"""
from __future__ import annotations

import argparse
import io
import math
import random
import sys
import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from qa_bench import by_document  # noqa: E402

from translate.documents import Document, align, read_pair  # noqa: E402
from translate.glossary import load_glossaries  # noqa: E402
from translate.qa import run_qa  # noqa: E402
from translate.qa.runner import CHECKS, TERMINOLOGY_CHECKS  # noqa: E402

NEW = [c.name for c in CHECKS if c not in TERMINOLOGY_CHECKS]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def shared_dir(given: str | None) -> Path:
    for cand in ([Path(given)] if given else []) + [ROOT.parent / "shared", Path("/work/shared")]:
        if (cand / "data").is_dir():
            return cand
    sys.exit("shared/ not found (give --shared)")


def read_tico(path: Path) -> tuple[list[str], list[str], list[str]]:
    """Arabic, English and document id (the tuid before ":") of every TICO-19 unit."""
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".tmx"))
        root = ET.parse(io.BytesIO(z.read(name))).getroot()
    ar, en, ids = [], [], []
    for tu in root.iter("tu"):
        segs = {tuv.get(XML_LANG, "").lower()[:2]: "".join(tuv.find("seg").itertext()) for tuv in tu.iter("tuv")}
        if "ar" in segs and "en" in segs:
            ar.append(segs["ar"].replace("\n", " "))
            en.append(segs["en"].replace("\n", " "))
            ids.append((tu.get("tuid") or "").rsplit(":", 1)[0])
    return ar, en, ids


def read_ntrex(data: Path) -> tuple[list[str], list[str], list[str]]:
    ar = (data / "ntrex128-newstest2019.ar.txt").read_text(encoding="utf-8").splitlines()
    en = (data / "ntrex128-newstest2019.en.txt").read_text(encoding="utf-8").splitlines()
    ids = [ln.split("\t")[0] for ln in (data / "ntrex128-document-ids.tsv").read_text(encoding="utf-8").splitlines()]
    return ar, en, ids


def per_check(report, names=NEW) -> Counter:
    return Counter({n: 0 for n in names}) + Counter(f.check for f in report.findings if f.check in names)


# --- the injector -----------------------------------------------------------------------------------------
def _words(t: str) -> list[str]:
    return t.split(" ")


def inject(source: str, target: str, kind: str, rng: random.Random) -> str | None:
    """``target`` with one error of ``kind``, or None when this segment cannot carry it."""
    w = _words(target)
    if kind == "empty":
        return ""
    if kind == "copied":
        return source
    if kind == "question-lost":
        return target[:-1] + "." if target.endswith("?") else None
    if kind == "stop-lost":
        return target.rstrip(".") if target.endswith(".") and not target.endswith("..") else None
    if kind == "bracket":
        if len(w) < 4:
            return None
        i = rng.randrange(1, len(w) - 1)
        return " ".join(w[:i] + ["(" + w[i]] + w[i + 1:])
    if kind == "quote":
        if len(w) < 4 or '"' in target or "\u201c" in target:
            return None
        i = rng.randrange(1, len(w) - 1)
        return " ".join(w[:i] + ["\u201c" + w[i]] + w[i + 1:])
    if kind == "repeat":
        i = rng.randrange(len(w))
        return " ".join(w[:i + 1] + [w[i]] + w[i + 1:]) if w[i].isalpha() else None
    if kind == "double-space":
        if len(w) < 3:
            return None
        i = rng.randrange(1, len(w))
        return " ".join(w[:i]) + "  " + " ".join(w[i:])
    if kind == "trailing-space":
        return target + " "
    if kind == "truncated":
        return " ".join(w[: max(1, len(w) // 4)]) if len(target) > 80 else None
    if kind in ("url", "retranslated"):
        return None  # need another segment or a URL on both sides: see injected_slice
    raise ValueError(kind)


KINDS = ["empty", "copied", "question-lost", "stop-lost", "bracket", "quote", "repeat", "double-space",
         "trailing-space", "truncated", "url", "retranslated"]
EXPECT = {"empty": "empty-target", "copied": "same-as-source", "question-lost": "end-punctuation",
          "stop-lost": "end-punctuation", "bracket": "unbalanced", "quote": "unbalanced",
          "repeat": "repeated-word", "double-space": "whitespace", "trailing-space": "whitespace",
          "truncated": "length-ratio", "url": "placeables",
          "retranslated": "segment-consistency"}


def inject_lines(doc: Document, seed: int) -> tuple[Document, list[tuple[int, str]]]:
    """One error of a different single-segment kind on each line that can carry one."""
    rng = random.Random(seed)
    tgt = [s.target for s in doc.segments]
    planted = []
    kinds = [k for k in KINDS if k not in ("url", "retranslated")]
    for n, seg in enumerate(doc.segments):
        for kind in kinds[n % len(kinds):] + kinds[:n % len(kinds)]:
            new = inject(seg.source, seg.target, kind, rng)
            if new is not None and new != seg.target:
                tgt[n] = new
                planted.append((n + 1, kind))
                kinds.remove(kind)
                break
    return align(doc.name, [s.source for s in doc.segments], tgt), planted


def injected_slice(ar: list[str], en: list[str], size: int, per_kind: int, seed: int):
    rng = random.Random(seed)
    idx = rng.sample(range(len(ar)), size)
    src, tgt = [ar[i] for i in idx], [en[i] for i in idx]
    bad = list(tgt)
    used: set[int] = set()
    planted: list[tuple[int, str]] = []
    for kind in KINDS:
        done, tries = 0, 0
        while done < per_kind and tries < 2000:
            tries += 1
            i = rng.randrange(size)
            if i in used:
                continue
            if kind == "url":
                url = f"https://www.who.int/news/item/{rng.randrange(10**6)}"
                src[i] = src[i] + " " + url
                new = bad[i] + " " + url.replace("item", "items")
            elif kind == "retranslated":  # segment i repeats segment j's source, translated differently
                j = rng.randrange(size)
                w = _words(tgt[j])
                if j in used or j == i or len(w) < 6:
                    continue
                src[i], tgt[i] = src[j], tgt[j]
                new = " ".join(w[:2] + w[3:])
                used.add(j)
            else:
                new = inject(src[i], bad[i], kind, rng)
            if new is None or new == bad[i]:
                continue
            if kind == "url":
                tgt[i] = tgt[i] + " " + url
            bad[i] = new
            used.add(i)
            planted.append((i + 1, kind))
            done += 1
    return align(None, src, tgt), align(None, src, bad), planted


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths)))
                     for r in rows)


def fit(ar: list[str], en: list[str]) -> None:
    def chars(t):
        return sum(1 for c in t if not c.isspace())
    pairs = [(chars(a), chars(e)) for a, e in zip(ar, en) if chars(a) >= 20 and chars(e)]
    c = sum(m for _, m in pairs) / sum(n for n, _ in pairs)
    s2 = sum((m - c * n) ** 2 / n for n, m in pairs) / len(pairs)
    print(f"length model on {len(pairs)} segments: ratio c = {c:.3f}, variance per char s2 = {s2:.3f}")
    zs = sorted(abs(m - c * n) / math.sqrt(s2 * n) for n, m in pairs)
    for q in (0.99, 0.995, 0.999):
        print(f"  |z| quantile {q}: {zs[int(q * len(zs)) - 1]:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared")
    ap.add_argument("--slice", type=int, default=200)
    ap.add_argument("--per-kind", type=int, default=3)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print up to N false alarms per check")
    args = ap.parse_args()
    data = shared_dir(args.shared) / "data"
    tico = read_tico(data / "tico19-tm.en-ar.tmx.zip")
    ntrex = read_ntrex(data)
    if args.fit:
        fit(*ntrex[:2])
        fit(*tico[:2])
        return

    print("False alarms on human translations (findings; goal <= 1 per 200 segments)")
    rows = [("check", "TICO-19", "per 200", "NTREX", "per 200")]
    reports = {}
    for label, (ar, en, ids) in (("TICO-19", tico), ("NTREX", ntrex)):
        reports[label] = (run_qa(by_document(ar, en, ids), None, checks=NEW), len(ar))
    for name in NEW:
        cells = [name]
        for label in ("TICO-19", "NTREX"):
            rep, n = reports[label]
            k = per_check(rep)[name]
            cells += [str(k), f"{200 * k / n:.2f}"]
        rows.append(tuple(cells))
    rows.append(("segments", str(reports["TICO-19"][1]), "", str(reports["NTREX"][1]), ""))
    print(table(rows))
    if args.show:
        for label in ("TICO-19", "NTREX"):
            rep, _ = reports[label]
            segs = {(d.name, s.line): s for d in rep.documents for s in d.segments}
            shown = Counter()
            for f in rep.findings:
                if shown[f.check] < args.show:
                    shown[f.check] += 1
                    s = segs[(f.document, f.line)]
                    print(f"--- {label} {f.document}:{f.line} {f.check}: {f.message}\n"
                          f"    AR: {s.source}\n    EN: {s.target}")

    clean, bad, planted = injected_slice(*tico[:2], args.slice, args.per_kind, args.seed)
    before, after = run_qa([clean], None, checks=NEW), run_qa([bad], None, checks=NEW)
    hit = Counter()
    for line, kind in planted:
        if any(f.line == line and f.check == EXPECT[kind] for f in after.findings):
            hit[kind] += 1
    print(f"\nTICO-19 slice: {args.slice} segments (seed {args.seed}), {len(planted)} injected errors")
    b, a = per_check(before), per_check(after)
    print(table([("check", "before", "after")] + [(n, str(b[n]), str(a[n])) for n in NEW]))
    plant = Counter(k for _, k in planted)
    print("caught by the expected check: " + ", ".join(f"{k} {hit[k]}/{plant[k]}" for k in KINDS)
          + f"; total {sum(hit.values())}/{len(planted)}")

    qa = ROOT / "tests" / "data" / "qa"
    glossary = load_glossaries([ROOT / "glossaries"])
    names = [c.name for c in CHECKS]
    seed_clean = run_qa([read_pair(qa / "seed.ar.txt", qa / "seed.en.txt")], glossary)
    seed_bad = run_qa([read_pair(qa / "seed.ar.txt", qa / "seed.injected.en.txt")], glossary)
    form_doc, form_planted = inject_lines(read_pair(qa / "seed.ar.txt", qa / "seed.en.txt"), args.seed)
    seed_form = run_qa([form_doc], glossary)
    b, a, c = per_check(seed_clean, names), per_check(seed_bad, names), per_check(seed_form, names)
    print("\nSeed article (13 segments): findings per check for the clean translation, the shipped")
    print("seed.injected.en.txt (terminology errors) and the clean one with one injected form error per line")
    print(table([("check", "clean", "term-injected", "form-injected")]
                + [(n, str(b[n]), str(a[n]), str(c[n])) for n in names]))
    caught = sum(any(f.line == line and f.check == EXPECT[k] for f in seed_form.findings) for line, k in form_planted)
    print(f"form errors planted: {', '.join(f'{k}@{line}' for line, k in form_planted)}; "
          f"caught by the expected check: {caught}/{len(form_planted)}")


if __name__ == "__main__":
    main()
