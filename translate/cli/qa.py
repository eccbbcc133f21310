"""CLI for ``tarjama qa``: argument parsing only; the checks live in translate.qa,
the formats in translate.reports."""
from __future__ import annotations

import os
import shutil
import sys
from enum import Enum
from typing import List, Optional

import typer

from ..qa import CHECK_NAMES, FAIL_LEVELS
from ..reports import FORMATS
from .options import GLOSSARY_HELP
from .progress import quiet_option

# Choices come from the library's own lists, so --help and validation never drift.
ReportFormat = Enum("ReportFormat", {f: f for f in FORMATS}, type=str)  # type: ignore[misc]
FailOn = Enum("FailOn", {f: f for f in FAIL_LEVELS}, type=str)  # type: ignore[misc]

_EXAMPLES = """
Examples:

\b
  # review an article in the browser (exit 1 if any error)
  tarjama qa -s article.ar.txt -t article.en.txt -g glossaries/ -f html -o qa.html
\b
  # a batch of {"id","source","target"} records, findings for a spreadsheet
  tarjama qa -s batch.jsonl -g glossaries/ -f csv -o findings.csv --fail-on never
\b
  # only the form checks; mark today's false alarms, then hide them next time
  tarjama qa -s ar/ -t en/ -c end-punctuation,unbalanced,whitespace --write-ignore ok.yaml
  tarjama qa -s ar/ -t en/ --ignore ok.yaml
"""


def _checks(values: Optional[List[str]]) -> Optional[List[str]]:
    """--check: names from the list in --help, repeatable or comma-separated."""
    if values is None or values == []:
        return None
    wanted = [n.strip() for v in values for n in v.split(",") if n.strip()]
    if not wanted:
        raise typer.BadParameter(f"names no check; choose from: {', '.join(CHECK_NAMES)}")
    unknown = [n for n in wanted if n not in CHECK_NAMES]
    if unknown:
        raise typer.BadParameter(f"unknown check {unknown[0]!r}; choose from: {', '.join(CHECK_NAMES)}")
    return wanted


