"""CLI: ``tarjama glossary`` — check, lint, match, import, export, suggest, add, apply, stats.

Argument parsing only; the work is in :mod:`translate.glossary`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..glossary import load_glossaries
from ..glossary.lint import left_out
from ..maintenance.lint import KINDS, check_paths
from ..maintenance.lint import explain as explain_spellings
from ..matching import Matcher, MatchSettings
from ..matching.match import FuzzySettings
from ..textio import display_name, read_lines, write_bytes_atomic
from .options import GLOSSARY_HELP

glossary_app = typer.Typer(help="Validate, maintain, import and export glossaries; find their terms in Arabic text.",
                           no_args_is_help=True)


def _examples(*commands: str) -> str:
    """A help epilog of real commands, kept on their own lines (click's \\b marker)."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {c}" for c in commands)


GLOSSARY_OPTION = typer.Option(..., "--glossary", "-g", help=GLOSSARY_HELP)


@glossary_app.command("check")
def check(
    paths: List[Path] = typer.Argument(..., help="Glossary files or directories."),
    explain: bool = typer.Option(False, "--explain", help="Also list the one-word spellings that are Arabic words "
                                                          "too, and what they need to match alone (notes on "
                                                          "stdout; the exit status is unchanged)."),
    strict: bool = typer.Option(False, "--strict", help="Report everything `glossary lint` does."),
) -> None:
    """Validate and lint glossaries. Exit 0 if clean, 1 with file:line messages if not."""
    glossary, problems = check_paths(paths, strict=strict)
    if explain:
        for _, term, spelling, need in explain_spellings(glossary):
            typer.echo(f"{term.where}: note: term {term.index} ({term.target}): '{spelling}' {need}")
    _report(glossary, problems)


def _report(glossary, problems, ignore: frozenset[str] = frozenset()) -> None:
    problems = [p for p in problems if p.kind not in ignore]
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        errors = sum(p.severity == "error" for p in problems)
        typer.echo(f"{len(problems)} problem(s): {errors} error(s), {len(problems) - errors} warning(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {len(glossary)} terms in {len(glossary.files)} file(s)")


@glossary_app.command("lint", epilog=_examples(
    "tarjama glossary lint glossaries/",
    "tarjama glossary lint glossaries/us-iraq-news.yaml imported.yaml",
    "tarjama glossary lint glossaries/ --ignore common-word",
    "tarjama glossary lint client.tbx          # a term base as it is: entries left out are listed",
))
def lint(
    paths: List[Path] = typer.Argument(..., help="Glossary files or directories (checked together: conflicts "
                                                 "between files are reported)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help=f"Leave out a kind of problem (repeatable): "
                                                                      f"{', '.join(KINDS)}."),
) -> None:
    """Find what a glossary maintainer must resolve, one line each (file:line, kind):
    a spelling under two targets; a spelling another entry's fuzzy matching would
    also take; a forbidden form that some entry accepts; a target listed twice;
    non-Arabic text in source; duplicate or empty spellings; one-word spellings
    that are also common Arabic words; entries of a TBX/CSV/TSV term base that are
    no term (no Arabic or no English). Exit 0 if clean, 1 if any problem
    (an unreadable file is one, with its file:line).
    """
    for kind in ignore or ():
        if kind not in KINDS:
            raise typer.BadParameter(f"{kind!r} is not one of: {', '.join(KINDS)}", param_hint="'--ignore'")
    glossary, problems = check_paths(paths, strict=True)
    _report(glossary, problems, frozenset(ignore or ()))


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
    warn_conflicts(terms)
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


#: Left-out term-base entries shown one by one before the rest are counted.
_SKIPPED_SHOWN = 5


def warn_conflicts(glossary) -> None:
    """One stderr line per spelling two glossaries disagree on, and the entries of a term base given
    as a glossary that were left out (no Arabic, no English), so none is dropped silently
    (every command calls this)."""
    for conflict in glossary.conflicts:
        typer.echo(str(conflict), err=True)
    warned = left_out(glossary)
    for problem in warned[:_SKIPPED_SHOWN]:
        typer.echo(str(problem), err=True)
    if len(warned) > _SKIPPED_SHOWN:
        typer.echo(f"tarjama: warning: {len(warned) - _SKIPPED_SHOWN} more term-base entries left out "
                   "(`tarjama glossary lint` lists them all)", err=True)


def _check_output(output: str, force: bool, inputs=()) -> None:
    """textio's output checks (not a directory, a device or an input), plus: an
    existing file is replaced only with --force (a term base is hand-kept work)."""
    from ..errors import InputError
    from ..textio import check_output

    check_output(output, [str(i) for i in inputs])
    if output != "-" and Path(output).exists() and not force:
        raise InputError("already exists (use --force to replace it)", output)


@glossary_app.command("import", epilog=_examples(
    'tarjama glossary import ../shared/data/tico19-terminology.ar-en.csv -o tico.yaml',
    'tarjama glossary import termbase.tbx -o glossaries/termbase.yaml',
    'tarjama glossary import names.csv --map Spelling=source --map Canonical=target --map 3=note -o names.yaml',
))
def import_cmd(
    file: Path = typer.Argument(..., help="Term base: TBX, CSV, TSV or TMX (a .zip holding one .tmx is read too)."),
    output: str = typer.Option(..., "-o", "--output", help="Glossary YAML to write (atomically), or - for stdout."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="tbx, csv, tsv or tmx (default: from the extension)."),
    mapping: Optional[List[str]] = typer.Option(None, "--map", help="COL=FIELD: read column COL (header name or "
                                                "1-based number) as FIELD: source, target, also, forbidden, type, "
                                                "case, domain, origin, note, status, id, source_lang, target_lang, "
                                                "ignore (repeatable; CSV/TSV)."),
    force: bool = typer.Option(False, "--force", help="Replace OUTPUT if it exists."),
) -> None:
    """Convert a term base to a tarjama glossary.

    TBX v2/v3 (TBX-Basic; administrativeStatus preferred/admitted/deprecated →
    target/also/forbidden), CSV/TSV with a header (ar/en, source/target, TICO-19's
    sourceString/targetString, ...) or two unnamed columns (DeepL/Google glossary
    layout), TMX term memories. Entries lacking Arabic or English are left out and
    listed on stderr. Exit 2 with file:line on malformed input; nothing is written.
    """
    from ..glossary.exchange import IMPORT_FORMATS, import_termbase
    from ..maintenance.lint import lint_glossary
    from ..glossary.termcsv import parse_map
    from ..glossary.writer import to_yaml

    if fmt is not None and fmt not in IMPORT_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of: {', '.join(IMPORT_FORMATS)}", param_hint="'--format'")
    _check_output(output, force, [file])
    imported = import_termbase(file, fmt, parse_map(mapping))
    for left in imported.skipped:
        typer.echo(str(left), err=True)
    glossary = imported.glossary
    text = to_yaml(glossary, header=f"Imported by `tarjama glossary import` from {file.name}")
    write_bytes_atomic(output, text.encode("utf-8"))
    errors = sum(p.severity == "error" for p in lint_glossary(glossary))
    typer.echo(f"tarjama glossary import: {len(glossary)} term(s) from {file}"
               + (f" to {output}" if output != "-" else "")
               + (f"; {errors} conflict(s) to resolve: run `tarjama glossary lint {output}`" if errors else ""),
               err=True)


@glossary_app.command("export", epilog=_examples(
    'tarjama glossary export glossaries/us-iraq-news.yaml --format tbx -o us-iraq-news.tbx',
    'tarjama glossary export glossaries/ --format csv -o all-terms.csv',
    'tarjama glossary export glossaries/us-iraq-news.yaml --format tsv --layout pairs -o deepl.tsv',
))
def export_cmd(
    paths: List[Path] = typer.Argument(..., help="Glossary files or directories (merged; the first given wins conflicts)."),
    fmt: str = typer.Option(..., "--format", "-f", help="tbx, csv or tsv."),
    output: str = typer.Option(..., "-o", "--output", help="File to write (atomically), or - for stdout."),
    tbx_version: str = typer.Option("2", "--tbx-version", help="TBX 2 (martif, what most CAT tools import) or 3 "
                                                              "(ISO 30042:2019)."),
    layout: str = typer.Option("full", "--layout", help="CSV/TSV: full (a header and one row per entry, every field)"
                                                       " or pairs (one arabic,english row per spelling, no header: "
                                                       "DeepL/Google glossary upload)."),
    force: bool = typer.Option(False, "--force", help="Replace OUTPUT if it exists."),
) -> None:
    """Write glossaries as a term base other tools read: TBX-Basic, CSV or TSV."""
    from ..glossary.exchange import EXPORT_FORMATS, export_glossary
    from ..glossary.tbx import TBX_VERSIONS
    from ..glossary.termcsv import LAYOUTS

    for value, allowed, option in ((fmt, EXPORT_FORMATS, "'--format'"), (tbx_version, TBX_VERSIONS, "'--tbx-version'"),
                                   (layout, LAYOUTS, "'--layout'")):
        if value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of: {', '.join(allowed)}", param_hint=option)
    _check_output(output, force, paths)
    glossary = load_glossaries(paths)
    warn_conflicts(glossary)
    write_bytes_atomic(output, export_glossary(glossary, fmt, tbx_version, layout))
    if output != "-":
        typer.echo(f"tarjama glossary export: {len(glossary)} term(s) to {output}", err=True)


@glossary_app.command("suggest", epilog=_examples(
    "tarjama glossary suggest examples/seed-article.ar.txt -g glossaries/",
    "tarjama glossary suggest ar.txt --aligned en.txt -g glossaries/ --min-count 3 -o patch.yaml",
    "tarjama glossary suggest ../shared/data/tico19-tm.en-ar.tmx.zip -g glossaries/ -o patch.yaml",
))
def suggest(
    corpus: List[Path] = typer.Argument(..., help="Arabic text files (one segment per line), directories of *.txt, "
                                                  "JSONL ({source[, target]}) or TMX files."),
    glossary: List[Path] = GLOSSARY_OPTION,
    aligned: Optional[Path] = typer.Option(None, "--aligned", help="English translation, line-aligned with the one "
                                                                   "Arabic CORPUS file: also propose new entries."),
    min_count: int = typer.Option(1, "--min-count", min=1, help="Report a variant seen at least this often (new "
                                                                "entries need at least 2 segments, or this)."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Also write the suggestions as a patch "
                                                                      "(YAML with the evidence as comments) for "
                                                                      "`tarjama glossary apply`."),
    force: bool = typer.Option(False, "--force", help="Replace OUTPUT if it exists."),
) -> None:
    """Suggest glossary additions from a corpus, most frequent first.

    Variants: spellings only fuzzy matching found (unseen spellings of listed
    names), with counts, best score and two contexts each. New entries (with
    --aligned, or TMX/JSONL corpora that carry English): Arabic names that keep
    appearing with the same capitalised English name, with counts and examples.
    Nothing is changed: review the patch, then `tarjama glossary apply`.
    """
    from ..glossary.corpus import read_aligned_pair, read_corpus
    from ..maintenance.suggest import fuzzy_variants, patch_yaml, propose_entries

    if output:
        _check_output(output, force, [*corpus, *glossary])
    if aligned is not None:
        if len(corpus) != 1 or corpus[0].is_dir():
            raise typer.BadParameter("--aligned needs exactly one Arabic file", param_hint="'--aligned'")
        docs = [read_aligned_pair(corpus[0], aligned)]
    else:
        docs = read_corpus(corpus)
    terms = load_glossaries(glossary)
    warn_conflicts(terms)
    variants = fuzzy_variants(docs, terms, min_count)
    parallel = any(d.english is not None for d in docs)
    proposals = propose_entries(docs, terms, max(2, min_count)) if parallel else []
    segments = sum(len(d.arabic) for d in docs)
    typer.echo(f"# {len(variants)} variant(s) found only by fuzzy matching in {segments} segment(s)")
    for v in variants:
        typer.echo(f"{v.count:>5}  {v.score:.2f}  {v.spelling} → {v.term.target}  ({v.term.where})")
        for c in v.contexts:
            typer.echo(f"             {c}")
    if parallel:
        typer.echo(f"# {len(proposals)} new entr{'y' if len(proposals) == 1 else 'ies'} proposed from parallel text "
                   "(count: segments together; dice; sound)")
        for p in proposals:
            typer.echo(f"{p.together:>5}  {p.dice:.2f}  {p.sound:.2f}  {p.arabic} → {p.english}")
            for c in p.contexts:
                typer.echo(f"             {c}")
    if output:
        write_bytes_atomic(output, patch_yaml(variants, proposals, [str(g) for g in glossary]).encode("utf-8"))
        typer.echo(f"tarjama glossary suggest: patch with {len(variants) + len(proposals)} entr(ies) written to "
                   f"{output}; review it, then `tarjama glossary apply`", err=True)


def _edit(path: Path, terms, dry_run: bool) -> None:
    from ..glossary.edit import apply_terms

    result = apply_terms(path, terms, dry_run=dry_run)
    for line in result.refused:
        typer.echo(f"{path}: refused: {line}", err=True)
    if result.refused:
        typer.echo(f"{path}: nothing written ({len(result.refused)} conflict(s))", err=True)
        raise typer.Exit(1)
    for target in result.added:
        typer.echo(f"added: {target}")
    for line in result.extended:
        typer.echo(f"changed: {line}")
    verb = "would write" if dry_run else "wrote"
    typer.echo(f"{path}: {len(result.added)} new entr(ies), {len(result.extended)} change(s), "
               f"{len(result.unchanged)} already there" + (f"; {verb} {path}" if result.changed else "; unchanged"),
               err=True)


@glossary_app.command("add", epilog=_examples(
    "tarjama glossary add glossaries/us-iraq-news.yaml --target 'Jens Stoltenberg' --source 'ينس ستولتنبرغ' --type person",
    "tarjama glossary add glossaries/us-iraq-news.yaml --target Esper --source اسبير",
    "tarjama glossary add glossaries/us-iraq-news.yaml --target ISIS --source داعش --also 'Islamic State' --forbidden Daesh",
))
def add(
    path: Path = typer.Argument(..., help="Glossary YAML file to edit in place (created if missing)."),
    target: str = typer.Option(..., "--target", "-t", help="Canonical English; an existing entry with this target "
                                                            "gets the new spellings and forms."),
    source: List[str] = typer.Option(..., "--source", "-s", help="Arabic spelling (repeatable)."),
    also: Optional[List[str]] = typer.Option(None, "--also", help="Other accepted English rendering (repeatable)."),
    forbidden: Optional[List[str]] = typer.Option(None, "--forbidden", help="Wrong English rendering (repeatable)."),
    term_type: str = typer.Option("other", "--type", help="person, organization, outlet, place, title or other."),
    case: str = typer.Option("insensitive", "--case", help="insensitive (names) or exact (WHO, not who)."),
    note: Optional[str] = typer.Option(None, "--note"),
    domain: Optional[str] = typer.Option(None, "--domain"),
    origin: Optional[str] = typer.Option(None, "--origin", help="Where the entry comes from (a style guide, a URL)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Report what would change; write nothing."),
) -> None:
    """Add an entry, or spellings and forms to an existing one, keeping the file's
    comments, order and formatting. An edit that would create a conflict is refused
    (exit 1) and nothing is written; the file is replaced atomically."""
    from ..glossary.model import CASES, TERM_TYPES, Term

    if term_type not in TERM_TYPES:
        raise typer.BadParameter(f"{term_type!r} is not one of: {', '.join(TERM_TYPES)}", param_hint="'--type'")
    if case not in CASES:
        raise typer.BadParameter(f"{case!r} is not one of: {', '.join(CASES)}", param_hint="'--case'")
    clean = lambda items: tuple(i.strip() for i in items or () if i.strip())  # noqa: E731
    if not target.strip() or not clean(source):
        raise typer.BadParameter("--target and --source must not be empty")
    term = Term(target.strip(), clean(source), term_type, clean(forbidden), note, also=clean(also), case=case,
                domain=domain, origin=origin)
    _edit(path, [term], dry_run)


@glossary_app.command("apply", epilog=_examples(
    "tarjama glossary apply glossaries/us-iraq-news.yaml patch.yaml",
    "tarjama glossary apply glossaries/us-iraq-news.yaml patch.yaml --dry-run",
))
def apply(
    path: Path = typer.Argument(..., help="Glossary YAML file to edit in place."),
    patch: Path = typer.Argument(..., help="Patch: a glossary-shaped YAML (e.g. from `glossary suggest -o`)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Report what would change; write nothing."),
) -> None:
    """Merge a patch into a glossary: entries with a known target add their
    spellings and forms to it, others are appended. Comments, order and formatting
    are kept; any conflict refuses the whole patch (exit 1, nothing written)."""
    from ..glossary.edit import load_patch

    _edit(path, load_patch(patch), dry_run)


@glossary_app.command("stats", epilog=_examples(
    "tarjama glossary stats glossaries/",
    "tarjama glossary stats glossaries/ --corpus examples/seed-article.ar.txt",
    "tarjama glossary stats names.yaml --corpus news/ --json",
))
def stats(
    paths: List[Path] = typer.Argument(..., help="Glossary files or directories."),
    corpus: Optional[List[Path]] = typer.Option(None, "--corpus", "-c", help="Arabic text, directory or JSONL to "
                                                                            "measure coverage on (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Entries by type and status, spellings per entry, and coverage on a corpus."""
    from ..glossary.corpus import read_corpus
    from ..glossary.stats import glossary_stats
    from ..maintenance.coverage import corpus_coverage

    glossary = load_glossaries(paths)
    warn_conflicts(glossary)
    result = glossary_stats(glossary)
    if corpus:
        result.coverage = corpus_coverage(glossary, read_corpus(corpus))
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    typer.echo(f"{result.terms} entries in {result.files} file(s)")
    typer.echo("by type: " + ", ".join(f"{k} {v}" for k, v in result.by_type.items()))
    r = result.renderings
    typer.echo(f"renderings: {r['preferred']} preferred (targets), {r['admitted']} admitted (also) in "
               f"{result.with_also} entries, {r['forbidden']} forbidden in {result.with_forbidden} entries; "
               f"{result.exact_case} case-exact")
    typer.echo("spellings per entry: " + ", ".join(f"{n}: {c}" for n, c in result.spellings_per_entry.items()))
    if result.coverage:
        c = result.coverage
        typer.echo(f"coverage: {c['terms_used']} of {result.terms} entries ({c['terms_used_share']:.1%}) found in "
                   f"{c['segments']} segment(s); {c['segments_with_terms']} segment(s) with terms; "
                   + ", ".join(f"{k[8:]} {v}" for k, v in c.items() if k.startswith("matches_")))


def register(app: typer.Typer) -> None:
    app.add_typer(glossary_app, name="glossary")
