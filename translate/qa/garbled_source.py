"""garbled-source: a source spelling matched only fuzzily (ميليتيم تايمز). Either
the source is misspelt or the glossary lacks a real variant; the reviewer is told
which term it probably is and where to add the spelling."""
from __future__ import annotations

from typing import Iterable

from .base import Check, Finding, SegmentView


class GarbledSource(Check):
    name = "garbled-source"
    severity = "warning"
    description = "a source spelling that only fuzzily matches a glossary term"
    needs_glossary = True

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        for use in view.uses:
            m = use.match
            if m.kind != "fuzzy":
                continue
            yield self.finding(
                view,
                f"{m.text!r} is probably {m.variant!r} ({m.target}, similarity {m.score:.2f}); "
                f"check the source, or add {m.text!r} to the term's sources in {m.term.where}",
                term=m.target, evidence=m.text, source_spans=((m.start, m.end),),
                target_spans=tuple((r.start, r.end) for r in use.renderings),
                details={"probably": m.variant, "score": round(m.score, 3), "glossary": m.term.where},
            )
