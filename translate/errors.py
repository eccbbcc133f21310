"""Errors a user can act on.

Every failure caused by input (a file, a glossary, a model directory) is raised as
:class:`TarjamaError` carrying where it happened, so the CLI can print exactly one
``file:line: problem`` line and exit non-zero instead of showing a traceback.
"""
from __future__ import annotations


class TarjamaError(Exception):
    """A problem with the user's input or environment, reported as one line."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            path = printable(self.path)
            where = f"{path}:{self.line}: " if self.line is not None else f"{path}: "
        return f"{where}{printable(self.message)}"


def printable(text: str) -> str:
    """``text`` on one line: a newline or control character in a file name (or a
    quoted value) is shown escaped, and undecodable bytes as ``\\xNN``."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte the file system name did not decode
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


class InputError(TarjamaError):
    """Unreadable, empty, binary or mis-encoded input text."""


class GlossaryError(TarjamaError):
    """A glossary file that cannot be loaded."""
