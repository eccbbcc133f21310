"""translate.arabic.morphology, letter by letter: what makes a definite word an adjective."""
from __future__ import annotations

import pytest

from translate.arabic.morphology import is_definite_adjective
from translate.arabic.normalize import normalize


@pytest.mark.parametrize("word", [
    "الرياضي",    # nisba: ال + رياض + ي
    "الأمريكية",  # nisba, feminine: ـية
    "الفائز",     # فاعل: ف ا ئ ز (ئ folds to ي), long alef after the first root letter
    "الجامح",     # فاعل
    "الثالث",     # ordinal, فاعل
    "الأول",      # "the first": أ folds to ا
    "الأولى",     # feminine; ى folds to ي
])
def test_adjectives(word: str) -> None:
    assert is_definite_adjective(normalize(word))


@pytest.mark.parametrize("word", [
    "الأسد",      # a noun (the lion; Assad): three root letters, no long alef
    "الحسن",      # فَعَل noun
    "الاتحاد",    # افتعال: the long alef stands later
    "فائز",       # no article
    "الآن",       # two letters after the article
    "الاسم",      # stem begins with alef: not فاعل
])
def test_not_adjectives(word: str) -> None:
    assert not is_definite_adjective(normalize(word))


def test_one_letter_decides() -> None:
    # The alef must be the second letter of the stem, exactly: فائز yes, فوائ no.
    assert is_definite_adjective("الفايز") and not is_definite_adjective("الفوايز")
    assert not is_definite_adjective("الفيزا")  # alef last, not second
