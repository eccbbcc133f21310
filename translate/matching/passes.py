"""The exact and fuzzy passes over one line (the precision pass is :mod:`.precision`).

1. **exact / normalized** — greedy, left to right, longest term first, looking the
   word (and its readings without proclitics) up in the index;
2. **fuzzy** — one-word slips inside multi-word names (which then replace one-word
   hits inside them) and unseen vowel/letter spellings of transliterated names
   (same skeleton), on words that are not never-names or common words.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from ..arabic.clitics import stems
from ..arabic.phonetic import fuzzy_score, skeleton, vowel_variant
from .index import MIN_FUZZY_WORD, Entry
from .line import Line
from .verdict import Verdict
from .words import Word, likeliest

if TYPE_CHECKING:
    from .matcher import Matcher


@dataclass(slots=True)
class Hit:
    """A term found on words i..i+n-1 of a line, before it becomes a :class:`Match`."""

    i: int              # first word
    n: int              # number of words
    plen: int           # normalised prefix length stripped from word i
    entry: Entry
    kind: str
    score: float
    stem: str           # normalised first word as matched
    verdict: Verdict = Verdict.KEEP


def judge(m: "Matcher", words: list[str], hit: Hit) -> Hit:
    """Set the hit's verdict; one-word hits are judged once per word."""
    if hit.n == 1:
        key = (words[hit.i], hit.plen, hit.entry, hit.kind)
        v = m.verdicts.get(key)
        if v is None:
            v = m.verdicts[key] = m.verdict_of(words[hit.i], hit.plen, hit.stem, 1, hit.entry)
        hit.verdict = v
    else:
        hit.verdict = m.verdict_of(words[hit.i], hit.plen, hit.stem, hit.n, hit.entry)
    return hit


def _judge_plain(m: "Matcher", word: str, info: Word) -> None:
    info.verdict = Verdict.DROP
    for r in info.readings:  # the first one-word reading (a loop: no generator per word)
        if r.single is not None:
            info.plain = (r.plen, r.single, r.stem)
            info.verdict = m.verdict_of(word, r.plen, r.stem, 1, r.single)
            return


def exact(m: "Matcher", line: Line, infos: list[Word], named: list[int], covered: set[int]) -> list[Hit]:
    """Listed spellings (normalised), longest name first; ``covered`` gets the
    words no fuzzy hit may use (multi-word hits, and shut one-word ones)."""
    multi = m.index.multi
    words = line.words
    hits: list[Hit] = []
    count = len(words)
    free = 0  # first word not inside an earlier hit
    for i in named:
        info = infos[i]
        readings = info.readings
        if not readings or i < free:
            continue
        if not info.multi:
            if info.verdict is None:
                _judge_plain(m, words[i], info)
            if info.plain is not None:
                plen, entry, stem = info.plain
                v = info.verdict
                if v.kept:  # type: ignore[union-attr]
                    hits.append(Hit(i, 1, plen, entry, "normalized", 1.0, stem, v))  # type: ignore[arg-type]
                elif line.refused is not None and v.reported:  # type: ignore[union-attr]
                    line.refused.append(Hit(i, 1, plen, entry, "normalized", 1.0, stem, v))  # type: ignore[arg-type]
                if v.shut:  # type: ignore[union-attr]
                    covered.add(i)
                free = i + 1
            continue
        best: tuple[int, int, Entry, str] | None = None
        for r in readings:
            for n in range(min(r.maxn, count - i), 1, -1):
                if best and best[0] >= n:
                    break
                entries = multi.get((r.stem,) + tuple(words[i + 1:i + n]))
                if entries and line.joined(i, n):
                    best = (n, r.plen, likeliest(m, entries), r.stem)
                    break
            if best is None and r.single is not None:
                best = (1, r.plen, r.single, r.stem)
        if best is not None:
            n, plen, entry, stem = best
            hit = judge(m, words, Hit(i, n, plen, entry, "normalized", 1.0, stem))
            if hit.verdict.kept:
                hits.append(hit)
            elif line.refused is not None and hit.verdict.reported:
                line.refused.append(hit)
            free = i + n
            if n > 1 or hit.verdict.shut:
                covered.update(range(i, free))
    return hits


def fuzzy(m: "Matcher", line: Line, infos: list[Word], named: list[int], covered: set[int]) -> list[Hit]:
    """Slips inside multi-word names, and unseen spellings of one-word names."""
    wild: set[int] = set()  # only a word in some name may be wild
    begin: set[int] = set()
    for i in named:  # one loop per line, not a comprehension per set
        info = infos[i]
        if info.wild:
            wild.add(i)
            begin.add(i)
            if i:
                begin.add(i - 1)  # a slipped word of a multi-word name may be the first: start one word early
        if info.fuzzy:
            begin.add(i)
    if not begin:
        return []
    starts = sorted(begin)
    hits: list[Hit] = []
    free = 0
    for i in starts:
        if i < free or i in covered:
            continue
        hit = None
        if i in wild or i + 1 in wild:
            hit = _fuzzy_multi(m, line, i, covered, wild)
        if hit is None and infos[i].fuzzy:
            plen, stem, entry, score = infos[i].fuzzy  # type: ignore[misc]
            hit = Hit(i, 1, plen, entry, "fuzzy", score, stem)
        if hit is not None:
            if judge(m, line.words, hit).verdict.kept:
                hits.append(hit)
            free = i + hit.n
    return hits


def _fuzzy_multi(m: "Matcher", line: Line, i: int, covered: set[int], wild: set[int]) -> Hit | None:
    idx = m.index
    words = line.words
    f = m.settings.fuzzy
    best: Hit | None = None
    # Most lines hold two or three wild words: longer windows fail the count
    # below, so they are skipped before any range or set is made for them.
    most = min(len(words) - i, len(wild) + 1)
    for n in m.lengths:
        if n > most or not covered.isdisjoint(range(i, i + n)):
            continue
        if len(wild.intersection(range(i, i + n))) < n - 1 or not line.joined(i, n):
            continue
        for plen, stem in stems(words[i]):
            window = (stem,) + tuple(words[i + 1:i + n])
            for j in range(n):
                for entry, _ in idx.wildcards.get((n, j, window[:j] + window[j + 1:]), ()):
                    got, want = window[j], entry.words[j]
                    if got == want or len(got) < MIN_FUZZY_WORD or got in idx.single:
                        continue  # the same word, too short, or a listed name of its own
                    if m.lexicon.arabic_zipf(got) >= f.word_zipf and not vowel_variant(got, want):
                        # A word of its own, not a slip (نيويورك تجاوز, الحوت الأبيض);
                        # another vowel spelling of the name's word is one (واشنطون بوست).
                        continue
                    if Levenshtein.distance(skeleton(got), skeleton(want)) > 1:
                        continue
                    score = fuzzy_score(" ".join(window), " ".join(entry.words))
                    if score >= f.min_score and (best is None or score > best.score):
                        best = Hit(i, n, plen, entry, "fuzzy", score, stem)
        if best:
            return best
    return best

