"""length-ratio: a target far shorter or longer than a source of that length
usually gives — truncated or hallucinated MT output.

Gale and Church's (1993) length model: for a source of ``n`` characters the
target length is about ``c·n`` with variance ``s2·n``, so
``z = (len(target) − c·n) / sqrt(s2·n)`` is a normal deviate and a large
``|z|`` is an outlier whatever the segment length (short segments get a wider
band than long ones). ``c`` = 1.07 and ``s2`` = 3.0 were fitted on the 1,942
human NTREX segments of 20+ characters (characters without spaces, Arabic →
English; TICO-19 gives 1.10 and 3.3) by ``bench/qa_checks_bench.py --fit``.
|z| = 3.5 is past the 99.9th percentile on NTREX (3.47) and near it on TICO-19
(3.74): under 1 alarm per 200 human segments on both. Sources shorter than 20
characters are skipped. All four are :class:`QASettings`, in the signature.
"""
from __future__ import annotations

import math
from typing import Iterable

from .base import Check, Finding, SegmentView

def _chars(text: str) -> int:
    return len("".join(text.split()))


def deviation(source: str, target: str, ratio: float, variance: float) -> tuple[float, float]:
    """(ratio target/source, z-score under the length model)."""
    n, m = _chars(source), _chars(target)
    if not n:
        return 0.0, 0.0
    return m / n, (m - ratio * n) / math.sqrt(variance * n)


class LengthRatio(Check):
    name = "length-ratio"
    severity = "warning"
    description = "the target far shorter or longer than its source usually gives (truncated or invented text)"

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        seg = view.segment
        cfg = self.settings
        if _chars(seg.source) < cfg.length_min_source or not seg.target.strip():
            return
        ratio, z = deviation(seg.source, seg.target, cfg.length_ratio, cfg.length_variance)
        if abs(z) < cfg.length_max_z:
            return
        how = "shorter" if z < 0 else "longer"
        yield self.finding(view, f"the target is {ratio:.2f}× the source's length, far {how} than the usual "
                                 f"{cfg.length_ratio:.2f}× (z = {z:+.1f})", evidence=f"{ratio:.2f}",
                           details={"ratio": round(ratio, 3), "z": round(z, 2)})
