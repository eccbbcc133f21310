"""untranslated: Arabic script left in the English (a name or a phrase the
translator or the engine copied through)."""
from __future__ import annotations

import re
from typing import Iterable

from ..arabic.script import ARABIC_BLOCKS
from .base import Check, Finding, SegmentView

# Runs of Arabic-script words (with the spaces between them), letters required.
RUN = re.compile(f"[{ARABIC_BLOCKS}]+(?:[ \u200c\u200f]+[{ARABIC_BLOCKS}]+)*")
_LETTER = re.compile(r"[^\W\d_]")


class Untranslated(Check):
    name = "untranslated"
    severity = "error"
    description = "Arabic script left in the target"

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        target = view.segment.target
        if target.isascii():
            return
        runs = [m for m in RUN.finditer(target) if _LETTER.search(m.group())]
        if not runs:
            return
        text = ", ".join(m.group() for m in runs)
        yield self.finding(view, f"Arabic left untranslated: {text}", evidence=text,
                           target_spans=tuple((m.start(), m.end()) for m in runs))
