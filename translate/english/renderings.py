"""Find how a glossary term was rendered in one English segment.

Three kinds of rendering, in order of trust:

* ``canonical`` — the glossary target, as a whole word, any case, with the
  possessive (Esper's) and a leading "the" optional;
* ``forbidden`` — a form the glossary lists as wrong;
* ``variant``   — a capitalised word group that sounds like the target (same
  consonant key within a small distance: Esbir, Bompeo, Abdel-Mehdi, Miltim
  Times), i.e. the same name spelled another way.

Spans never overlap; a longer, more trusted span wins. Offsets are character
offsets into the English segment.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from ..glossary.model import TRANSLITERATED_TYPES, Term
from .romanised import spells_plainly
from .slips import SLIP_BUDGET, letters, nearest_slip
from .sounds import arabic_key, english_key, key_similarity, merge_voicing

KINDS = ("canonical", "forbidden", "variant")
#: Kinds the finder adds (:mod:`.finder`): a copied Latin source spelling, a
#: surname alone, another name the Arabic spelling may stand for, a place's
#: adjective; and two it reports but never writes over: a sound-alike that is
#: another real name (``refused``) or another rendering of the Arabic, not a
#: slip of the target (``doubtful``).
FINDER_KINDS = ("copied", "partial", "homograph", "derived", "refused", "doubtful")
#: Kinds enforcement never replaces.
UNWRITTEN = frozenset({"refused", "doubtful"})
# English name-like words: a capital letter, then letters and apostrophes; a hyphen
# continues the name only before a capital (Abdel-Mehdi, Abd al-Mahdi), so
# "Esbir-led" is the name "Esbir" plus an ordinary suffix. A leading Arabic article
# (al-Sadr) belongs to the name.
NAME_LIKE = re.compile(
    r"(?:(?<![\w\-])(?:al|el|ul|ad|an|ar|as|ash|at|az)-(?=[A-Z]))?"
    r"[A-Z][\w'’]*(?:-(?:(?:al|el|ul)-)?[A-Z][\w'’]*)*"
)
# Capitalised function words (a title, a sentence start) are not part of a name.
FUNCTION_WORDS = frozenset("The A An And Of In On At To For From By With But Or As".split())
# A lowercase hyphen part of a name (Kim Jong-un, Moon Jae-in).
_TAIL = re.compile(r"-[a-z]+(?![\w\-])")
MIN_VARIANT_SIMILARITY = 0.75
# How alike (rapidfuzz ratio) a sound-alike must also look, by the length of its
# consonant key: 1 letter (Wuhan: N), 2 (Iran: RN), 3 or more. A short key collides
# easily (Erin for Iran), so it must look like the name too, but a floor that
# disables the search left every slip in Wuhan, Italy, Hubei, Toyota silent (issue
# 12). Curated TICO-19 run: see bench/PRECISION_NOTES.md.
CLOSENESS_BY_KEY = (0.8, 0.75, 0.5)
# Words a lowercase term (remdesivir) may be misspelt as, in any case.
_ANY_WORD = re.compile(r"(?<![\w\-])[A-Za-z][a-z'’]*(?:-[a-z]+)*")
# Each word of a same-length group against the name's word in its place.
MIN_WORD_SIMILARITY = 0.5


@dataclass(frozen=True)
class Rendering:
    """A span of the English that renders a term; ``target`` is what belongs there.

    ``via``: for a ``partial`` rendering, the kind of the surname found; for a
    variant close to a forbidden form, that form."""

    start: int
    end: int
    text: str
    kind: str
    score: float = 1.0
    target: str = ""
    via: str = ""

    @property
    def right(self) -> bool:
        """Does this span render the term acceptably as written?"""
        return self.kind in ("canonical", "homograph", "derived") or (self.kind == "partial" and self.via == "canonical")


def exact_case(form: str, text: str) -> bool:
    """Does ``text`` (a span found in any case) write every word of ``form`` in its case?
    (A ``case: exact`` term: WHO is the organisation, "who" is not.)"""
    return all(word in text for word in form.split() if word.lower() != "the")


def _phrase_pattern(phrase: str, strict: bool = False) -> re.Pattern[str]:
    words = phrase.split()
    optional_the = ""
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
        optional_the = r"(?:[Tt]he\s+)?"
    if strict:  # the canonical form: "Abdul-Mahdi" is not "Abdul Mahdi"
        body = r"\s+".join(re.escape(w) for w in words)
    else:
        body = r"[\s\-]+".join(re.escape(w) for w in words)
    # Plural and hyphen forms keep their suffix outside the span (Esper-led,
    # the Trumps); a hyphen before a capital continues another name.
    plural = r"(?-i:s)?" if words and not words[-1].lower().endswith("s") else ""
    after = plural + r"(?!\w)(?!-(?-i:[A-Z0-9]))"
    # Where a phrase may start is checked by starts_word: as lookbehinds it made
    # every pattern several times dearer to compile (one per glossary phrase).
    return re.compile(r"(?:" + optional_the + body + r")" + r"(?=" + after + r")", re.IGNORECASE)


# A phrase starts a word, or follows a common lowercase prefix (pro-Iran, ex-Trump).
_PREFIXES = ("pro", "anti", "ex", "non", "post", "pre", "mid")


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def starts_word(text: str, pos: int) -> bool:
    """May a name start at ``pos``: at a word start, or after pro-/ex-/anti-…?"""
    if pos == 0:
        return True
    before = text[pos - 1]
    if before != "-":
        return not is_word_char(before)
    for prefix in _PREFIXES:
        k = pos - 1 - len(prefix)
        if k >= 0 and text[k:pos - 1].lower() == prefix and (k == 0 or not (is_word_char(text[k - 1]) or text[k - 1] == "-")):
            return True
    return False


_PATTERNS: dict[tuple[str, bool], re.Pattern[str]] = {}


def phrase_spans(phrase: str, text: str, strict: bool = False) -> list[tuple[int, int]]:
    """Whole-word, case-insensitive occurrences of ``phrase`` in ``text``.

    ``strict`` keeps the phrase's own separators (space vs hyphen): used for the
    canonical form, whose hyphenated spelling may be a listed forbidden one."""
    words = phrase.split()
    if words and text.isascii() and phrase.isascii() and words[-1].lower() not in text.lower():
        return []  # every occurrence holds the last word: no pattern to compile
    pat = _PATTERNS.get((phrase, strict))
    if pat is None:
        pat = _PATTERNS[(phrase, strict)] = _phrase_pattern(phrase, strict)
    out: list[tuple[int, int]] = []
    m = pat.search(text)
    while m is not None:
        if starts_word(text, m.start()):
            out.append(m.span())
            m = pat.search(text, m.end())
        else:
            m = pat.search(text, m.start() + 1)
    return out


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in taken)


def find_renderings(term: Term, english: str, source_text: str | None = None,
                    min_similarity: float = MIN_VARIANT_SIMILARITY,
                    min_word_similarity: float = MIN_WORD_SIMILARITY,
                    closeness: tuple[float, ...] = CLOSENESS_BY_KEY) -> list[Rendering]:
    """Every rendering of ``term`` in ``english``, sorted by position, unfiltered
    (:class:`~translate.english.finder.RenderingFinder` is what enforcement and QA ask).

    ``source_text`` (the Arabic span the matcher found) lets variants be checked
    against the Arabic itself, not only against the canonical English.
    """
    found: list[Rendering] = []
    taken: list[tuple[int, int]] = []
    # Every accepted rendering (the target, then the glossary's `also` forms) is
    # canonical and stays as written: ``target`` is the form it renders. A
    # `case: exact` term (WHO, not who) counts only spans in its own case.
    for form in term.accepted_renderings():
        for a, b in phrase_spans(form, english, strict=True):
            if _free(taken, a, b) and (term.case != "exact" or exact_case(form, english[a:b])):
                found.append(Rendering(a, b, english[a:b], "canonical", target=form))
                taken.append((a, b))
    for form in sorted(term.forbidden, key=len, reverse=True):
        for a, b in phrase_spans(form, english):
            if _free(taken, a, b):
                found.append(Rendering(a, b, english[a:b], "forbidden"))
                taken.append((a, b))
    found.extend(_variants(term, english, source_text, taken, min_similarity, min_word_similarity, closeness))
    found.sort(key=lambda r: r.start)
    return found


_SUFFIXES = ("i", "is", "ian", "ians", "an", "ans", "ese", "ite", "ites", "ism", "ist", "ists")
_SUFFIXES_A = _SUFFIXES + ("n", "ns")


def _derived(text: str, target_words: list[str]) -> bool:
    """Iraqi, Iraqis, Iranians: the canonical name plus a suffix is another word
    (a demonym, a derivation), not a misspelling of the name."""
    if not target_words:
        return False
    last = target_words[-1].lower()
    low = text.lower()
    if len(low) <= len(last) or last not in low:
        return False
    # a name in -a takes -n as well (Indonesian, Syrians, Korean)
    return low.endswith(tuple(last + suffix for suffix in (_SUFFIXES_A if last.endswith("a") else _SUFFIXES)))


# One capitalised word; a hyphen ends it (Iranian-backed → Iranian).
_CAPITALISED = re.compile(r"[A-Z][\w'’]*")


def derived_forms(term: Term, english: str) -> list[tuple[int, int]]:
    """Where ``english`` renders a place by its adjective or demonym (Iranian-backed
    for المدعومة من إيران, Iraqi forces for القوات العراقية): a correct translation
    of the name, so it is not missing."""
    if term.type != "place":
        return []
    words = [w for w in term.target.split() if w.lower() != "the"]
    return [m.span() for m in _CAPITALISED.finditer(english) if _derived(m.group(), words)]


def _joined(word: str, target: str) -> bool:
    """One English word holding every letter of a multi-word name, in order."""
    return len(word) >= len(target) - target.count(" ") and letters(word) == letters(target)


_THE_BEFORE = re.compile(r"(?:^|[^\w\-])[Tt]he\s+$")


def _after_the(english: str, start: int) -> bool:
    """English writes a name in the plural after "the" (the Trumps, the Esbirs');
    elsewhere a final s is the name's own (Rousettus, Dorrans)."""
    return _THE_BEFORE.search(english, max(0, start - 5), start) is not None


def _word_by_word(text: str, target_words: list[str], min_word_similarity: float) -> bool:
    """Does each word of a group as long as the name sound or look like the name's
    word in its place? A misspelt name does (Esbir/Esper, Miltim/Military); a
    title or another word in front of part of the name does not (Mr/Abu)."""
    words = text.split()
    if len(words) != len(target_words):
        return True  # hyphens joined or split words: compared as a whole only
    for got, want in zip(words, target_words):
        if got.lower() == want.lower():
            continue
        similar = max(key_similarity(english_key(got), english_key(want)), ratio(got.lower(), want.lower()) / 100)
        if similar < min_word_similarity:
            return False
    return True


def slip_budget(target: str) -> float:
    """What a slip of ``target`` may cost and still be fixed: :data:`~.slips.SLIP_BUDGET`,
    scaled down for names of fewer than four letters (one dropped letter of Lee or
    Li is another word, not a slip). A word within the full budget but beyond this
    one is still found, and reported, never rewritten: a two-letter "Qo" for Qom
    was a silent miss (issue 12)."""
    return min(SLIP_BUDGET, len(letters(target)) / 4)


def slip_of(term: Term, text: str, tails: bool = True) -> float:
    """How far ``text`` is, by MT slips, from the term's nearest accepted or
    forbidden form (:func:`~.slips.nearest_slip`; ``tails``: or from its last words)."""
    return nearest_slip(text, (*term.accepted_renderings(), *term.forbidden), tails)


def _similarity(key: str, keys: list[str]) -> float:
    """How alike two consonant keys sound, t/d counted as one (Tundee, Dundee:
    the voicing an MT slip or a romanisation swaps)."""
    loose = merge_voicing(key)
    return max(max(key_similarity(key, k), key_similarity(loose, merge_voicing(k))) for k in keys)


def _variants(term: Term, english: str, source_text: str | None, taken: list[tuple[int, int]],
              min_similarity: float, min_word_similarity: float,
              closeness_by_key: tuple[float, ...] = CLOSENESS_BY_KEY) -> list[Rendering]:
    target_words = [w for w in term.target.split() if w.lower() != "the"]
    want = english_key(term.target)
    keys = [want] + [english_key(f) for f in term.forbidden]
    if source_text:
        keys.append(arabic_key(source_text))
    keys = [k for k in keys if k]
    if not keys:
        return []
    # A lowercase term (remdesivir, not a name list's lowercased "dandy") is written
    # in lowercase: its slips are too.
    lowercase = term.type not in TRANSLITERATED_TYPES and term.target == term.target.lower()
    words = list((_ANY_WORD if lowercase else NAME_LIKE).finditer(english))
    out: list[Rendering] = []
    plural_ok = not term.target.lower().endswith("s")
    # As many words as the name first: a group with an extra word (Abu Mahdi
    # al-Mohandess Mike) must not shadow the name itself.
    sizes = list(dict.fromkeys(max(1, len(target_words) + d) for d in (0, 1, -1)))
    joined_only = 1 not in sizes
    if joined_only:
        sizes.append(1)  # every word joined or hyphenated into one (Christine-Blasey-Ford)
    arabic_keys = {arabic_key(s) for s in (source_text, *term.source) if s}
    # …and with the article a plain romanisation keeps (Alaraq for العراق: L-R-K)
    arabic_keys |= {k if k.startswith("L") else "L" + k for k in arabic_keys}
    # The name's words as the English is cut into them (al-Muhandis one, Jong-un two).
    tails = len(_TAIL.findall(term.target))
    parts = len(NAME_LIKE.findall(term.target)) + tails
    own_function_word = any(w in FUNCTION_WORDS for w in term.target.title().split()[1:])
    for n in sizes:
        for i in range(len(words) - n + 1):
            group = words[i:i + n]
            if n == 1 and joined_only and not _joined(group[0].group(), term.target):
                continue
            if any(english[group[k].end():group[k + 1].start()].strip(" -") for k in range(n - 1)):
                continue  # only spaces or hyphens inside a name
            a, b = group[0].start(), group[-1].end()
            if not starts_word(english, a):
                continue  # the tail of a hyphenated word (quasi-Teresa-May): not a whole name
            if any(w.group() in FUNCTION_WORDS for w in group[1:]) and not own_function_word:
                continue  # "Al-Mahdi The Abdul Mahdi" is two names, not one
            if n < parts and i + n < len(words) and words[i + n].group() not in FUNCTION_WORDS and \
                    not english[group[-1].end():words[i + n].start()].strip(" -") and \
                    not (n == 1 and _joined(group[0].group(), term.target)):
                continue  # the head of a longer name (Kim Jong of Kim Jong Il): the whole name decides
            if tails:
                # A name with a lowercase hyphen part (Jong-un, Jae-in) is one span with it.
                tail = _TAIL.match(english, b)
                if tail:
                    b = tail.end()
            text = english[a:b]
            if text.endswith(("'s", "’s")):
                b -= 2
                text = english[a:b]
            elif text.endswith("'") or text.endswith("’"):
                b -= 1  # plural possessive: the Esbirs'
                text = english[a:b]
            if not _free(taken, a, b):
                continue
            if _derived(text, target_words):
                continue
            if n == len(target_words) and not _word_by_word(text, target_words, min_word_similarity):
                continue  # "Mr Mahdi al-Mohandess" is a title and part of the name
            key = english_key(text)
            sim = _similarity(key, keys)
            if plural_ok and text.endswith("s") and len(text) > 3 and _after_the(english, a):
                # a plural (the Esbirs): the name is the word without its "s"
                sim_bare = _similarity(english_key(text[:-1]), keys)
                if sim_bare > sim:
                    b -= 1
                    text, sim, key = english[a:b], sim_bare, english_key(english[a:b])
            closeness = ratio(text.lower(), term.target.lower()) / 100
            # A full name, word for word alike (checked above), with one word exact
            # and a slip in another (Eiidh Doyle): the slip may change the key a lot.
            if n == len(target_words) > 1 and len(text.split()) == n and \
                    any(g.lower() == w.lower() for g, w in zip(text.split(), target_words)):
                sim = max(sim, min_similarity)
            # Short keys (Iran: R-N) collide easily (Erin), so they must also look alike.
            # A slip of the target or a plain romanisation of the Arabic is a
            # rendering whatever its key (Jakata, Ialy; Krumuil, Musku); a slip
            # beyond a short name's own budget (Qo for Qom) only to be reported
            # (see slip_budget and the finder's doubt rule).
            # (A plain romanisation has the Arabic's consonant key: a cheap gate.)
            if (sim >= min_similarity and closeness >= closeness_by_key[max(1, min(len(key), len(closeness_by_key))) - 1]) \
                    or slip_of(term, text, tails=False) <= SLIP_BUDGET \
                    or (key in arabic_keys and spells_plainly(text, source_text, *term.source)):
                score = round(0.7 * sim + 0.3 * closeness, 3)
                out.append(Rendering(a, b, text, "variant", score))
                taken.append((a, b))
    return out
