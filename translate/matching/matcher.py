"""Find every glossary term in Arabic lines, with exact spans.

The line is normalised once (C-speed ``str.translate``) and scanned as words;
offsets are mapped back to the original only for lines that have matches. Three
passes:

1. **exact / normalized** — greedy, left to right, longest term first, looking the
   word (and its readings without proclitics) up in :class:`TermIndex`;
2. **fuzzy** — one-word slips inside multi-word names (which then replace one-word
   hits inside them) and unseen vowel/letter spellings of transliterated names
   (same skeleton), on words that are not never-names or common words;
3. **precision** — one-word spellings that are also ordinary Arabic words keep
   their match only next to a title or an unambiguous name, or when the document
   gives the name in full (:mod:`.discourse`); clitic readings of a
   word that is common on its own (بسام is not ب + سام) are dropped.

News text repeats its words, so everything about a word that does not depend
on its line (its readings, unseen-spelling reading, and the verdict on its
one-word hit) is worked out once per distinct word (:meth:`Matcher._learn`,
for a whole document at a time in :meth:`Matcher.find_all`); a line then costs
dictionary hits for its words and context checks for its ambiguous ones.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import is_not
from typing import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from ..arabic.clitics import bases, readings as clitic_readings, stems
from ..arabic.lexicon import Lexicon, default_lexicon
from ..arabic.morphology import (HAMZA_ALEFS, HAS_TANWEEN, NATIVE_LETTERS, TANWEEN, has_article_clitic,
                                 is_definite_nisba, is_nisba_of)
from ..arabic.normalize import REMOVED, Normalized, normalize, normalize_many
from ..arabic.phonetic import fuzzy_score, skeleton, skeletons, vowel_variant
from ..arabic.script import WORD
from ..bulk import gc_paused
from ..english.sounds import arabic_key, english_key, key_similarity
from ..glossary.model import Glossary, Term
from .context import PLACE_TYPES, announces, announces_name, follows_name
from .discourse import FullNames
from .index import MIN_FUZZY_WORD, Entry, TermIndex
from .match import Match, MatchSettings

# Only spacing (or a hyphen, as in آل-سعود) may separate the words of one name.
_SPACING = re.compile(r"[ \t\u00a0]+|[ \t\u00a0]*-[ \t\u00a0]*")
# A clitic reading (و+stem) is doubted when the whole word is nearly as common as
# the stem: real "و+name" forms are about ten times rarer than the name.
_CLITIC_MARGIN = 0.7
# A fuzzy one-word spelling must still spell the English name's consonants.
_TRANSLIT_MIN = 0.6
# Diacritics and tatweel written on a name's last letter belong to its span.
_MARKS = frozenset(c for c in REMOVED if "\u064b" <= c <= "\u06ed")

_NO_READINGS: tuple = ()
_SPAN = re.Match.span
_GROUP = re.Match.group
# Verdicts on a hit from its own words (see Matcher._verdict); falsy = dropped.
# An ambiguous hit needs a neighbour (a title or name; a title) or, when _OPEN,
# its name given in full elsewhere in the document; common words need a title
# right there, the most common ones also the listed spelling.
_DROP, _KEEP, _ANCHOR, _NEEDS_NAME, _NEEDS_TITLE, _NEEDS_TITLE_HERE, _NEEDS_LISTED_TITLE = range(7)
_SURE = (_KEEP, _ANCHOR)
# Open to evidence from elsewhere: a full name in the document, or a full name
# with a slip around the word. All other hits keep fuzzy matching off their words.
_OPEN = (_NEEDS_NAME, _NEEDS_TITLE)
# One-word hits that keep fuzzy matching off their word: never names (في) and
# common words. A sure or open one-word hit may turn out to be part of a full
# name with a slip (كمالا هاريس, واشنطن بوسط), which then replaces it.
_SHUT = (_DROP, _NEEDS_TITLE_HERE, _NEEDS_LISTED_TITLE)
# What each verdict asks of a spelling, in a maintainer's words (Matcher.needs).
_NEEDS = {
    _DROP: "never matches alone (a particle, a title or an initial)",
    _NEEDS_NAME: "is also an Arabic word, more common than the name: alone it needs a title or another "
                 "name next to it, or the full name elsewhere in the document",
    _NEEDS_TITLE: "is also an Arabic word, far more common than the name: alone it needs a title before it, "
                  "or the full name elsewhere in the document",
    _NEEDS_TITLE_HERE: "is one of the commonest Arabic words: it needs a title right before it",
    _NEEDS_LISTED_TITLE: "is one of the few hundred commonest Arabic words: it needs a title right before it "
                         "and exactly this spelling",
}


@dataclass(slots=True)
class _Hit:
    i: int              # first word
    n: int              # number of words
    plen: int           # normalised prefix length stripped from word i
    entry: Entry
    kind: str
    score: float
    stem: str           # normalised first word as matched
    verdict: int = _KEEP


@dataclass(frozen=True, slots=True)
class _Reading:
    plen: int
    stem: str
    maxn: int                 # longest multi-word term starting with stem (0: none)
    single: Entry | None      # one-word term spelled stem


@dataclass(slots=True)
class _Word:
    """Everything about one distinct normalised word that does not depend on its
    line, computed once: news text repeats its words, so a line is mostly lookups."""

    readings: tuple[_Reading, ...]
    wild: bool    # may be one word of a multi-word name with a slip
    fuzzy: tuple[int, str, Entry, float] | None  # an unseen spelling of one name
    # A word that starts no multi-word name always gives the same one-word hit;
    # it and its verdict are worked out the first time the word is met.
    multi: bool = False
    plain: tuple[int, Entry, str] | None = None
    verdict: int = -1


_NOTHING = _Word((), False, None)  # shared by the many words that are in no name


class Matcher:
    """Reusable matcher for one glossary; build once, call :meth:`find` per line."""

    def __init__(self, glossary: Glossary, settings: MatchSettings | None = None,
                 lexicon: Lexicon | None = None, index: TermIndex | None = None):
        self.glossary = glossary
        self.settings = settings or MatchSettings()
        self.index = index or TermIndex(glossary)
        self.lexicon = lexicon or default_lexicon()
        self._words: dict[str, _Word] = {}
        self._lengths = sorted(self.index.multi_lengths, reverse=True)  # of multi-word names
        # Context-free verdicts on one-word hits, keyed by (word, plen, entry, kind).
        self._verdicts: dict[tuple, int] = {}
        self._readings: dict[str, frozenset[str]] = {}

    def fresh(self, settings: MatchSettings | None = None) -> "Matcher":
        """A matcher on the same index and lexicon with empty per-word caches
        (other settings, or a cold start for benchmarks) without re-indexing."""
        return Matcher(self.glossary, settings or self.settings, self.lexicon, index=self.index)

    # -- public API -----------------------------------------------------------
    def find(self, line: str, line_no: int = 1) -> list[Match]:
        """One line, as a document of its own."""
        back = Normalized(line)  # the normalised line and its map back to the original
        tokens = list(WORD.finditer(back.text))
        words = list(map(_GROUP, tokens))
        self._learn(words)
        found = self._hits(back, words, tokens)
        if found is None:
            return []
        return self._matches(line_no, back, words, *found, _full_names(self.index.terms, [found[1]]))

    @gc_paused()
    def find_all(self, lines: Iterable[str]) -> list[Match]:
        """All lines of a document: its distinct words are looked up in one batch."""
        lines = list(lines)
        backs = list(map(Normalized, lines, normalize_many(lines)))
        # One regex pass per line: its words now, their spans for the lines that need them.
        tokens = [list(WORD.finditer(b.text)) for b in backs]
        per_line = [list(map(_GROUP, t)) for t in tokens]
        self._learn({w for words in per_line for w in words})
        found = [(no, back, words, self._hits(back, words, t))
                 for no, (back, words, t) in enumerate(zip(backs, per_line, tokens), 1) if words]
        found = [(no, back, words, hits) for no, back, words, hits in found if hits is not None]
        # One sense per discourse: a name given in full anywhere in the document
        # (قاسم سليماني) vouches for its words elsewhere in it (سليماني).
        full_names = _full_names(self.index.terms, [hits for *_, (_, hits) in found])
        out: list[Match] = []
        for no, back, words, (spans, hits) in found:
            out.extend(self._matches(no, back, words, spans, hits, full_names))
        return out

    def find_lines(self, lines: Sequence[str]) -> list[list[Match]]:
        """:meth:`find_all`, grouped: the matches of each line, in order."""
        out: list[list[Match]] = [[] for _ in lines]
        for m in self.find_all(lines):
            out[m.line - 1].append(m)
        return out

    def readings(self, match: Match) -> frozenset[str]:
        """Every English target (lowercase) the glossary gives ``match``'s Arabic
        spelling: another of them in the English is a right reading, not a slip."""
        found = self._readings.get(match.variant)
        if found is None:
            index = self.index
            words = tuple(WORD.findall(normalize(match.variant)))
            entries = (index.single.get(words[0]) if len(words) == 1 else index.multi.get(words)) if words else None
            found = frozenset(index.terms[e.term_id].target.lower() for e in entries or ())
            self._readings[match.variant] = found
        return found

    def _hits(self, back: Normalized, words: list[str], tokens: list[re.Match]
              ) -> tuple[list[tuple[int, int]], list[_Hit]] | None:
        """A line's spans and hits, each with its verdict, before neighbours and the
        document are asked about the ambiguous ones."""
        infos = list(map(self._words.__getitem__, words))
        # Only positions whose word is in some name are visited from here on.
        named = list(compress(count(), map(is_not, infos, repeat(_NOTHING))))
        if not named:
            return None
        norm = back.text
        spans = list(map(_SPAN, tokens))
        covered: set[int] = set()  # words no fuzzy hit may use (see _SHUT)
        hits = self._exact(norm, spans, words, infos, named, covered)
        if self.settings.fuzzy:
            fuzzy = self._fuzzy(back, spans, words, infos, named, covered)
            if fuzzy:
                # A full name with a slip outranks one word of it found alone
                # (كمالا هاريس is Kamala Harris, not Harris; يورجن كلوب is not a club).
                taken = {k for h in fuzzy if h.n > 1 for k in range(h.i, h.i + h.n)}
                hits = [h for h in hits if h.n > 1 or h.i not in taken] + fuzzy
        if not hits:
            return None
        tanween, hyphen = HAS_TANWEEN.search(back.original) is not None, "-" in norm
        hits = [h for h in hits if not self._occurrence_denies(back, spans, words, h, tanween, hyphen)]
        return (spans, hits) if hits else None

    def _matches(self, line_no: int, back: Normalized, words: list[str], spans: list[tuple[int, int]],
                 hits: list[_Hit], full_names: FullNames) -> list[Match]:
        hits = self._filter(back, spans, words, hits, full_names)
        hits.sort(key=lambda h: h.i)
        return [self._to_match(back.original, line_no, spans, back, h) for h in hits]

    def _learn(self, words: Iterable[str]) -> None:
        """Index facts for words not seen before, in set operations over the whole
        batch: most words of a text are in no name, and cost one set lookup."""
        known = self._words
        new = [w for w in set(words) if w not in known]
        if not new:
            return
        idx = self.index
        readings = clitic_readings(new)
        stem_set = {r[2] for r in readings}
        # filter() walks the few new stems; set.intersection(dict) would walk the dict.
        named = set(filter(idx.single.__contains__, stem_set)) | set(filter(idx.multi_first.__contains__, stem_set))
        wild = set(filter(idx.wild_words.__contains__, stem_set))
        found: dict[str, list[_Reading]] = {}
        for w, plen, stem in readings:
            if stem in named:
                entries = idx.single.get(stem)
                found.setdefault(w, []).append(_Reading(
                    plen, stem, idx.multi_first.get(stem, 0), self._likeliest(entries) if entries else None))
        wild_words = {w for w, _, stem in readings if stem in wild}
        known.update(dict.fromkeys(new, _NOTHING))
        for w in found.keys() | wild_words:
            rs = tuple(found.get(w, ()))
            known[w] = _Word(rs, w in wild_words, None, any(r.maxn for r in rs))
        if self.settings.fuzzy and idx.skeletons:
            # A word that is a one-word name is always matched exactly: no fuzzy.
            exact = {w for w, rs in found.items() if any(r.single for r in rs)}
            self._learn_fuzzy([r for r in readings if len(r[2]) >= MIN_FUZZY_WORD and r[0] not in exact])

    def needs(self, term_id: int, spelling: str) -> str | None:
        """What a one-word spelling of term ``term_id`` (its index in the
        glossary) needs to be matched on its own, in a glossary maintainer's
        words; None when it matches wherever it stands."""
        words = WORD.findall(normalize(spelling))
        if len(words) != 1:
            return None
        entry = next((e for e in self.index.single.get(words[0], ()) if e.term_id == term_id), None)
        if entry is None or entry.latin:
            return None
        verdict = self._verdict(words, _Hit(0, 1, 0, entry, "normalized", 1.0, words[0]))
        return _NEEDS.get(verdict)

    # -- pass 1 ---------------------------------------------------------------
    def _exact(self, norm: str, spans: list[tuple[int, int]], words: list[str], infos: list[_Word],
               named: list[int], covered: set[int]) -> list[_Hit]:
        multi = self.index.multi
        hits: list[_Hit] = []
        count = len(words)
        free = 0  # first word not inside an earlier hit
        for i in named:
            info = infos[i]
            readings = info.readings
            if not readings or i < free:
                continue
            if not info.multi:
                if info.verdict < 0:
                    self._judge_plain(words, i, info)
                if info.plain is not None:
                    plen, entry, stem = info.plain
                    if info.verdict:
                        hits.append(_Hit(i, 1, plen, entry, "normalized", 1.0, stem, info.verdict))
                    if info.verdict in _SHUT:
                        covered.add(i)
                    free = i + 1
                continue
            best: tuple[int, int, Entry, str] | None = None
            for r in readings:
                for n in range(min(r.maxn, count - i), 1, -1):
                    if best and best[0] >= n:
                        break
                    entries = multi.get((r.stem,) + tuple(words[i + 1:i + n]))
                    if entries and _joined(norm, spans, i, n):
                        best = (n, r.plen, self._likeliest(entries), r.stem)
                        break
                if best is None and r.single is not None:
                    best = (1, r.plen, r.single, r.stem)
            if best is not None:
                n, plen, entry, stem = best
                hit = self._judged(words, _Hit(i, n, plen, entry, "normalized", 1.0, stem))
                if hit.verdict:
                    hits.append(hit)
                free = i + n
                if n > 1 or hit.verdict in _SHUT:
                    covered.update(range(i, free))
        return hits

    def _judge_plain(self, words: list[str], i: int, info: _Word) -> None:
        single = next((r for r in info.readings if r.single is not None), None)
        info.verdict = _DROP
        if single is not None:
            info.plain = (single.plen, single.single, single.stem)  # type: ignore[assignment]
            probe = _Hit(i, 1, single.plen, single.single, "normalized", 1.0, single.stem)  # type: ignore[arg-type]
            info.verdict = self._verdict(words, probe)

    def _likeliest(self, entries: list[Entry]) -> Entry:
        """One spelling, several names (مارتن: Martin, Maarten, Mårten…): the most
        frequent name is the likeliest reading (frequent as a name: Paul, not ball)."""
        if len(entries) == 1:
            return entries[0]
        name = self.lexicon.name_zipf
        return max(entries, key=lambda e: name(self.index.terms[e.term_id].target))

    # -- pass 2 ---------------------------------------------------------------
    def _fuzzy(self, back: Normalized, spans: list, words: list[str], infos: list[_Word], named: list[int],
               covered: set[int]) -> list[_Hit]:
        wild_at = [i for i in named if infos[i].wild]
        fuzzy_at = [i for i in named if infos[i].fuzzy]
        if not wild_at and not fuzzy_at:
            return []
        norm = back.text
        wild = [info.wild for info in infos]
        # A slipped word of a multi-word name may be the first: start one word early.
        starts = sorted({k for i in wild_at for k in (i - 1, i) if k >= 0}.union(fuzzy_at))
        hits: list[_Hit] = []
        free = 0
        for i in starts:
            if i < free or i in covered:
                continue
            hit = None
            if True in wild[i:i + 2]:
                hit = self._fuzzy_multi(norm, spans, words, i, covered, wild)
            if hit is None and infos[i].fuzzy:
                plen, stem, entry, score = infos[i].fuzzy  # type: ignore[misc]
                hit = _Hit(i, 1, plen, entry, "fuzzy", score, stem)
            if hit is not None:
                if self._judged(words, hit).verdict:
                    hits.append(hit)
                free = i + hit.n
        return hits

    def _fuzzy_multi(self, norm: str, spans: list, words: list[str], i: int, covered: set[int],
                     wild: list[bool]) -> _Hit | None:
        idx = self.index
        best: _Hit | None = None
        for n in self._lengths:
            if i + n > len(words) or any(k in covered for k in range(i, i + n)):
                continue
            if wild[i:i + n].count(True) < n - 1 or not _joined(norm, spans, i, n):
                continue
            for plen, stem in stems(words[i]):
                window = (stem,) + tuple(words[i + 1:i + n])
                for j in range(n):
                    for entry, _ in idx.wildcards.get((n, j, window[:j] + window[j + 1:]), ()):
                        got, want = window[j], entry.words[j]
                        if got == want or len(got) < MIN_FUZZY_WORD or got in idx.single:
                            continue  # the same word, too short, or a listed name of its own
                        if self.lexicon.arabic_zipf(got) >= self.settings.fuzzy_min_zipf and not vowel_variant(got, want):
                            # A word of its own, not a slip (نيويورك تجاوز, الحوت الأبيض);
                            # another vowel spelling of the name's word is one (واشنطون بوست).
                            continue
                        if Levenshtein.distance(skeleton(got), skeleton(want)) > 1:
                            continue
                        score = fuzzy_score(" ".join(window), " ".join(entry.words))
                        if score >= self.settings.min_fuzzy_score and (best is None or score > best.score):
                            best = _Hit(i, n, plen, entry, "fuzzy", score, stem)
            if best:
                return best
        return best

    def _learn_fuzzy(self, todo: list[tuple[str, int, str]]) -> None:
        """Unseen spellings of many new words at once: skeletons are computed in a
        few C-level passes and only words whose skeleton is indexed go further."""
        found: dict[str, list[tuple[int, str, list[Entry]]]] = {}
        index = self.index.skeletons
        skels = skeletons([t[2] for t in todo])
        # Few readings share a skeleton with a name: select them at C level.
        mixed = self.index.mixed_skeletons
        blocked: set[str] = set()  # a reading shares its skeleton with several names
        for (w, plen, stem), skel in compress(zip(todo, skels), map(index.__contains__, skels)):
            found.setdefault(w, []).append((plen, stem, index[skel]))
            if skel in mixed:
                blocked.add(w)
        known = self._words
        for w, candidates in found.items():
            if w in blocked:
                continue
            result = self._fuzzy_single(w, candidates)
            if result is not None:
                old = known[w]
                known[w] = _Word(old.readings, old.wild, result, old.multi)

    def _fuzzy_single(self, word: str, candidates: list[tuple[int, str, list[Entry]]]
                      ) -> tuple[int, str, Entry, float] | None:
        """An unseen vowel/letter spelling of one transliterated name.

        Only when the skeleton points at exactly one name (the caller skips
        ``TermIndex.mixed_skeletons``): if several different names share it, a
        new spelling is as likely to be any of them (or of a name the glossary
        lacks) and guessing would be a false correction."""
        zipf = self.lexicon.arabic_zipf
        if zipf(word) >= self.settings.title_only_zipf:
            return None  # one of the few thousand most common words
        if any(zipf(base) >= self.settings.ambiguous_min_zipf for _, stem, _ in candidates for base in bases(stem)):
            return None  # an inflected Arabic word (يوفروا, "they provide"), not a new spelling of a name
        best: tuple[int, str, Entry, float] | None = None
        for plen, stem, entries in candidates:
            for entry in entries:
                if is_nisba_of(stem, entry.words[0]) or not vowel_variant(stem, entry.words[0]):
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
        return self._one_word(hit) and self._judge(hit.stem, self.index.terms[hit.entry.term_id])

    def _judge(self, stem: str, term: Term, floor: float | None = None) -> bool:
        s = self.settings
        if floor is None:
            floor = s.ambiguous_min_zipf if NATIVE_LETTERS.search(stem) else s.foreign_min_zipf
        if self.lexicon.arabic_zipf(stem) < floor:
            return False
        margin = s.ambiguous_margin if len(stem) < s.long_spelling else s.long_spelling_margin
        return self._gap(stem, term) >= margin

    def _gap(self, stem: str, term: Term) -> float:
        """How much more common (Zipf) the spelling is as an Arabic word than the
        term is as a name."""
        ar = self.lexicon.arabic_zipf(stem)
        if term.type in PLACE_TYPES:
            # Place names have exonyms (Iraq, Irak, Iraque): English alone counts.
            return ar - self.lexicon.english_name_zipf(term.target) - self.settings.place_margin_bonus
        if key_similarity(arabic_key(stem), english_key(term.target)) < _TRANSLIT_MIN:
            return math.inf  # a name's frequency vouches for it only if it spells the Arabic
        return ar - self.lexicon.name_zipf(term.target)

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

    def _surface_is_listed(self, back: Normalized, spans: list, hit: _Hit) -> bool:
        return _strip_marks(self._surface(back, spans, hit)) == _strip_marks(hit.entry.variant)

    def _doubtful_clitic(self, words: list[str], hit: _Hit) -> bool:
        if hit.plen == 0:
            return False
        term = self.index.terms[hit.entry.term_id]
        if term.type == "person" and _article_on_a_name(words[hit.i][:hit.plen], term):
            return True
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

    def _judged(self, words: list[str], hit: _Hit) -> _Hit:
        """Set the hit's verdict; one-word hits are judged once per word."""
        if hit.n == 1:
            key = (words[hit.i], hit.plen, hit.entry, hit.kind)
            v = self._verdicts.get(key)
            if v is None:
                v = self._verdicts[key] = self._verdict(words, hit)
            hit.verdict = v
        else:
            hit.verdict = self._verdict(words, hit)
        return hit

    def _verdict(self, words: list[str], hit: _Hit) -> int:
        """What a hit's own words say, before its neighbours are looked at."""
        if self._doubtful_clitic(words, hit) or self._never_alone(hit):
            return _DROP
        if not self._ambiguous(hit):
            return _ANCHOR if self._anchor(hit) else _KEEP
        if not self.settings.context:
            return _DROP
        s = self.settings
        ar = self.lexicon.arabic_zipf(hit.stem)
        if ar >= s.never_alone_zipf:
            return _NEEDS_LISTED_TITLE
        if ar >= s.title_only_zipf:
            return _NEEDS_TITLE_HERE
        # A neighbouring name tips only a close call; a clear Arabic word needs a
        # title (الجنرال سليماني). Places have their place words.
        term = self.index.terms[hit.entry.term_id]
        if term.type not in PLACE_TYPES and self._gap(hit.stem, term) >= s.context_max_gap:
            return _NEEDS_TITLE
        return _NEEDS_NAME

    def _filter(self, back: Normalized, spans: list, words: list[str], hits: list[_Hit],
                full_names: FullNames) -> list[_Hit]:
        """Keep the ambiguous hits that a neighbour or the document vouches for."""
        if all(h.verdict <= _ANCHOR for h in hits):
            return hits
        anchors = {k for h in hits if h.verdict == _ANCHOR for k in range(h.i, h.i + h.n)}
        kept = []
        norm = back.text
        for h in hits:
            v = h.verdict
            if v > _ANCHOR:
                named = v in _OPEN and h.n == 1 and full_names.vouch(h.stem, self.index.terms[h.entry.term_id].target)
                if not named:  # not part of a full name given in the document: a neighbour must vouch
                    if not self._supported(norm, spans, words, h, anchors if v == _NEEDS_NAME else set()):
                        continue
                    if v == _NEEDS_LISTED_TITLE and not self._surface_is_listed(back, spans, h):
                        continue
                h.score = min(h.score, 0.9)
            kept.append(h)
        return kept

    def _supported(self, norm: str, spans: list, words: list[str], hit: _Hit, anchors: set[int]) -> bool:
        before, after = hit.i - 1, hit.i + hit.n
        if before >= 0:
            # A title may be followed by its nationality before the name
            # (الرئيس الأمريكي ترامب); the commonest words need it right before them.
            title = before
            while (hit.verdict in _OPEN and title > 0 and title > before - 2 and is_definite_nisba(words[title])
                   and title not in anchors):
                title -= 1
            # A definite word after a definite title agrees with it as an adjective
            # (الفريق الفائز, "the winning team"; نائب الرئيس الأول): names take no ال.
            if before in anchors or (
                    announces(words[title], self.index.terms[hit.entry.term_id].type)
                    and not (hit.plen == 0 and words[hit.i].startswith("ال")
                             and not hit.entry.words[0].startswith("ال"))):
                start = before if before in anchors else title
                if _joined(norm, spans, start, hit.i - start + 1):
                    return True
        return after < len(words) and (after in anchors or follows_name(words[after])) and _joined(
            norm, spans, after - 1, 2)

    def _occurrence_denies(self, back: Normalized, spans: list, words: list[str], hit: _Hit,
                           tanween: bool, hyphen: bool) -> bool:
        """What the word as written here says against the hit, which the per-word
        verdict cannot see (normalisation removed it). ``tanween``/``hyphen``: does
        the line hold any, so most lines skip the surface checks."""
        if hit.n == 1 and hyphen and _in_code(back.text, spans, words, hit.i):
            return True  # a piece of a hyphenated code: سارس-كوف-2
        if hit.plen and hit.entry.variant[:1] in HAMZA_ALEFS and self._bare_alef_after_clitic(back, spans, hit):
            return True
        if hit.plen >= 2 and self._hamza_on_article(back, spans, words, hit):
            return True
        if hit.kind == "fuzzy":
            # An unseen spelling showing Arabic morphology a transliteration lacks:
            # tanween (سريًا) or, in one word, a native letter such as ة (دمغة) or ع.
            surface = self._surface(back, spans, hit)
            return bool(TANWEEN & set(surface)) or (hit.n == 1 and NATIVE_LETTERS.search(surface) is not None)
        # News Arabic writes tanween on indefinite nouns and adverbs (نافيًا,
        # "denying"), never on a listed foreign name (نافيا, Navia).
        entry = hit.entry
        if not tanween or hit.n != 1 or entry.latin or NATIVE_LETTERS.search(entry.variant) \
                or TANWEEN & set(entry.variant):
            return False
        return bool(TANWEEN & set(self._surface(back, spans, hit)))

    def _bare_alef_after_clitic(self, back: Normalized, spans: list, hit: _Hit) -> bool:
        """فاينشتاين is Feinstein, not ف + أينشتاين: with a clitic in front, a name
        spelled with a hamza keeps it (فأينشتاين), so a bare alef there is a long
        vowel of another name. Unless the glossary lists a spelling without the
        hamza (اسبير for Esper): then the name is known to be written that way."""
        if back.original[back.source_index(spans[hit.i][0] + hit.plen)] != "ا":
            return False
        return not any(sp.startswith("ا") for sp in self.index.terms[hit.entry.term_id].source)

    def _hamza_on_article(self, back: Normalized, spans: list, words: list[str], hit: _Hit) -> bool:
        """The article is written ال: an أل/إل is the start of a word (ألغينا, "we
        cancelled"; ألبينس, Albence), not ال + غينا or ال + بينس."""
        if not words[hit.i][:hit.plen].endswith("ال"):
            return False
        return back.original[back.source_index(spans[hit.i][0] + hit.plen - 2)] in HAMZA_ALEFS

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


