"""translate.arabic.morphology, letter by letter: what makes a definite word an adjective."""
from __future__ import annotations

import pytest

from translate.arabic.morphology import (adjective_forms, after_interrogative, inflected_readings, is_definite_adjective, is_one_syllable, is_open_syllable,
                                         is_written_preposition, takes_bare_adjective)
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


# -- a bare word in ـي read as a nisba adjective, and the noun it may agree with ------------
def test_adjective_forms_add_the_article_and_the_feminine() -> None:
    # مناعي ("immune") -> المناعي, مناعية, المناعية (ة normalised to ه)
    assert adjective_forms(normalize("مناعي")) == {"المناعي", "مناعيه", "المناعيه"}
    assert adjective_forms(normalize("جيني")) == {"الجيني", "جينيه", "الجينيه"}


@pytest.mark.parametrize("word", [
    "المناعي",  # already definite
    "مناعة",    # a noun in ة, not in ي
    "ترامب",    # no ي at the end
    "لي",       # two letters: a particle
])
def test_no_adjective_forms(word: str) -> None:
    assert adjective_forms(normalize(word)) == frozenset()


@pytest.mark.parametrize("noun", ["نظام", "اختبار", "غلوبولين", "هباء", "فعل"])
def test_an_indefinite_masculine_noun_takes_a_bare_adjective(noun: str) -> None:
    assert takes_bare_adjective(normalize(noun))


@pytest.mark.parametrize("noun", [
    "النظام",    # the article: its adjective takes one too (النظام المناعي)
    "استجابة",   # feminine ة (ه after normalising): استجابة مناعية
    "اختبارات",  # plural ات: اختبارات جينية
    "هي",        # a two-letter pronoun takes a predicate
])
def test_a_definite_feminine_or_plural_word_takes_no_bare_adjective(noun: str) -> None:
    assert not takes_bare_adjective(normalize(noun))


def test_one_letter_decides_agreement() -> None:
    # استجابه (ة folded) refuses, استجاب (a verb, no ending) accepts: the last letter alone decides.
    assert not takes_bare_adjective("استجابه") and takes_bare_adjective("استجاب")
    assert not takes_bare_adjective("الاختبار") and takes_bare_adjective("اختبار")


# -- one syllable, and an open one (a vowel, n or ng), as Arabic writes Chinese and Korean names --
@pytest.mark.parametrize("word", ["جونغ", "أون", "إن", "جاي", "جين", "بينغ", "ليانغ", "وين", "شي", "ليانج", "يانج"])
def test_open_syllables(word: str) -> None:
    assert is_one_syllable(normalize(word)) and is_open_syllable(normalize(word))


@pytest.mark.parametrize("word", ["كيم", "جونز", "بول"])
def test_closed_syllables(word: str) -> None:
    # one syllable, closed by a consonant other than n: a family name may be one, a given-name syllable not
    assert is_one_syllable(normalize(word)) and not is_open_syllable(normalize(word))


@pytest.mark.parametrize("word", [
    "بيكار",   # two vowel runs: bi-kar
    "إلى",     # ا then ي (ى folded): two runs
    "عن",      # no vowel letter
    "كارلوس",  # six letters
])
def test_not_one_syllable(word: str) -> None:
    assert not is_one_syllable(normalize(word))


def test_one_letter_decides_the_syllable() -> None:
    # جونغ is open (ng), جونز closed (z); جاين one run (اي), جانين two (ا, ي).
    assert is_open_syllable("جونغ") and not is_open_syllable("جونز")
    assert is_one_syllable("جاين") and not is_one_syllable("جانين")
    # ng is نغ, or نج where ج is said g: ليانج is open, ليانح (ح) and ليانز (z) are not.
    assert is_open_syllable("ليانج") and not is_open_syllable("ليانح") and not is_open_syllable("ليانز")


# -- prepositions in ى, as written (normalising makes على the name علي) --
@pytest.mark.parametrize("written", ["على", "إلى", "الى", "حتى", "لدى"])
def test_written_prepositions(written: str) -> None:
    assert is_written_preposition(written)


@pytest.mark.parametrize("written", ["علي", "إلي", "الي", "حتي", "لدي", "عليٌ", "مصطفى"])
def test_not_written_prepositions(written: str) -> None:
    # ي for ى is the name (علي) or another word (لدي, "I have"); a name in ى is no preposition
    assert not is_written_preposition(written)


# -- the interrogative أ written on a word (أليس, "is it not") --
def test_the_interrogative_hamza_leaves_the_word_after_it() -> None:
    assert after_interrogative("أليس") == "ليس" and after_interrogative("ألست") == "لست"
    # only أ: a bare alef, إ or آ is no interrogative; three letters must follow it
    assert after_interrogative("اليس") is None and after_interrogative("إليس") is None
    assert after_interrogative("آليس") is None
    assert after_interrogative("أبل") is None and after_interrogative("ألم") is None


# -- an Arabic stem with one inflectional ending, behind at most one one-letter clitic --
def test_inflected_readings_split_off_one_ending() -> None:
    assert inflected_readings(normalize("إرثي")) == [("", "ارث", "ي")]
    assert inflected_readings("ناشرو") == [("", "ناشر", "و")]
    assert ("و", "تغلب", "ا") in inflected_readings("وتغلبا")
    # the clitic may be the word's own letter: كفيل + ون, or ك + فيل + ون
    assert {("", "كفيل", "ون"), ("ك", "فيل", "ون")} <= set(inflected_readings("كفيلون"))
    # ن alone is no ending; وا and ا both are
    assert ("", "تغلب", "وا") in inflected_readings("تغلبوا") and ("", "تغلبو", "ا") in inflected_readings("تغلبوا")


def test_inflected_readings_keep_a_stem_of_three_letters() -> None:
    assert inflected_readings("سامي") == [("", "سام", "ي")]
    assert inflected_readings("علي") == []  # عل + ي: two letters left
    assert inflected_readings("وعلي") == [("", "وعل", "ي")]  # و + عل is too short; وعل ("ibex") is a stem
    assert inflected_readings("ترامب") == []  # no ending
    assert inflected_readings("") == []
