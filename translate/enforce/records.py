"""What enforcement decides, as plain records (JSON-ready)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: Why a span was changed.
CORRECTION_REASONS = ("forbidden", "variant", "case", "copied", "partial")
#: Why a source term was not enforced.
#: ``forbidden``: a forbidden form (or a close variant of one) left in the English,
#: e.g. a second mention the source names once, or a term the source does not name.
#: ``ambiguous``: a spelling the matcher refused as also an Arabic word while the
#: English writes its term wrongly; ``note`` says what the spelling needs.
UNPLACED_REASONS = ("missing", "low-score", "forbidden", "ambiguous")


@dataclass(frozen=True)
class EnforceSettings:
    """Thresholds of the enforcer.

    ``min_match_score``: fuzzy source matches below it are reported, never
    enforced (a misread Arabic word must not rewrite the English).
    ``use_attention``: let engine attention choose between candidate spans.
    ``partial``: for a person matched with first and last name whose English has
    only the surname, correct that surname (not add the first name).
    """

    min_match_score: float = 0.85
    use_attention: bool = True
    partial: bool = True

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Correction:
    """One replacement; ``start``/``end`` index the *corrected* line."""

    line: int
    start: int
    end: int
    before: str
    after: str
    target: str
    reason: str
    source_start: int = 0
    source_end: int = 0

    def to_dict(self) -> dict:
        return {"line": self.line, "start": self.start, "end": self.end, "before": self.before,
                "after": self.after, "target": self.target, "reason": self.reason,
                "source_start": self.source_start, "source_end": self.source_end}


@dataclass(frozen=True)
class Unplaced:
    """A source term the enforcer did not write into the English (left as is)."""

    line: int
    source_start: int
    source_end: int
    source_text: str
    target: str
    reason: str
    score: float = 1.0
    #: For ``forbidden`` and ``ambiguous``: the form left in the English.
    english: str = ""
    #: For ``ambiguous``: what the spelling needs to be matched (the matcher's verdict).
    note: str = ""

    def to_dict(self) -> dict:
        out = {"line": self.line, "source_start": self.source_start, "source_end": self.source_end,
               "source_text": self.source_text, "target": self.target, "reason": self.reason,
               "score": round(self.score, 3)}
        if self.english:
            out["english"] = self.english
        if self.note:
            out["note"] = f"found {self.source_text}, not enforced: {self.note}"
        return out


@dataclass
class LineResult:
    """The corrected line, what changed in it, and what could not be enforced."""

    text: str
    corrections: list[Correction] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    #: Source matches whose English span was found (changed or already right).
    placed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.corrections)
