"""Glossary lint that needs nothing but the entries: what contradicts itself.

The kinds here (two-targets, forbidden-ok, dup-target, not-arabic, dup-spelling,
empty-spelling) are read off the entries alone; the kinds that ask the matcher
(fuzzy-overlap, common-word), the full table and ``check``/``lint`` over files are
in :mod:`translate.maintenance.lint`, above both glossary and matching.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .keys import spelling_key
from .model import Glossary, Term

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


def problem(term: Term, severity: str, kind: str, message: str) -> Problem:
    return Problem(term.file or "<glossary>", term.line, severity, f"{_label(term)}: {message}", kind)


def entry_problems(glossary: Glossary, strict: bool = False) -> list[Problem]:
    """Problems the entries of a loaded (possibly merged) glossary show by themselves;
    ``strict`` adds the decisions (forbidden-ok across entries, not-arabic)."""
    problems = list(_spellings_and_targets(glossary)) + left_out(glossary)
    if strict:
        problems += _forbidden_accepted(glossary)
        problems += _not_arabic(glossary)
    return problems


def left_out(glossary: Glossary) -> list[Problem]:
    """The entries of a term base read as a glossary that are not terms (no Arabic, no English):
    a maintainer must see each; a translator is warned (``warn_conflicts``)."""
    return [Problem(s.path, s.line, "warning", s.why, "left-out") for s in glossary.skipped]


def _spellings_and_targets(glossary: Glossary) -> Iterable[Problem]:
    by_spelling: dict[str, Term] = {}
    by_target: dict[str, Term] = {}
    for term in glossary.terms:
        seen_here: dict[str, str] = {}
        for spelling in term.source:
            key = spelling_key(spelling)
            if not key:
                yield problem(term, "error", "empty-spelling", f"source '{spelling}' has no letters once normalised; "
                                                                "it can never match")
                continue
            if key in seen_here:
                yield problem(term, "warning", "dup-spelling", f"source '{spelling}' repeats '{seen_here[key]}' "
                                                                "after normalisation (variants are matched automatically)")
                continue
            seen_here[key] = spelling
            other = by_spelling.get(key)
            if other is not None and other.target != term.target:
                yield problem(term, "error", "two-targets", f"source '{spelling}' is also a spelling of "
                                                             f"'{other.target}' ({other.where}); one spelling must "
                                                             "have one rendering")
            elif other is not None:
                yield problem(term, "warning", "dup-spelling", f"source '{spelling}' is already listed for "
                                                                f"'{other.target}' at {other.where}")
            by_spelling.setdefault(key, term)
        fold = term.target if term.case == "exact" else term.target.casefold()
        previous = by_target.get(fold)
        if previous is not None:
            yield problem(term, "warning", "dup-target", f"target '{term.target}' is already defined at "
                                                          f"{previous.where}; merge the entries")
        else:
            by_target[fold] = term
        for wrong in term.forbidden:
            status = term.status_of(wrong)
            if status in ("preferred", "admitted"):
                what = "the target itself" if status == "preferred" else "also listed as accepted ('also')"
                yield problem(term, "error", "forbidden-ok", f"forbidden form '{wrong}' is {what}")


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
                yield problem(term, "error", "forbidden-ok", f"forbidden form '{wrong}' is an accepted rendering of "
                                                              f"'{other.target}' ({other.where})")


def _not_arabic(glossary: Glossary) -> Iterable[Problem]:
    for term in glossary.terms:
        for spelling in term.source:
            arabic, latin = bool(_ARABIC.search(spelling)), bool(_LATIN.search(spelling))
            if not spelling_key(spelling):
                continue  # reported as empty-spelling
            if arabic and latin:
                yield problem(term, "warning", "not-arabic", f"source '{spelling}' mixes Arabic and Latin script; "
                                                              "English belongs in 'target' or 'also'")
            elif not arabic and not _ACRONYM.match(spelling):
                yield problem(term, "warning", "not-arabic", f"source '{spelling}' is not Arabic (only an acronym "
                                                              "written in Latin letters, such as OIR, belongs here)")
