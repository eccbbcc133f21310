"""The ``--quiet`` option of the commands that show progress (translate.progress)."""
from __future__ import annotations

import typer

from ..progress import DEFAULT_DELAY, DEFAULT_INTERVAL, DELAY_ENV, INTERVAL_ENV

QUIET_HELP = (f"No progress and no summary on stderr; errors and warnings only. Progress shows on runs "
              f"longer than {DEFAULT_DELAY:g} s, on stderr: a bar on a terminal, otherwise a line every "
              f"{DEFAULT_INTERVAL:g} s ({DELAY_ENV}, {INTERVAL_ENV}: seconds).")


def quiet_option() -> bool:
    """``--quiet``/``-q``, one wording for every command."""
    return typer.Option(False, "--quiet", "-q", help=QUIET_HELP)
