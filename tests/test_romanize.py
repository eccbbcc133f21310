"""translate.arabic.romanize: the Latin spelling options of each Arabic letter."""
from __future__ import annotations

import pytest

from translate.arabic.romanize import LATIN_SPELLINGS, letter_spellings
from translate.english.romanised import spells_plainly


@pytest.mark.parametrize(("letter", "latin"), [
    ("ب", ("b",)), ("ث", ("th",)), ("ج", ("j",)), ("خ", ("kh",)), ("ق", ("q",)), ("غ", ("gh",)),
    ("ع", ("a", "")), ("و", ("u", "w")), ("ي", ("i", "y")), ("ة", ("a", "ah", "h")), ("پ", ("p",)),
])
def test_each_letter(letter: str, latin: tuple[str, ...]) -> None:
    assert LATIN_SPELLINGS[letter] == latin
    assert letter_spellings(letter) == (latin,)


def test_marks_spaces_and_hyphens_are_skipped() -> None:
    # fatha, shadda, tatweel, a zero-width non-joiner, a space and a hyphen
    assert letter_spellings("بَّـ\u200cب -ب") == (("b",), ("b",), ("b",))


@pytest.mark.parametrize("text", ["ب1", "بx", "ب؟"])
def test_a_character_without_a_spelling(text: str) -> None:
    assert letter_spellings(text) is None


@pytest.mark.parametrize(("english", "arabic", "plain"), [
    ("Krumuil", "كرومويل", True), ("Musku", "موسكو", True), ("Italia", "إيطاليا", True),
    ("Kristin Blasi Furd", "كريستين بلاسي فورد", True), ("Kristin Blasi Furd", "كريستين بلازي فورد", False),
    ("Cromwell", "كرومويل", False), ("Dorrans", "دورانس", False), ("Ali", "علي", False),
])
def test_spells_plainly(english: str, arabic: str, plain: bool) -> None:
    assert spells_plainly(english, arabic) is plain
