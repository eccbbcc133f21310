"""unsupported-term: a glossary target appears in the English with nothing in the
source behind it — a hallucinated or misattributed name. Names only (people,
organisations, outlets, places): titles are translated from too many phrasings.

A target is supported when the source has a glossary match for it (or for a
longer/shorter name containing it: Esper inside Mark Esper), any of its Arabic
spellings as plain text, the name itself in Latin letters, or an Arabic word that
sounds like it (same consonant key). Uncased name lists (``lapid``, ``willow``)
only count when the English has the word capitalised mid-sentence and it is not
an ordinary English word.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..arabic.normalize import normalize
from ..arabic.script import LETTER_WORD
from ..glossary.model import TRANSLITERATED_TYPES
from ..english.sounds import arabic_key, english_key, key_similarity
from ..english.index import EnglishIndex
from .base import Check, EnglishHit, Finding, SegmentView

_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”‘(\[]\s*)$")
_SKIP_WORDS = frozenset({"the", "al", "el", "of", "and", "bin", "ibn", "abu"})


@lru_cache(maxsize=65536)
def _word_zipf(word: str) -> float:
    """How common a word is in English (the, on, will: not names on their own)."""
    import wordfreq

    return wordfreq.zipf_frequency(word, "en")


def prepare() -> None:
    """Load the English word table now (~0.2 s) rather than at the first name."""
    _word_zipf("the")


def _contains(a: str, b: str) -> bool:
    """Does one name contain the other as whole words (Esper in Mark Esper)?"""
    la, lb = a.lower(), b.lower()
    if lb in la:
        return bool(EnglishIndex.occurrences(b, a))
    if la in lb:
        return bool(EnglishIndex.occurrences(a, b))
    return False


class UnsupportedTerm(Check):
    name = "unsupported-term"
    severity = "warning"
    description = "a glossary target in the English with no source term behind it"
    needs_glossary = True

    def __init__(self, settings=None):
        super().__init__(settings)
        self._akeys: dict[str, str] = {}
        self._ekeys: dict[str, list[str]] = {}
        self._norm_sources: dict[int, tuple[str, ...]] = {}

    def _counts(self, hit: EnglishHit, target: str) -> bool:
        """Is this occurrence a use of the name (not a common word, not a case slip)?"""
        letters = [c for c in hit.phrase if c.isalpha()]
        if any(c.isupper() for c in letters):
            return any(c.isupper() for c in hit.text)
        if not hit.text[:1].isupper() or " " in hit.phrase.strip():
            return False
        if _SENTENCE_START.search(target[:hit.start]):
            return False
        return len(hit.phrase) > 2 and _word_zipf(hit.phrase.lower()) < self.settings.common_word_zipf

    def _sources(self, term) -> tuple[str, ...]:
        got = self._norm_sources.get(id(term))
        if got is None:
            got = self._norm_sources[id(term)] = tuple(normalize(s) for s in term.source)
        return got

    def _sounds_present(self, phrase: str, source_words: list[str]) -> bool:
        keys = self._ekeys.get(phrase)
        if keys is None:
            words = [w for w in re.findall(r"[^\W\d_]+", phrase) if w.lower() not in _SKIP_WORDS]
            longest = max(words, key=len, default="")
            keys = self._ekeys[phrase] = [k for k in (english_key(longest),) if len(k) >= 2]
        if not keys:
            return False
        limit = self.settings.key_similarity
        for w in source_words:
            ak = self._akeys.get(w)
            if ak is None:
                ak = self._akeys[w] = arabic_key(w)
            if ak and any(key_similarity(ak, k) >= limit for k in keys):
                return True
        return False

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        # Names only: titles and common terms (Secretary of State) are often
        # translated from words the glossary does not list.
        hits = [h for h in view.english_hits if not h.forbidden and h.term.type in TRANSLITERATED_TYPES]
        if not hits:
            return
        seg = view.segment
        matched = [u.match.term.target for u in view.uses]
        norm_source: str | None = None
        words: list[str] | None = None
        spans: dict[tuple[int, int], list[EnglishHit]] = {}
        for h in hits:
            spans.setdefault((h.start, h.end), []).append(h)
        for (start, end), group in spans.items():
            group = [h for h in group if self._counts(h, seg.target)]
            if not group:
                continue
            phrase = group[0].phrase
            if any(_contains(t, h.phrase) for t in matched for h in group):
                continue
            if norm_source is None:
                norm_source = normalize(seg.source)
                words = LETTER_WORD.findall(norm_source)
            if any(s in norm_source for h in group for s in self._sources(h.term)):
                continue
            if any(EnglishIndex.occurrences(h.phrase, seg.source) for h in group):
                continue
            if self._sounds_present(phrase, words or []):
                continue
            term = group[0].term
            yield self.finding(
                view,
                f"{seg.target[start:end]!r} (glossary {term.where}) is in the translation but nothing "
                f"in the source says it (expected e.g. {term.source[0]!r})",
                term=term.target, evidence=seg.target[start:end], target_spans=((start, end),))