def _use_color(output: Optional[str]) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (no-color.org)."""
    if output not in (None, "-") or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def qa_cmd(
    source: str = typer.Option(..., "--source", "-s", metavar="PATH",
                               help="Arabic source: a file (one segment per line), a directory, a .jsonl batch, "
                                    "or a bilingual XLIFF/TMX/PO file (no --target)."),
    target: Optional[str] = typer.Option(None, "--target", "-t", metavar="PATH",
                                         help="English target: a line-aligned file, or a directory with the same file names."),
    glossary: Optional[List[str]] = typer.Option(None, "--glossary", "-g", metavar="PATH",
                                                 help=GLOSSARY_HELP),
    fmt: ReportFormat = typer.Option("text", "--format", "-f",
                                     help="Report format; tsv/csv give one row per finding for spreadsheets."),
    output: Optional[str] = typer.Option(None, "-o", "--output", metavar="FILE",
                                         help="Write the report here (atomically) instead of stdout."),
    fail_on: FailOn = typer.Option("error", "--fail-on",
                                   help="Exit 1 on findings of this severity or worse (never: always exit 0)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", metavar="NAME|DIR",
                                        help="Installed model name or directory that produced the target (recorded in the signature)."),
    check: Optional[List[str]] = typer.Option(None, "--check", "-c", metavar="CHECK[,CHECK...]", callback=_checks,
                                              help="Run only these checks (repeatable or comma-separated), of: "
                                                   + ", ".join(CHECK_NAMES) + "."),
    ignore: Optional[str] = typer.Option(None, "--ignore", metavar="FILE",
                                         help="Suppressions (YAML or JSON list of check, term, source hash, reason): "
                                              "matching findings are counted, not reported; stale ones are listed."),
    write_ignore: Optional[str] = typer.Option(None, "--write-ignore", metavar="FILE",
                                               help="Write a suppression file for every finding of this run "
                                                    "(keeping the still-matching --ignore entries), to fill in reasons."),
    input_format: str = typer.Option("auto", "--input-format", metavar="FORMAT",
                                     help="Format of a bilingual --source: auto, xliff, xliff12, xliff20, tmx, po, jsonl."),
    quiet: bool = quiet_option(),
) -> None:
    """Check a translation: glossary terms (missing, forbidden, drifting, garbled,
    unsupported), untranslated Arabic, numbers, empty or copied targets, URLs and
    handles, length outliers, inconsistent segments, punctuation and spacing.

    Long runs show their progress on stderr (segments of all documents, rate,
    ETA); --quiet hides it.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
    """
    from datetime import datetime, timezone

    from ..errors import InputError
    from ..glossary import Glossary, load_glossaries
    from ..progress import ProgressDisplay
    from ..qa import run_qa
    from ..reports import render
    from ..reports import suppressions
    from ..reports.signature import input_records, model_info
    from ..settings import Settings
    from ..textio import check_output, write_text_atomic
    from .glossary import warn_conflicts

    if source == "-" and target == "-":
        raise InputError("only one of --source and --target can be - (stdin)")
    if write_ignore == "-" and output in (None, "-"):
        raise typer.BadParameter("the report already goes to stdout; give the suppressions a file",
                                 param_hint="'--write-ignore'")
    if check and not glossary:
        from ..qa import CHECKS

        needs = [c.name for c in CHECKS if c.needs_glossary and c.name in check]
        if needs:
            raise typer.BadParameter(f"{needs[0]} needs a glossary (--glossary)", param_hint="'--check'")
    inputs = [source, *([target] if target else []), *(glossary or [])]  # --write-ignore may update --ignore
    for path in (output, write_ignore):
        if path and path != "-":
            check_output(path, inputs)
    ignored = suppressions.load(ignore) if ignore else []
    documents = _bilingual_or_pair(source, target, input_format)
    glossaries = load_glossaries(glossary) if glossary else Glossary()
    warn_conflicts(glossaries)
    model_record = model_info(model) if model else None
    with ProgressDisplay("qa", quiet=quiet) as progress:
        report = run_qa(documents, glossaries, checks=check, settings=Settings(), model=model_record,
                        inputs=input_records(source, target, documents), progress=progress)
    report.created = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    suppressions.apply(report, ignored)
    width = shutil.get_terminal_size((120, 24)).columns if _use_color(output) else 120
    write_text_atomic(output or "-", render(report, fmt.value, width=width, color=_use_color(output)), inputs)
    if write_ignore:
        entries = suppressions.entries_for(report, ignored)
        write_text_atomic(write_ignore, suppressions.dump(entries), inputs)
        if not quiet:
            typer.echo(f"tarjama qa: {len(entries)} suppression(s) written to {write_ignore}; fill in each reason",
                       err=True)
    if report.stale and (output or fmt.value != "text"):
        typer.echo(f"tarjama qa: {len(report.stale)} suppression(s) in {ignore} match nothing now (stale)", err=True)
    if output and not quiet:
        s = report.summary()
        typer.echo(f"tarjama qa: {s['findings']} finding(s) in {s['segments']} segment(s); report written to {output}",
                   err=True)
    if report.fails(fail_on.value):
        raise typer.Exit(1)


def _bilingual_or_pair(source: str, target: Optional[str], input_format: str):
    """A bilingual file (XLIFF, TMX, PO; detected or --input-format) when there is
    no --target; otherwise the aligned pair, directory pair or JSONL batch."""
    from ..documents import load_inputs, read_bilingual

    jsonl = source == "-" or source.endswith((".jsonl", ".ndjson"))
    if target is None and (input_format != "auto" or not jsonl):
        return read_bilingual(source, input_format)
    return load_inputs(source, target)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the top-level app."""
    app.command("qa", epilog=_EXAMPLES)(qa_cmd)
