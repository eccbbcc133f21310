"""Which lines a write changed: what the format tests and the format bench count."""
from __future__ import annotations

import difflib


def changed_lines(before: bytes, after: bytes) -> list[str]:
    """The removed (-) and added (+) lines between two UTF-8 texts, no context, no file headers."""
    return [ln for ln in difflib.unified_diff(before.decode("utf-8").splitlines(), after.decode("utf-8").splitlines(),
                                              n=0, lineterm="")
            if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
