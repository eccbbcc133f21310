"""The glossary analysis shared by all checks, done once per segment.

Source side: the matcher finds glossary terms in the Arabic. Target side: for
each term found, :func:`find_renderings` says how it came out in English; and
an :class:`EnglishIndex` finds every glossary target and forbidden form written
in the English whatever the source says (for ``forbidden`` and
``unsupported-term``). The index keys phrases by their first word so a 65k-name
glossary costs one dictionary lookup per English word; candidates are confirmed
with the same whole-word pattern :func:`find_renderings` uses.
"""
from __future__ import annotations

import re

from ..documents import Segment
from ..english.renderings import find_renderings, phrase_spans
from ..glossary import Glossary, Term
from ..matching import Matcher
from .base import EnglishHit, SegmentView, TermUse

_TOKEN = re.compile(r"[^\W_]+")


def _first_word(phrase: str) -> str | None:
    words = [w.lower() for w in _TOKEN.findall(phrase)]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return words[0] if words else None


class EnglishIndex:
    """Glossary targets and forbidden forms, found in English text."""

    def __init__(self, glossary: Glossary):
        self.by_first: dict[str, list[tuple[str, Term, bool]]] = {}
        seen: set[tuple[str, int, bool]] = set()
        for term in glossary.terms:
            for phrase, forbidden in [(term.target, False)] + [(f, True) for f in term.forbidden]:
                first = _first_word(phrase)
                key = (phrase.lower(), id(term), forbidden)
                if first is None or key in seen:
                    continue
                seen.add(key)
                self.by_first.setdefault(first, []).append((phrase, term, forbidden))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))  # longest first

    def scan(self, english: str) -> list[EnglishHit]:
        """Non-overlapping occurrences, longer phrases winning, in text order."""
        by_first = self.by_first
        firsts = {w for w in _TOKEN.findall(english.lower()) if w in by_first}
        if not firsts:
            return []
        found: list[EnglishHit] = []
        for first in firsts:
            for phrase, term, forbidden in by_first[first]:
                for a, b in phrase_spans(phrase, english):
                    found.append(EnglishHit(a, b, english[a:b], phrase, term, forbidden))
        found.sort(key=lambda h: (-(h.end - h.start), h.start, h.forbidden))
        kept: list[EnglishHit] = []
        for hit in found:
            if all(hit.end <= k.start or hit.start >= k.end for k in kept) or any(
                    (k.start, k.end) == (hit.start, hit.end) for k in kept):
                kept.append(hit)
        kept.sort(key=lambda h: (h.start, h.forbidden))
        return kept


class Analyzer:
    """Builds a :class:`SegmentView` per segment for one glossary."""

    def __init__(self, glossary: Glossary, matcher: Matcher):
        self.glossary = glossary
        self.matcher = matcher
        self.english = EnglishIndex(glossary)

    def view(self, segment: Segment) -> SegmentView:
        matches = self.matcher.find(segment.source, segment.line) if self.glossary.terms else []
        uses = []
        cache: dict[tuple[int, str], tuple] = {}
        for m in matches:
            key = (id(m.term), m.text)
            if key not in cache:
                cache[key] = tuple(find_renderings(m.term, segment.target, m.text))
            uses.append(TermUse(m, cache[key]))
        hits = self.english.scan(segment.target) if self.english.by_first else []
        return SegmentView(segment, uses, hits)
