"""Find every glossary term in Arabic lines, with exact spans.

The line is normalised once (C-speed ``str.translate``) and scanned as words;
offsets are mapped back to the original only for lines that have matches. The
passes are a fixed sequence of plain functions over one :class:`~.line.Line`:

1. **exact / normalized** and 2. **fuzzy** (:mod:`.passes`);
3. **precision** (:mod:`.precision`): what the word as written says against a
   hit, then the ambiguity policy (:mod:`.verdict`): one-word spellings that are
   also ordinary Arabic words keep their match only next to a title or an
   unambiguous name, or when the document gives the name in full (:mod:`.discourse`).

News text repeats its words, so everything about a word that does not depend
on its line (its clitic readings, unseen-spelling reading, and the verdict on its
one-word hit) is worked out once per distinct word (:mod:`.words`, for a whole
document at a time in :meth:`Matcher.find_all`); a line then costs dictionary
hits for its words and context checks for its ambiguous ones.
"""
from __future__ import annotations

from itertools import chain, compress, count, repeat
from operator import attrgetter, is_not, itemgetter
from typing import Iterable, Sequence

from ..arabic.lexicon import Lexicon, default_lexicon
from ..arabic.normalize import Normalized, normalize, normalize_many
from ..arabic.script import WORD, word_parts
from ..bulk import gc_paused
from ..glossary.model import Glossary
from .discourse import OtherSenses
from .index import Entry, TermIndex
from .line import Line
from .match import Match, MatchSettings
from .passes import Hit, exact, fuzzy
from .precision import definite_nouns, family_mentions, full_names, other_senses, screen, vouched
from .verdict import Verdict, verdict
from .words import NOTHING, Word, learn

_Found = tuple[Line, list[Hit]]
_POSITION = attrgetter("i")  # of a Hit


