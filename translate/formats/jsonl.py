"""JSON Lines: ``{"id", "text"}`` (to translate) or ``{"id", "source", "target"}``.

One unit per record, in order; other keys are kept. A written record has
``source`` (renamed from ``text``) and ``target``, keys in their original order
with ``target`` after ``source``; unchanged records keep their exact bytes.
"""
from __future__ import annotations

import json

from .base import BilingualFile, FormatError, Unit


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
        seen: dict[str, int] = {}
        for i, raw in enumerate(lines):
            if not raw.strip():
                continue
            no = i + 1
            try:
                record = json.loads(raw)
            except ValueError as exc:
                raise FormatError(f"not valid JSON ({exc.msg} at column {exc.colno})", name, no) from None
            if not isinstance(record, dict):
                raise FormatError("expected a JSON object with 'id' and 'text' (or 'source')", name, no)
            key = "source" if "source" in record else "text"
            if not isinstance(record.get(key), str):
                raise FormatError("'text' (or 'source') is missing or not a string", name, no)
            target = record.get("target")
            if target is not None and not isinstance(target, str):
                raise FormatError("'target' must be a string", name, no)
            rid = record.get("id", no)
            if not isinstance(rid, (str, int)) or isinstance(rid, bool):
                raise FormatError("'id' must be a string or a number", name, no)
            rid = str(rid)
            if rid in seen:
                raise FormatError(f"id '{rid}' already used on line {seen[rid]}", name, no)
            seen[rid] = no
            units.append(Unit(rid, record[key], target))
            records.append((i, record))
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
