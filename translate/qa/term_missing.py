"""term-missing: a glossary term is in the source but its canonical English is not
in that target segment. Evidence is what was written instead, when the English
has a forbidden form or a sound-alike of the term (Esbir for Esper)."""
from __future__ import annotations

from typing import Iterable

from ..english.renderings import has_derived_form
from .base import Check, Finding, SegmentView


class TermMissing(Check):
    name = "term-missing"
    severity = "error"
    description = "a glossary term found in the source, its canonical English absent from the target"
    needs_glossary = True

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        done: set[str] = set()
        # A term counts as rendered when any of its occurrences is: one segment may
        # say عبد المهدي twice and "Abdul Mahdi ... he" once.
        rendered = {u.match.term.target for u in view.uses if u.canonical}
        for use in view.uses:
            target = use.match.term.target
            if target in rendered or target in done:
                continue
            done.add(target)
            if has_derived_form(use.match.term, view.segment.target):
                continue  # "Iranian-backed" renders إيران correctly
            same = [u for u in view.uses if u.match.term.target == target]
            others = [r for u in same for r in u.others()]
            seen: dict[str, tuple[int, int]] = {}
            for r in others:
                seen.setdefault(r.text, (r.start, r.end))
            evidence = ", ".join(seen) or None
            instead = f"; the translation has {', '.join(repr(t) for t in seen)} instead" if seen else ""
            yield self.finding(
                view,
                f"{use.match.text!r} should be rendered {target!r} (glossary {use.match.term.where}){instead}",
                term=target, evidence=evidence,
                source_spans=tuple((u.match.start, u.match.end) for u in same),
                target_spans=tuple(seen.values()),
            )
