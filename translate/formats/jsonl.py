"""JSON Lines: ``{"id", "text"}`` (to translate) or ``{"id", "source", "target"}``.

One unit per record, in order; other keys are kept. A written record has
``source`` (renamed from ``text``) and ``target``, keys in their original order
with ``target`` after ``source``; unchanged records keep their exact bytes.
"""
from __future__ import annotations

import json
from typing import Iterator

from ..errors import TarjamaError
from ..textio import check_text
from .base import BilingualFile, FormatError, Unit


def json_records(text: str, name: str, shape: str, error: type[TarjamaError] = FormatError,
                 check_ids: bool = True) -> Iterator[tuple[int, str, dict]]:
    """``(line number, id, record)`` for every non-blank line of a JSON Lines text.

    The one reader of JSONL for batch files, QA batches and glossary corpora: a line
    that is not JSON or not an object (``shape`` says what the caller expects in it)
    is an ``error`` at its line; with ``check_ids``, an ``id`` (the line number when
    absent) must be a string or number and unique in the file."""
    seen: dict[str, int] = {}
    for no, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise error(f"not valid JSON ({exc.msg} at column {exc.colno})", name, no) from None
        except (ValueError, RecursionError) as exc:  # a 5,000-digit number, [[[[...]]]]
            reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0]
            raise error(f"not usable JSON ({reason[:120]})", name, no) from None
        if not isinstance(record, dict):
            raise error(f"expected a JSON object with {shape}", name, no)
        rid = record.get("id", no)
        if check_ids:
            if not isinstance(rid, (str, int)) or isinstance(rid, bool):
                raise error("'id' must be a string or a number", name, no)
            rid = check_text(str(rid), name, no, "'id'")  # no lone surrogates, no runaway length
            if str(rid) in seen:
                raise error(f"id '{rid}' already used on line {seen[str(rid)]}", name, no)
            seen[str(rid)] = no
        yield no, str(rid), record


class JsonlFile(BilingualFile):
    format = "jsonl"
    extensions = (".jsonl", ".ndjson")

    def __init__(self, name: str, data: bytes, units: list[Unit], records: list[tuple[int, dict]], lines: list[str]):
        super().__init__(name, data, units)
        self.records = records  # (line index, record)
        self.lines = lines

    @classmethod
    def sniff(cls, head: str, name: str) -> bool:
        first = next((ln.strip() for ln in head.splitlines() if ln.strip()), "")
        return first.startswith("{")

    @classmethod
    def parse(cls, data: bytes, name: str, **_) -> "JsonlFile":
        from ..textio import decode_text

        text = decode_text(data, name)
        lines = text.split("\n")
        units: list[Unit] = []
        records: list[tuple[int, dict]] = []
        for no, rid, record in json_records(text, name, "'id' and 'text' (or 'source')"):
            key = "source" if "source" in record else "text"
            if not isinstance(record.get(key), str):
                raise FormatError("'text' (or 'source') is missing or not a string", name, no)
            target = record.get("target")
            if target is not None and not isinstance(target, str):
                raise FormatError("'target' must be a string", name, no)
            units.append(Unit(rid, record[key], target))
            records.append((no - 1, record))
        if not units:
            raise FormatError("no records", name)
        return cls(name, data, units, records, lines)

    @property
    def bilingual(self) -> bool:  # type: ignore[override]
        return any("target" in r for _, r in self.records)

    def _store(self, index: int, text: str, review: bool) -> None:
        i, record = self.records[index]
        out: dict = {}
        for key, value in record.items():
            if key == "target":
                continue
            out["source" if key == "text" else key] = value
            if key in ("text", "source"):
                out["target"] = text
        self.records[index] = (i, out)
        end = "\r" if self.lines[i].endswith("\r") else ""
        self.lines[i] = json.dumps(out, ensure_ascii=False) + end

    def _serialize(self) -> bytes:
        return "\n".join(self.lines).encode("utf-8")
