"""One sense per discourse: what a document says a spelling names.

News introduces a person by the full name (قاسم سليماني, مارك إسبر) and goes on
with one word of it (سليماني). Many Arab surnames are also ordinary words, and
alone they need a title to count as names; once the document has named the
person in full, the word stands for that name everywhere in it (:class:`FullNames`).

The same holds the other way (:class:`OtherSenses`): a document that introduces
a spelling as something else — مدينة بالو (the city of Palu), فيروس سارس, an
abbreviation glossed in parentheses (متلازمة الشرق الأوسط التنفسية (ميرس)) — goes
on writing it bare, and a name list that calls it a person is then wrong
everywhere in that document, unless the document also uses it for a person.
"""
from __future__ import annotations

import re
from typing import Collection

_LETTERS = re.compile(r"[^\W\d_]+")


def english_words(target: str) -> frozenset[str]:
    """al-Sadr -> {"al", "sadr"}: Sadr is part of Muqtada al-Sadr."""
    return frozenset(_LETTERS.findall(target.lower()))


class FullNames:
    """Each Arabic word of the full names found in a document -> the English
    words of those names."""

    def __init__(self) -> None:
        self._english: dict[str, set[str]] = {}
        #: Two-letter family names heading a Chinese or Korean name the document
        #: gives in full (ري of ري يونغ هو, Ri Yong Ho) -> the listed entry read
        #: there: news goes on with the family name alone (قال ري).
        self.families: dict[str, object] = {}

    def add(self, arabic_words: tuple[str, ...], target: str) -> None:
        english = english_words(target)
        for word in arabic_words:
            self._english.setdefault(word, set()).update(english)

    def __contains__(self, word: str) -> bool:
        """Is ``word`` (normalised) one word of a full name given in the document?"""
        return word in self._english

    def vouch(self, word: str, target: str) -> bool:
        """Is ``word`` (normalised) part of a full name given in the document,
        and ``target`` part of that name's English (Esper of Mark Esper)?"""
        full = self._english.get(word)
        return full is not None and english_words(target) <= full


class OtherSenses:
    """The one-word spellings a document uses for something other than a person
    (after a place, disease or organisation word, or as an abbreviation), and
    those it also uses for one (after a title, in a full name): a spelling in
    the first set and not the second names no person in that document."""

    def __init__(self, document: Collection[str] = ()) -> None:
        #: The document's (normalised) words: what else it writes, such as an
        #: adjective's other forms (سنخي: السنخية) that a frequency table lacks.
        self.document = document
        self.other: set[str] = set()
        self.person: set[str] = set()
        #: Hits read as an adjective after their noun (نظام مناعي), by the id of
        #: the hit: refused unless the document uses the spelling for a person.
        self.adjective: dict[int, str] = {}

    def __bool__(self) -> bool:
        return bool(self.other or self.adjective)

    def not_a_person(self, word: str) -> bool:
        """Does the document use ``word`` (normalised stem) only for something else?"""
        return word in self.other and word not in self.person
