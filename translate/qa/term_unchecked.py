"""term-unchecked: a source spelling the matcher refused as ambiguous (also an
ordinary Arabic word) while the target writes its term wrongly, a sound-alike
or a forbidden form (بوريل refused, "Buril" in the English). Info level: the
reviewer decides; the note says what the glossary entry needs to be matched
(the matcher's verdict, the same note as ``glossary check --explain`` and
``enforce``'s "ambiguous" report)."""
from __future__ import annotations

from typing import Iterable

from .base import Check, Finding, SegmentView


class TermUnchecked(Check):
    name = "term-unchecked"
    severity = "info"
    description = "an ambiguous source spelling not matched, while the target writes its term wrongly"
    needs_glossary = True

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        for match, renderings in view.unchecked:
            written = renderings[0]
            yield self.finding(
                view,
                f"found {match.text!r}, not checked: {match.need}; the translation has {written.text!r} "
                f"(glossary {match.term.where}: {match.target!r})",
                term=match.target, evidence=written.text,
                source_spans=((match.start, match.end),), target_spans=((written.start, written.end),),
            )
