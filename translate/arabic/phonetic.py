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

_DROP = {ord(c): "" for c in "اويء"}
_G_CLASS = {ord("ج"): KAF, ord("غ"): KAF, ord("ك"): KAF}
_REST = {**_DROP, **_G_CLASS}
# The first of two equal letters (an empty replacement: no template per match).
_REPEAT = re.compile(r"(.)(?=\1)", re.DOTALL)
_VOWELS = frozenset("اويء")


def skeleton(norm: str) -> str:
    """Skeleton of one normalised word."""
    if not norm:
        return norm
    out = norm.translate(_REST)
    if norm[0] in _VOWELS:  # the first letter is kept even when it is a vowel letter
        out = norm[0] + out
    return _REPEAT.sub("", out)


# A vowel letter that starts a word is kept: it is swapped for a private-use
# stand-in while the other vowels are dropped, then swapped back.
_STAND_IN = {v: chr(0xE000 + k) for k, v in enumerate(sorted(_VOWELS))}


def skeletons(norms: list[str]) -> list[str]:
    """:func:`skeleton` of many non-empty words at once. ``str.replace`` scans
    at memchr speed; ``str.translate`` costs an int object per Arabic letter."""
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


_G_ONLY = dict(_G_CLASS)


def fuzzy_score(got: str, want: str) -> float:
    """Similarity in [0, 1] of two normalised spellings.

    Letters of the /g/ class count as equal, so جوجل/غوغل scores like a vowel
    change rather than like two wrong letters; a small weight on the raw
    similarity keeps an exact spelling above any variant.
    """
    folded = ratio(got.translate(_G_ONLY), want.translate(_G_ONLY))
    return (0.9 * folded + 0.1 * ratio(got, want)) / 100


_LONG_VOWELS = frozenset("اوي")


def vowel_variant(got: str, want: str) -> bool:
    """Do two spellings differ only by long vowels added or dropped (إسبر/إسبير,
    بولتون/بولتن) and /g/ letters (جوجل/غوغل)? Swapping one vowel for another
    (بومبو/بومبا) or any consonant change makes a different word."""
    a, b = got.translate(_G_ONLY), want.translate(_G_ONLY)
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            return False
        ch = b[op.dest_pos] if op.tag == "insert" else a[op.src_pos]
        if ch not in _LONG_VOWELS:
            return False
    return True
