"""Glossary enforcement: every term found in the Arabic comes out in its canonical English form.

After translation (any English: our engine, another MT, a human) with
:class:`Enforcer` / :func:`enforce_line`; during translation with
:class:`~translate.enforce.translation.GlossaryEngine`, which also uses the
engine's attention to choose spans.
"""
from .casing import fit_case
from .enforcer import Enforcer, LengthMismatch, enforce_lines
from .line import enforce_line
from .records import Correction, EnforceSettings, LineResult, Unplaced

__all__ = [
    "Correction",
    "EnforceSettings",
    "Enforcer",
    "LengthMismatch",
    "LineResult",
    "Unplaced",
    "enforce_line",
    "enforce_lines",
    "fit_case",
]
