"""term-missing: a glossary term is in the source but not rendered right in that
target segment (the rendering finder's review, the same one ``enforce`` makes).
Evidence is what was written instead, when the English has a forbidden form or a
sound-alike of the term (Esbir for Esper)."""
from __future__ import annotations

from typing import Iterable

from .base import Check, Finding, SegmentView


class TermMissing(Check):
    name = "term-missing"
    severity = "error"
    description = "a glossary term found in the source, its canonical English absent from the target"
    needs_glossary = True

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        # A term counts as rendered when any of its occurrences is: one segment may
        # say عبد المهدي twice and "Abdul Mahdi ... he" once.
        for target in view.missing:
            same = [u for u in view.uses if u.match.term.target == target]
            match = same[0].match
            seen: dict[str, tuple[int, int]] = {}
            for r in (r for u in same for r in u.others()):
                seen.setdefault(r.text, (r.start, r.end))
            evidence = ", ".join(seen) or None
            instead = f"; the translation has {', '.join(repr(t) for t in seen)} instead" if seen else ""
            yield self.finding(
                view,
                f"{match.text!r} should be rendered {target!r} (glossary {match.term.where}){instead}",
                term=target, evidence=evidence,
                source_spans=tuple((u.match.start, u.match.end) for u in same),
                target_spans=tuple(seen.values()),
            )
