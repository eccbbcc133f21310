"""segment-consistency: the same source segment translated two ways, or two
different source segments given the same translation, anywhere in the batch.

Xbench's two inconsistency checks. Sources are compared after Arabic
normalisation (hamza, alef and ya forms, diacritics, tatweel) and without
punctuation or spacing, so ``نعم.`` and ``نعم`` are one source; targets are
compared without case, punctuation or spacing, so "Yes." and "yes" are one
translation. Each finding lists every variant with where it occurs. Segments
with fewer than three words on the side compared are skipped: a one-word reply
or a dateline ("Thursday") is legitimately translated by context. Measured on
the human English of TICO-19 and NTREX by bench/qa_checks_bench.py (figures in
the README).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Callable, Iterable

from ..arabic.normalize import normalize
from .base import Check, Finding, SegmentView

_NOT_WORD = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text).split())


def source_key(text: str) -> str:
    return _key(normalize(text))


def target_key(text: str) -> str:
    return _key(text.casefold())


def _where(view: SegmentView) -> dict[str, Any]:
    return {"document": view.document, "line": view.line}


def _variants(group: list[SegmentView], side: Callable[[SegmentView], str]) -> list[dict[str, Any]]:
    by: dict[str, list[SegmentView]] = defaultdict(list)
    for v in group:
        by[side(v).strip()].append(v)
    rows = [{"text": text, "count": len(vs), "at": [_where(v) for v in vs]} for text, vs in by.items()]
    return sorted(rows, key=lambda r: -r["count"])


class SegmentConsistency(Check):
    name = "segment-consistency"
    severity = "warning"
    description = "one source segment translated two ways, or two source segments given one translation"

    def corpus(self, documents: list[list[SegmentView]]) -> Iterable[Finding]:
        views = [v for doc in documents for v in doc if v.segment.source.strip() and v.segment.target.strip()]
        keys = {id(v): (source_key(v.segment.source), target_key(v.segment.target)) for v in views}
        yield from self._side(views, lambda v: v.segment.target, lambda v: keys[id(v)][0],
                              lambda v: keys[id(v)][1], "the same source is translated {n} ways", source=True)
        yield from self._side(views, lambda v: v.segment.source, lambda v: keys[id(v)][1],
                              lambda v: keys[id(v)][0], "{n} different sources have the same translation",
                              source=False)

    def _side(self, views: list[SegmentView], other: Callable[[SegmentView], str],
              same_key: Callable[[SegmentView], str], other_key: Callable[[SegmentView], str],
              template: str, source: bool) -> Iterable[Finding]:
        groups: dict[str, list[SegmentView]] = defaultdict(list)
        for v in views:
            key = same_key(v)
            if key.count(" ") + 1 >= self.settings.consistency_min_words:
                groups[key].append(v)
        for group in groups.values():
            if len(group) < 2 or len({other_key(v) for v in group}) < 2:
                continue
            variants = _variants(group, other)
            where = "; ".join(f"{r['text']!r} ({r['count']}×)" for r in variants)
            for v in group:
                spans = ((0, len(v.segment.target)),)
                yield self.finding(
                    v, template.format(n=len(variants)) + f": {where}",
                    evidence=other(v).strip(),
                    details={"renderings": variants, "compared": "target" if source else "source"},
                    target_spans=spans if source else (), source_spans=() if source else ((0, len(v.segment.source)),))
