"""whitespace: double spaces inside the target, and spaces at its start or end.

Invisible on screen, visible in print and in a CMS. A space run the source has
in the same place (start or end) is carried over, not flagged; a tab or a
no-break space counts as a space. Measured on the human English of TICO-19 and
NTREX by bench/qa_checks_bench.py (figures in the README).
"""
from __future__ import annotations

import re
from typing import Iterable

from .base import Check, Finding, SegmentView

_INNER = re.compile(r"(?<=\S)[ \t\u00a0]{2,}(?=\S)")
_LEAD = re.compile(r"^[ \t\u00a0]+(?=\S)")
_TRAIL = re.compile(r"(?<=\S)[ \t\u00a0]+$")


class Whitespace(Check):
    name = "whitespace"
    severity = "info"
    description = "double spaces in the target, or spaces at its start or end"

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        source, target = view.segment.source, view.segment.target
        spans, what = [], []
        inner = [(m.start(), m.end()) for m in _INNER.finditer(target)]
        if inner:
            spans += inner
            what.append(f"{len(inner)} double space{'s' if len(inner) > 1 else ''}")
        for pattern, label in ((_LEAD, "a leading space"), (_TRAIL, "a trailing space")):
            m = pattern.search(target)
            if m and not pattern.search(source):
                spans.append((m.start(), m.end()))
                what.append(label)
        if spans:
            yield self.finding(view, f"the target has {' and '.join(what)}", target_spans=tuple(sorted(spans)))
