"""Run the checks over documents: analysis once per segment, then every check.

``run_qa`` is pure (documents and a glossary in, a :class:`QAReport` out); the
CLI does the reading and writing around it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

from ..documents import Document
from ..english.finder import RenderingFinder, RenderingSettings
from ..errors import TarjamaError
from ..glossary import Glossary
from ..matching import Matcher, MatchSettings
from .analysis import Analyzer
from .base import FAIL_LEVELS, SEVERITIES, Check, Finding, QASettings, SegmentView
from .forbidden import Forbidden
from .garbled_source import GarbledSource
from .inconsistent import Inconsistent
from .number import Number
from .signature import build_signature
from .term_missing import TermMissing
from .unsupported_term import UnsupportedTerm
from .untranslated import Untranslated

if TYPE_CHECKING:  # translate.settings sits above qa/: a type, not an import
    from ..settings import Settings

# Report order: what breaks the glossary first, then drift, then the rest.
CHECKS: tuple[type[Check], ...] = (TermMissing, Forbidden, Inconsistent, GarbledSource, Untranslated,
                                   Number, UnsupportedTerm)
CHECK_NAMES = tuple(c.name for c in CHECKS)


@dataclass
class QAReport:
    """Findings plus everything a report needs to show and reproduce them."""

    findings: list[Finding]
    documents: list[Document]
    checks: list[str]
    signature: dict[str, Any] = field(default_factory=dict)

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
        }

    def fails(self, fail_on: str) -> bool:
        levels = FAIL_LEVELS[fail_on]
        return any(f.severity in levels for f in self.findings)


def select_checks(names: Sequence[str] | None) -> list[type[Check]]:
    if not names:
        return list(CHECKS)
    wanted = [n.strip() for name in names for n in name.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in CHECK_NAMES]
    if unknown:
        raise TarjamaError(f"unknown check '{unknown[0]}' (expected one of: {', '.join(CHECK_NAMES)})")
    return [c for c in CHECKS if c.name in wanted]


def run_qa(documents: list[Document], glossary: Glossary | None = None, *,
           checks: Sequence[str] | None = None, match_settings: MatchSettings | None = None,
           settings: "QASettings | Settings | None" = None, matcher: Matcher | None = None,
           renderings: RenderingSettings | None = None, finder: RenderingFinder | None = None,
           model: dict[str, Any] | None = None) -> QAReport:
    """Every selected check over every segment of every document, in a report
    signed with the glossary files, the checks, every threshold and ``model``
    (:func:`translate.reports.signature.model_info`), as the CLI signs it.

    ``settings``: a root :class:`translate.settings.Settings` (its ``match``,
    ``renderings`` and ``qa`` parts), or the QA part alone.
    ``matcher``/``finder``: reuse the glossary's (their indexes are the costly part)."""
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
    for doc in documents:
        doc_views = analyzer.views(doc.segments)
        views.append(doc_views)
        for view in doc_views:
            for check in instances:
                findings.extend(check.segment(view))
    for check in instances:
        findings.extend(check.corpus(views))
    doc_order = {d.name: i for i, d in enumerate(documents)}
    findings.sort(key=lambda f: (doc_order.get(f.document, 0), f.line, order[f.check]))
    names = [c.name for c in classes]
    signature = build_signature(glossary.files, names, match_settings.as_dict(), settings.as_dict(), model,
                                renderings.as_dict())
    return QAReport(findings, documents, names, signature)
