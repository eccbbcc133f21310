"""Run the checks over documents: analysis once per segment, then every check.

``run_qa`` is pure (documents and a glossary in, a :class:`QAReport` out); the
CLI does the reading and writing around it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Sequence

from ..documents import Document, Segment
from ..english.finder import RenderingFinder, RenderingSettings
from ..errors import TarjamaError
from ..glossary import Glossary
from ..matching import Matcher, MatchSettings
from .analysis import Analyzer
from .base import FAIL_LEVELS, SEVERITIES, Check, Finding, QASettings, SegmentView
from .brackets import Unbalanced
from .empty_target import EmptyTarget
from .end_punctuation import EndPunctuation
from .forbidden import Forbidden
from .garbled_source import GarbledSource
from .inconsistent import Inconsistent
from .length_ratio import LengthRatio
from .number import Number
from .placeables import Placeables
from .repeated_word import RepeatedWord
from .same_as_source import SameAsSource
from .segment_consistency import SegmentConsistency
from .signature import build_signature
from .term_missing import TermMissing
from .term_unchecked import TermUnchecked
from .unsupported_term import UnsupportedTerm
from .untranslated import Untranslated
from .whitespace import Whitespace

if TYPE_CHECKING:  # translate.settings sits above qa/: a type, not an import
    from ..progress import ProgressCallback
    from ..settings import Settings

# Report order: what breaks the glossary first, then drift, then what is missing
# or copied, then what is wrong in form.
TERMINOLOGY_CHECKS: tuple[type[Check], ...] = (TermMissing, Forbidden, Inconsistent, GarbledSource, Untranslated,
                                               Number, UnsupportedTerm, TermUnchecked)
CHECKS: tuple[type[Check], ...] = TERMINOLOGY_CHECKS + (
    EmptyTarget, SameAsSource, Placeables, LengthRatio, SegmentConsistency, EndPunctuation, Unbalanced,
    RepeatedWord, Whitespace)
CHECK_NAMES = tuple(c.name for c in CHECKS)


@dataclass
class QAReport:
    """Findings plus everything a report needs to show and reproduce them.

    ``suppressed`` are (finding, suppression) pairs a reviewer marked as false
    alarms (``--ignore``): counted, not shown as errors; ``stale`` are the suppressions that matched
    nothing. ``term_info`` maps a glossary target to what its entry says of itself
    (note, domain, origin), shown beside findings on that term; ``inputs`` names the files read (name, sha256, segments).
    """

    findings: list[Finding]
    documents: list[Document]
    checks: list[str]
    signature: dict[str, Any] = field(default_factory=dict)
    suppressed: list[tuple[Finding, Any]] = field(default_factory=list)
    stale: list[Any] = field(default_factory=list)
    term_info: dict[str, dict[str, str]] = field(default_factory=dict)
    inputs: list[dict[str, Any]] = field(default_factory=list)
    created: str | None = None

    @cached_property
    def notes(self) -> dict[str, str]:
        """``term_info`` as one line per target: "note: …; domain: …; origin: …"."""
        return {t: "; ".join(f"{k}: {v}" for k, v in info.items()) for t, info in self.term_info.items()}

    @property
    def batch(self) -> bool:
        return len(self.documents) > 1 or any(d.name is not None for d in self.documents)

    def segment_count(self) -> int:
        return sum(len(d.segments) for d in self.documents)

    def summary(self) -> dict[str, Any]:
        by_sev = Counter(f.severity for f in self.findings)
        by_check = Counter(f.check for f in self.findings)
        return {
            "documents": len(self.documents),
            "segments": self.segment_count(),
            "segments_with_findings": len({(f.document, f.line) for f in self.findings}),
            "findings": len(self.findings),
            "by_severity": {s: by_sev.get(s, 0) for s in SEVERITIES},
            "by_check": {c: by_check.get(c, 0) for c in self.checks},
            "suppressed": len(self.suppressed),
            "stale_suppressions": len(self.stale),
        }

    def segment_of(self, finding: Finding) -> Segment | None:
        """The segment a finding is on (None if its line is outside the documents)."""
        return self._segment_index.get((finding.document, finding.line))

    @cached_property
    def _segment_index(self) -> dict[tuple[str | None, int], Segment]:
        return {(d.name, s.line): s for d in self.documents for s in d.segments}

    def fails(self, fail_on: str) -> bool:
        levels = FAIL_LEVELS[fail_on]
        return any(f.severity in levels for f in self.findings)


def select_checks(names: Sequence[str] | None) -> list[type[Check]]:
    """The checks named (repeatable, comma-separated); all of them for None.

    Names given but naming nothing (``--check ""``, ``--check ,,,``) are an error,
    not zero checks passing."""
    if names is None or (not isinstance(names, str) and len(names) == 0):
        return list(CHECKS)
    if isinstance(names, str):
        names = [names]
    wanted = [n.strip() for name in names for n in name.split(",") if n.strip()]
    if not wanted:
        raise TarjamaError(f"no check named (expected one or more of: {', '.join(CHECK_NAMES)})")
    unknown = [n for n in wanted if n not in CHECK_NAMES]
    if unknown:
        raise TarjamaError(f"unknown check '{unknown[0]}' (expected one of: {', '.join(CHECK_NAMES)})")
    return [c for c in CHECKS if c.name in wanted]


def run_qa(documents: list[Document], glossary: Glossary | None = None, *,
           checks: Sequence[str] | None = None, match_settings: MatchSettings | None = None,
           settings: "QASettings | Settings | None" = None, matcher: Matcher | None = None,
           renderings: RenderingSettings | None = None, finder: RenderingFinder | None = None,
           model: dict[str, Any] | None = None, inputs: Sequence[dict[str, Any]] = (),
           progress: "ProgressCallback | None" = None) -> QAReport:
    """Every selected check over every segment of every document, in a report
    signed with the glossary files, the checks, every threshold and ``model``
    (:func:`translate.reports.signature.model_info`), as the CLI signs it.

    ``settings``: a root :class:`translate.settings.Settings` (its ``match``,
    ``renderings`` and ``qa`` parts), or the QA part alone.
    ``matcher``/``finder``: reuse the glossary's (their indexes are the costly part).
    ``inputs``: the files checked (:func:`translate.reports.signature.input_records`).
    ``progress``: told the segments of all documents, then each one checked."""
    qa_part = getattr(settings, "qa", None)  # a root Settings (translate.settings sits above qa/)
    if qa_part is not None:
        match_settings, renderings, settings = settings.match, settings.renderings, qa_part  # type: ignore[union-attr]
    glossary = glossary or Glossary()
    settings = settings or QASettings()
    match_settings = matcher.settings if matcher is not None else (match_settings or MatchSettings())
    renderings = finder.settings if finder is not None else (renderings or RenderingSettings())
    classes = select_checks(checks)
    if not glossary.terms:
        classes = [c for c in classes if not c.needs_glossary]
    instances = [c(settings) for c in classes]
    matcher = matcher or Matcher(glossary, match_settings)
    analyzer = Analyzer(glossary, matcher, finder or RenderingFinder(glossary, renderings))
    order = {c.name: i for i, c in enumerate(CHECKS)}
    findings: list[Finding] = []
    views: list[list[SegmentView]] = []
    if progress is not None:
        progress.add_total(sum(len(doc.segments) for doc in documents))
    for doc in documents:
        doc_views = analyzer.views(doc.segments)
        views.append(doc_views)
        for view in doc_views:
            for check in instances:
                findings.extend(check.segment(view))
            if progress is not None:
                progress.advance(1)
    for check in instances:
        findings.extend(check.corpus(views))
    findings = _one_finding_for_empty_targets(findings)
    doc_order = {d.name: i for i, d in enumerate(documents)}
    findings.sort(key=lambda f: (doc_order.get(f.document, 0), f.line, order[f.check]))
    names = [c.name for c in classes]
    signature = build_signature(glossary.files, names, match_settings.as_dict(), settings.as_dict(), model,
                                renderings.as_dict(), inputs)
    return QAReport(findings, documents, names, signature, term_info=glossary.term_info(), inputs=list(inputs))


# Checks about the source alone: still worth saying when the target is empty.
_SOURCE_SIDE = {GarbledSource.name}


# Findings that say the whole target is wrong (nothing, or the source itself).
_WHOLE_TARGET = {EmptyTarget.name, SameAsSource.name}


def _one_finding_for_empty_targets(findings: list[Finding]) -> list[Finding]:
    """An empty or copied target is one error, not also every term and number
    "missing" from it and its Arabic "untranslated"."""
    whole = {(f.document, f.line) for f in findings if f.check in _WHOLE_TARGET}
    if not whole:
        return findings
    return [f for f in findings if (f.document, f.line) not in whole
            or f.check in _WHOLE_TARGET or f.check in _SOURCE_SIDE]
