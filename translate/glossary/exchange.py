"""Import and export: one entry point per direction over every term-base format.

The CLI and library users call :func:`import_termbase` / :func:`export_glossary`;
each format lives in its own module (:mod:`.tbx`, :mod:`.termcsv`; TMX is read by :mod:`translate.formats.tmx`).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..bulk import gc_paused
from ..errors import GlossaryError
from ..formats.tmx import iter_pairs
from .entries import Entry, Imported, build, merge_by_target
from .model import Glossary, LeftOut
from .tbx import read_tbx, write_tbx
from .termcsv import read_table, write_table

IMPORT_FORMATS = ("tbx", "csv", "tsv", "tmx")
EXPORT_FORMATS = ("tbx", "csv", "tsv")
# A TMX of a term base holds terms; a sentence memory holds sentences, which are
# not glossary entries. Names and terms in the TICO-19 term list have at most 6
# words; segments longer than this are left out (and counted).
MAX_TERM_WORDS = 6


def guess_format(path: str | os.PathLike[str]) -> str | None:
    name = str(path).lower()
    if name.endswith(".zip"):
        name = name[:-4]
    suffix = Path(name).suffix.lstrip(".")
    return {"tbx": "tbx", "xml": "tbx", "csv": "csv", "tsv": "tsv", "txt": "tsv", "tmx": "tmx"}.get(suffix)


def import_termbase(path: str | os.PathLike[str], fmt: str | None = None,
                    mapping: dict[str, str] | None = None) -> Imported:
    """Read a term base into a glossary; ``fmt`` defaults to the file's extension."""
    fmt = fmt or guess_format(path)
    if fmt not in IMPORT_FORMATS:
        raise GlossaryError(f"cannot tell the format; give --format ({', '.join(IMPORT_FORMATS)})", str(path))
    if mapping and fmt not in ("csv", "tsv"):
        raise GlossaryError("--map applies to csv and tsv only", str(path))
    with gc_paused():  # tens of thousands of small records, no cycles among them
        return _import(path, fmt, mapping)


def _import(path: str | os.PathLike[str], fmt: str, mapping: dict[str, str] | None) -> Imported:
    if fmt == "tbx":
        return read_tbx(path)
    if fmt in ("csv", "tsv"):
        return read_table(path, "," if fmt == "csv" else "\t", mapping)
    return _read_tmx(path)


def _read_tmx(path: str | os.PathLike[str]) -> Imported:
    name = str(path)
    entries: list[Entry] = []
    long_units = 0
    for pair in iter_pairs(path, "ar", "en", GlossaryError):
        ar, en, line = " ".join(pair.source.split()), " ".join(pair.target.split()), pair.line
        if max(len(ar.split()), len(en.split())) > MAX_TERM_WORDS or en.rstrip()[-1:] in ".?!":
            long_units += 1
            continue
        entries.append(Entry(line=line, arabic=[ar], english=[(en, "preferred")]))
    if not entries:
        raise GlossaryError(f"no term-length units (all {long_units} are sentences of more than {MAX_TERM_WORDS} "
                            "words or end in . ? !): a sentence memory is not a term base; "
                            "see `glossary suggest --tmx` to mine names from it", name)
    stem = Path(name[:-4] if name.lower().endswith(".zip") else name).stem
    imported = build(merge_by_target(entries), name, stem, "unit")
    if long_units:
        imported.skipped.append(LeftOut(name, None, f"{long_units} sentence-length unit(s) left out"))
    return imported


def export_glossary(glossary: Glossary, fmt: str, tbx_version: str = "2", layout: str = "full") -> bytes:
    """The glossary in ``fmt`` as bytes (UTF-8)."""
    if fmt == "tbx":
        return write_tbx(glossary, tbx_version)
    if fmt in ("csv", "tsv"):
        return write_table(glossary, "," if fmt == "csv" else "\t", layout).encode("utf-8")
    raise GlossaryError(f"cannot export to {fmt!r} (expected one of: {', '.join(EXPORT_FORMATS)})")
