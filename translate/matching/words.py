"""Per-word learning: everything about a distinct word that does not depend on its line.

News text repeats its words, so a word's clitic readings, whether it may be one
word of a multi-word name with a slip, and its unseen-spelling reading are worked
out once per document (for all its new words at once, in set operations), and a
line then costs dictionary hits. This is the matcher's main speed idea.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from itertools import compress, repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Iterable, NamedTuple

from ..arabic.clitics import bases, readings as clitic_readings
from ..arabic.morphology import ARTICLE, is_nisba_of
from ..arabic.phonetic import fuzzy_score, skeletons, vowel_variant
from ..english.sounds import arabic_key, english_key, key_similarity
from .context import TITLES
from .index import MIN_FUZZY_WORD, Entry
from .verdict import Verdict, article_on_a_name, is_word

if TYPE_CHECKING:
    from .matcher import Matcher


class Reading(NamedTuple):
    """The word read as a clitic prefix of ``plen`` letters + ``stem`` (a
    NamedTuple: built at C speed, a few thousand per document)."""

    plen: int
    stem: str
    maxn: int                 # longest multi-word term starting with stem (0: none)
    single: Entry | None      # one-word term spelled stem


@dataclass(slots=True)
class Word:
    """Everything about one distinct normalised word that does not depend on its
    line, computed once: news text repeats its words, so a line is mostly lookups."""

    readings: tuple[Reading, ...]
    wild: bool    # may be one word of a multi-word name with a slip
    fuzzy: tuple[int, str, Entry, float] | None  # an unseen spelling of one name
    # A word that starts no multi-word name always gives the same one-word hit;
    # it and its verdict are worked out the first time the word is met.
    multi: bool = False
    plain: tuple[int, Entry, str] | None = None
    verdict: Verdict | None = None
    #: The person-name spelling this word is the definite form of (والتسونامي:
    #: تسونامي): the document uses that spelling as a common noun.
    definite: tuple[int, str] | None = None   # (prefix length, stem)


NOTHING = Word((), False, None)  # shared by the many words that are in no name
_UNSEEN = object()
_WORD, _STEM = itemgetter(0), itemgetter(2)  # of a (word, prefix length, stem) reading
_TARGET = attrgetter("target")  # of an Entry
# Of a Reading: tested over a word's readings at C level (any(map(...))), not
# by a generator expression (a function object and a frame per word).
_MAXN, _SINGLE = itemgetter(2), itemgetter(3)
#: Reading(*fields) without the Python-level __new__ a NamedTuple class has.
_reading = partial(tuple.__new__, Reading)


def likeliest(m: "Matcher", entries: list[Entry]) -> Entry:
    """One spelling, several names (مارتن: Martin, Maarten, Mårten…): the most
    frequent name is the likeliest reading (frequent as a name: Paul, not ball),
    among the names that spell the Arabic (consonant keys at least
    ``translit_min`` alike) when any does. A name list's stray reading whose
    words are frequent for another reason loses to them: ديفيد is David, not
    d'Angers ("dangers"), طومسون Thomson, not Top, روان Rowan, not Route (with
    the 65k list these three made David, Thomson and Rowan need a title)."""
    if len(entries) == 1:
        return entries[0]
    targets = list(map(_TARGET, entries))
    zipfs = m.lexicon.name_zipfs(targets)  # one call for all (محمد has dozens of readings)
    best = zipfs.index(max(zipfs))  # the first of the most frequent
    key, floor = arabic_key(" ".join(entries[0].words)), m.settings.ambiguity.translit_min
    if key_similarity(key, english_key(targets[best])) >= floor:
        return entries[best]  # the common case, one key comparison
    spelled = [k for k, target in enumerate(targets) if key_similarity(key, english_key(target)) >= floor]
    return entries[max(spelled, key=zipfs.__getitem__) if spelled else best]


def glued_titles(words: list[str]) -> list[tuple[str, int, str]]:
    """``(word, title length, name)`` for words that are a definite title with
    the name glued on, the space left out (السيدترامب, الرئيسبوتين): news copy
    drops that space often enough that a name inside must not go unseen. The
    title counts as a prefix, like a clitic; the name keeps four letters or more
    (الرئيسية, السيدات are words of their own). One dict lookup per word with
    the article (the others are passed over at C level)."""
    out = []
    for w in compress(words, map(str.startswith, words, repeat(ARTICLE))):  # every title starts so
        for title in _TITLES_BY_HEAD.get(w[:_TITLE_HEAD], ()):
            if len(w) - len(title) >= _GLUED_MIN and w.startswith(title):
                out.append((w, len(title), w[len(title):]))
    return out


_TITLE_HEAD = 4
_GLUED_MIN = 4
_TITLES_BY_HEAD: dict[str, list[str]] = {}
for _t in sorted(TITLES):
    if _t.startswith(ARTICLE) and len(_t) > _TITLE_HEAD:
        _TITLES_BY_HEAD.setdefault(_t[:_TITLE_HEAD], []).append(_t)


def learn(m: "Matcher", words: Iterable[str]) -> None:
    """Index facts for words not seen before, in set operations over the whole
    batch: most words of a text are in no name, and cost one set lookup."""
    known = m.words
    words = words if isinstance(words, (set, frozenset)) else set(words)
    new = list(words.difference(known) if known else words)  # at C level, not a test per word
    if not new:
        return
    idx = m.index
    readings = clitic_readings(new)
    readings += glued_titles(new)
    stems = list(map(_STEM, readings))
    stem_set = set(stems)
    # A dict's keys view & a smaller set walks the set (the few new stems), at C level.
    named = (idx.single.keys() & stem_set) | (idx.multi_first.keys() & stem_set)
    wild = stem_set & idx.wild_words
    found: dict[str, list[Reading]] = {}
    # One stem, many words (ترامب, وترامب, لترامب): its likeliest entry once.
    single: dict[str, Entry | None] = {}
    for w, plen, stem in compress(readings, map(named.__contains__, stems)):
        entry = single.get(stem, _UNSEEN)
        if entry is _UNSEEN:
            entries = idx.single.get(stem)
            entry = single[stem] = likeliest(m, entries) if entries else None
        found.setdefault(w, []).append(_reading((plen, stem, idx.multi_first.get(stem, 0), entry)))
    wild_words = set(map(_WORD, compress(readings, map(wild.__contains__, stems))))
    known.update(dict.fromkeys(new, NOTHING))
    for w in found.keys() | wild_words:
        rs = tuple(found.get(w, ()))
        if rs and rs[0].plen == 1 and rs[0].single is not None \
                and _letter_of_the_name(w, rs[0].single, m.settings.ambiguity.translit_min):
            rs = (rs[0]._replace(plen=0, stem=w, maxn=0),) + rs  # the word read whole first
        definite = _definite(m, w, rs)
        known[w] = Word(rs, w in wild_words, None, any(map(_MAXN, rs)), definite=definite)
        if definite is not None:
            m.definites.add(w)
    if m.settings.fuzzy.enabled and idx.skeletons:
        # A word that is a one-word name is always matched exactly: no fuzzy.
        exact = {w for w, rs in found.items() if any(map(_SINGLE, rs))}
        _learn_fuzzy(m, [r for r in readings if len(r[2]) >= MIN_FUZZY_WORD and r[0] not in exact])


def _letter_of_the_name(word: str, entry: Entry, spells: float) -> bool:
    """Is the one-letter "clitic" of ``word`` the first sound of the name the
    rest spells (وارين is Warren, which a list spells ارين; فارس, Faris, when
    only ارس is listed), so the word is the name read whole, not "and" +
    another name? The English starts with that letter (W for و, a sound the
    consonant keys leave out; F/V/Ph, B/P, K/C/Q, L) and the rest does not
    already hold it (وويب is "and Webb", ووادي "and Wadi"); for ف ب ك ل the
    whole word's key also spells the name (``spells``, ``translit_min``, alike:
    بهوبي, "in Hubei", is no Hoppe; فالانس, Vallance, no Alanís). The whole
    word then meets the ambiguity policy as itself."""
    letter, rest, target = word[0], word[1:], entry.target.lower()
    if rest[:1] == letter or not target.startswith(_NAME_LETTERS.get(letter, "\0")):
        return False
    return letter == "و" or key_similarity(arabic_key(word), english_key(target)) >= spells


#: One-letter proclitics that may be a name's first letter, and how English
#: writes that letter at the start of a name.
_NAME_LETTERS = {"و": ("w",), "ف": ("f", "v", "ph"), "ب": ("b", "p"), "ك": ("k", "c", "q"), "ل": ("l",)}


def _definite(m: "Matcher", word: str, readings: tuple[Reading, ...]) -> tuple[int, str] | None:
    """The one-word person spelling ``word`` holds behind the article (والتسونامي
    → تسونامي), when the word is no listed spelling nor a common word of its own
    (الحسن may be a name, النيل is the Nile) and the glossary does not list the
    name with the article. Arabic writes no
    article on a personal name, so a document that writes one uses the spelling
    as a common noun (tsunami, alpha, delta)."""
    for r in readings:
        if not r.plen and r.single:
            return None  # a listed spelling of its own (الحسن)
    terms = m.index.terms
    for r in readings:
        if r.single is not None and r.plen and r.single.type == "person" \
                and article_on_a_name(word[:r.plen], terms[r.single.term_id]):
            # Not a common word of its own (النيل, the Nile; البول; والديك, "your parents").
            return (r.plen, r.stem) if m.lexicon.arabic_zipf(word) < m.settings.ambiguity.min_zipf else None
    return None


def _learn_fuzzy(m: "Matcher", todo: list[tuple[str, int, str]]) -> None:
    """Unseen spellings of many new words at once: skeletons are computed in a
    few C-level passes and only words whose skeleton is indexed go further."""
    found: dict[str, list[tuple[int, str, list[Entry]]]] = {}
    index = m.index.skeletons
    skels = skeletons(list(map(_STEM, todo)))
    # Few readings share a skeleton with a name: select them at C level.
    mixed = m.index.mixed_skeletons
    blocked: set[str] = set()  # a reading shares its skeleton with several names
    for (w, plen, stem), skel in compress(zip(todo, skels), map(index.__contains__, skels)):
        found.setdefault(w, []).append((plen, stem, index[skel]))
        if skel in mixed:
            blocked.add(w)
    known = m.words
    for w, candidates in found.items():
        if w in blocked:
            continue
        result = _fuzzy_single(m, w, candidates)
        if result is not None:
            known[w] = replace(known[w], fuzzy=result)  # a copy: the word may be the shared NOTHING


def _fuzzy_single(m: "Matcher", word: str, candidates: list[tuple[int, str, list[Entry]]]
                  ) -> tuple[int, str, Entry, float] | None:
    """An unseen vowel/letter spelling of one transliterated name.

    Only when the skeleton points at exactly one name (the caller skips
    ``TermIndex.mixed_skeletons``): if several different names share it, a
    new spelling is as likely to be any of them (or of a name the glossary
    lacks) and guessing would be a false correction."""
    f, s = m.settings.fuzzy, m.settings.ambiguity
    zipf = m.lexicon.arabic_zipf
    if zipf(word) >= s.title_only_zipf:
        return None  # one of the few thousand most common words
    if any(zipf(base) >= s.min_zipf for _, stem, _ in candidates for base in bases(stem)):
        return None  # an inflected Arabic word (يوفروا, "they provide"), not a new spelling of a name
    best: tuple[int, str, Entry, float] | None = None
    for plen, stem, entries in candidates:
        for entry in entries:
            if is_nisba_of(stem, entry.words[0]) or not vowel_variant(stem, entry.words[0]):
                continue
            score = fuzzy_score(stem, entry.words[0])
            if score >= f.min_score and (best is None or score > best[3]):
                best = (plen, stem, entry, score)
    if best is None:
        return None
    term = m.index.terms[best[2].term_id]
    if is_word(best[1], term, m.lexicon, s, f.word_zipf):
        return None  # an ordinary word that happens to sound like the name
    if key_similarity(arabic_key(best[1]), english_key(term.target)) < s.translit_min:
        return None  # the consonants do not spell the English name (a word of its own)
    return best
