"""The common shape of a QA check, its findings, and what checks share.

Modelled on sacrebleu's ``metrics/base.py``: every check is a small class with a
``name``, a ``severity`` and a one-line ``description``, and the runner treats
them all alike. A check sees segments only through :class:`SegmentView` (the
segment plus the glossary analysis done once for all checks), so checks stay
pure functions of text and glossary and are cheap to test one by one.
"""
from __future__ import annotations

from abc import ABC
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, Iterable

from ..documents import Segment
from ..english.finder import ForbiddenForm
from ..english.index import EnglishHit
from ..english.renderings import Rendering
from ..matching import Match

SEVERITIES = ("error", "warning", "info")
# --fail-on levels: which severities make the exit status 1.
FAIL_LEVELS = {"error": ("error",), "warning": ("error", "warning"), "never": ()}

Span = tuple[int, int]


@dataclass(frozen=True)
class Finding:
    """One problem a reviewer can act on, pointing at exact character spans."""

    check: str
    severity: str
    line: int                       # 1-based, within ``document``
    message: str
    term: str | None = None
    evidence: str | None = None
    document: str | None = None
    source_spans: tuple[Span, ...] = ()
    target_spans: tuple[Span, ...] = ()
    details: dict[str, Any] | None = field(default=None, compare=False, hash=False)

    def to_dict(self, batch: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if batch:
            out["document"] = self.document
        out.update(line=self.line, check=self.check, severity=self.severity, term=self.term,
                   message=self.message, evidence=self.evidence)
        out["spans"] = {"source": [list(s) for s in self.source_spans],
                        "target": [list(s) for s in self.target_spans]}
        if self.details:
            out["details"] = self.details
        return out


@dataclass(frozen=True)
class TermUse:
    """A glossary term found in the source and every rendering of it in the target."""

    match: Match
    renderings: tuple[Rendering, ...]

    @property
    def rendered(self) -> bool:
        """Is the term rendered right here (canonical, a reading, a surname, an adjective)?"""
        return any(r.right for r in self.renderings)

    def others(self) -> list[Rendering]:
        """Renderings that are not right, most trusted first (forbidden, then closest variant)."""
        rest = [r for r in self.renderings if not r.right]
        return sorted(rest, key=lambda r: (r.kind != "forbidden", -r.score, r.start))


@dataclass
class SegmentView:
    """A segment plus the analysis every check shares (computed once)."""

    segment: Segment
    uses: list[TermUse] = field(default_factory=list)
    english_hits: list[EnglishHit] = field(default_factory=list)
    #: Targets of source terms with no right rendering (the finder's review).
    missing: list[str] = field(default_factory=list)
    #: Forbidden forms in the target: listed ones, and close variants of them.
    forbidden: list[ForbiddenForm] = field(default_factory=list)
    #: Refused ambiguous source spellings whose term the target writes wrongly.
    unchecked: list = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.segment.line

    @property
    def document(self) -> str | None:
        return self.segment.document


@dataclass(frozen=True)
class QASettings:
    """QA thresholds beyond the matcher's (all reported in the signature)."""

    # A one-word name-list target that is this common an English word is not a name alone.
    common_word_zipf: float = 4.0
    # Source words sound like an English rendering when their consonant keys are this similar.
    key_similarity: float = 0.75
    # Drift of terms not in the glossary: shortest consonant key considered, and
    # the most common Arabic word (Zipf) still treated as a possible name.
    drift_min_key: int = 3
    drift_max_zipf: float = 2.5
    # length-ratio (Gale–Church): English chars per Arabic char and variance per
    # char, fitted on NTREX; |z| at or above this is an outlier; shorter sources skipped.
    length_ratio: float = 1.07
    length_variance: float = 3.0
    length_max_z: float = 3.5
    length_min_source: int = 20
    # segment-consistency: segments with fewer words are translated by context.
    consistency_min_words: int = 3
    # unbalanced: a quotation or bracket may run on over this many following segments.
    quote_max_run: int = 4
    # Spellings of one name look alike (rapidfuzz ratio at least this); different
    # names that share consonants do not.
    drift_same_name_ratio: float = 60

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Check(ABC):
    """One named, documented QA check.

    Override :meth:`segment` for checks that look at one segment at a time, and
    :meth:`corpus` for checks that compare segments (drift).
    """

    name: ClassVar[str]
    severity: ClassVar[str]
    description: ClassVar[str]
    needs_glossary: ClassVar[bool] = False

    def __init__(self, settings: QASettings | None = None):
        self.settings = settings or QASettings()

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        return ()

    def corpus(self, documents: list[list[SegmentView]]) -> Iterable[Finding]:
        return ()

    def finding(self, view: SegmentView, message: str, **kw: Any) -> Finding:
        return Finding(self.name, self.severity, view.line, message, document=view.document, **kw)
