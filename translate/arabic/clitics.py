"""Proclitics that attach to Arabic words: و ف (conjunctions), ب ل ك (prepositions), ال.

Names are written with them glued on (وإسبر, لبومبيو, والبنتاغون, للبنتاغون); the
matcher looks the remaining stem up, and the reported span starts after them.
"""
from __future__ import annotations

from itertools import compress, repeat
from typing import Iterable

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_ART = ("", "ال")
#: The one-letter proclitics: "and", "so", "with", "to", "like".
ONE_LETTER: tuple[str, ...] = _CONJ[1:] + _PREP[1:]

MIN_STEM = 3  # never strip down to a stem shorter than this


def _prefixes() -> tuple[str, ...]:
    found = {c + p + a for c in _CONJ for p in _PREP for a in _ART}
    found |= {c + "لل" for c in _CONJ}  # ل + ال is written لل
    found.discard("")
    return tuple(sorted(found, key=len))


PREFIXES: tuple[str, ...] = _prefixes()
_PREFIX_SET = frozenset(PREFIXES)
_LONGEST = max(map(len, PREFIXES))
PROCLITIC_LETTERS = frozenset(p[0] for p in PREFIXES)
_PROCLITIC_STARTS = tuple(sorted(PROCLITIC_LETTERS))  # for str.startswith


def stems(norm: str, min_stem: int = MIN_STEM) -> list[tuple[int, str]]:
    """``(prefix_length, stem)`` readings of a normalised token, least stripped first
    (``min_stem``: shortest stem left; short closed-class words such as ست, "six",
    may ask for 2)."""
    if min_stem == MIN_STEM:
        return [(plen, stem) for _, plen, stem in readings([norm])]
    return [(0, norm)] + [(k, norm[k:]) for k in _STRIP_LENGTHS[:max(0, len(norm) - min_stem)]
                          if norm[:k] in _PREFIX_SET]


_STRIP_LENGTHS = tuple(range(1, _LONGEST + 1))


def readings(norms: Iterable[str]) -> list[tuple[str, int, str]]:
    """``(token, prefix_length, stem)`` for every reading of many tokens at once
    (a document's distinct words): one comprehension, no call per token."""
    norms = list(norms)
    out = [(w, 0, w) for w in norms]
    # Words starting with a proclitic letter selected at C level (no slice per word).
    out += [(w, k, w[k:]) for w in compress(norms, map(str.startswith, norms, repeat(_PROCLITIC_STARTS)))
            for k in _STRIP_LENGTHS[:len(w) - MIN_STEM] if w[:k] in _PREFIX_SET]
    return out


# Endings of Arabic inflection that transliterated names do not end in: the
# plural verb ending (يوفروا) and plural pronouns (أريهم). Not -ون/-ين/-ان/-ا/-و/-ي,
# which names end in all the time (جونسون, بوتين, بومبيو).
SUFFIXES: tuple[str, ...] = ("وا", "هم", "كم")


def bases(norm: str) -> list[str]:
    """What a normalised word would be without one inflectional ending (at least
    MIN_STEM letters remain): يوفروا -> يوفر, ناشرو -> ناشر."""
    return [norm[:-len(s)] for s in SUFFIXES if norm.endswith(s) and len(norm) - len(s) >= MIN_STEM]