class Matcher:
    """Reusable matcher for one glossary; build once, call :meth:`find` per line."""

    def __init__(self, glossary: Glossary, settings: MatchSettings | None = None,
                 lexicon: Lexicon | None = None, index: TermIndex | None = None):
        self.glossary = glossary
        self.settings = settings or MatchSettings()
        self.index = index or TermIndex(glossary)
        self.lexicon = lexicon or default_lexicon()
        self.words: dict[str, Word] = {}  # per distinct word (see .words)
        self.lengths = sorted(self.index.multi_lengths, reverse=True)  # of multi-word names
        # Context-free verdicts on one-word hits, keyed by (word, plen, entry, kind).
        self.verdicts: dict[tuple, Verdict] = {}
        self._homographs: dict[str, frozenset[str]] = {}
        #: Words seen so far that hold a person spelling behind the article (see .words).
        self.definites: set[str] = set()

    # -- public API -----------------------------------------------------------
    def find(self, line: str, line_no: int = 1, refused: list[Match] | None = None) -> list[Match]:
        """One line, as a document of its own (``refused``: see :meth:`find_all`)."""
        back = Normalized(line)  # the normalised line and its map back to the original
        parts = word_parts(back.text)
        words = parts[1::2]
        learn(self, words)
        senses = OtherSenses(words)
        found = self._hits(back, words, parts, refused is not None, senses)
        if found is None:
            return []
        names = full_names(self.index.terms, [found], senses.other)
        if senses:
            other_senses(self, [found], names, senses)
        kept = self._matches(line_no, *found, names)
        if found[0].refused:
            refused.extend(self._refused(line_no, found[0], kept))  # type: ignore[union-attr]
        return kept

    @gc_paused()
    def find_all(self, lines: Iterable[str], refused: list[Match] | None = None) -> list[Match]:
        """All lines of a document: its distinct words are looked up in one batch.

        ``refused``, when given, gets the one-word hits the ambiguity policy
        refused (each with its ``need``), so a caller can report them rather
        than drop them silently."""
        lines = list(lines)
        backs = list(map(Normalized, lines, normalize_many(lines)))
        # One regex pass per line: its words now, their spans for the lines that need them.
        parts = list(map(word_parts, [b.text for b in backs]))
        per_line = [p[1::2] for p in parts]
        distinct = set(chain.from_iterable(per_line))
        learn(self, distinct)
        collect = refused is not None
        senses = OtherSenses(distinct)
        found = [(no, self._hits(back, words, t, collect, senses))
                 for no, (back, words, t) in enumerate(zip(backs, per_line, parts), 1) if words]
        found = [(no, hits) for no, hits in found if hits is not None]
        # One sense per discourse: a name given in full anywhere in the document
        # (قاسم سليماني) vouches for its words elsewhere in it (سليماني); a spelling
        # the document uses only for something else (مدينة بالو) names no person in it.
        names = full_names(self.index.terms, [f for _, f in found], senses.other)
        if senses:
            other_senses(self, [f for _, f in found], names, senses)
        if names.families:  # rare: a Chinese or Korean name given in full (ري يونغ هو), then ري alone
            have = {no for no, _ in found}
            found += [(no, (Line(backs[no - 1], words, parts[no - 1], [] if collect else None), []))
                      for no, words in enumerate(per_line, 1)
                      if no not in have and not names.families.keys().isdisjoint(words)]
            found.sort(key=itemgetter(0))
            for _, (line, hits) in found:
                if not names.families.keys().isdisjoint(line.words):
                    hits.extend(family_mentions(self, line, hits, names))
        out: list[Match] = []
        for no, (line, hits) in found:
            kept = self._matches(no, line, hits, names)
            out.extend(kept)
            if line.refused:
                refused.extend(self._refused(no, line, kept))  # type: ignore[union-attr]
        return out

    def find_lines(self, lines: Sequence[str], refused: list[list[Match]] | None = None) -> list[list[Match]]:
        """:meth:`find_all`, grouped: the matches of each line, in order;
        ``refused`` (a list) gets the refused hits of each line likewise."""
        out: list[list[Match]] = [[] for _ in lines]
        dropped: list[Match] | None = [] if refused is not None else None
        for m in self.find_all(lines, dropped):
            out[m.line - 1].append(m)
        if refused is not None:
            refused.extend([] for _ in lines)
            for m in dropped or ():
                refused[m.line - 1].append(m)
        return out

    def _refused(self, line_no: int, line: Line, kept: list[Match]) -> list[Match]:
        """A line's refused hits as matches, none inside a kept match."""
        out = []
        for h in line.refused or ():
            m = self._to_match(line_no, line, h, h.verdict.need)
            if all(m.end <= k.start or m.start >= k.end for k in kept) and \
                    all(m.start != o.start for o in out):
                out.append(m)
        return out

    def homographs(self, match: Match) -> frozenset[str]:
        """Every English target (lowercase) the glossary gives ``match``'s Arabic
        spelling (its homographs): another of them in the English is right, not a slip."""
        found = self._homographs.get(match.variant)
        if found is None:
            index = self.index
            words = tuple(WORD.findall(normalize(match.variant)))
            entries = (index.single.get(words[0]) if len(words) == 1 else index.multi.get(words)) if words else None
            found = frozenset(e.target.lower() for e in entries or ())
            self._homographs[match.variant] = found
        return found

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
        return self.verdict_of(words[0], 0, words[0], 1, entry).need

    def verdict_of(self, word: str, plen: int, stem: str, n: int, entry: Entry) -> Verdict:
        """The ambiguity policy (:func:`.verdict.verdict`) with this matcher's settings."""
        return verdict(word, plen, stem, n, entry, self.index.terms[entry.term_id], self.lexicon,
                       self.settings.ambiguity)

    # -- the passes over one line ---------------------------------------------
    def _hits(self, back: Normalized, words: list[str], parts: list[str], collect: bool = False,
              senses: OtherSenses | None = None) -> _Found | None:
        """A line and its hits, each with its verdict, before neighbours and the
        document are asked about the ambiguous ones; ``senses`` learns the
        spellings the line uses for something other than a person."""
        infos = list(map(self.words.__getitem__, words))
        # Only positions whose word is in some name are visited from here on.
        named = list(compress(count(), map(is_not, infos, repeat(NOTHING))))
        if not named:
            return None
        line = Line(back, words, parts, [] if collect else None)
        if senses is not None and self.definites and not self.definites.isdisjoint(words):
            senses.other.update(definite_nouns(line, infos, named))
        covered: set[int] = set()  # words no fuzzy hit may use (see Verdict.shut)
        hits = exact(self, line, infos, named, covered)
        if self.settings.fuzzy.enabled:
            slips = fuzzy(self, line, infos, named, covered)
            if slips:
                # A full name with a slip outranks one word of it found alone
                # (كمالا هاريس is Kamala Harris, not Harris; يورجن كلوب is not a club).
                taken = {k for h in slips if h.n > 1 for k in range(h.i, h.i + h.n)}
                hits = [h for h in hits if h.n > 1 or h.i not in taken] + slips
        if hits:
            hits = screen(self, line, hits, senses)
        return (line, hits) if hits or line.refused else None

    def _matches(self, line_no: int, line: Line, hits: list[Hit], names) -> list[Match]:
        hits = vouched(self, line, hits, names)
        hits.sort(key=_POSITION)
        return list(map(self._to_match, repeat(line_no), repeat(line), hits))

    def _to_match(self, line_no: int, line: Line, hit: Hit, need: str | None = None) -> Match:
        text = line.back.original
        start, end = line.written_span(hit.i, hit.n, hit.plen)
        entry = hit.entry
        kind = hit.kind
        if kind == "normalized" and text[start:end] == entry.variant:
            kind = "exact"
        return Match(line_no, start, end, text[start:end], entry.target, kind, hit.score, self.index.terms[entry.term_id],
                     entry.variant, need)
