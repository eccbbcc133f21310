"""Term lists as CSV/TSV, in the layouts spreadsheets, CAT tools and MT glossary
APIs use.

Read:
* a header row naming columns (``ar``/``en``, ``Arabic``/``English``, ``ar-SA``,
  ``source``/``target``, ``also``, ``forbidden``, ``type``, ``note``/``description``,
  ``domain``, ``origin``, ``status``, ``id``…), including the TICO-19 layout
  (stringID, sourceLang, targetLang, pos, description, sourceString, targetString)
  where each row names its languages;
* no header, two columns (DeepL and Google unidirectional glossaries): the
  column written in Arabic script is the source;
* ``--map COL=FIELD`` (COL a header name or a 1-based column number) for
  anything else.
Rows with an ``id`` column are grouped into one entry per id, each row's English
term taking its ``status``; without ids, rows giving the same target become one
entry with all their spellings. Cells may hold several values separated by ``|``.
UTF-8 (with or without BOM) and UTF-16 with a BOM (a spreadsheet's "Unicode
text") are read, CRLF or LF.

Write: a header row ``ar,en,also,forbidden,type,case,domain,origin,note`` and
one row per entry (``--layout full``), or one ``arabic,english`` row per spelling
with no header (``--layout pairs``: what DeepL and Google glossary uploads take).
"""
from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

from ..arabic.normalize import normalize
from ..errors import GlossaryError
from ..textio import read_bytes
from .entries import Entry, Imported, build, case_of, merge_by_target, status_of, type_of
from .model import Glossary

FIELDS = ("source", "target", "also", "forbidden", "type", "case", "domain", "origin", "note", "status", "id",
          "source_lang", "target_lang", "ignore")
MULTI = "|"
LAYOUTS = ("full", "pairs")
# Header names (lower case, spaces/underscores/hyphens removed) by field.
_NAMES = {
    "source": ("ar", "arabic", "source", "sourcestring", "sourceterm", "term", "termar", "arterm"),
    "target": ("en", "english", "target", "targetstring", "targetterm", "translation", "termen", "enterm"),
    "also": ("also", "admitted", "synonyms", "accepted", "alsoen"),
    "forbidden": ("forbidden", "deprecated", "donotuse", "wrong"),
    "type": ("type", "entitytype", "category"),
    "case": ("case", "casesensitive", "casesensitivity", "matchcase"),
    "domain": ("domain", "subject", "subjectfield", "entrydomain", "entrysubject"),
    "origin": ("origin", "reference", "provenance", "sourceref"),
    "note": ("note", "notes", "comment", "comments", "description", "definition", "context", "entrynote"),
    "status": ("status", "administrativestatus", "termstatus"),
    "id": ("id", "stringid", "conceptid", "entryid", "entry"),
    "source_lang": ("sourcelang", "sourcelanguage", "srclang"),
    "target_lang": ("targetlang", "targetlanguage", "tgtlang", "trglang"),
    "ignore": ("pos", "partofspeech", "ignore"),
}
_BY_NAME = {name: f for f, names in _NAMES.items() for name in names}
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _key(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header.strip().lower())


# Words that qualify a language column in term-base exports (memoQ "English_Def",
# Phrase "en_status"): the column is about the term, not the term itself.
_QUALIFIERS = {"status": "status", "note": "note", "notes": "note", "definition": "note", "def": "note",
               "comment": "note", "comments": "note", "description": "note"}
_OTHER_QUALIFIERS = frozenset({"example", "examples", "usage", "context", "id", "info", "created", "modified",
                               "creator", "modifier", "pos", "gender", "image", "url", "link"})


def _field_of(header: str) -> str | None:
    key = _key(header)
    if key in _BY_NAME:
        return _BY_NAME[key]
    words = [w for w in re.split(r"[\s_\-()\[\]/.]+", header.strip().lower()) if w]
    if not words:
        return None
    if words[0] in ("ar", "en"):  # ar-SA, en_US, en_status
        lang = words[0]
    elif ("arabic" in words) != ("english" in words):  # "Term (Arabic)", "English_United_States"
        lang = "ar" if "arabic" in words else "en"
    else:
        return None
    qualifiers = [w for w in words if w in _QUALIFIERS or w in _OTHER_QUALIFIERS]
    if not qualifiers:
        return "source" if lang == "ar" else "target"
    field = _QUALIFIERS.get(qualifiers[0], "ignore")
    return "ignore" if field == "status" and lang == "ar" else field


