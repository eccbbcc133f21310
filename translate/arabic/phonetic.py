"""Consonant skeletons for transliterated foreign names.

Arabic spellings of foreign names vary in long vowels (إسبر/إسبير/ايسبر,
بولتون/بولتن) and in the letter chosen for /g/ (كونغرس/كونجرس, غوغل/جوجل).
The skeleton keeps the first letter (so إسبر never meets سبر or مسبار), drops the
long vowels ا و ي and hamza after it, folds ج غ ك into one /g/ class and collapses
doubled letters. Equal skeletons only nominate a candidate; the matcher still
scores it and checks that it is not an ordinary word.
"""
from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from .normalize import KAF


def _fold_g(word: str) -> str:
    """The /g/ class (ج غ ك) as ك: two str.replace calls (``translate`` with a
    dict would raise and clear a KeyError for every other letter of the word)."""
    return word.replace("ج", KAF).replace("غ", KAF)


# The first of two equal letters (an empty replacement: no template per match).
_REPEAT = re.compile(r"(.)(?=\1)", re.DOTALL)
_VOWELS = frozenset("اويء")


def skeleton(norm: str) -> str:
    """Skeleton of one normalised word."""
    return skeletons([norm])[0] if norm else norm


# A vowel letter that starts a word is kept: it is swapped for a private-use
# stand-in while the other vowels are dropped, then swapped back.
_STAND_IN = {v: chr(0xE000 + k) for k, v in enumerate(sorted(_VOWELS))}


def skeletons(norms: list[str]) -> list[str]:
    """Skeletons of many non-empty normalised words at once (see the module doc).
    ``str.replace`` scans at memchr speed; ``str.translate`` costs an int object
    per Arabic letter."""
    if not norms:
        return []
    joined = "\x00" + "\x00".join(norms)
    for vowel, stand_in in _STAND_IN.items():
        joined = joined.replace("\x00" + vowel, "\x00" + stand_in)
    for vowel in _STAND_IN:
        joined = joined.replace(vowel, "")
    for g in "جغ":
        joined = joined.replace(g, KAF)
    for vowel, stand_in in _STAND_IN.items():
        joined = joined.replace(stand_in, vowel)
    return _REPEAT.sub("", joined).split("\x00")[1:]


def fuzzy_score(got: str, want: str) -> float:
    """Similarity in [0, 1] of two normalised spellings.

    Letters of the /g/ class count as equal, so جوجل/غوغل scores like a vowel
    change rather than like two wrong letters; a small weight on the raw
    similarity keeps an exact spelling above any variant.
    """
    folded = ratio(_fold_g(got), _fold_g(want))
    return (0.9 * folded + 0.1 * ratio(got, want)) / 100


_LONG_VOWELS = frozenset("اوي")


def vowel_variant(got: str, want: str) -> bool:
    """Do two spellings differ only by long vowels added or dropped (إسبر/إسبير,
    بولتون/بولتن) and /g/ letters (جوجل/غوغل)? Swapping one vowel for another
    (بومبو/بومبا) or any consonant change makes a different word."""
    a, b = _fold_g(got), _fold_g(want)
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            return False
        ch = b[op.dest_pos] if op.tag == "insert" else a[op.src_pos]
        if ch not in _LONG_VOWELS:
            return False
    return True
