"""Language-wide evidence about words and names (wordfreq), checked on real words."""
from __future__ import annotations

import pytest

from translate.arabic.lexicon import default_lexicon
from translate.arabic.normalize import normalize


@pytest.fixture(scope="module")
def lexicon():
    return default_lexicon().prepare()


@pytest.mark.parametrize("name", ["John", "Trump", "Kavanaugh", "Michael", "Paul"])
def test_names_travel_across_languages(lexicon, name: str) -> None:
    assert lexicon.english_name_zipf(name) - lexicon.name_zipf(name) < 1.0


@pytest.mark.parametrize("word", ["list", "june", "buy", "october", "straight"])
def test_english_words_do_not(lexicon, word: str) -> None:
    assert lexicon.english_name_zipf(word) - lexicon.name_zipf(word) > 1.0


def test_name_zipf_uses_the_most_frequent_content_word(lexicon) -> None:
    assert lexicon.name_zipf("Brett Kavanaugh") == lexicon.name_zipf("Brett")
    assert lexicon.name_zipf("the Pentagon") == lexicon.name_zipf("Pentagon")
    assert lexicon.name_zipf("h.") == 0.0


def test_arabic_frequency_covers_every_spelling_of_a_word(lexicon) -> None:
    # في is among the most common words; the name علي is not, but على ("on")
    # folds to the same key and lends it its weight.
    import wordfreq
    assert lexicon.arabic_zipf(normalize("في")) > 7
    assert lexicon.arabic_zipf(normalize("علي")) > wordfreq.zipf_frequency("علي", "ar") + 1
    assert lexicon.arabic_zipf(normalize("بومبيو")) < 3.5


def test_a_name_with_digits_is_not_as_common_as_its_letter_pieces():
    from translate.arabic.lexicon import default_lexicon
    lex = default_lexicon()
    assert lex.name_zipf("R3hab") == 0.0 and lex.english_name_zipf("B0AT1") == 0.0
    assert lex.name_zipf("John") > 4


@pytest.mark.parametrize("place", ["كندا", "المكسيك", "أسكتلندا", "البرتغال", "سوريا"])
def test_a_nation_is_talked_about_through_its_adjective(lexicon, place: str) -> None:
    word = normalize(place)
    assert lexicon.nisba_zipf(word) >= 3.0
    assert lexicon.nisba_zipf(word) >= lexicon.arabic_zipf(word) - 0.7


@pytest.mark.parametrize("person", ["ترامب", "مايكل", "بوتين", "ناصر", "جونسون"])
def test_a_person_seldom_is(lexicon, person: str) -> None:
    word = normalize(person)
    assert lexicon.nisba_zipf(word) < lexicon.arabic_zipf(word) - 0.7


def test_nisba_forms_are_the_unambiguous_adjective_and_people_plural() -> None:
    from translate.arabic.morphology import nisba_forms
    forms = nisba_forms(normalize("كندا"))
    assert {normalize("الكندية"), normalize("الكنديين"), normalize("الكنديون"), normalize("كنديين")} <= forms
    assert normalize("كندي") not in forms          # also Kennedy
    assert nisba_forms(normalize("المكسيك")) >= {normalize("المكسيكية"), normalize("مكسيكيين")}
    assert normalize("السورية") in nisba_forms(normalize("سوريا"))
    # A word in ـية is not its own adjective: الكافية is "the" + كافية.
    assert normalize("الكافية") not in nisba_forms(normalize("كافية"))
