"""same-as-source: the target is the Arabic source copied through unchanged.

Only a source with Arabic letters counts: a segment that is only a number, a
URL, a code or a Latin acronym (``COVID-19``, ``https://who.int``) is rightly
left as it is. Measured on the human English of TICO-19 (9,213 segments) and
NTREX (1,997): 0 false alarms (see bench/qa_checks_bench.py).
"""
from __future__ import annotations

import re
from typing import Iterable

from .base import Check, Finding, SegmentView
from ..arabic.script import is_arabic

_SPACE = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class SameAsSource(Check):
    name = "same-as-source"
    severity = "error"
    description = "the target is the Arabic source, copied through untranslated"

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        seg = view.segment
        if abs(len(seg.source) - len(seg.target)) > 2 * len(seg.source) // 3 + 2:
            return  # far apart in length: cannot be the same text
        source = _squeeze(seg.source)
        if source and source == _squeeze(seg.target) and is_arabic(source):
            yield self.finding(view, "the target is identical to the source (not translated)",
                               source_spans=((0, len(seg.source)),), target_spans=((0, len(seg.target)),))
