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

(The letter table is Arabic orthography and belongs with ``translate/arabic``;
it lives here until that package is free to change.)
"""
from __future__ import annotations

import re
from functools import lru_cache

# Harakat, shadda, sukun, tatweel, dagger alef, zero-width marks: not letters.
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u061c]")
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "ا": ("a",), "أ": ("a", ""), "إ": ("i", "e"), "آ": ("a",), "ٱ": ("a",), "ء": ("",), "ؤ": ("u", ""),
    "ئ": ("i", ""), "ب": ("b",), "ت": ("t",), "ث": ("th",), "ج": ("j",), "ح": ("h",), "خ": ("kh",),
    "د": ("d",), "ذ": ("dh",), "ر": ("r",), "ز": ("z",), "س": ("s",), "ش": ("sh",), "ص": ("s",), "ض": ("d",),
    "ط": ("t",), "ظ": ("z",), "ع": ("a", ""), "غ": ("gh",), "ف": ("f",), "ق": ("q",), "ك": ("k",), "ل": ("l",),
    "م": ("m",), "ن": ("n",), "ه": ("h",), "ة": ("a", "ah", "h"), "و": ("u", "w"), "ي": ("i", "y"),
    "ى": ("a", "y"), "پ": ("p",), "ڤ": ("v",), "گ": ("g",), "چ": ("ch",), "ک": ("k",), "ی": ("i", "y"),
}
_SINGLE_VOWELS = frozenset("aiu")
#: Fewer letters than this prove nothing (Li, Ali are also ordinary spellings).
MIN_LETTERS = 4


@lru_cache(maxsize=16_384)
def _letters(arabic: str) -> tuple[tuple[str, ...], ...] | None:
    """The spelling options of each Arabic letter; None for a character with none."""
    out = []
    for ch in _MARKS.sub("", arabic):
        if ch.isspace() or ch == "-":
            continue
        options = _SPELLINGS.get(ch)
        if options is None:
            return None
        out.append(options)
    return tuple(out)


def spells_plainly(english: str, *arabic: str | None) -> bool:
    """Is ``english`` (any case, spaces and hyphens ignored) a plain romanisation
    of one of the ``arabic`` spellings (the matched text, the glossary's others)?"""
    word = re.sub(r"[\s\-]+", "", english).lower()
    if len(word) < MIN_LETTERS or not word.isascii() or not word.isalpha():
        return False
    return any(_spells(word, a) for a in dict.fromkeys(arabic) if a)


def _spells(word: str, arabic: str) -> bool:
    options = _letters(arabic)
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
