"""What stands between the detection figures and issue 12's goals, case by case.

``bench/precision_bench.py`` counts every detection its judge refuses as wrong and
every naive guard pair no credited detection covers as missed. Read one by one
(``bench/data/name-review.tsv``), many of them are not matcher errors: the English
leaves the name out, the judge missed it, or the "person" is a place the 65k list
types as one. This script runs the same detection section, joins each refused
detection and each uncovered guard pair with its reviewed class, and prints:

- per corpus, the count per class, and every case not yet reviewed (a changed
  matcher or judge shows up here, never silently in a figure);
- precision counting only NOT_A_NAME and unreviewed detections as wrong;
- the ceiling the judge allows if every NOT_A_NAME detection were removed;
- the guard without PLACE_OR_GROUP and NAIVE_WRONG pairs in its denominator
  (unreviewed pairs stay in it, as misses).

Classes (detections): NAME_OMITTED, NAME_RESPELLED, JUDGE_MISS, NOT_A_NAME;
(guard pairs): PLACE_OR_GROUP, PERSON_MISSED, NAIVE_WRONG. See
``bench/PRECISION_NOTES.md``, "Review of the remaining gap".

    .venv/bin/python bench/name_review.py
    .venv/bin/python bench/name_review.py --template new.tsv   # unreviewed cases to review, with context
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import NAMES_FILE, Corpus, corpora, load_names, shared_dir  # noqa: E402
from name_credit import CommonWords  # noqa: E402
from precision_bench import DATA, GOALS, RECALL_GOAL, judged_detections, readings_index  # noqa: E402
from translate.matching import Matcher  # noqa: E402

REVIEW = DATA / "name-review.tsv"
DETECTION, GUARD = "detection", "guard"
DETECTION_CLASSES = ("NAME_OMITTED", "NAME_RESPELLED", "JUDGE_MISS", "NOT_A_NAME")
GUARD_CLASSES = ("PLACE_OR_GROUP", "PERSON_MISSED", "NAIVE_WRONG")
COLUMNS = ("corpus", "line", "kind", "arabic", "target", "class", "reason")


@dataclass(frozen=True)
class Case:
    """One refused detection or uncovered guard pair; ``key`` joins it with a review row."""

    corpus: str
    line: int
    kind: str
    arabic: str    # the Arabic as detected (detection) or as the naive lookup found it (guard)
    target: str
    cause: str = ""    # the judge's cause (detections)
    context: str = ""  # the Arabic around it
    english: str = ""

    @property
    def key(self) -> tuple[str, int, str, str, str]:
        return (self.corpus, self.line, self.kind, self.arabic, self.target)


def load_review(path: Path) -> dict[tuple[str, int, str, str, str], tuple[str, str]]:
    """Key -> (class, reason); a class outside its kind's list is an error, not a guess."""
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for no, row in enumerate(csv.DictReader(fh, delimiter="\t"), 2):
            allowed = DETECTION_CLASSES if row["kind"] == DETECTION else GUARD_CLASSES
            if row["class"] not in allowed:
                raise SystemExit(f"{path}:{no}: class {row['class']!r} is not one of {', '.join(allowed)}")
            out[(row["corpus"], int(row["line"]), row["kind"], row["arabic"], row["target"])] = \
                (row["class"], row["reason"])
    return out


def cases(corpus: Corpus, matcher: Matcher, index: dict[str, set[str]], common: CommonWords
          ) -> tuple[int, int, list[Case], int, int, list[Case]]:
    """(detections, right, refused detections, guard pairs, covered, uncovered pairs) of one corpus."""
    verdicts, pairs, spans, _ = judged_detections(corpus, matcher, index, common)

    def around(no: int, s: int, e: int) -> str:
        return corpus.arabic[no - 1][max(0, s - 30):e + 30].replace("\t", " ")

    refused = [Case(corpus.name, no, DETECTION, m.text, m.target, v.cause, around(no, m.start, m.end),
                    corpus.english[no - 1]) for no, m, v in verdicts if not v.right]
    missed = []
    for (no, t), covered in pairs.items():
        if not covered:
            s, e = spans[(no, t)]
            missed.append(Case(corpus.name, no, GUARD, corpus.arabic[no - 1][s:e], t, "", around(no, s, e),
                               corpus.english[no - 1]))
    right = sum(v.right for _, _, v in verdicts)
    return len(verdicts), right, refused, len(pairs), sum(pairs.values()), missed


