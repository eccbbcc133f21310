"""Reading user text safely and writing outputs atomically.

Input files come from translators' desktops: wrong encodings, binaries picked by
mistake, empty files. Each is turned into one precise :class:`InputError`. Outputs
are written to a temporary file and renamed, so a failure never leaves a
half-written file behind.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import InputError

STDIN = "-"


def display_name(path: str | os.PathLike[str]) -> str:
    return "<stdin>" if str(path) == STDIN else str(path)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    name = display_name(path)
    if str(path) == STDIN:
        return sys.stdin.buffer.read()
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a text file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None


def decode_text(data: bytes, name: str, allow_empty: bool = False) -> str:
    """Decode UTF-8 text, naming the line of the first bad byte."""
    if b"\x00" in data[:8192] or b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), expected UTF-8 text", name, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {col}); save the file as UTF-8",
            name,
            line,
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not allow_empty and not text.strip():
        raise InputError("file is empty", name)
    return text


def read_text(path: str | os.PathLike[str], allow_empty: bool = False) -> str:
    return decode_text(read_bytes(path), display_name(path), allow_empty=allow_empty)


def split_lines(text: str) -> list[str]:
    """Lines without terminators; a final newline does not add an empty line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def read_lines(path: str | os.PathLike[str], allow_empty: bool = False) -> list[str]:
    return split_lines(read_text(path, allow_empty=allow_empty))


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old file or the whole new one."""
    if str(path) == STDIN:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` via a temporary file in the same directory, fsync, rename:
    a crash (even SIGKILL) leaves the old file or the new one, never half of it,
    plus at worst a hidden ``.NAME.*.part`` temporary."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError("output directory does not exist", str(directory))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
