"""The names a document gives in full, and which words they vouch for."""
from translate.arabic.normalize import normalize
from translate.matching.discourse import FullNames, english_words


def test_english_words_split_hyphens_and_case():
    assert english_words("Muqtada al-Sadr") == {"muqtada", "al", "sadr"}


def test_a_full_name_vouches_for_its_words_and_their_english_only():
    names = FullNames()
    names.add(tuple(normalize("مقتدى الصدر").split()), "Muqtada al-Sadr")
    assert names.vouch(normalize("الصدر"), "Sadr")
    assert names.vouch(normalize("مقتدى"), "Muqtada")
    assert not names.vouch(normalize("الصدر"), "Chest")           # another English name
    assert not names.vouch(normalize("سليماني"), "Soleimani")     # a word the document never gave in full