@dataclass(frozen=True)
class Figures:
    fair_precision: float
    ceiling: float
    guard: float


def figures(detections: int, right: int, refused: list[Case], pairs: int, covered: int, missed: list[Case],
            classes: dict[tuple, str]) -> Figures:
    """The three figures; an unreviewed case counts against us (wrong, missed)."""
    not_a_name = sum(classes.get(c.key) == "NOT_A_NAME" for c in refused)
    unreviewed = sum(c.key not in classes for c in refused)
    out_of_guard = sum(classes.get(c.key) in ("PLACE_OR_GROUP", "NAIVE_WRONG") for c in missed)
    return Figures((detections - not_a_name - unreviewed) / max(1, detections),
                   right / max(1, detections - not_a_name),
                   covered / max(1, pairs - out_of_guard))


def report(name: str, counts: tuple, review: dict) -> Figures:
    detections, right, refused, pairs, covered, missed = counts
    classes = {k: c for k, (c, _) in review.items()}
    fig = figures(*counts, classes)
    goal = GOALS.get(name, 0.9)
    print(f"\n== {name}: {detections:,} detections, {right:,} credited, {len(refused)} refused; "
          f"guard {covered:,} of {pairs:,} pairs covered, {len(missed)} not")
    for kind, found, allowed in ((DETECTION, refused, DETECTION_CLASSES), (GUARD, missed, GUARD_CLASSES)):
        by = Counter(classes.get(c.key, "unreviewed") for c in found)
        print(f"   {kind:<9} " + ", ".join(f"{k} {by[k]}" for k in (*allowed, "unreviewed")))
    print(f"   precision, only NOT_A_NAME + unreviewed wrong  {fig.fair_precision:6.3f}   goal >= {goal:.2f}  "
          f"(judge: {right / max(1, detections):.3f})")
    print(f"   precision ceiling, every NOT_A_NAME removed    {fig.ceiling:6.3f}   goal >= {goal:.2f}")
    print(f"   guard without PLACE_OR_GROUP/NAIVE_WRONG pairs {fig.guard:6.3f}   goal >= {RECALL_GOAL:.2f}  "
          f"(bench: {covered / max(1, pairs):.3f})")
    todo = [c for c in refused + missed if c.key not in classes]
    for c in todo:
        print(f"   not reviewed: {c.kind} line {c.line} {c.arabic}->{c.target} ({c.cause or 'uncovered'})")
    return fig


def write_template(todo: list[Case], path: Path) -> None:
    """The unreviewed cases as review rows with an empty class, context after them."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow((*COLUMNS, "cause", "context", "english"))
        for c in todo:
            out.writerow((*c.key, "", "", c.cause, c.context, c.english))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--shared", default=None, help="the shared/ directory (default: beside the repository)")
    ap.add_argument("--review", type=Path, default=REVIEW, help=f"the reviewed cases (default: {REVIEW})")
    ap.add_argument("--template", type=Path, help="write the unreviewed cases here, with context, to review")
    args = ap.parse_args(argv)
    data = shared_dir(args.shared) / "data"
    if not (data / NAMES_FILE).is_file():
        print(f"skipped: {data / NAMES_FILE} not found (pass --shared)")
        return 0
    review = load_review(args.review) if args.review.is_file() else {}
    names = load_names(data / NAMES_FILE)
    texts = corpora(data)
    common = CommonWords(line for c in texts for line in c.english)
    matcher, index = Matcher(names), readings_index(names)
    todo, seen = [], set()
    for corpus in texts:
        counts = cases(corpus, matcher, index, common)
        report(corpus.name, counts, review)
        found = counts[2] + counts[5]
        seen |= {c.key for c in found}
        todo += [c for c in found if c.key not in review]
    stale = [k for k in review if k not in seen]
    print(f"\n{len(review)} reviewed rows, {len(stale)} no longer match a case (the matcher or judge changed)")
    for corpus, line, kind, arabic, target in stale:
        print(f"   gone: {corpus} {kind} line {line} {arabic}->{target} "
              f"(was {review[(corpus, line, kind, arabic, target)][0]})")
    if args.template:
        write_template(todo, args.template)
        print(f"{len(todo)} unreviewed cases written to {args.template}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
