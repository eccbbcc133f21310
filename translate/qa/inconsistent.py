"""inconsistent (drift): one source term rendered more than one way, across the
segments of a document and across the documents of a batch.

Glossary terms: the renderings are those the rendering finder finds for each
match (canonical, forbidden, sound-alike; a place's adjective is not counted); the glossary's target is the one
wanted. Terms *not* in the glossary: a rare Arabic word (probably a name) is
paired with the capitalised English word in the same segment that sounds like it
(same consonant key); when one Arabic spelling comes out as two similar English
spellings (Sulaimani / Soleimani), the majority rendering is suggested. This
second pass is deliberately conservative: one-word names only, no alignment.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable

from rapidfuzz.fuzz import ratio

from ..arabic.lexicon import default_lexicon
from ..arabic.normalize import normalize
from ..arabic.script import LETTER_WORD
from ..english.sounds import arabic_key, english_key, key_similarity
from .base import Check, Finding, SegmentView

_EN_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
# Line numbers shown per rendering in a message (the details list them all).
_SHOWN = 12


@dataclass(frozen=True)
class Occurrence:
    document: str | None
    doc_index: int
    line: int
    key: str            # case-folded rendering
    text: str           # rendering as written
    target_span: tuple[int, int]
    source_span: tuple[int, int]


@dataclass
class Subject:
    """What drifts: a glossary term, or an Arabic word the glossary lacks."""

    label: str
    wanted: str | None          # the glossary's rendering, None for non-glossary terms
    where: str | None
    occurrences: list[Occurrence]


def _merge_partial_names(occ: list[Occurrence]) -> list[Occurrence]:
    """"Jay Berzofsky" and "Berzofsky" are one rendering: a longer rendering that
    contains a shorter one as whole words counts as the shorter one."""
    keys = sorted({o.key for o in occ}, key=len)
    if len(keys) < 2:
        return occ
    to: dict[str, str] = {}
    for i, long in enumerate(keys):
        for short in keys[:i]:
            if len(short) < len(long) and re.search(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])", long):
                to[long] = to.get(short, short)
                break
    if not to:
        return occ
    return [replace(o, key=to[o.key]) if o.key in to else o for o in occ]


def _rkey(text: str) -> str:
    t = text.lower().replace("’", "'")
    t = t[:-2] if t.endswith("'s") else t
    return t[4:] if t.startswith("the ") else t


class Inconsistent(Check):
    name = "inconsistent"
    severity = "warning"
    description = "one source term rendered more than one way across segments or documents"

    def __init__(self, settings=None):
        super().__init__(settings)
        self._words: dict[str, tuple[str, str] | None] = {}
        self._ekey: dict[str, str] = {}

    # -- collecting -------------------------------------------------------------
    def _glossary_occurrences(self, view: SegmentView, doc_index: int, subjects: dict) -> None:
        for use in view.uses:
            term = use.match.term
            subject = subjects.get(("g", term.target))
            if subject is None:
                subject = subjects[("g", term.target)] = Subject(term.target, term.target, term.where, [])
            per_line = {(o.key) for o in subject.occurrences if o.line == view.line and o.doc_index == doc_index}
            for r in use.renderings:
                if r.kind == "derived":
                    continue  # Iranian for Iran: grammar, not another spelling
                key = _rkey(term.target if r.kind == "canonical" else r.text)
                text = r.text
                if key in per_line:
                    continue
                per_line.add(key)
                subject.occurrences.append(Occurrence(view.document, doc_index, view.line, key, text,
                                                      (r.start, r.end), (use.match.start, use.match.end)))

    def _candidate(self, raw: str) -> tuple[str, str] | None:
        """(normalised word, consonant key) if ``raw`` may be a name, cached per word."""
        if raw in self._words:
            return self._words[raw]
        s = self.settings
        word = normalize(raw)
        if len(word) > 4 and word[0] == "و":
            word = word[1:]
        got = None
        if len(word) >= 4 and not word.isascii() and default_lexicon().arabic_zipf(word) <= s.drift_max_zipf:
            key = arabic_key(word)
            if len(key) >= s.drift_min_key:
                got = (word, key)
        self._words[raw] = got
        return got

    def _name_occurrences(self, view: SegmentView, doc_index: int, subjects: dict) -> None:
        """Pair rare Arabic words with the English name that sounds like them."""
        seg = view.segment
        s = self.settings
        english = []
        taken: list[tuple[int, int]] | None = None
        for e in _EN_NAME.finditer(seg.target):
            ek = self._ekey.get(e.group())
            if ek is None:
                ek = self._ekey[e.group()] = english_key(e.group())
            if len(ek) < s.drift_min_key:
                continue
            if taken is None:
                taken = [(h.start, h.end) for h in view.english_hits]
                taken += [(r.start, r.end) for u in view.uses for r in u.renderings]
            if not any(a <= e.start() < b for a, b in taken):
                english.append((e, ek))
        if not english:
            return
        covered = [(u.match.start, u.match.end) for u in view.uses]
        words, candidate = self._words, self._candidate
        arabic = []
        for m in LETTER_WORD.finditer(seg.source):
            raw = m.group()
            got = words[raw] if raw in words else candidate(raw)
            if got is not None and not any(x <= m.start() < y for x, y in covered):
                arabic.append((m, got))
        if not arabic:
            return
        limit = max(0.8, s.key_similarity)
        for m, (word, ak) in arabic:
            best, best_sim, tie = None, 0.0, False
            for e, ek in english:
                sim = key_similarity(ak, ek)
                if sim > best_sim:
                    best, best_sim, tie = e, sim, False
                elif sim == best_sim and best is not None and e.group().lower() != best.group().lower():
                    tie = True
            if best is None or tie or best_sim < limit:
                continue
            subject = subjects.get(("n", word))
            if subject is None:
                subject = subjects[("n", word)] = Subject(m.group(), None, None, [])
            subject.occurrences.append(Occurrence(view.document, doc_index, view.line, _rkey(best.group()),
                                                  best.group(), best.span(), m.span()))

    # -- judging ----------------------------------------------------------------
    def corpus(self, documents: list[list[SegmentView]]) -> Iterable[Finding]:
        per_doc: list[dict] = []
        for i, views in enumerate(documents):
            subjects: dict = {}
            for view in views:
                self._glossary_occurrences(view, i, subjects)
                self._name_occurrences(view, i, subjects)
            per_doc.append(subjects)
        for subjects in per_doc:
            for subject in subjects.values():
                finding = self._judge(subject, batch=False)
                if finding:
                    yield finding
        if len(documents) > 1:
            yield from self._across(per_doc)

    def _judge(self, subject: Subject, batch: bool) -> Finding | None:
        occ = _merge_partial_names(subject.occurrences)
        counts = Counter(o.key for o in occ)
        if len(counts) < 2:
            return None
        if subject.wanted is None:
            keys = list(counts)
            if any(ratio(a, b) < self.settings.drift_same_name_ratio for a in keys for b in keys):
                return None  # different names sharing consonants, not one name drifting
        first_text = {}
        for o in occ:
            first_text.setdefault(o.key, o.text)
        wanted_key = _rkey(subject.wanted) if subject.wanted else counts.most_common(1)[0][0]
        wanted_text = subject.wanted or first_text[wanted_key]
        odd = next(o for o in sorted(occ, key=lambda o: (o.doc_index, o.line)) if o.key != wanted_key)
        order = sorted(counts, key=lambda k: (k != wanted_key, -counts[k]))
        dist = []
        for k in order:
            where = [o for o in occ if o.key == k]
            dist.append({"text": first_text[k], "count": len(where), "wanted": k == wanted_key,
                         "at": [{"document": o.document, "line": o.line} if batch else {"line": o.line}
                                for o in where]})

        def loc(o: Occurrence) -> str:
            return f"{o.document}:{o.line}" if batch else str(o.line)

        def where(k: str) -> str:
            places = [loc(o) for o in occ if o.key == k]
            label = "" if batch else ("line " if len(places) == 1 else "lines ")
            more = f", … ({len(places) - _SHOWN} more)" if len(places) > _SHOWN else ""
            return label + ", ".join(places[:_SHOWN]) + more

        shown = "; ".join(f"{d['text']} ×{d['count']} ({where(k)})" for d, k in zip(dist, order))
        scope = "across documents" if batch else "in this document"
        want = (f"the glossary wants {wanted_text!r}" if subject.wanted
                else f"not in the glossary; the majority writes {wanted_text!r}")
        return Finding(
            self.name, self.severity, odd.line,
            f"{subject.label!r} rendered {len(counts)} ways {scope}: {shown}; {want}",
            term=subject.wanted or subject.label, evidence=odd.text, document=odd.document,
            source_spans=(odd.source_span,), target_spans=(odd.target_span,),
            details={"scope": "batch" if batch else "document", "wanted": wanted_text,
                     "in_glossary": subject.wanted is not None, "renderings": dist},
        )

    def _across(self, per_doc: list[dict]) -> Iterable[Finding]:
        """Documents each consistent (or not) but disagreeing with one another."""
        keys = {k for subjects in per_doc for k in subjects}
        for key in sorted(keys):
            dominants = set()
            merged: Subject | None = None
            for subjects in per_doc:
                subject = subjects.get(key)
                if subject is None or not subject.occurrences:
                    continue
                counts = Counter(o.key for o in subject.occurrences)
                wanted = _rkey(subject.wanted) if subject.wanted else None
                top = max(counts, key=lambda k: (counts[k], k == wanted))
                dominants.add(top)
                if merged is None:
                    merged = Subject(subject.label, subject.wanted, subject.where, [])
                merged.occurrences.extend(subject.occurrences)
            if merged is not None and len(dominants) > 1:
                finding = self._judge(merged, batch=True)
                if finding:
                    yield finding
