"""How far an English spelling is from a name by the slips MT makes.

An MT system that knows a name misspells it by a letter: a vowel swapped
(Pompao), a confusable consonant (Bompeo, Tundee), a letter dropped (Jakata) or
doubled (Trumpp), words joined or split (Sarahpalin, Christine-Blasey-Ford).
A different person's own spelling of a name the Arabic also spells differs in
several places at once (Dorrans for Durance, Sumbung for Sompong, Coons for
Cowans). :func:`slip_cost` counts the first kind cheaply, so one number tells
a slip (fix it) from another rendering of the Arabic (report it, never rewrite).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from rapidfuzz.distance import Levenshtein

_VOWELS = frozenset("aeiouy")
# Consonants MT and transliteration swap for one another.
_CONFUSABLE = tuple(frozenset(p) for p in ("bp", "td", "kgqc", "szc", "fv", "jg", "wv"))
_NOT_LETTER = re.compile(r"[^a-z]")
_POSSESSIVE = re.compile(r"['’]s$")
#: Slips worth no more than this are the same name misspelt. 1.0 is one dropped
#: consonant or two vowel/confusable changes (Esbir for Esper, Jakata for
#: Jakarta). Measured with the 65k-name list on human NTREX English: every
#: false correction left (Dorrans→Durance 2.0, Sumbung→Sompong 1.5,
#: Blasey→Błażej 1.5) costs more; every curated injected slip (vowel, consonant,
#: dropped, doubled, hyphen/space) costs at most 1.0 (bench/PRECISION_NOTES.md).
SLIP_BUDGET = 1.0


@lru_cache(maxsize=65_536)
def letters(text: str) -> str:
    """Lowercase ASCII letters only: case, diacritics (Błażej), a possessive,
    spaces and hyphens do not make a slip."""
    text = _POSSESSIVE.sub("", text.strip())
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_LETTER.sub("", text.lower())


def _substitution(a: str, b: str) -> float:
    """An unrelated consonant for another costs more than a dropped one: a
    typing slip loses a letter, another word has other letters (Iraq, Iran)."""
    if a == b:
        return 0.0
    if (a in _VOWELS and b in _VOWELS) or any(a in p and b in p for p in _CONFUSABLE):
        return 0.5
    return 1.25


def _indel(s: str, i: int) -> float:
    """A vowel, an h (Ahmad/Ahmed, Tomas/Thomas) or a doubled letter comes and goes
    cheaply; a first letter never as a slip (Climo is not Limo)."""
    c = s[i]
    if i == 0:
        return 1.5
    if c in _VOWELS or c == "h" or (i and s[i - 1] == c) or s[i + 1:i + 2] == c:
        return 0.5
    return 1.0


@lru_cache(maxsize=65_536)
def slip_cost(got: str, want: str) -> float:
    """Weighted edit distance between two spellings (see the module doc): 0.5 for
    a vowel, a confusable consonant, an h or a doubled letter, 1.0 for another
    letter dropped or added, 1.25 for another consonant, 1.5 for a first letter. Returns ``inf`` past 2 plain edits without computing (each edit costs
    at least 0.5, so those are never within :data:`SLIP_BUDGET`)."""
    if abs(len(got) - len(want)) > 4:  # more than two letters apart even after spaces and 's
        return float("inf")
    a, b = letters(got), letters(want)
    if a == b:
        return 0.0
    if not a or not b or _substitution(a[0], b[0]) > 0.5 or Levenshtein.distance(a, b, score_cutoff=2) > 2:
        return float("inf")  # the first letter kept or swapped for its like; at most two edits
    prev = [0.0]
    for j in range(len(b)):
        prev.append(prev[-1] + _indel(b, j))
    for i in range(len(a)):
        drop = _indel(a, i)
        cur = [prev[0] + drop]
        for j in range(len(b)):
            cur.append(min(prev[j + 1] + drop, cur[j] + _indel(b, j), prev[j] + _substitution(a[i], b[j])))
        prev = cur
    return prev[-1]


def may_slip(got: str, want: str) -> bool:
    """The cheap half of :func:`slip_cost`: lengths at most two letters apart and
    the first letter kept or swapped for its like (a filter before asking it)."""
    a, b = letters(got), letters(want)
    return bool(a and b) and abs(len(a) - len(b)) <= 2 and _substitution(a[0], b[0]) <= 0.5


def nearest_slip(text: str, forms: Iterable[str], tails: bool = True) -> float:
    """The cheapest slip from ``text`` to any of ``forms``, or (``tails``) to the
    last words of one (Mahdi al-Mohandess is a slip of Abu Mahdi al-Mohandes).

    The one answer to "is this spelling a slip of the name?": without ``tails``
    it asks whether a word group may stand for the whole name (a search for
    candidates: a lone "Trumb" must not become "Donald Trump"); with them,
    whether a candidate found is the name written wrongly."""
    best = float("inf")
    for form in forms:
        words = form.split()
        for i in range(len(words) if tails else 1):
            best = min(best, slip_cost(text, " ".join(words[i:])))
            if best == 0.0:
                return best
    return best


def dropped_letter(got: str, want: str) -> bool:
    """Is ``got`` ``want`` with one letter left out (Whan, Ital, Irn)? A short name
    English also writes is still a slip when it only lacks a letter."""
    a, b = letters(got), letters(want)
    return len(a) + 1 == len(b) and any(b[:i] + b[i + 1:] == a for i in range(len(b)))
