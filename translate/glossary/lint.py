"""Glossary validation and lint: what a maintainer must fix before publishing.

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
============== ======= ==========================================================
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Iterable

from ..errors import TarjamaError
from .keys import spelling_key
from .loader import glossary_files, load_glossary_file
from .model import Glossary, Term

KINDS = ("two-targets", "fuzzy-overlap", "forbidden-ok", "dup-target", "not-arabic", "dup-spelling",
         "empty-spelling", "common-word")
# Kinds only ``lint`` / ``check --strict`` reports (they need the matcher or are decisions, not breakage).
STRICT_KINDS = frozenset({"fuzzy-overlap", "forbidden-ok", "not-arabic", "common-word"})
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.&\-/ ]*$")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    severity: str  # error | warning
    message: str
    kind: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message}" + (f" [{self.kind}]" if self.kind else "")


def _label(term: Term) -> str:
    return f"term {term.index} ({term.target})"


def _problem(term: Term, severity: str, kind: str, message: str) -> Problem:
    return Problem(term.file or "<glossary>", term.line, severity, f"{_label(term)}: {message}", kind)


def lint_glossary(glossary: Glossary, strict: bool = False) -> list[Problem]:
    """Problems inside an already loaded (possibly merged) glossary; ``strict`` adds
    the kinds in :data:`STRICT_KINDS`."""
    problems = list(_spellings_and_targets(glossary))
    if strict:
        problems += _forbidden_accepted(glossary)
        problems += _not_arabic(glossary)
        problems += _fuzzy_overlaps(glossary)
        problems += _common_words(glossary)
    return problems


def _spellings_and_targets(glossary: Glossary) -> Iterable[Problem]:
    by_spelling: dict[str, Term] = {}
    by_target: dict[str, Term] = {}
    for term in glossary.terms:
        seen_here: dict[str, str] = {}
        for spelling in term.source:
            key = spelling_key(spelling)
            if not key:
                yield _problem(term, "error", "empty-spelling", f"source '{spelling}' has no letters once normalised; "
                                                                "it can never match")
                continue
            if key in seen_here:
                yield _problem(term, "warning", "dup-spelling", f"source '{spelling}' repeats '{seen_here[key]}' "
                                                                "after normalisation (variants are matched automatically)")
                continue
            seen_here[key] = spelling
            other = by_spelling.get(key)
            if other is not None and other.target != term.target:
                yield _problem(term, "error", "two-targets", f"source '{spelling}' is also a spelling of "
                                                             f"'{other.target}' ({other.where}); one spelling must "
                                                             "have one rendering")
            elif other is not None:
                yield _problem(term, "warning", "dup-spelling", f"source '{spelling}' is already listed for "
                                                                f"'{other.target}' at {other.where}")
            by_spelling.setdefault(key, term)
        fold = term.target if term.case == "exact" else term.target.casefold()
        previous = by_target.get(fold)
        if previous is not None:
            yield _problem(term, "warning", "dup-target", f"target '{term.target}' is already defined at "
                                                          f"{previous.where}; merge the entries")
        else:
            by_target[fold] = term
        for wrong in term.forbidden:
            status = term.status_of(wrong)
            if status in ("preferred", "admitted"):
                what = "the target itself" if status == "preferred" else "also listed as accepted ('also')"
                yield _problem(term, "error", "forbidden-ok", f"forbidden form '{wrong}' is {what}")


def _forbidden_accepted(glossary: Glossary) -> Iterable[Problem]:
    """A form one entry forbids and another accepts: enforcement would fight itself."""
    accepted: dict[str, Term] = {}
    for term in glossary.terms:
        for form in term.accepted_renderings():
            accepted.setdefault(form.casefold(), term)
    for term in glossary.terms:
        for wrong in term.forbidden:
            other = accepted.get(wrong.casefold())
            if other is not None and other is not term:
                yield _problem(term, "error", "forbidden-ok", f"forbidden form '{wrong}' is an accepted rendering of "
                                                              f"'{other.target}' ({other.where})")


def _not_arabic(glossary: Glossary) -> Iterable[Problem]:
    for term in glossary.terms:
        for spelling in term.source:
            arabic, latin = bool(_ARABIC.search(spelling)), bool(_LATIN.search(spelling))
            if not spelling_key(spelling):
                continue  # reported as empty-spelling
            if arabic and latin:
                yield _problem(term, "warning", "not-arabic", f"source '{spelling}' mixes Arabic and Latin script; "
                                                              "English belongs in 'target' or 'also'")
            elif not arabic and not _ACRONYM.match(spelling):
                yield _problem(term, "warning", "not-arabic", f"source '{spelling}' is not Arabic (only an acronym "
                                                              "written in Latin letters, such as OIR, belongs here)")


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
                    yield _problem(term, "warning", "fuzzy-overlap",
                                   f"source '{spelling}' would also be taken by the fuzzy matching of "
                                   f"'{other.target}' ({other.where}); an unseen spelling between them may go "
                                   "to either" + (f" ({more} more entr{'y' if more == 1 else 'ies'} share its "
                                                  "consonant skeleton)" if more else ""))
                    break


def _common_words(glossary: Glossary) -> Iterable[Problem]:
    for k, term, spelling, need in explain(glossary):
        yield _problem(term, "warning", "common-word", f"'{spelling}' {need}")


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
