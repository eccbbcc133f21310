"""Reading what QA checks: aligned source/target segments, one document or a batch.

Three input shapes, all turned into :class:`Document` lists so the checks never
see files:

* two line-aligned files (one document, ``name=None``);
* two directories with matching file names (one document per file name);
* one JSONL file of ``{"id", "source", "target"}`` records (one document per
  record; a multi-line ``source``/``target`` is split into line-aligned segments).

Every problem is one :class:`~translate.errors.InputError` naming the file (and
line), which the CLI prints and turns into exit status 2.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .formats import BilingualFile, read_bilingual_file
from .formats.jsonl import json_records
from .textio import check_line_count, check_lines, check_text, display_name, read_lines, read_text, split_lines


@dataclass(frozen=True)
class Segment:
    """One aligned pair; ``line`` is 1-based within its document."""

    line: int
    source: str
    target: str
    document: str | None = None


@dataclass
class Document:
    """Aligned segments from one file pair or one JSONL record (``name`` is None
    for a single, unnamed pair)."""

    name: str | None
    segments: list[Segment] = field(default_factory=list)
    source_path: str | None = None
    target_path: str | None = None


def _require_aligned(source: list[str], target: list[str], source_name: str, target_name: str) -> None:
    if len(source) != len(target):
        raise InputError(
            f"line counts differ: {source_name} has {len(source)} lines, "
            f"{target_name} has {len(target)}; the files must be line-aligned"
        )


def read_aligned(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> tuple[list[str], list[str]]:
    """The lines of a line-aligned source/target pair (QA and enforcement).

    Blank lines are legitimate segments (an untranslated line); a source without
    any line, or line counts that differ, are input errors naming the files."""
    src_lines = read_lines(source, allow_empty=True)
    if not src_lines:
        raise InputError("file is empty", display_name(source))
    tgt_lines = read_lines(target, allow_empty=True)
    _require_aligned(src_lines, tgt_lines, display_name(source), display_name(target))
    return src_lines, tgt_lines


def align(name: str | None, source: list[str], target: list[str],
          source_path: str | None = None, target_path: str | None = None) -> Document:
    """Pair lines one to one; a count mismatch is an input error naming both sides."""
    _require_aligned(source, target, source_path or "source", target_path or "target")
    segments = [Segment(i, s, t, name) for i, (s, t) in enumerate(zip(source, target), 1)]
    return Document(name, segments, source_path, target_path)


def read_pair(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Document:
    """Two line-aligned text files: one unnamed document."""
    return align(None, *read_aligned(source, target), display_name(source), display_name(target))


def _text_files(directory: Path) -> dict[str, Path]:
    return {p.name: p for p in sorted(directory.iterdir()) if p.is_file() and not p.name.startswith(".")}


def read_dir_pair(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> list[Document]:
    """Two directories: files with the same name are one document each."""
    src_files, tgt_files = _text_files(Path(source)), _text_files(Path(target))
    if not src_files:
        raise InputError("directory has no files", str(source))
    only_src = sorted(set(src_files) - set(tgt_files))
    only_tgt = sorted(set(tgt_files) - set(src_files))
    if only_src or only_tgt:
        side, names, other = (source, only_src, target) if only_src else (target, only_tgt, source)
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise InputError(f"{shown} has no file of the same name in {other}", str(side))
    return [
        align(name, read_lines(src_files[name], allow_empty=True), read_lines(tgt_files[name], allow_empty=True),
              str(src_files[name]), str(tgt_files[name]))
        for name in sorted(src_files)
    ]


def parse_jsonl(text: str, path: str) -> list[Document]:
    """JSONL records ``{"id", "source", "target"}``: one document per record."""
    docs: list[Document] = []
    for no, rid, record in json_records(text, path, "'id', 'source' and 'target'", InputError):
        for key in ("source", "target"):
            if not isinstance(record.get(key), str):
                problem = "is missing" if key not in record else "must be a string"
                raise InputError(f"'{key}' {problem}", path, no)
        check_text(record["source"], path, no, "'source'")
        check_text(record["target"], path, no, "'target'")
        src, tgt = check_lines(split_lines(record["source"]), path, no), check_lines(split_lines(record["target"]), path, no)
        if len(src) != len(tgt):
            raise InputError(
                f"record '{rid}': source has {len(src)} lines, target has {len(tgt)}", path, no)
        docs.append(align(rid, src, tgt, f"{path}:{no}", f"{path}:{no}"))
    if not docs:
        raise InputError("no records", path)
    return docs


def read_jsonl(path: str | os.PathLike[str]) -> list[Document]:
    return parse_jsonl(check_line_count(read_text(path), display_name(path)), display_name(path))


def to_document(doc: BilingualFile, name: str | None) -> Document:
    """QA's view: one segment per unit (a missing target is an empty one)."""
    return Document(name, [Segment(i, u.source, u.target or "", name) for i, u in enumerate(doc.units, 1)],
                    doc.name, doc.name)


def read_bilingual(path: str, fmt: str = "auto", **langs: str) -> list[Document]:
    """A bilingual file as QA documents; a file without translations is an error."""
    return [to_document(read_bilingual_file(path, fmt, **langs), None)]


def load_inputs(source: str, target: str | None) -> list[Document]:
    """Pick the input shape from what the paths are."""
    if target is None:
        if source.endswith((".jsonl", ".ndjson")) or source == "-":
            return read_jsonl(source)
        raise InputError("needs --target (or give a .jsonl batch of {id, source, target})", source)
    s_dir, t_dir = Path(source).is_dir(), Path(target).is_dir()
    if s_dir and t_dir:
        return read_dir_pair(source, target)
    if s_dir != t_dir:
        raise InputError(
            f"{source if s_dir else target} is a directory but {target if s_dir else source} is not; "
            "give two files or two directories")
    return [read_pair(source, target)]
