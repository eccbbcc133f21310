"""One sense per discourse: the names a document gives in full.

News introduces a person by the full name (قاسم سليماني, مارك إسبر) and goes on
with one word of it (سليماني). Many Arab surnames are also ordinary words, and
alone they need a title to count as names; once the document has named the
person in full, the word stands for that name everywhere in it.
"""
from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]+")


def english_words(target: str) -> frozenset[str]:
    """al-Sadr -> {"al", "sadr"}: Sadr is part of Muqtada al-Sadr."""
    return frozenset(_LETTERS.findall(target.lower()))


class FullNames:
    """Each Arabic word of the full names found in a document -> the English
    words of those names."""

    def __init__(self) -> None:
        self._english: dict[str, set[str]] = {}

    def add(self, arabic_words: tuple[str, ...], target: str) -> None:
        english = english_words(target)
        for word in arabic_words:
            self._english.setdefault(word, set()).update(english)

    def vouch(self, word: str, target: str) -> bool:
        """Is ``word`` (normalised) part of a full name given in the document,
        and ``target`` part of that name's English (Esper of Mark Esper)?"""
        full = self._english.get(word)
        return full is not None and english_words(target) <= full
