"""Glossary targets and forbidden forms, found anywhere in an English text.

The index keys phrases by their first word so a 65k-name glossary costs one
dictionary lookup per English word; candidates are confirmed with the same
whole-word rules as :func:`~translate.english.renderings.phrase_spans`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..glossary.model import Glossary, Term
from .renderings import is_word_char, phrase_spans, starts_word


@dataclass(frozen=True)
class EnglishHit:
    """A glossary phrase (a target or a forbidden form) found in the English."""

    start: int
    end: int
    text: str
    phrase: str
    term: Any  # Term
    forbidden: bool


_TOKEN = re.compile(r"[^\W_]+")
_THE = re.compile(r"(?:^|(?<=[^\w\-]))[Tt]he\s+$")
_GAP = re.compile(r"[\s\-]+")
_SPACE = re.compile(r"\s+")
# Words starting with a letter other than a-z (capitals, and accented letters to test).
_CAPITALISED = re.compile(r"(?<![^\W_])[^\W\d_a-z][^\W_]*")


@dataclass(frozen=True)
class _Phrase:
    phrase: str
    words: tuple[str, ...]      # lower case, "the" removed, whitespace-split
    the: bool                   # a leading "the" is optional
    plural: bool                # a plural "s" may follow
    term: Term
    forbidden: bool
    cased: bool                 # the glossary wrote it with capitals


def _phrase(phrase: str, term: Term, forbidden: bool) -> _Phrase | None:
    words = phrase.lower().split()
    the = len(words) > 1 and words[0] == "the"
    if the:
        words = words[1:]
    if not words:
        return None
    return _Phrase(phrase, tuple(words), the, not words[-1].endswith("s"), term, forbidden,
                   phrase != phrase.lower())


_PHRASES: dict[str, "_Phrase | None"] = {}


class EnglishIndex:
    """Glossary targets and forbidden forms, found in English text.

    Matching follows :func:`phrase_spans` (whole words, any case, space or
    hyphen between words, optional leading "the", a plural "s" or a hyphenated
    suffix outside the span, pro-/anti-/ex- prefixes) but walks the text
    directly: a compiled pattern per phrase is too slow for 65k names. Targets
    written in lower case (uncased name lists: ``lapid``, ``willow``) are only
    found capitalised in the English.
    """

    def __init__(self, glossary: Glossary):
        self.by_first: dict[str, list[_Phrase]] = {}
        seen: set[tuple[str, int, bool]] = set()
        for term in glossary.terms:
            for phrase, forbidden in [(term.target, False)] + [(f, True) for f in term.forbidden]:
                key = (phrase.lower(), id(term), forbidden)
                if key in seen:
                    continue
                seen.add(key)
                entry = _phrase(phrase, term, forbidden)
                if entry is None:
                    continue
                first = entry.words[0]
                if not first.isalnum():
                    m = _TOKEN.match(first)
                    if m is None:
                        continue
                    first = m.group()
                self.by_first.setdefault(first, []).append(entry)
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -sum(map(len, e.words)))  # longest first
        self.any_case: dict[str, list[_Phrase]] = {}
        self.capital_only: dict[str, list[_Phrase]] = {}
        for first, entries in self.by_first.items():
            for e in entries:
                side = self.any_case if (e.cased or e.forbidden) else self.capital_only
                side.setdefault(first, []).append(e)
        self._any_case_keys = frozenset(self.any_case)
        # First words of forbidden forms: a text with none of them holds none.
        self._forbidden_keys = frozenset(first for first, entries in self.by_first.items()
                                         if any(e.forbidden for e in entries))

    @staticmethod
    def _after_ok(text: str, p: int) -> bool:
        if p >= len(text):
            return True
        ch = text[p]
        if is_word_char(ch):
            return False
        return not (ch == "-" and p + 1 < len(text) and (text[p + 1].isdigit() or "A" <= text[p + 1] <= "Z"))

    @classmethod
    def _span(cls, e: _Phrase, text: str, lower: str, start: int, strict: bool = False) -> tuple[int, int] | None:
        """The occurrence of ``e`` whose first word starts at ``start``, if any."""
        gaps = _SPACE if strict else _GAP
        pos = start
        last = len(e.words) - 1
        for k, w in enumerate(e.words):
            if not lower.startswith(w, pos):
                return None
            pos += len(w)
            if k < last:
                gap = gaps.match(text, pos)
                if gap is None:
                    return None
                pos = gap.end()
        if not (cls._after_ok(text, pos) or (e.plural and pos < len(text) and text[pos] == "s"
                                              and cls._after_ok(text, pos + 1))):
            return None
        if e.the:
            m = _THE.search(text, max(0, start - 12), start)
            if m and starts_word(text, m.start()):
                return m.start(), pos
        return (start, pos) if starts_word(text, start) else None

    @classmethod
    def occurrences(cls, phrase: str, text: str, strict: bool = False) -> list[tuple[int, int]]:
        """:func:`phrase_spans` without compiling a pattern per phrase."""
        e = _PHRASES.get(phrase)
        if e is None:
            e = _PHRASES[phrase] = _phrase(phrase, None, False)  # type: ignore[arg-type]
        lower = text.lower()
        if e is None or len(lower) != len(text):
            return phrase_spans(phrase, text, strict)
        first, out, pos = e.words[0], [], 0
        while True:
            i = lower.find(first, pos)
            if i < 0:
                return out
            span = cls._span(e, text, lower, i, strict)
            if span:
                out.append(span)
                pos = span[1]
            else:
                pos = i + 1

    def may_hold_forbidden(self, english: str) -> bool:
        """Could a forbidden form occur in ``english``? (One set operation in C.)"""
        tokens = set(_TOKEN.findall(english.lower()))
        tokens.update([t[:-1] for t in tokens if t[-1] == "s"])
        return not tokens.isdisjoint(self._forbidden_keys)

    def scan(self, english: str) -> list[EnglishHit]:
        """Non-overlapping occurrences, longer phrases winning, in text order."""
        lower = english.lower()
        if len(lower) != len(english):  # a case fold changed lengths: be exact, be slow
            return self._scan_slow(english)
        found: list[EnglishHit] = []
        # Phrases found in any case (curated targets, forbidden forms): a set
        # intersection in C says whether any of their first words is here at all.
        tokens = set(_TOKEN.findall(lower))
        tokens.update([t[:-1] for t in tokens if t[-1] == "s"])
        if not tokens.isdisjoint(self._any_case_keys):
            for m in _TOKEN.finditer(lower):
                self._emit(self.any_case, m.group(), m.start(), m.end(), english, lower, found)
        # Uncased name lists: only capitalised words can be names.
        if self.capital_only:
            for m in _CAPITALISED.finditer(english):
                if m.group()[0].isupper():
                    self._emit(self.capital_only, m.group().lower(), m.start(), m.end(), english, lower, found)
        return _keep_longest(found)

    def _emit(self, by_first: dict[str, list[_Phrase]], token: str, start: int, end: int,
              english: str, lower: str, found: list[EnglishHit]) -> None:
        entries = by_first.get(token)
        if len(token) > 1 and token[-1] == "s" and token[:-1] in by_first:  # the Trumps
            entries = (entries or []) + [e for e in by_first[token[:-1]] if len(e.words) == 1 and e.plural]
        if not entries:
            return
        before = None
        for e in entries:
            if len(e.words) == 1 and not e.the and e.words[0] == token:
                # one plain word equal to the token: only the boundaries to check
                if before is None:
                    before = starts_word(english, start)
                if before and self._after_ok(english, end):
                    found.append(EnglishHit(start, end, english[start:end], e.phrase, e.term, e.forbidden))
                continue
            span = self._span(e, english, lower, start)
            if span:
                a, b = span
                found.append(EnglishHit(a, b, english[a:b], e.phrase, e.term, e.forbidden))

    def _scan_slow(self, english: str) -> list[EnglishHit]:
        found = []
        tokens = set(_TOKEN.findall(english.lower()))
        tokens |= {t[:-1] for t in tokens if t.endswith("s")}
        for first in {w for w in tokens if w in self.by_first}:
            for e in self.by_first[first]:
                for a, b in phrase_spans(e.phrase, english):
                    if not (e.cased or e.forbidden or english[a].isupper()):
                        continue
                    found.append(EnglishHit(a, b, english[a:b], e.phrase, e.term, e.forbidden))
        return _keep_longest(found)


def _keep_longest(found: list[EnglishHit]) -> list[EnglishHit]:
    if not found:
        return found
    found.sort(key=lambda h: (-(h.end - h.start), h.start, h.forbidden))
    kept: list[EnglishHit] = []
    for hit in found:
        if all(hit.end <= k.start or hit.start >= k.end for k in kept) or any(
                (k.start, k.end) == (hit.start, hit.end) for k in kept):
            kept.append(hit)
    kept.sort(key=lambda h: (h.start, h.forbidden))
    return kept
