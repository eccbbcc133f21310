"""forbidden: a rendering the glossary lists as wrong (or a close variant of one,
Esbeer for the forbidden Esbir) appears in the target, whatever the source says.
The forms are the rendering finder's review, the same one ``enforce`` makes."""
from __future__ import annotations

from typing import Iterable

from .base import Check, Finding, SegmentView


class Forbidden(Check):
    name = "forbidden"
    severity = "error"
    description = "a forbidden rendering, or a close variant of one, appears in the target"
    needs_glossary = True

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        for f in view.forbidden:
            target = f.term.target
            why = (f"forbidden by glossary {f.term.where}" if f.form is None
                   else f"a variant of the forbidden {f.form!r} (glossary {f.term.where})")
            spans = tuple((u.match.start, u.match.end) for u in view.uses if u.match.term.target == target)
            yield self.finding(view, f"{f.text!r} is {why}; write {target!r}", term=target, evidence=f.text,
                               source_spans=spans, target_spans=((f.start, f.end),))
