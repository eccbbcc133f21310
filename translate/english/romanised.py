"""Is an English word the plain letter-by-letter romanisation of an Arabic name?

An MT system that does not know a name writes the Arabic letters one by one:
كرومويل → Krumuil, موسكو → Musku, كريستين بلازي فورد → Kristin Blasi Furd. Such
a spelling may be far from the glossary's target (Cromwell) by its letters, yet
it says plainly which Arabic it renders, so it is a rendering of the term and
safe to correct. A person's own spelling is not plain: English writes the short
vowels Arabic leaves out and its own letters for sounds (Dorrans, Sumbung), so
this test never vouches for it.

Each Arabic letter has its usual Latin spelling (ج j, ق q, ث th, خ kh, ع a or
nothing; the long vowels ا و ي a/u/w/i/y), a vowel written twice in a row is
written once (إيطاليا → Italia), and nothing else may be added.
"""
from __future__ import annotations

import re

from ..arabic.romanize import letter_spellings

_SINGLE_VOWELS = frozenset("aiu")
#: Fewer letters than this prove nothing (Li, Ali are also ordinary spellings).
MIN_LETTERS = 4


def spells_plainly(english: str, *arabic: str | None) -> bool:
    """Is ``english`` (any case, spaces and hyphens ignored) a plain romanisation
    of one of the ``arabic`` spellings (the matched text, the glossary's others)?"""
    word = re.sub(r"[\s\-]+", "", english).lower()
    if len(word) < MIN_LETTERS or not word.isascii() or not word.isalpha():
        return False
    return any(_spells(word, a) for a in dict.fromkeys(arabic) if a)


def _spells(word: str, arabic: str) -> bool:
    options = letter_spellings(arabic)
    if not options:
        return False
    ends = {0}  # where in ``word`` the letters so far may have ended
    for spellings in options:
        after = set()
        for p in ends:
            for s in spellings:
                if word.startswith(s, p):
                    after.add(p + len(s))
                # a vowel the previous letter already wrote is written once (إي → i)
                if s in _SINGLE_VOWELS and p and word[p - 1] == s:
                    after.add(p)
        if not after:
            return False
        ends = after
    return len(word) in ends
