"""The glossary analysis shared by all checks, done once per segment.

Source side: the matcher finds glossary terms in the Arabic. Target side: the
glossary's :class:`~translate.english.finder.RenderingFinder` says how each came
out in English, which terms are missing and which forbidden forms are there
(the same review ``enforce`` makes of what it wrote), and finds every glossary
target and forbidden form in the English whatever the source says (for
``unsupported-term``).
"""
from __future__ import annotations

from dataclasses import replace

from ..documents import Segment
from ..english.finder import RenderingFinder, refusal
from ..glossary import Glossary
from ..matching import Match, Matcher
from .base import SegmentView, TermUse


class Analyzer:
    """Builds a :class:`SegmentView` per segment for one glossary."""

    def __init__(self, glossary: Glossary, matcher: Matcher, finder: RenderingFinder | None = None):
        self.glossary = glossary
        self.matcher = matcher
        self.finder = finder or RenderingFinder(glossary)

    def views(self, segments: list[Segment]) -> list[SegmentView]:
        """One view per segment of a document; its sources are matched in one
        batch (the matcher learns the document's distinct words once)."""
        if not self.glossary.terms:
            return [self._view(seg, []) for seg in segments]
        refused: list[list[Match]] = []
        found = self.matcher.find_lines([seg.source for seg in segments], refused)
        return [self._view(seg, _on_line(matches, seg.line), _on_line(dropped, seg.line))
                for seg, matches, dropped in zip(segments, found, refused)]

    def _view(self, segment: Segment, matches: list[Match], refused: list[Match] = ()) -> SegmentView:
        review = self.finder.review(matches, segment.target, self.matcher.homographs, refused=refused)
        # A sound-alike refused as another real name or word is the review's to
        # count, not a rendering of the term for the checks (inconsistent, evidence).
        uses = [TermUse(m, tuple(r for r in rs if not refusal(r))) for m, rs in review.uses]
        return SegmentView(segment, uses, review.hits, review.missing, review.forbidden, review.unchecked)


def _on_line(matches: list[Match], line: int) -> list[Match]:
    return [m if m.line == line else replace(m, line=line) for m in matches]
