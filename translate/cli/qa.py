"""CLI for ``tarjama qa``: argument parsing only; the checks live in translate.qa,
the formats in translate.reports."""
from __future__ import annotations

from typing import List, Optional

import typer

_FORMATS = ("text", "json", "html")
_FAIL_ON = ("error", "warning", "never")


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of: {', '.join(allowed)}", param_hint=option)
    return value


def qa_cmd(
    source: str = typer.Option(..., "--source", "-s",
                               help="Arabic source: a file (one segment per line), a directory, or a .jsonl batch."),
    target: Optional[str] = typer.Option(None, "--target", "-t",
                                         help="English target: a line-aligned file, or a directory with the same file names."),
    glossary: Optional[List[str]] = typer.Option(None, "--glossary", "-g", help="Glossary YAML file or directory (repeatable)."),
    fmt: str = typer.Option("text", "--format", "-f", help="Report format: text, json or html."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Write the report here (atomically) instead of stdout."),
    fail_on: str = typer.Option("error", "--fail-on", help="Exit 1 on findings of this severity or worse: error, warning, never."),
    model: Optional[str] = typer.Option(None, "--model", "-m",
                                        help="Installed model name or directory that produced the target (recorded in the signature)."),
    check: Optional[List[str]] = typer.Option(None, "--check", "-c", help="Run only these checks (repeatable or comma-separated)."),
) -> None:
    """Check a translation against glossaries: missing, forbidden and drifting terms,
    garbled source names, untranslated Arabic, numbers and unsupported names.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
    """
    from ..documents import load_inputs
    from ..errors import InputError
    from ..glossary import Glossary, load_glossaries
    from ..matching import MatchSettings
    from ..qa import QASettings, run_qa, select_checks
    from ..reports import render
    from ..reports.signature import build_signature, model_info
    from ..textio import check_output, write_text_atomic

    _choice(fmt, _FORMATS, "'--format'")
    _choice(fail_on, _FAIL_ON, "'--fail-on'")
    if source == "-" and target == "-":
        raise InputError("only one of --source and --target can be - (stdin)")
    if check is not None and not [n for c in check for n in c.split(",") if n.strip()]:
        raise typer.BadParameter("no check names given (e.g. --check missing-term)", param_hint="'--check'")
    select_checks(check)  # unknown check names before any reading
    inputs = [source, *([target] if target else []), *(glossary or [])]
    if output:
        check_output(output, inputs)
    documents = load_inputs(source, target)
    glossaries = load_glossaries(glossary) if glossary else Glossary()
    model_record = model_info(model) if model else None
    match_settings, qa_settings = MatchSettings(), QASettings()
    report = run_qa(documents, glossaries, checks=check, match_settings=match_settings, settings=qa_settings)
    report.signature = build_signature(glossaries.files, report.checks, match_settings.as_dict(),
                                       qa_settings.as_dict(), model_record)
    write_text_atomic(output or "-", render(report, fmt), inputs)
    if output:
        s = report.summary()
        typer.echo(f"tarjama qa: {s['findings']} finding(s) in {s['segments']} segment(s); report written to {output}",
                   err=True)
    if report.fails(fail_on):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the top-level app."""
    app.command("qa")(qa_cmd)
