"""Glossary validation and lint: what a maintainer must fix before publishing.

The kinds that read the entries alone are in :mod:`translate.glossary.lint`;
this module adds the two that ask the matcher and runs them over files.

Load errors stop a file; lint problems are collected across all files so one run
lists everything, each as ``file:line: severity: message [kind]``.

``check`` reports what breaks matching or contradicts itself; ``lint`` (or
``check --strict``) adds what a maintainer must decide on:

============== ======= ==========================================================
kind           level   what
============== ======= ==========================================================
two-targets    error   one spelling (after normalisation) under two targets
fuzzy-overlap  warning a spelling one entry lists that another entry's fuzzy
                       matching would also take (the matcher decides)
forbidden-ok   error   a forbidden rendering equal to some target or ``also``
dup-target     warning a target listed twice (merge the entries)
not-arabic     warning non-Arabic text in ``source`` (an acronym such as OIR is fine)
dup-spelling   warning a spelling listed twice (in one entry or two)
empty-spelling error   a spelling with no letters
common-word    warning a one-word spelling that is also a common Arabic word
                       (what ``check --explain`` says it needs to match alone)
left-out       warning an entry of a term base (TBX/CSV/TSV) that is no term: no
                       Arabic or no English
============== ======= ==========================================================
"""
from __future__ import annotations

import os
from typing import Iterable

from ..errors import TarjamaError
from ..glossary.keys import spelling_key
from ..glossary.lint import Problem, entry_problems, problem
from ..glossary.loader import glossary_files, load_glossary_file
from ..glossary.model import Glossary

KINDS = ("two-targets", "fuzzy-overlap", "forbidden-ok", "dup-target", "not-arabic", "dup-spelling",
         "empty-spelling", "common-word", "left-out")
# Kinds only ``lint`` / ``check --strict`` reports (they need the matcher or are decisions, not breakage).
STRICT_KINDS = frozenset({"fuzzy-overlap", "forbidden-ok", "not-arabic", "common-word"})


def lint_glossary(glossary: Glossary, strict: bool = False) -> list[Problem]:
    """Problems inside an already loaded (possibly merged) glossary; ``strict`` adds
    the kinds in :data:`STRICT_KINDS`."""
    problems = entry_problems(glossary, strict)
    if strict:
        problems += _fuzzy_overlaps(glossary)
        problems += _common_words(glossary)
    return problems


# Candidates tried per spelling, nearest first: on the 65k-name list some
# skeletons are shared by hundreds of entries (trying all took 95 s and printed
# 106k lines); the nearest decide, the rest are counted.
MAX_OVERLAP_TRIES = 4


def _fuzzy_overlaps(glossary: Glossary) -> Iterable[Problem]:
    """Entries whose spellings the matcher's fuzzy pass could confuse. Candidate
    pairs share a consonant skeleton word by word (the blocking key that keeps this
    linear); the matcher itself, built on the other entry alone, says whether its
    fuzzy pass takes the spelling. One line per spelling: the nearest entry that
    would take it, and how many more share its skeleton."""
    from rapidfuzz.distance import Levenshtein

    from ..arabic.phonetic import skeleton
    from ..matching import Matcher

    blocks: dict[tuple[str, ...], list[tuple[int, str, str]]] = {}
    for k, term in enumerate(glossary.terms):
        for spelling in term.source:
            key = spelling_key(spelling)
            if key:
                blocks.setdefault(tuple(skeleton(w) for w in key.split()), []).append((k, spelling, key))
    single: dict[int, Matcher] = {}
    for members in blocks.values():
        if len(members) < 2 or len({glossary.terms[k].target for k, _, _ in members}) < 2:
            continue
        for k, spelling, key in members:
            term = glossary.terms[k]
            others = sorted({j: okey for j, _, okey in members if glossary.terms[j].target != term.target}.items(),
                            key=lambda item: (Levenshtein.distance(key, item[1]), item[0]))
            for tried, (j, _) in enumerate(others[:MAX_OVERLAP_TRIES]):
                other = glossary.terms[j]
                matcher = single.get(j)
                if matcher is None:
                    matcher = single[j] = Matcher(Glossary(terms=[other]))
                if any(m.kind == "fuzzy" for m in matcher.find(spelling)):
                    more = len(others) - tried - 1
                    yield problem(term, "warning", "fuzzy-overlap",
                                   f"source '{spelling}' would also be taken by the fuzzy matching of "
                                   f"'{other.target}' ({other.where}); an unseen spelling between them may go "
                                   "to either" + (f" ({more} more entr{'y' if more == 1 else 'ies'} share its "
                                                  "consonant skeleton)" if more else ""))
                    break


def _common_words(glossary: Glossary) -> Iterable[Problem]:
    for k, term, spelling, need in explain(glossary):
        yield problem(term, "warning", "common-word", f"'{spelling}' {need}")


def explain(glossary: Glossary):
    """(term id, term, spelling, what it needs) for one-word spellings that are also
    Arabic words: the matcher's own account (Matcher.needs)."""
    from ..matching import Matcher

    matcher = Matcher(glossary)
    for k, term in enumerate(glossary.terms):
        for spelling in term.source:
            need = matcher.needs(k, spelling)
            if need:
                yield k, term, spelling, need


def check_paths(paths: list[str] | list[os.PathLike[str]], strict: bool = False) -> tuple[Glossary, list[Problem]]:
    """Load every glossary under ``paths``, reporting load errors per file and lint problems.
    Files are merged without precedence here: a conflict between files is a problem to report."""
    merged = Glossary()
    problems: list[Problem] = []
    for path in paths:
        try:
            files = glossary_files(path)
        except TarjamaError as exc:
            problems.append(Problem(exc.path or str(path), exc.line, "error", exc.message))
            continue
        for f in files:
            try:
                merged.extend(load_glossary_file(f))
            except TarjamaError as exc:
                problems.append(Problem(exc.path or str(f), exc.line, "error", exc.message))
    found = lint_glossary(merged, strict=strict)
    found.sort(key=lambda p: (p.path, p.line or 0))
    return merged, problems + found
