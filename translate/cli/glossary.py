"""CLI: ``tarjama glossary check`` and ``tarjama glossary match``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

import typer

from ..glossary import load_glossaries
from ..glossary.lint import check_paths
from ..matching import Matcher, MatchSettings
from ..matching.match import FuzzySettings
from ..textio import display_name, read_lines

glossary_app = typer.Typer(help="Validate glossaries and find their terms in Arabic text.", no_args_is_help=True)

GLOSSARY_OPTION = typer.Option(
    ..., "--glossary", "-g", help="Glossary YAML file or directory of *.yaml (repeatable)."
)


@glossary_app.command("check")
def check(
    paths: List[Path] = typer.Argument(..., help="Glossary files or directories."),
    explain: bool = typer.Option(False, "--explain", help="Also list the one-word spellings that are Arabic words "
                                                          "too, and what they need to match alone (notes on "
                                                          "stdout; the exit status is unchanged)."),
) -> None:
    """Validate and lint glossaries. Exit 0 if clean, 1 with file:line messages if not."""
    glossary, problems = check_paths(paths)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if explain:
        matcher = Matcher(glossary)
        for k, term in enumerate(glossary.terms):
            for spelling in term.source:
                need = matcher.needs(k, spelling)
                if need:
                    typer.echo(f"{term.where}: note: term {term.index} ({term.target}): '{spelling}' {need}")
    if problems:
        errors = sum(p.severity == "error" for p in problems)
        typer.echo(f"{len(problems)} problem(s): {errors} error(s), {len(problems) - errors} warning(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {len(glossary)} terms in {len(glossary.files)} file(s)")


@glossary_app.command("match")
def match(
    file: str = typer.Argument(..., help="Arabic text file, or - for stdin."),
    glossary: List[Path] = GLOSSARY_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
    fuzzy: bool = typer.Option(True, "--fuzzy/--no-fuzzy", help="Also report unseen spellings (kind 'fuzzy')."),
    min_score: float = typer.Option(FuzzySettings.min_score, "--min-score", min=0.0, max=1.0,
                                    help="Lowest fuzzy score to report."),
) -> None:
    """Find every glossary term in an Arabic text, however it is spelled."""
    terms = load_glossaries(glossary)
    lines = read_lines(file)
    matcher = Matcher(terms, MatchSettings(FuzzySettings(enabled=fuzzy, min_score=min_score)))
    matches = matcher.find_all(lines)
    if as_json:
        typer.echo(json.dumps({"matches": [m.to_dict() for m in matches]}, ensure_ascii=False))
        return
    if not matches:
        typer.echo(f"no glossary terms found in {display_name(file)}")
        return
    typer.echo(f"{'line':>5} {'span':>11}  {'kind':<10} {'score':>5}  text → target")
    for m in matches:
        typer.echo(f"{m.line:>5} {f'{m.start}-{m.end}':>11}  {m.kind:<10} {m.score:>5.2f}  {m.text} → {m.target}")
    typer.echo(f"{len(matches)} match(es)")


def register(app: typer.Typer) -> None:
    app.add_typer(glossary_app, name="glossary")
