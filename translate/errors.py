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
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(TarjamaError):
    """Unreadable, empty, binary or mis-encoded input text."""


class GlossaryError(TarjamaError):
    """A glossary file that cannot be loaded."""
