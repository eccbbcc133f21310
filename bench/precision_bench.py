"""Trustworthy names on real text (issue 12): precision, false corrections, recall.

Four measures, each printed beside its goal:

1. Detection precision of ``Matcher`` with the 65k Wikidata name list on NTREX
   and TICO-19, counted fairly (``bench/name_credit.py``), with the wrong
   detections broken down by cause, and the recall guard: of the names a naive
   lookup finds in the Arabic and, capitalised, in the English, the share a
   credited detection covers.
2. False corrections: ``tarjama enforce --json`` with the 65k list on the human
   English; every change that is not the same name respelled is false.
3. Enforcement recall: ``bench/name_errors.py`` injects MT name errors for the
   curated glossary ``bench/data/curated-names.yaml``; ``enforce`` then fixes,
   reports ("not enforced") or silently misses each; false corrections on the
   human English; and enforce/QA disagreements (enforce's not-enforced report vs
   ``tarjama qa``'s term-missing/forbidden on the enforced output, same lines).
4. Terms that are not names: ``bench/data/medical-terms.yaml`` (type ``other``)
   over TICO-19: lines whose Arabic holds a listed form vs lines matched.

Only public interfaces are used (``Matcher.find_lines``, ``load_glossaries``, the
``enforce`` and ``qa`` CLI), so the figures judge any re-cut of the core alike.
The whole run takes a few minutes on 2 cores (``--lines`` to cut it).

    .venv/bin/python bench/precision_bench.py                  # everything
    .venv/bin/python bench/precision_bench.py --lines 500 --only detect,curated
    .venv/bin/python bench/precision_bench.py --examples 8 --corpus tico --save bench/out/precision.json
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import yaml  # noqa: E402

from corpora import NAMES_FILE, Corpus, corpora, load_names, shared_dir  # noqa: E402
from name_credit import (CAUSES, RIGHT, CommonWords, arabic_words, credit, holds, judge_change,  # noqa: E402
                         same_letters, strip_clitic)
from name_errors import KINDS, inject  # noqa: E402
from translate.arabic.normalize import normalize  # noqa: E402
from translate.glossary import Glossary, load_glossaries  # noqa: E402
from translate.matching import Matcher  # noqa: E402

DATA = ROOT / "bench" / "data"
CURATED = DATA / "curated-names.yaml"
MEDICAL = DATA / "medical-terms.yaml"
GOALS = {"NTREX": 0.95, "TICO-19": 0.90}
RECALL_GOAL = 0.90
FALSE_PER_1000_GOAL = 1.0
SECTIONS = ("detect", "false", "curated", "medical")


# --------------------------------------------------------------------------- helpers
def readings_index(glossary: Glossary) -> dict[str, set[str]]:
    """Normalised Arabic spelling -> every target the glossary gives it."""
    out: dict[str, set[str]] = defaultdict(set)
    for term in glossary.terms:
        for s in term.source:
            out[normalize(s)].add(term.target)
    return out


def naive_names(corpus: Corpus, index: dict[str, set[str]], common: CommonWords) -> list[tuple[int, int, int, str]]:
    """``(line, start, end, target)``: a listed spelling (clitics stripped from its
    first word) in the Arabic whose target the English writes, capitalised, where
    the fair count would credit it (not Hurricane Rosa, not a sentence-initial "In")."""
    by_words: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for spelling, targets in index.items():
        by_words[tuple(spelling.split())] |= targets
    longest = max((len(k) for k in by_words), default=1)
    out = []
    for no, (ar, en) in enumerate(zip(corpus.arabic, corpus.english), 1):
        words = arabic_words(ar)
        for i in range(len(words)):
            for n in range(1, longest + 1):
                if i + n > len(words):
                    break
                rest = tuple(w for _, _, w in words[i + 1:i + n])
                targets = set().union(*(by_words.get((stem,) + rest, set()) for stem in strip_clitic(words[i][2])))
                for t in targets:
                    if len(t) < 2:
                        continue
                    found = re.search(r"(?<![\w-])" + re.escape(t) + r"(?![\w-])", en, re.I)
                    span = (words[i][0], words[i + n - 1][1])
                    if found and found.group()[:1].isupper() and credit(en, t, (), "person", ar, span, common,
                                                                         within=found.span()).right:
                        out.append((no, *span, t))
    return out


def examples(items: list, k: int) -> str:
    return "; ".join(f"{text} x{n}" if n > 1 else text for text, n in Counter(items).most_common(k)) or "-"


def cli(*args: str) -> subprocess.Popen:
    """Start ``tarjama ARGS`` (the installed CLI of this checkout) without waiting."""
    return subprocess.Popen([sys.executable, "-m", "translate", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def write_glossary(glossary: Glossary, path: Path) -> None:
    terms = [{"target": t.target, "type": t.type, "source": list(t.source),
              **({"forbidden": list(t.forbidden)} if t.forbidden else {})} for t in glossary.terms]
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump({"name": path.stem, "terms": terms}, fh, allow_unicode=True, sort_keys=False,
                  Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper))


def write_lines(lines: list[str], path: Path) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def run_all(jobs: dict[str, list[str]]) -> dict[str, dict]:
    """Run CLI jobs two at a time (2 cores); each writes JSON to its -o file."""
    out, names = {}, list(jobs)
    for k in range(0, len(names), 2):
        procs = {n: cli(*jobs[n]) for n in names[k:k + 2]}
        for name, proc in procs.items():
            _, err = proc.communicate()
            if proc.returncode not in (0, 1):
                raise SystemExit(f"tarjama {' '.join(jobs[name][:1])} failed ({name}): {err.strip()[-500:]}")
            out[name] = json.loads(Path(jobs[name][jobs[name].index("-o") + 1]).read_text(encoding="utf-8"))
    return out


@dataclass
class Change:
    """One enforce correction mapped back onto the line it changed."""

    line: int
    start: int        # in the line before enforcement
    end: int
    new_start: int    # in the enforced line
    before: str
    after: str
    target: str
    source: tuple[int, int]


def changes(result: dict) -> list[Change]:
    per_line: dict[int, list[dict]] = defaultdict(list)
    for c in result["corrections"]:
        per_line[c["line"]].append(c)
    out = []
    for line, cs in per_line.items():
        shift = 0
        for c in sorted(cs, key=lambda c: c["start"]):
            start = c["start"] - shift
            out.append(Change(line, start, start + len(c["before"]), c["start"], c["before"], c["after"],
                              c["target"], (c["source_start"], c["source_end"])))
            shift += len(c["after"]) - len(c["before"])
    return out


def judge_changes(found: list[Change], corpus_en: list[str], result: dict, arabic: list[str],
                  types: dict[str, str], common: CommonWords) -> list[tuple[Change, str]]:
    return [(c, judge_change(corpus_en[c.line - 1], c.start, c.end, c.after, c.target,
                             types.get(c.target, "person"), result["lines"][c.line - 1], c.new_start,
                             common, arabic[c.line - 1], c.source).cause) for c in found]


def goal(ok: bool) -> str:
    return "ok" if ok else "MISSED"


# --------------------------------------------------------------------------- 1. detection
def judged_detections(corpus: Corpus, matcher: Matcher, index: dict[str, set[str]], common: CommonWords
                      ) -> tuple[list, dict[tuple[int, str], bool], dict[tuple[int, str], tuple[int, int]], float]:
    """Every detection with its verdict ``(line, match, verdict)``, the guard's naive
    pairs ``(line, target) -> covered``, each pair's first Arabic span, and the
    matching time (``bench/name_review.py`` joins these with its reviewed cases)."""
    t0 = time.perf_counter()
    per_line = matcher.find_lines(corpus.arabic)
    elapsed = time.perf_counter() - t0
    verdicts, credited = [], defaultdict(list)
    for no, (ar, en, found) in enumerate(zip(corpus.arabic, corpus.english, per_line), 1):
        for m in found:
            others = index.get(normalize(m.variant), set()) - {m.target}
            v = credit(en, m.target, sorted(others), m.term.type, ar, (m.start, m.end), common)
            verdicts.append((no, m, v))
            if v.right:
                credited[no].append((m.start, m.end))
    pairs: dict[tuple[int, str], bool] = {}
    spans: dict[tuple[int, str], tuple[int, int]] = {}
    for no, s, e, t in naive_names(corpus, index, common):
        pairs[(no, t)] = pairs.get((no, t), False) or any(s < ce and cs < e for cs, ce in credited[no])
        spans.setdefault((no, t), (s, e))
    return verdicts, pairs, spans, elapsed


def detection(corpus: Corpus, matcher: Matcher, index: dict[str, set[str]], common: CommonWords,
              k: int) -> dict:
    verdicts, pairs, _, elapsed = judged_detections(corpus, matcher, index, common)
    right = sum(v.right for _, _, v in verdicts)
    precision = right / max(1, len(verdicts))
    recall = sum(pairs.values()) / max(1, len(pairs))
    g = GOALS.get(corpus.name, 0.9)
    print(f"\n== detection, 65k names, {corpus.name}: {len(corpus.arabic):,} lines, "
          f"{len(verdicts):,} detections ({elapsed:.1f} s)")
    print(f"   precision       {precision:6.3f}   goal >= {g:.2f}  {goal(precision >= g)}   "
          f"({right:,} right: {dict(Counter(v.how for _, _, v in verdicts if v.right))})")
    print(f"   recall guard    {recall:6.3f}   goal >= {RECALL_GOAL:.2f}  {goal(recall >= RECALL_GOAL)}   "
          f"({sum(pairs.values()):,} of {len(pairs):,} names found naively in both languages)")
    wrong = Counter(v.cause for _, _, v in verdicts if not v.right)
    for cause in CAUSES:
        if wrong[cause]:
            ex = [f"{m.text}→{m.target}" + (f" [{v.seen}]" if v.seen else "")
                  for _, m, v in verdicts if v.cause == cause]
            print(f"   wrong: {cause:<40} {wrong[cause]:>5}  e.g. {examples(ex, k)}")
    missed = [t for (no, t), ok in pairs.items() if not ok]
    if missed:
        print(f"   naive names not covered: {examples(missed, k)}")
    return {"lines": len(corpus.arabic), "detections": len(verdicts), "right": right,
            "precision": round(precision, 4), "precision_goal": g, "recall_guard": round(recall, 4),
            "recall_goal": RECALL_GOAL, "naive_names": len(pairs), "wrong": dict(wrong)}


# --------------------------------------------------------------------------- 2. false corrections
def false_corrections(corpus: Corpus, result: dict, types: dict[str, str], common: CommonWords, k: int,
                      label: str, most_per_1000: float = FALSE_PER_1000_GOAL) -> dict:
    """Judge every change ``enforce`` made to human English; ``most_per_1000``: the goal."""
    judged = judge_changes(changes(result), corpus.english, result, corpus.arabic, types, common)
    false = [(c, why) for c, why in judged if why != RIGHT]
    respelled = [c for c, why in judged if why == RIGHT]
    rewritten = [c for c in respelled if not same_letters(c.before, c.after)]
    lines = max(1, len(corpus.english))
    per_k = 1000 * len(false) / lines
    print(f"\n== false corrections, {label}, human {corpus.name} English ({len(corpus.english):,} lines)")
    print(f"   changes {len(judged):,}: respellings of the same name {len(respelled):,}, false {len(false):,} = "
          f"{per_k:.1f} per 1,000 lines   goal {f'<= {most_per_1000:g}' if most_per_1000 else '0'}  "
          f"{goal(per_k <= most_per_1000)}")
    print(f"   stricter: changes to more than case/diacritics/hyphens {len(false) + len(rewritten):,} = "
          f"{1000 * (len(false) + len(rewritten)) / lines:.1f} per 1,000 lines (the human spelling is the "
          f"person's own; respellings e.g. {examples([f'{c.before}→{c.after}' for c in rewritten], k)})")
    by = Counter(why for _, why in false)
    for cause in CAUSES:
        if by[cause]:
            ex = [f"{c.before}→{c.after}" for c, why in false if why == cause]
            print(f"   false: {cause:<40} {by[cause]:>5}  e.g. {examples(ex, k)}")
    return {"lines": len(corpus.english), "changes": len(judged), "false": len(false),
            "per_1000": round(per_k, 2), "goal_per_1000": most_per_1000, "stricter": len(false) + len(rewritten),
            "false_by_cause": dict(by)}


# --------------------------------------------------------------------------- 3. curated
def curated(corpora_: list[Corpus], glossary: Glossary, gloss_path: Path, tmp: Path, seed: int,
            k: int) -> dict[str, dict]:
    types = {t.target: t.type for t in glossary.terms}
    jobs, injected = {}, {}
    for c in corpora_:
        lines, done = inject(c.arabic, c.english, glossary, seed)
        injected[c.name] = (lines, done)
        ar = write_lines(c.arabic, tmp / f"{c.name}.ar")
        for tag, en in (("human", c.english), ("injected", lines)):
            t = write_lines(en, tmp / f"{c.name}.{tag}.en")
            jobs[f"{c.name}/{tag}"] = ["enforce", "-s", str(ar), "-t", str(t), "-g", str(gloss_path), "--json",
                                       "-o", str(tmp / f"{c.name}.{tag}.enforce.json")]
    results = run_all(jobs)
    qa_jobs = {}
    for c in corpora_:
        out = write_lines(results[f"{c.name}/injected"]["lines"], tmp / f"{c.name}.enforced.en")
        qa_jobs[c.name] = ["qa", "-s", str(tmp / f"{c.name}.ar"), "-t", str(out), "-g", str(gloss_path),
                           "--format", "json", "--check", "term-missing,forbidden,term-unchecked", "--fail-on", "never",
                           "-o", str(tmp / f"{c.name}.qa.json")]
    qa = run_all(qa_jobs)
    figures = {}
    for c in corpora_:
        lines, done = injected[c.name]
        res = results[f"{c.name}/injected"]
        common = CommonWords(c.english)
        found = changes(res)
        by_line = defaultdict(list)
        for ch in found:
            by_line[ch.line].append(ch)
        unplaced = {(u["line"], u["target"]) for u in res["unplaced"]}
        outcome: Counter[str] = Counter()
        per_kind: dict[str, Counter] = defaultdict(Counter)
        silent, misfixed = [], []
        touched = set()
        for inj in done:
            hit = [ch for ch in by_line[inj.line] if ch.start < inj.end and inj.start < ch.end]
            touched |= {id(ch) for ch in hit}
            if res["lines"][inj.line - 1] == c.english[inj.line - 1] or any(inj.target in ch.after for ch in hit):
                why = "fixed"
            elif (inj.line, inj.target) in unplaced:
                why = "reported"
            elif hit:
                why = "wrongly fixed"
                misfixed.append(f"{inj.wrong}→{hit[0].after} ({inj.target})")
            else:
                why = "silent"
                silent.append(f"{inj.wrong} ({inj.target}, {inj.kind})")
            outcome[why] += 1
            per_kind[inj.kind][why] += 1
        others = [ch for ch in found if id(ch) not in touched]
        judged = judge_changes(others, lines, res, c.arabic, types, common)
        false_injected = [f"{ch.before}→{ch.after}" for ch, why in judged if why != RIGHT]
        n = max(1, len(done))
        q = {(f["line"], f["term"]) for f in qa[c.name]["findings"] if f["check"] in ("term-missing", "forbidden", "term-unchecked")}
        disagree = sorted(unplaced ^ q)
        print(f"\n== curated glossary ({len(glossary)} terms), {len(done)} injected errors in {c.name} "
              f"(seed {seed})")
        print(f"   fixed            {outcome['fixed'] / n:6.1%}  goal >= 95%  {goal(outcome['fixed'] / n >= 0.95)}")
        print(f"   reported         {outcome['reported']:>6}  (not enforced, left as is)")
        print(f"   silent misses    {outcome['silent']:>6}  goal 0  {goal(not outcome['silent'])}   "
              f"e.g. {examples(silent, k)}")
        print(f"   wrongly fixed    {outcome['wrongly fixed']:>6}  goal 0  {goal(not outcome['wrongly fixed'])}   "
              f"e.g. {examples(misfixed, k)}")
        print("   by kind          " + ", ".join(
            f"{kind} {per_kind[kind]['fixed']}/{sum(per_kind[kind].values())}" for kind in KINDS if per_kind[kind]))
        print(f"   false changes outside the injected spans {len(false_injected):>4}  goal 0  "
              f"{goal(not false_injected)}   e.g. {examples(false_injected, k)}")
        human = false_corrections(c, results[f"{c.name}/human"], types, common, k, "curated glossary", 0)
        print(f"   enforce/QA disagreements {len(disagree):>4}  goal 0  {goal(not disagree)}   e.g. "
              + "; ".join(f"line {ln} {t!r}: {'enforce only' if (ln, t) in unplaced else 'qa only'}"
                          for ln, t in disagree[:k]))
        figures[c.name] = {"injected": len(done), "fixed": outcome["fixed"],
                           "fixed_share": round(outcome["fixed"] / n, 4), "reported": outcome["reported"],
                           "silent": outcome["silent"],
                           "wrongly_fixed": outcome["wrongly fixed"], "false_outside_injected": len(false_injected),
                           "false_on_human": human["false"], "disagreements": len(disagree),
                           "fixed_by_kind": {kind: [per_kind[kind]["fixed"], sum(per_kind[kind].values())]
                                             for kind in KINDS if per_kind[kind]}}
    return figures


# --------------------------------------------------------------------------- 4. medical terms
def medical(corpus: Corpus, glossary: Glossary) -> dict[str, dict]:
    per_line = Matcher(glossary).find_lines(corpus.arabic)
    print(f"\n== terms that are not names ({len(glossary)} medical terms, type other), {corpus.name}")
    figures = {}
    for term in glossary.terms:
        forms = {normalize(s) for s in term.source}
        holding = [no for no, ar in enumerate(corpus.arabic, 1) if holds(ar, forms)]
        matched = {no for no, found in enumerate(per_line, 1) for m in found if m.term is term}
        hit = len(matched & set(holding))
        en_has = sum(bool(re.search(r"(?<!\w)" + re.escape(term.target), corpus.english[no - 1], re.I))
                     for no in holding)
        print(f"   {term.source[0]:<10} {term.target:<14} in {len(holding):>4} lines, matched {hit:>4} "
              f"({hit / max(1, len(holding)):5.1%}); English has the target in {en_has}"
              + (f"; matched where no listed form: {len(matched - set(holding))}" if matched - set(holding) else ""))
        figures[term.target] = {"lines": len(holding), "matched": hit}
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--shared", default=None, help="the shared/ directory (default: beside the repository)")
    ap.add_argument("--corpus", choices=("ntrex", "tico", "both"), default="both")
    ap.add_argument("--lines", type=int, default=0, help="use the first N lines of each corpus (0: all)")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections: {', '.join(SECTIONS)}")
    ap.add_argument("--examples", type=int, default=5, help="examples per failure class")
    ap.add_argument("--seed", type=int, default=12, help="seed of the error injector")
    ap.add_argument("--save", metavar="FILE", help="also write every figure as JSON (to compare two runs)")
    args = ap.parse_args(argv)
    only = set(args.only.split(","))
    if only - set(SECTIONS):
        ap.error(f"unknown section(s): {', '.join(sorted(only - set(SECTIONS)))}")
    data = shared_dir(args.shared) / "data"
    if not (data / NAMES_FILE).is_file():
        print(f"skipped: {data / NAMES_FILE} not found (pass --shared)")
        return 0
    texts = corpora(data, args.corpus, args.lines or None)
    started = time.perf_counter()
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="precision-bench-") as tmpdir:
        tmp = Path(tmpdir)
        if only & {"detect", "false"}:
            names = load_names(data / NAMES_FILE)
            # The corpora's English pooled: more evidence of which words are places.
            common = CommonWords(line for c in corpora(data) for line in c.english)
            commons = {c.name: common for c in texts}
        if "false" in only:  # start the slow CLI runs first, match while they run
            names_path = tmp / "names.yaml"
            write_glossary(names, names_path)
            jobs = {}
            for c in texts:
                ar, en = write_lines(c.arabic, tmp / f"{c.name}.ar"), write_lines(c.english, tmp / f"{c.name}.en")
                jobs[c.name] = ["enforce", "-s", str(ar), "-t", str(en), "-g", str(names_path), "--json",
                                "-o", str(tmp / f"{c.name}.names.json")]
            procs = {n: cli(*a) for n, a in jobs.items()}
        if "detect" in only:
            matcher, index = Matcher(names), readings_index(names)
            for c in texts:
                figures[f"detect/{c.name}"] = detection(c, matcher, index, commons[c.name], args.examples)
        if "false" in only:
            for c in texts:
                _, err = procs[c.name].communicate()
                if procs[c.name].returncode:
                    raise SystemExit(f"tarjama enforce failed on {c.name}: {err.strip()[-500:]}")
                result = json.loads((tmp / f"{c.name}.names.json").read_text(encoding="utf-8"))
                figures[f"false/{c.name}"] = false_corrections(c, result, {}, commons[c.name], args.examples,
                                                               "65k names")
        if "curated" in only:
            for name, fig in curated(texts, load_glossaries([CURATED]), CURATED, tmp, args.seed,
                                     args.examples).items():
                figures[f"curated/{name}"] = fig
        if "medical" in only:
            for c in texts:
                if c.name == "TICO-19":
                    figures[f"medical/{c.name}"] = medical(c, load_glossaries([MEDICAL]))
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    if args.save:
        settings = {"corpus": args.corpus, "lines": args.lines, "seed": args.seed, "only": sorted(only)}
        Path(args.save).write_text(json.dumps({"settings": settings, "figures": figures}, indent=1,
                                              ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
