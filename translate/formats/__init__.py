"""The files localisation teams exchange: XLIFF 1.2/2.0, TMX, PO, JSONL, plain text.

One module per format, each a :class:`~.base.BilingualFile` subclass;
:func:`detect` picks the format from the content first (an XLIFF saved as
``.txt`` is still XLIFF) and the extension second, ``--format`` overrides both,
and anything unrecognised is one :class:`~.base.FormatError` naming the file.
:func:`read` parses a file (:func:`translate.documents.to_document` gives QA its segments).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..textio import display_name, read_bytes
from .base import BilingualFile, FormatError, Unit
from .jsonl import JsonlFile
from .po import PoFile
from .text import TextFile
from .tmx import TmxFile, TranslationUnit, iter_pairs, iter_units
from .xliff12 import Xliff12File
from .xliff20 import Xliff20File

#: Detection order: XML formats by their root, then PO, then JSONL.
FORMATS: dict[str, type[BilingualFile]] = {
    "xliff12": Xliff12File,
    "xliff20": Xliff20File,
    "tmx": TmxFile,
    "po": PoFile,
    "jsonl": JsonlFile,
    "txt": TextFile,
}
#: What ``--format`` accepts (``xliff`` picks 1.2 or 2.0 from the file).
FORMAT_NAMES = ("auto", "xliff", "xliff12", "xliff20", "tmx", "po", "jsonl", "txt")
_XML_EXT = (".xlf", ".xliff", ".sdlxliff", ".mxliff", ".mqxliff", ".tmx", ".xml")


def _head(data: bytes) -> str:
    head = data[:8192]
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head.decode(enc, errors="replace")
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def detect(data: bytes, name: str, fmt: str = "auto") -> type[BilingualFile]:
    """The format class for a file: ``fmt`` if given, else content, then extension."""
    if fmt not in FORMAT_NAMES:
        raise FormatError(f"unknown format '{fmt}' (expected one of: {', '.join(FORMAT_NAMES)})")
    head = _head(data)
    if fmt == "xliff":
        return Xliff20File if Xliff20File.sniff(head, name) else Xliff12File
    if fmt != "auto":
        return FORMATS[fmt]
    stripped = head.lstrip()
    ext = Path(name).suffix.lower()
    if stripped.startswith("<"):
        for cls in (Xliff12File, Xliff20File, TmxFile):
            if cls.sniff(head, name):
                return cls
        if "<xliff" in head:
            raise FormatError("XLIFF version not recognised (expected 1.2 or 2.x); use --format xliff12 or xliff20",
                              name)
        raise FormatError("XML but neither XLIFF nor TMX (give --format to say what it is)", name)
    if ext in _XML_EXT:
        raise FormatError(f"a {ext} file that does not start with XML markup", name)
    if ext in (".po", ".pot") or PoFile.sniff(head, name):
        return PoFile
    if ext in (".jsonl", ".ndjson") or JsonlFile.sniff(head, name):
        return JsonlFile
    if ext in ("", ".txt", ".text", ".ar"):
        return TextFile
    raise FormatError(f"unrecognised file type '{ext}' (supported: XLIFF, TMX, PO, JSONL, .txt; "
                      "or give --format)", name)


def parse(data: bytes, name: str, fmt: str = "auto", source_lang: str = "ar",
          target_lang: str = "en") -> BilingualFile:
    """Parse bytes already read (``name`` is used in errors)."""
    cls = detect(data, name, fmt)
    if cls is TmxFile:
        return TmxFile.parse(data, name, source_lang=source_lang, target_lang=target_lang)
    return cls.parse(data, name)


def read(path: str | os.PathLike[str], fmt: str = "auto", **langs: str) -> BilingualFile:
    """Read and parse one file."""
    return parse(read_bytes(path), display_name(path), fmt, **langs)


def read_bilingual_file(path: str, fmt: str = "auto", **langs: str) -> BilingualFile:
    """A parsed bilingual file (qa, enforce); plain text or no targets is an error."""
    doc = read(path, fmt, **langs)
    if doc.format == "txt":
        raise FormatError("needs --target (a line-aligned translation), or give a bilingual file: "
                          "XLIFF, TMX, PO or JSONL", display_name(path))
    if not doc.has_targets:
        raise FormatError(f"no translations to check in this {doc.format} file (no targets)", doc.name)
    return doc


__all__ = ["FORMATS", "FORMAT_NAMES", "BilingualFile", "FormatError", "JsonlFile", "PoFile", "TextFile",
           "TmxFile", "TranslationUnit", "Unit", "Xliff12File", "Xliff20File", "detect", "iter_pairs",
           "iter_units", "parse", "read", "read_bilingual_file"]