def decode_table(data: bytes, path: str) -> str:
    """Text of a spreadsheet export: UTF-8 (BOM or not) or UTF-16 with its BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise GlossaryError(f"not valid UTF-16 (byte {exc.start})", path) from None
    head = data[:4096]
    if b"\x00" in head:
        if head.count(b"\x00") * 3 >= len(head):  # every other byte: UTF-16 text
            raise GlossaryError("looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with BOM)",
                                path, 1)
        raise GlossaryError("binary file (NUL byte), expected CSV/TSV text", path,
                            data[: data.index(b"\x00")].count(b"\n") + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8", path,
                            line) from None
    return text[1:] if text.startswith("\ufeff") else text


def parse_map(specs: list[str] | None) -> dict[str, str]:
    """``COL=FIELD`` options → {column (header key or number): field}."""
    out: dict[str, str] = {}
    for spec in specs or ():
        col, sep, field = spec.partition("=")
        field = field.strip().lower().replace("-", "_")
        if not sep or not col.strip() or field not in FIELDS:
            raise GlossaryError(f"--map {spec!r}: expected COL=FIELD, FIELD one of: {', '.join(FIELDS)}")
        out[col.strip() if col.strip().isdigit() else _key(col)] = field
    return out


def read_table(path: str | os.PathLike[str], delimiter: str, mapping: dict[str, str] | None = None) -> Imported:
    """Read a CSV (``delimiter`` ',') or TSV ('\\t') term list; see the module doc."""
    name = str(path)
    text = decode_table(read_bytes(path), name)
    if not text.strip():
        raise GlossaryError("file is empty", name)
    if delimiter == "," and "\n" in text:
        first = text.split("\n", 1)[0]
        if first.count(";") > first.count(","):
            delimiter = ";"  # Excel in many locales
        elif first.count("\t") > first.count(","):
            delimiter = "\t"  # a TSV saved as .csv
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise GlossaryError(f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {exc}", name, reader.line_num) from None
    if not rows:
        raise GlossaryError("file is empty", name)
    columns, body = _columns(rows, mapping or {}, name)
    entries = _entries(body, columns, name)
    if "id" not in columns.values():
        entries = merge_by_target(entries)
    return build(entries, name, Path(name).stem, "row")


def _columns(rows: list[tuple[int, list[str]]], mapping: dict[str, str], path: str) -> tuple[dict[int, str], list]:
    line, first = rows[0]
    named = [_field_of(cell) for cell in first]
    # A first row is a header when it names columns, or when it has no Arabic
    # while the rows below do (a header of names we do not know: --map them).
    later_arabic = any(_ARABIC.search(c) for _, r in rows[1:50] for c in r)
    header = bool(first) and not any(_ARABIC.search(c) for c in first) and (
        later_arabic or sum(f is not None for f in named) >= max(1, len([c for c in first if c.strip()]) // 2))
    columns: dict[int, str] = {}
    if header:
        for k, (cell, field) in enumerate(zip(first, named)):
            if field is not None and field != "ignore" and field not in columns.values():
                columns[k] = field
        body = rows[1:]
    else:
        body = rows
        width = max(len(r) for _, r in rows)
        if width >= 2 and not mapping:
            arabic = [sum(bool(_ARABIC.search(r[k])) for _, r in rows[:50] if k < len(r)) for k in range(width)]
            src = max(range(width), key=lambda k: arabic[k])
            tgt = next((k for k in range(width) if k != src), None)
            if arabic[src] and tgt is not None:
                columns = {src: "source", tgt: "target"}
    for col, field in mapping.items():
        if col.isdigit():
            k = int(col) - 1
        else:
            keys = [_key(c) for c in first] if header else []
            if col not in keys:
                raise GlossaryError(f"--map: no column named {col!r} in the header", path, line)
            k = keys.index(col)
        columns = {c: f for c, f in columns.items() if c != k and (f != field or field == "ignore")}
        if field != "ignore":
            columns[k] = field
    missing = [f for f in ("source", "target") if f not in columns.values()]
    if missing:
        what = "header " + ", ".join(repr(c) for c in first) if header else f"{len(first)} unnamed column(s)"
        raise GlossaryError(f"no {' or '.join(missing)} column ({what}); name them ar/en or use --map COL=FIELD",
                            path, line)
    return columns, body


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(MULTI) if v.strip()]


def _entries(rows: list[tuple[int, list[str]]], columns: dict[int, str], path: str) -> list[Entry]:
    entries: list[Entry] = []
    by_id: dict[str, Entry] = {}
    for line, row in rows:
        cells = {field: (row[k].strip() if k < len(row) else "") for k, field in columns.items()}
        source, target = cells.get("source", ""), cells.get("target", "")
        src_lang, tgt_lang = (cells.get("source_lang", "").lower()[:2] or "ar",
                              cells.get("target_lang", "").lower()[:2] or "en")
        if (src_lang, tgt_lang) == ("en", "ar"):
            source, target = target, source
        elif (src_lang, tgt_lang) != ("ar", "en"):
            raise GlossaryError(f"row is {src_lang or '?'}→{tgt_lang or '?'}; tarjama imports Arabic→English", path, line)
        if source and not _ARABIC.search(normalize(source)) and _ARABIC.search(target):
            raise GlossaryError("the source column holds no Arabic but the target does; swap them with --map", path, line)
        status = status_of(cells.get("status")) or "preferred"
        entry = by_id.get(cells["id"]) if cells.get("id") else None
        if entry is None:
            entry = Entry(line=line, type=type_of(cells.get("type"), path, line),
                          case=case_of(cells.get("case"), path, line),
                          domain=cells.get("domain") or None, origin=cells.get("origin") or None)
            entries.append(entry)
            if cells.get("id"):
                by_id[cells["id"]] = entry
        entry.arabic.extend(_split(source))
        targets = _split(target)
        if targets:
            entry.english.append((targets[0], status))
            entry.english.extend((t, "admitted" if status == "preferred" else status) for t in targets[1:])
        entry.english.extend((t, "admitted") for t in _split(cells.get("also", "")))
        entry.english.extend((t, "forbidden") for t in _split(cells.get("forbidden", "")))
        if cells.get("note"):
            entry.notes.append(cells["note"])
    return entries


def write_table(glossary: Glossary, delimiter: str, layout: str = "full") -> str:
    """The glossary as CSV/TSV text (see the module doc for the layouts)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if layout == "pairs":
        for term in glossary.terms:
            for spelling in term.source:
                writer.writerow([spelling, term.target])
        return out.getvalue()
    writer.writerow(["ar", "en", "also", "forbidden", "type", "case", "domain", "origin", "note"])
    for t in glossary.terms:
        writer.writerow([MULTI.join(t.source), t.target, MULTI.join(t.also), MULTI.join(t.forbidden), t.type,
                         "" if t.case == "insensitive" else t.case, t.domain or "", t.origin or "", t.note or ""])
    return out.getvalue()
