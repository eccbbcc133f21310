"""Corpora for glossary maintenance: Arabic text, optionally with its English.

A corpus is files (one segment per line), directories of ``*.txt`` (recursive,
sorted), JSONL records (``source`` or ``text``, and ``target`` when present, which
makes the record parallel), an English file aligned line by line with one
Arabic file, or a TMX memory. Each document keeps its name for contexts
(``file:line``).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import GlossaryError, InputError
from ..formats.jsonl import json_records
from ..formats.tmx import iter_pairs
from ..textio import display_name, read_lines, read_text, split_lines


@dataclass
class Doc:
    name: str
    arabic: list[str]
    english: list[str] | None = None
    lines: list[int] | None = None  # line numbers when not 1..n (TMX units)

    def where(self, k: int) -> str:
        return f"{self.name}:{self.lines[k] if self.lines else k + 1}"


def read_corpus(paths: list[str | os.PathLike[str]]) -> list[Doc]:
    docs: list[Doc] = []
    for path in paths:
        p = Path(path)
        if str(path) != "-" and p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in (".txt", ".jsonl", ".ndjson"))
            if not files:
                raise InputError("directory has no *.txt or *.jsonl files", str(p))
            for f in files:
                docs.extend(_read_file(f))
        else:
            docs.extend(_read_file(path))
    return docs


def _read_file(path: str | os.PathLike[str]) -> list[Doc]:
    name = display_name(path)
    if str(path).endswith((".jsonl", ".ndjson")):
        return _read_jsonl(read_text(path), name)
    if str(path).lower().endswith((".tmx", ".tmx.zip")):
        return [read_tmx(path)]
    return [Doc(name, read_lines(path))]


def _read_jsonl(text: str, name: str) -> list[Doc]:
    docs = []
    shape = "a 'source' (or 'text') string"
    for no, _, record in json_records(text, name, shape, InputError, check_ids=False):
        source = record.get("source", record.get("text"))
        if not isinstance(source, str):
            raise InputError(f"expected a JSON object with {shape}", name, no)
        target = record.get("target")
        arabic = split_lines(source)
        english = split_lines(target) if isinstance(target, str) else None
        if english is not None and len(english) != len(arabic):
            english = None  # not line-aligned: used as Arabic only
        docs.append(Doc(f"{name}:{no}", arabic, english))
    return docs


def read_aligned_pair(arabic: str | os.PathLike[str], english: str | os.PathLike[str]) -> Doc:
    ar, en = read_lines(arabic), read_lines(english)
    if len(ar) != len(en):
        raise InputError(f"{len(ar)} Arabic lines but {len(en)} English lines in {display_name(english)}; "
                         "--aligned needs a line-aligned translation", display_name(arabic))
    return Doc(display_name(arabic), ar, en)


def read_tmx(path: str | os.PathLike[str]) -> Doc:
    lines, ar, en = [], [], []
    for pair in iter_pairs(path, "ar", "en", GlossaryError):
        lines.append(pair.line)
        ar.append(" ".join(pair.source.split()))
        en.append(" ".join(pair.target.split()))
    return Doc(display_name(path), ar, en, lines)
