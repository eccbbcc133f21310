"""The plain Latin spelling of each Arabic letter.

What an MT system writes when it does not know a name and spells the Arabic
letter by letter (كرومويل → Krumuil, موسكو → Musku): each letter its usual Latin
spelling (ج j, ق q, ث th, خ kh, ع a or nothing; the long vowels ا و ي as a/u/w/i/y).
:mod:`translate.english.romanised` asks whether an English word is such a spelling.
"""
from __future__ import annotations

from functools import lru_cache

from .normalize import REMOVED

#: Latin spellings of each letter, as written (hamza seats and ة kept apart).
LATIN_SPELLINGS: dict[str, tuple[str, ...]] = {
    "ا": ("a",), "أ": ("a", ""), "إ": ("i", "e"), "آ": ("a",), "ٱ": ("a",), "ء": ("",), "ؤ": ("u", ""),
    "ئ": ("i", ""), "ب": ("b",), "ت": ("t",), "ث": ("th",), "ج": ("j",), "ح": ("h",), "خ": ("kh",),
    "د": ("d",), "ذ": ("dh",), "ر": ("r",), "ز": ("z",), "س": ("s",), "ش": ("sh",), "ص": ("s",), "ض": ("d",),
    "ط": ("t",), "ظ": ("z",), "ع": ("a", ""), "غ": ("gh",), "ف": ("f",), "ق": ("q",), "ك": ("k",), "ل": ("l",),
    "م": ("m",), "ن": ("n",), "ه": ("h",), "ة": ("a", "ah", "h"), "و": ("u", "w"), "ي": ("i", "y"),
    "ى": ("a", "y"), "پ": ("p",), "ڤ": ("v",), "گ": ("g",), "چ": ("ch",), "ک": ("k",), "ی": ("i", "y"),
}


@lru_cache(maxsize=16_384)
def letter_spellings(arabic: str) -> tuple[tuple[str, ...], ...] | None:
    """The Latin spelling options of each letter of ``arabic``, marks (harakat,
    tatweel, invisible controls), spaces and hyphens skipped; None when a
    character has none (a digit, a Latin letter)."""
    out = []
    for ch in arabic:
        if ch in REMOVED or ch.isspace() or ch == "-":
            continue
        options = LATIN_SPELLINGS.get(ch)
        if options is None:
            return None
        out.append(options)
    return tuple(out)
