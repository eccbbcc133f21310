"""Glossary statistics: what a maintainer looks at before and after an import."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .model import Glossary


@dataclass
class Stats:
    terms: int
    files: int
    by_type: dict[str, int]
    renderings: dict[str, int]          # preferred / admitted / forbidden: how many forms
    with_also: int
    with_forbidden: int
    exact_case: int
    spellings_per_entry: dict[int, int]  # number of spellings → entries
    coverage: dict[str, float | int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def glossary_stats(glossary: Glossary) -> Stats:
    """Counts over ``glossary``; :func:`translate.maintenance.coverage.corpus_coverage`
    fills ``coverage`` (it needs the matcher, which sits above glossaries)."""
    terms = glossary.terms
    return Stats(
        terms=len(terms), files=len(glossary.files),
        by_type=dict(Counter(t.type for t in terms).most_common()),
        renderings={"preferred": len(terms), "admitted": sum(len(t.also) for t in terms),
                    "forbidden": sum(len(t.forbidden) for t in terms)},
        with_also=sum(bool(t.also) for t in terms), with_forbidden=sum(bool(t.forbidden) for t in terms),
        exact_case=sum(t.case == "exact" for t in terms),
        spellings_per_entry=dict(sorted(Counter(len(t.source) for t in terms).items())),
    )
