"""length-ratio: a target far shorter or longer than a source of that length
usually gives — truncated or hallucinated MT output.

Gale and Church's (1993) length model: for a source of ``n`` characters the
target length is about ``c·n`` with variance ``s2·n``, so
``z = (len(target) − c·n) / sqrt(s2·n)`` is a normal deviate and a large
``|z|`` is an outlier whatever the segment length (short segments get a wider
band than long ones). ``c`` and ``s2`` were fitted on the 1,997 human NTREX
segments (characters without spaces, Arabic → English) by
bench/qa_checks_bench.py; the threshold was then chosen so that the human
English of TICO-19 and NTREX stays under 1 alarm per 200 segments (figures in
the README). Sources shorter than ``MIN_SOURCE`` characters are skipped.
"""
from __future__ import annotations

import math
from typing import Iterable

from .base import Check, Finding, SegmentView

# Fitted on NTREX (bench/qa_checks_bench.py --fit): English chars per Arabic char and variance per char.
RATIO = 1.07
VARIANCE = 3.0
THRESHOLD = 3.5
MIN_SOURCE = 20


def _chars(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def deviation(source: str, target: str) -> tuple[float, float]:
    """(ratio target/source, z-score under the length model)."""
    n, m = _chars(source), _chars(target)
    if not n:
        return 0.0, 0.0
    return m / n, (m - RATIO * n) / math.sqrt(VARIANCE * n)


class LengthRatio(Check):
    name = "length-ratio"
    severity = "warning"
    description = "the target far shorter or longer than its source usually gives (truncated or invented text)"

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        seg = view.segment
        if _chars(seg.source) < MIN_SOURCE or not seg.target.strip():
            return
        ratio, z = deviation(seg.source, seg.target)
        if abs(z) < THRESHOLD:
            return
        how = "shorter" if z < 0 else "longer"
        yield self.finding(view, f"the target is {ratio:.2f}× the source's length, far {how} than the usual "
                                 f"{RATIO:.2f}× (z = {z:+.1f})", evidence=f"{ratio:.2f}",
                           details={"ratio": round(ratio, 3), "z": round(z, 2)})
