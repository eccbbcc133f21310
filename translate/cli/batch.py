"""CLI for ``tarjama batch``: argument parsing only; the job is translate.batch.run_batch."""
from __future__ import annotations

from typing import List, Optional

import typer

from .options import GLOSSARY_HELP
from .progress import quiet_option

EPILOG = """Examples:

  tarjama batch stories/ -o out/ --glossary glossaries/

  tarjama batch stories/ -o out/ --workers auto     (one worker process per core)

  tarjama batch vendor.xlf memory.tmx -o checked/ --no-translate --report html

  tarjama batch stories/ -o out/ --resume     (after a crash or a kill: finish the rest)

  tarjama batch stories/ -o out/ --ray --ray-address auto --workers 8   (8 actors on a Ray cluster)
"""


def batch_cmd(
    inputs: List[str] = typer.Argument(..., help="Files or directories (searched recursively): XLIFF 1.2/2.0, "
                                                 "TMX, PO, JSONL, .txt."),
    output: str = typer.Option(..., "-o", "--output", help="Output directory: mirrors the inputs, plus "
                                                             "tarjama-report.json and the job manifest."),
    glossary: Optional[List[str]] = typer.Option(None, "--glossary", "-g", help=GLOSSARY_HELP),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Installed model name or model directory (env TARJAMA_MODEL)."),
    workers: str = typer.Option("1", "--workers", "-w", help="Worker processes, each with its own model "
                                "(1: this process, documents overlapping on all cores; the fastest on 2 cores). "
                                "auto: one per core when there are two documents per worker and the memory "
                                "holds them, else 1; with --ray, one actor per CPU of the cluster."),
    resume: bool = typer.Option(False, "--resume", help="Continue the job in OUTDIR: skip documents done with the "
                                                        "same input and settings."),
    report: str = typer.Option("json", "--report", help="Report: json, or html (the QA page, plus the JSON)."),
    no_translate: bool = typer.Option(False, "--no-translate", help="Only enforce and check existing targets."),
    fmt: str = typer.Option("auto", "--format", "-f", help="Input format: auto, xliff, xliff12, xliff20, tmx, po, "
                                                          "jsonl, txt."),
    source_lang: str = typer.Option("ar", "--source-lang", help="Source language in TMX files."),
    target_lang: str = typer.Option("en", "--target-lang", help="Target language in TMX files."),
    beam_size: int = typer.Option(4, "--beam-size", min=1, max=16, help="Beam size (1 = greedy, fastest)."),
    check: Optional[List[str]] = typer.Option(None, "--check", "-c", help="Run only these QA checks (repeatable)."),
    ray: bool = typer.Option(False, "--ray", help="Run on Ray (pip install 'tarjama[ray]'): a local Ray on this "
                                                  "machine, or the cluster of --ray-address. --workers = actors."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Ray cluster to join: auto (the one "
                                                                          "`ray start` made), ray://head:10001 ..."),
    quiet: bool = quiet_option(),
) -> None:
    """Translate (or check) many documents: translate → enforce glossaries → QA, one batch report.

    Outputs are written atomically and recorded in a job manifest; after a
    crash or a kill, --resume finishes the rest with byte-identical results.
    Exit status: 0 all documents done, 3 finished with failed documents
    (listed with their reasons), 2 usage or input error.
    """
    from ..batch import BatchSettings, run_batch
    from ..formats import FORMAT_NAMES
    from ..qa import select_checks

    if fmt not in FORMAT_NAMES:
        raise typer.BadParameter(f"{fmt!r} is not one of: {', '.join(FORMAT_NAMES)}", param_hint="'--format'")
    select_checks(check)
    n_workers = _workers(workers)
    loaded = None
    if glossary:  # conflicts and left-out term-base entries, printed before the work (workers load it silently)
        from ..glossary import load_glossaries
        from .glossary import warn_conflicts

        loaded = load_glossaries(list(glossary))
        warn_conflicts(loaded)
    settings = BatchSettings(model=model, glossaries=tuple(glossary or ()), translate=not no_translate, fmt=fmt,
                             source_lang=source_lang, target_lang=target_lang, beam_size=beam_size,
                             checks=tuple(check or ()))
    outcome = run_batch(inputs, output, settings, workers=n_workers, resume=resume, report=report,
                        ray=(ray_address or "local") if (ray or ray_address) else None, quiet=quiet, glossary=loaded)
    failed = outcome.failed
    if not quiet:
        typer.echo(f"tarjama batch: {len(outcome.results)} document(s): {len(outcome.results) - len(failed)} done, "
                   f"{len(failed)} failed, {outcome.skipped} already done before; {outcome.segments} segment(s), "
                   f"{outcome.findings} finding(s), {outcome.drift} drifting across documents; "
                   f"{_ran_on(outcome.workers, bool(ray or ray_address))}; "
                   f"report: {', '.join(str(p) for p in outcome.reports)}", err=True)
    for r in failed:
        typer.echo(f"tarjama batch: failed: {r.name}: {r.reason}", err=True)
    if failed:
        raise typer.Exit(3)


def _workers(value: str) -> int | None:
    """``--workers``: a positive number, or ``auto`` (None: the library chooses)."""
    if value.strip().lower() == "auto":
        return None
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise typer.BadParameter(f"{value!r} is not a positive number or 'auto'", param_hint="'--workers'")
    return n


def _ran_on(workers: int, ray: bool) -> str:
    if ray:
        return f"{workers} Ray actor(s)"
    return "in this process" if workers <= 1 else f"{workers} worker processes"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the top-level app."""
    app.command("batch", epilog=EPILOG)(batch_cmd)