def _article_on_a_name(prefix: str, term: Term) -> bool:
    """Arabic writes no article on a personal name, so a person's name read
    behind ال is another word (البيج is "the beige", للقاضي "to the judge"),
    unless the glossary lists the name with the article (السيستاني). On NTREX and
    TICO-19 with the 65k-name list, 8 of 46 such matches were right, all of them
    words that list calls people (cordon, tsunami, SARS)."""
    return has_article_clitic(prefix) and not any(normalize(sp).startswith("ال") for sp in term.source)


def _full_names(terms: list[Term], hit_lists: Iterable[list[_Hit]]) -> FullNames:
    """The names a document gives in full: sure multi-word hits, including a
    full name with a one-letter slip (يورجن كلوب). A one-word spelling is not
    enough: مناعي would make every المناعي ("immune") a name."""
    names = FullNames()
    for hits in hit_lists:
        for h in hits:
            if len(h.entry.words) > 1 and h.verdict in _SURE:
                names.add(h.entry.words, terms[h.entry.term_id].target)
    return names


_HARAKAT = {c: None for c in map(ord, _MARKS)}


def _strip_marks(text: str) -> str:
    return text.translate(_HARAKAT)


_NAME_WORD = re.compile(r"[^\W\d_]{2}")


def _initials_only(target: str) -> bool:
    return _NAME_WORD.search(target) is None


def _in_code(norm: str, spans: list[tuple[int, int]], words: list[str], i: int) -> bool:
    """Is word i part of a hyphenated code with digits (سارس-كوف-2, كوفيد-19)?
    Its pieces are letters of an identifier, not names."""
    first = last = i
    while first and norm[spans[first - 1][1]:spans[first][0]] == "-":
        first -= 1
    while last + 1 < len(spans) and norm[spans[last][1]:spans[last + 1][0]] == "-":
        last += 1
    return last > first and any(ch.isdigit() for w in words[first:last + 1] for ch in w)


def _joined(norm: str, spans: list[tuple[int, int]], i: int, n: int) -> bool:
    """Are words i..i+n-1 separated by spacing only (no punctuation)?"""
    for k in range(i, i + n - 1):
        end, start = spans[k][1], spans[k + 1][0]
        if not (start - end == 1 and norm[end] == " ") and not _SPACING.fullmatch(norm, end, start):
            return False
    return True
