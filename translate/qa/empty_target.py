"""empty-target: the source has text but the target is empty or only whitespace.

The commonest silent failure of a batch job (a segment the engine or the
translator skipped) used to pass as "no findings". A blank line on both sides
is a paragraph break, not an omission, and is never flagged.
"""
from __future__ import annotations

from typing import Iterable

from .base import Check, Finding, SegmentView


class EmptyTarget(Check):
    name = "empty-target"
    severity = "error"
    description = "the source has text but the target is empty or whitespace only"

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        seg = view.segment
        if seg.source.strip() and not seg.target.strip():
            what = "empty" if not seg.target else "only whitespace"
            yield self.finding(view, f"the target is {what} but the source has text",
                               source_spans=((0, len(seg.source)),))
