"""Find every glossary term in Arabic lines, with exact spans.

The line is normalised once (C-speed ``str.translate``) and scanned as words;
offsets are mapped back to the original only for lines that have matches. Three
passes:

1. **exact / normalized** — greedy, left to right, longest term first, looking the
   word (and its readings without proclitics) up in :class:`TermIndex`;
2. **fuzzy** — on words still uncovered: one-word slips inside multi-word names
   and unseen vowel/letter spellings of transliterated names (same skeleton);
3. **precision** — one-word spellings that are also ordinary Arabic words keep
   their match only next to a title or an unambiguous name; clitic readings of a
   word that is common on its own (بسام is not ب + سام) are dropped.

Per-word results are cached: news text repeats its words, so most lookups are
one dictionary hit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz.distance import Levenshtein

from ..arabic.clitics import stems
from ..arabic.lexicon import Lexicon, default_lexicon
from ..arabic.normalize import REMOVED, Normalized
from ..arabic.phonetic import fuzzy_score, skeleton, skeletons, vowel_variant
from ..english.sounds import arabic_key, english_key, key_similarity
from ..glossary.model import Glossary, Term
from .context import announces, announces_name, follows_name
from .index import MIN_FUZZY_WORD, NATIVE_LETTERS, WORD, Entry, TermIndex
from .match import Match, MatchSettings

# Only spacing (or a hyphen, as in آل-سعود) may separate the words of one name.
_SPACING = re.compile(r"[ \t\u00a0]+|[ \t\u00a0]*-[ \t\u00a0]*")
# A clitic reading (و+stem) is doubted when the whole word is nearly as common as
# the stem: real "و+name" forms are about ten times rarer than the name.
_CLITIC_MARGIN = 0.7
# Adjective/plural endings on a name: المكسيكي, الأمريكيين.
_NISBA = frozenset({"ي", "يه", "يين", "يون", "يان"})
# Tanween marks an indefinite noun, adjective or adverb (سريًا, "secretly"): news
# Arabic does not write it on foreign names.
_TANWEEN = frozenset("\u064b\u064c\u064d")
# A fuzzy one-word spelling must still spell the English name's consonants.
_TRANSLIT_MIN = 0.6
# Diacritics and tatweel written on a name's last letter belong to its span.
_MARKS = frozenset(c for c in REMOVED if "\u064b" <= c <= "\u06ed")

_NO_READINGS: tuple = ()


@dataclass(slots=True)
class _Hit:
    i: int              # first word
    n: int              # number of words
    plen: int           # normalised prefix length stripped from word i
    entry: Entry
    kind: str
    score: float
    stem: str           # normalised first word as matched


@dataclass(frozen=True, slots=True)
class _Reading:
    plen: int
    stem: str
    maxn: int                 # longest multi-word term starting with stem (0: none)
    single: Entry | None      # one-word term spelled stem


class Matcher:
    """Reusable matcher for one glossary; build once, call :meth:`find` per line."""

    def __init__(self, glossary: Glossary, settings: MatchSettings | None = None,
                 lexicon: Lexicon | None = None, index: TermIndex | None = None):
        self.glossary = glossary
        self.settings = settings or MatchSettings()
        self.index = index or TermIndex(glossary)
        self.lexicon = lexicon or default_lexicon()
        self._ambiguity: dict[tuple[str, int], bool] = {}
        self._readings: dict[str, tuple[_Reading, ...]] = {}
        self._fuzzy_cache: dict[str, tuple[int, str, Entry, float] | None] = {}
        self._wild_cache: dict[str, bool] = {}

    def fresh(self, settings: MatchSettings | None = None) -> "Matcher":
        """A matcher on the same index and lexicon with empty per-word caches
        (other settings, or a cold start for benchmarks) without re-indexing."""
        return Matcher(self.glossary, settings or self.settings, self.lexicon, index=self.index)

    # -- public API -----------------------------------------------------------
    def find(self, line: str, line_no: int = 1) -> list[Match]:
        back = Normalized(line)  # the normalised line and its map back to the original
        norm = back.text
        spans = [(m.start(), m.end()) for m in WORD.finditer(norm)]
        if not spans:
            return []
        words = [norm[a:b] for a, b in spans]
        hits = self._exact(norm, spans, words)
        if self.settings.fuzzy and (self.index.skeletons or self.index.wildcards):
            covered = {k for h in hits for k in range(h.i, h.i + h.n)}
            hits += self._fuzzy(norm, spans, words, covered)
        if not hits:
            return []
        hits = self._filter(back, spans, words, hits)
        if not hits:
            return []
        hits.sort(key=lambda h: h.i)
        return [self._to_match(line, line_no, spans, back, h) for h in hits]

    def find_all(self, lines: Iterable[str]) -> list[Match]:
        out: list[Match] = []
        for no, line in enumerate(lines, 1):
            out.extend(self.find(line, no))
        return out

    # -- pass 1 ---------------------------------------------------------------
    def _word_readings(self, word: str) -> tuple[_Reading, ...]:
        cached = self._readings.get(word)
        if cached is None:
            idx = self.index
            found = []
            for plen, stem in stems(word):
                maxn = idx.multi_first.get(stem, 0)
                single = idx.single.get(stem)
                if maxn or single:
                    found.append(_Reading(plen, stem, maxn, self._likeliest(single) if single else None))
            cached = self._readings[word] = tuple(found) if found else _NO_READINGS
        return cached

    def _exact(self, norm: str, spans: list[tuple[int, int]], words: list[str]) -> list[_Hit]:
        multi = self.index.multi
        hits: list[_Hit] = []
        i, count = 0, len(words)
        while i < count:
            readings = self._word_readings(words[i])
            if not readings:
                i += 1
                continue
            best: tuple[int, int, Entry, str] | None = None
            for r in readings:
                for n in range(min(r.maxn, count - i), 1, -1):
                    if best and best[0] >= n:
                        break
                    if not _joined(norm, spans, i, n):
                        continue
                    entries = multi.get((r.stem,) + tuple(words[i + 1:i + n]))
                    if entries:
                        best = (n, r.plen, self._likeliest(entries), r.stem)
                        break
                if best is None and r.single is not None:
                    best = (1, r.plen, r.single, r.stem)
            if best is None:
                i += 1
                continue
            n, plen, entry, stem = best
            hits.append(_Hit(i, n, plen, entry, "normalized", 1.0, stem))
            i += n
        return hits

    def _likeliest(self, entries: list[Entry]) -> Entry:
        """One spelling, several names (مارتن: Martin, Maarten, Mårten…): the most
        frequent name is the likeliest reading (frequent as a name: Paul, not ball)."""
        if len(entries) == 1:
            return entries[0]
        name = self.lexicon.name_zipf
        return max(entries, key=lambda e: name(self.index.terms[e.term_id].target))

    # -- pass 2 ---------------------------------------------------------------
    def _fuzzy(self, norm: str, spans: list, words: list[str], covered: set[int]) -> list[_Hit]:
        idx = self.index
        hits: list[_Hit] = []
        count = len(words)
        wild = [self._wild(w) for w in words] if idx.wildcards else None
        if idx.skeletons:
            self._prefill_fuzzy(w for k, w in enumerate(words) if k not in covered)
        i = 0
        while i < count:
            if i in covered:
                i += 1
                continue
            hit = None
            if wild and True in wild[i:i + 2]:
                hit = self._fuzzy_multi(norm, spans, words, i, covered, wild)
            if hit is None and idx.skeletons:
                found = self._fuzzy_word(words[i])
                if found:
                    plen, stem, entry, score = found
                    hit = _Hit(i, 1, plen, entry, "fuzzy", score, stem)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i += hit.n
        return hits

    def _wild(self, word: str) -> bool:
        cached = self._wild_cache.get(word)
        if cached is None:
            cached = self._wild_cache[word] = any(st in self.index.wild_words for _, st in stems(word))
        return cached

    def _fuzzy_multi(self, norm: str, spans: list, words: list[str], i: int, covered: set[int],
                     wild: list[bool]) -> _Hit | None:
        idx = self.index
        best: _Hit | None = None
        for n in sorted(idx.multi_lengths, reverse=True):
            if i + n > len(words) or any(k in covered for k in range(i, i + n)):
                continue
            if wild[i:i + n].count(True) < n - 1 or not _joined(norm, spans, i, n):
                continue
            for plen, stem in stems(words[i]):
                window = (stem,) + tuple(words[i + 1:i + n])
                for j in range(n):
                    for entry, _ in idx.wildcards.get((n, j, window[:j] + window[j + 1:]), ()):
                        got, want = window[j], entry.words[j]
                        if got == want or len(got) < MIN_FUZZY_WORD:
                            continue
                        if Levenshtein.distance(skeleton(got), skeleton(want)) > 1:
                            continue
                        score = fuzzy_score(" ".join(window), " ".join(entry.words))
                        if score >= self.settings.min_fuzzy_score and (best is None or score > best.score):
                            best = _Hit(i, n, plen, entry, "fuzzy", score, stem)
            if best:
                return best
        return best

    def _fuzzy_word(self, word: str) -> tuple[int, str, Entry, float] | None:
        if word not in self._fuzzy_cache:
            self._prefill_fuzzy([word])
        return self._fuzzy_cache[word]

    def _prefill_fuzzy(self, words: Iterable[str]) -> None:
        """Fuzzy readings of many new words at once: skeletons are computed in a
        few C-level passes and only words whose skeleton is indexed go further."""
        cache = self._fuzzy_cache
        todo = {w for w in words if w not in cache}
        if not todo:
            return
        readings = [(w, plen, stem) for w in todo if len(w) >= MIN_FUZZY_WORD
                    for plen, stem in stems(w) if len(stem) >= MIN_FUZZY_WORD]
        found: dict[str, list[tuple[int, str, list[Entry]]]] = {}
        index = self.index.skeletons
        for (w, plen, stem), skel in zip(readings, skeletons([r[2] for r in readings])):
            entries = index.get(skel)
            if entries:
                found.setdefault(w, []).append((plen, stem, entries))
        for w in todo:
            cache[w] = self._fuzzy_single(w, found[w]) if w in found else None

    def _fuzzy_single(self, word: str, candidates: list[tuple[int, str, list[Entry]]]
                      ) -> tuple[int, str, Entry, float] | None:
        """An unseen vowel/letter spelling of one transliterated name.

        Only when the skeleton points at exactly one name: if several different
        names share it, a new spelling is as likely to be any of them (or of a
        name the glossary lacks) and guessing would be a false correction."""
        if self.lexicon.arabic_zipf(word) >= self.settings.title_only_zipf:
            return None  # one of the few thousand most common words
        best: tuple[int, str, Entry, float] | None = None
        for plen, stem, entries in candidates:
            if not self.index.one_name(entries):
                return None
            for entry in entries:
                if _nisba(stem, entry.words[0]) or not vowel_variant(stem, entry.words[0]):
                    continue
                score = fuzzy_score(stem, entry.words[0])
                if score >= self.settings.min_fuzzy_score and (best is None or score > best[3]):
                    best = (plen, stem, entry, score)
        if best is None:
            return None
        term = self.index.terms[best[2].term_id]
        if self._judge(best[1], term, self.settings.fuzzy_min_zipf):
            return None  # an ordinary word that happens to sound like the name
        if key_similarity(arabic_key(best[1]), english_key(term.target)) < _TRANSLIT_MIN:
            return None  # the consonants do not spell the English name (a word of its own)
        return best

    # -- pass 3 ---------------------------------------------------------------
    def _one_word(self, hit: _Hit) -> bool:
        return hit.n == 1 and not hit.entry.latin and len(hit.entry.words) == 1

    def _ambiguous(self, hit: _Hit) -> bool:
        """Is this one-word spelling also an ordinary Arabic word?"""
        if not self._one_word(hit):
            return False
        key = (hit.stem, hit.entry.term_id)
        cached = self._ambiguity.get(key)
        if cached is None:
            cached = self._ambiguity[key] = self._judge(hit.stem, self.index.terms[hit.entry.term_id])
        return cached

    def _judge(self, stem: str, term: Term, floor: float | None = None) -> bool:
        s = self.settings
        ar = self.lexicon.arabic_zipf(stem)
        if ar < (s.ambiguous_min_zipf if floor is None else floor):
            return False
        if term.type in ("place", "organization", "outlet"):
            # Place names have exonyms (Iraq, Irak, Iraque): English alone counts.
            return ar - self.lexicon.english_name_zipf(term.target) >= s.ambiguous_margin + s.place_margin_bonus
        if key_similarity(arabic_key(stem), english_key(term.target)) < _TRANSLIT_MIN:
            return True  # a name's frequency vouches for it only if it spells the Arabic
        return ar - self.lexicon.name_zipf(term.target) >= s.ambiguous_margin

    def _never_alone(self, hit: _Hit) -> bool:
        """Spellings that are never a one-word name: two-letter Arabic words are
        particles and pronouns (في من هو لي), and titles (السيد, الرئيس) announce a
        name rather than being one, whatever a name list says. Nor is an initial
        (a name list's "h.", "w."): إتش and a Latin "A" are letters, not names."""
        if hit.n == 1 and _initials_only(self.index.terms[hit.entry.term_id].target):
            return True
        if not self._one_word(hit):
            return False
        if len(hit.stem) <= 2:
            return True
        return announces_name(hit.stem) and self.index.terms[hit.entry.term_id].type == "person"

    def _support_needed(self, back: Normalized, spans: list, hit: _Hit) -> str:
        """What context an ambiguous hit needs: 'name' (title or unambiguous name
        next to it), 'title' (title or place word only) or 'never'."""
        ar = self.lexicon.arabic_zipf(hit.stem)
        if ar >= self.settings.never_alone_zipf:
            return "title" if self._surface_is_listed(back, spans, hit) else "never"
        return "title" if ar >= self.settings.title_only_zipf else "name"

    def _surface_is_listed(self, back: Normalized, spans: list, hit: _Hit) -> bool:
        return _strip_marks(self._surface(back, spans, hit)) == _strip_marks(hit.entry.variant)

    def _doubtful_clitic(self, words: list[str], hit: _Hit) -> bool:
        if hit.plen == 0:
            return False
        whole = self.lexicon.arabic_zipf(words[hit.i])
        return whole > 0 and whole >= self.lexicon.arabic_zipf(hit.stem) - _CLITIC_MARGIN

    def _anchor(self, hit: _Hit) -> bool:
        """A neighbour that vouches for an ambiguous name: a person or title that is
        multi-word, in Latin letters, or rare as an Arabic word (clearly a name)."""
        if self.index.terms[hit.entry.term_id].type not in ("person", "title"):
            return False
        if not self._one_word(hit):
            return True
        return self.lexicon.arabic_zipf(hit.stem) < self.settings.ambiguous_min_zipf

    def _filter(self, back: Normalized, spans: list, words: list[str], hits: list[_Hit]) -> list[_Hit]:
        norm = back.text
        hits = [h for h in hits if not (self._doubtful_clitic(words, h) or self._never_alone(h)
                                        or (h.kind == "fuzzy" and self._native_surface(back, spans, h)))]
        ambiguous = [self._ambiguous(h) for h in hits]
        if True not in ambiguous:
            return hits
        anchors: set[int] = set()
        for h, amb in zip(hits, ambiguous):
            if not amb and self._anchor(h):
                anchors.update(range(h.i, h.i + h.n))
        kept = []
        for h, amb in zip(hits, ambiguous):
            if not amb:
                kept.append(h)
                continue
            if not self.settings.context:
                continue
            need = self._support_needed(back, spans, h)
            if need != "never" and self._supported(norm, spans, words, h, anchors if need == "name" else set()):
                h.score = min(h.score, 0.9)
                kept.append(h)
        return kept

    def _supported(self, norm: str, spans: list, words: list[str], hit: _Hit, anchors: set[int]) -> bool:
        before, after = hit.i - 1, hit.i + hit.n
        if before >= 0 and _joined(norm, spans, before, 2):
            if before in anchors:
                return True
            # A definite word after a definite title agrees with it as an adjective
            # (الفريق الفائز, "the winning team"; نائب الرئيس الأول): names take no ال.
            definite = hit.plen == 0 and words[hit.i].startswith("ال") and not hit.entry.words[0].startswith("ال")
            if not definite and announces(words[before], self.index.terms[hit.entry.term_id].type):
                return True
        return after < len(words) and _joined(norm, spans, after - 1, 2) and (
            after in anchors or follows_name(words[after]))

    def _native_surface(self, back: Normalized, spans: list, hit: _Hit) -> bool:
        """Does an unseen spelling show Arabic morphology a transliteration lacks:
        tanween (سريًا), or, in one word, a native letter such as ة (دمغة) or ع?"""
        surface = self._surface(back, spans, hit)
        if _TANWEEN & set(surface):
            return True
        return hit.n == 1 and NATIVE_LETTERS.search(surface) is not None

    def _surface(self, back: Normalized, spans: list, hit: _Hit) -> str:
        start, end = back.span(spans[hit.i][0] + hit.plen, spans[hit.i + hit.n - 1][1])
        return back.original[start:end]

    # -- output ---------------------------------------------------------------
    def _to_match(self, line: str, line_no: int, spans: list, back: Normalized, hit: _Hit) -> Match:
        start, end = back.span(spans[hit.i][0] + hit.plen, spans[hit.i + hit.n - 1][1])
        while end < len(line) and line[end] in _MARKS:
            end += 1  # diacritics on the last letter belong to the name
        text = line[start:end]
        term = self.index.terms[hit.entry.term_id]
        kind = hit.kind
        if kind == "normalized" and text == hit.entry.variant:
            kind = "exact"
        return Match(line_no, start, end, text, term.target, kind, hit.score, term, hit.entry.variant)


_HARAKAT = {c: None for c in map(ord, _MARKS)}


def _strip_marks(text: str) -> str:
    return text.translate(_HARAKAT)


_NAME_WORD = re.compile(r"[^\W\d_]{2}")


def _initials_only(target: str) -> bool:
    return _NAME_WORD.search(target) is None


def _nisba(got: str, name: str) -> bool:
    """Is ``got`` an adjective or plural made from ``name``? (المكسيك → المكسيكي,
    سوريا → سوري, تركيا → تركي)"""
    if got.startswith(name) and got[len(name):] in _NISBA:
        return True
    return got.endswith("ي") and name.endswith(("يا", "يه")) and got == name[:-1]


def _joined(norm: str, spans: list[tuple[int, int]], i: int, n: int) -> bool:
    """Are words i..i+n-1 separated by spacing only (no punctuation)?"""
    for k in range(i, i + n - 1):
        if not _SPACING.fullmatch(norm, spans[k][1], spans[k + 1][0]):
            return False
    return True
