"""CLI for ``tarjama enforce``: correct glossary terms in an existing English translation."""
from __future__ import annotations

import json
from typing import List, Optional

import typer

from ..enforce.records import EnforceSettings
from .options import GLOSSARY_HELP
from .progress import quiet_option


def enforce_cmd(
    source: str = typer.Option(..., "--source", "-s", help="Arabic source, one segment per line (- for stdin), "
                                                         "or a bilingual XLIFF/TMX/PO/JSONL file (no --target)."),
    target: Optional[str] = typer.Option(None, "--target", "-t",
                                         help="English translation, line-aligned with the source (- for stdin)."),
    glossary: List[str] = typer.Option(..., "--glossary", "-g", help=GLOSSARY_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print lines, corrections and unplaced terms as JSON."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Write here (atomically) instead of stdout."),
    min_score: float = typer.Option(EnforceSettings.min_match_score, "--min-score", min=0.0, max=1.0,
                                    help="Fuzzy source matches below this score are reported, not enforced."),
    input_format: str = typer.Option("auto", "--input-format", metavar="FORMAT",
                                     help="Format of a bilingual --source: auto, xliff, xliff12, xliff20, tmx, po, jsonl."),
    quiet: bool = quiet_option(),
) -> None:
    """Make every glossary term found in the Arabic appear in its canonical English form.

    Only the spans rendering a term change; everything else stays byte-identical.
    Terms that cannot be placed confidently are left as they are and reported
    (stderr summary, or "unplaced" in --json). Long runs show their progress
    on stderr (segments, rate, ETA); --quiet hides it and the summary, unless
    terms were left unenforced.
    """
    from ..documents import align
    from ..enforce import Enforcer, EnforceSettings
    from ..errors import InputError
    from ..glossary import load_glossaries
    from ..progress import ProgressDisplay
    from ..textio import (check_output, display_name, read_lines, read_lines_layout, write_bytes_atomic,
                          write_text_atomic)
    from .glossary import warn_conflicts

    if source == "-" and target == "-":
        raise InputError("only one of --source and --target can be - (stdin)")
    if output:
        check_output(output, [p for p in (source, target, *glossary) if p is not None])
    terms = load_glossaries(glossary)  # glossary errors first: file:line
    warn_conflicts(terms)
    bilingual = None
    layout = None
    if target is None:  # a bilingual file: enforce its targets, write the same format back
        from ..formats import read_bilingual_file

        bilingual = read_bilingual_file(source, input_format)
        src_lines = [u.source for u in bilingual.units]
        tgt_lines = [u.target or "" for u in bilingual.units]
    else:
        src_lines = read_lines(source, allow_empty=True)
        if not src_lines:
            raise InputError("file is empty", display_name(source))
        # The target's BOM and line endings are given back exactly (CRLF stays CRLF).
        tgt_lines, layout = read_lines_layout(target, allow_empty=True)
        align(None, src_lines, tgt_lines, display_name(source), display_name(target))  # line counts
    enforcer = Enforcer(terms, EnforceSettings(min_match_score=min_score))
    with ProgressDisplay("enforce", quiet=quiet) as progress:
        results = enforcer.enforce_lines(src_lines, tgt_lines, progress=progress)
    lines = [r.text for r in results]
    corrections = [c for r in results for c in r.corrections]
    unplaced = [u for r in results for u in r.unplaced]
    if as_json:
        record = {
            "lines": lines,
            "corrections": [c.to_dict() for c in corrections],
            "unplaced": [u.to_dict() for u in unplaced],
        }
        text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    elif bilingual is not None:
        for i, line in enumerate(lines):
            if line != tgt_lines[i]:
                bilingual.set_target(i, line)
        text = bilingual.to_bytes()
    else:
        text = layout.join(lines)
    inputs = [p for p in (source, target, *glossary) if p is not None]
    if isinstance(text, bytes):  # a bilingual file, in its own encoding
        write_bytes_atomic(output or "-", text, inputs)
    else:
        write_text_atomic(output or "-", text, inputs)
    if (not as_json or output) and (not quiet or unplaced):
        typer.echo(f"tarjama enforce: {len(corrections)} correction(s), {len(unplaced)} term(s) not enforced", err=True)


_EXAMPLES = """
Examples:

\b
  # fix the terms of a machine translation, line-aligned with its source
  tarjama enforce -s article.ar.txt -t article.mt.en.txt -g glossaries/ -o article.en.txt
\b
  # an XLIFF from a CAT tool or another engine, written back in the same format
  tarjama enforce -s vendor.xlf -g glossaries/ -o vendor.fixed.xlf
\b
  # what changed and what could not be placed, for a script; no progress or summary
  tarjama enforce -s article.ar.txt -t article.mt.en.txt -g glossaries/ --json -q > changes.json
"""


def register(app: typer.Typer) -> None:
    """Add this module's commands to the top-level app."""
    app.command("enforce", epilog=_EXAMPLES)(enforce_cmd)
