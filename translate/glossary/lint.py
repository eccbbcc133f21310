"""Glossary validation and lint: what a maintainer must fix before publishing.

Load errors stop a file; lint problems are collected across all files so one run
lists everything, each as ``file:line: severity: message``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from ..arabic.normalize import normalize
from ..arabic.script import WORD
from ..errors import TarjamaError
from .loader import glossary_files, load_glossary_file
from .model import Glossary, Term



@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    severity: str  # error | warning
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message}"


def lint_glossary(glossary: Glossary) -> list[Problem]:
    """Problems inside an already loaded (possibly merged) glossary."""
    problems: list[Problem] = []
    by_spelling: dict[str, Term] = {}
    by_target: dict[str, Term] = {}

    def add(term: Term, severity: str, message: str) -> None:
        problems.append(Problem(term.file or "<glossary>", term.line, severity, message))

    for term in glossary.terms:
        label = f"term {term.index} ({term.target})"
        seen_here: dict[str, str] = {}
        for spelling in term.source:
            key = " ".join(WORD.findall(normalize(spelling)))
            if not key:
                add(term, "error", f"{label}: source '{spelling}' has no letters once normalised; it can never match")
                continue
            if key in seen_here:
                add(term, "warning", f"{label}: source '{spelling}' repeats '{seen_here[key]}' "
                                     "after normalisation (variants are matched automatically)")
                continue
            seen_here[key] = spelling
            other = by_spelling.get(key)
            if other is not None and other.target != term.target:
                add(term, "error", f"{label}: source '{spelling}' is also a spelling of "
                                   f"'{other.target}' ({other.where}); one spelling must have one rendering")
            by_spelling.setdefault(key, term)
        lowered = term.target.casefold()
        previous = by_target.get(lowered)
        if previous is not None:
            add(term, "warning", f"{label}: target '{term.target}' is already defined at {previous.where}; merge the entries")
        else:
            by_target[lowered] = term
        for wrong in term.forbidden:
            if wrong.casefold() == lowered:
                add(term, "error", f"{label}: forbidden form '{wrong}' is the target itself")
    return problems


def check_paths(paths: list[str] | list[os.PathLike[str]]) -> tuple[Glossary, list[Problem]]:
    """Load every glossary under ``paths``, reporting load errors per file and lint problems."""
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
    problems.extend(lint_glossary(merged))
    return merged, problems
