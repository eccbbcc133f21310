"""The enforcer for a whole glossary: matcher + per-line enforcement.

Why a class: building the matcher's index is the expensive part (a 65k-name
glossary), so it is built once and reused for every line and sentence.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..english.finder import RenderingFinder
from ..glossary import Glossary, load_glossaries
from ..matching import Match, Matcher, MatchSettings
from ..progress import ProgressCallback
from .line import Span, enforce_line
from .records import EnforceSettings, LineResult


class LengthMismatch(ValueError):
    """Source and target do not have the same number of lines."""

    def __init__(self, sources: int, targets: int):
        super().__init__(f"{sources} source lines but {targets} target lines")
        self.sources = sources
        self.targets = targets


class Enforcer:
    """Enforce one glossary on line-aligned Arabic/English text."""

    def __init__(self, glossary: Glossary, settings: EnforceSettings | None = None,
                 match_settings: MatchSettings | None = None, matcher: Matcher | None = None,
                 finder: RenderingFinder | None = None):
        self.glossary = glossary
        self.settings = settings or EnforceSettings()
        if matcher is None:
            match_settings = match_settings or MatchSettings()
            if self.settings.min_match_score < match_settings.fuzzy.min_score:
                # Fuzzy matches down to the enforcement threshold are found (and reported).
                fuzzy = replace(match_settings.fuzzy, min_score=self.settings.min_match_score)
                match_settings = replace(match_settings, fuzzy=fuzzy)
            matcher = Matcher(glossary, match_settings)
        self.matcher = matcher
        self.finder = finder or RenderingFinder(glossary)

    def homographs(self, match: Match) -> frozenset[str]:
        """Every English target (lowercase) the glossary gives ``match``'s Arabic spelling."""
        return self.matcher.homographs(match)

    @classmethod
    def from_paths(cls, paths: Sequence[str], settings: EnforceSettings | None = None) -> "Enforcer":
        """Load glossary files (errors are :class:`GlossaryError`, one line each)."""
        return cls(load_glossaries(list(paths)), settings)

    def enforce_line(self, source: str, english: str, line_no: int = 1,
                     hints: dict[int, Sequence[Span]] | None = None,
                     matches: list[Match] | None = None, refused: list[Match] | None = None) -> LineResult:
        """``matches``: the line's matches when the caller matched the whole
        document (a name given in full elsewhere vouches for its surname here);
        ``refused``: the hits the matcher refused there (reported, not dropped)."""
        if matches is None:
            refused = []
            matches = self.matcher.find(source, line_no, refused)
        if not matches and not refused and not self.finder.has_forbidden():
            return LineResult(english)
        return enforce_line(source, english, matches, self.settings, line_no, hints, self.homographs, self.finder,
                            refused or ())

    def enforce_lines(self, sources: Sequence[str], english: Sequence[str],
                      progress: ProgressCallback | None = None) -> list[LineResult]:
        """One :class:`LineResult` per line pair (lines numbered from 1);
        ``progress`` is told the lines, then each one done."""
        if len(sources) != len(english):
            raise LengthMismatch(len(sources), len(english))
        if progress is not None:
            progress.add_total(len(sources))
        refused: list[list[Match]] = []
        per_line = self.matcher.find_lines(sources, refused)
        out = []
        for no, (s, e, m, r) in enumerate(zip(sources, english, per_line, refused), 1):
            out.append(self.enforce_line(s, e, no, matches=m, refused=r))
            if progress is not None:
                progress.advance(1)
        return out


def enforce_lines(sources: Sequence[str], english: Sequence[str], glossary: Glossary,
                  settings: EnforceSettings | None = None) -> list[LineResult]:
    """Convenience: enforce ``glossary`` on aligned lines (builds a matcher)."""
    return Enforcer(glossary, settings).enforce_lines(sources, english)
