"""Consonant skeletons: the batch form must agree with the one-word form."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from translate.arabic.phonetic import skeleton, skeletons, vowel_variant

ARABIC_WORD = st.text(alphabet="ابتجغكسرلمنويءهةدفق", min_size=1, max_size=9)


@settings(max_examples=300, deadline=None)
@given(st.lists(ARABIC_WORD, max_size=20))
def test_batch_skeletons_equal_one_by_one(words: list[str]) -> None:
    assert skeletons(words) == [skeleton(w) for w in words]


def test_skeleton_keeps_first_letter_and_drops_long_vowels() -> None:
    assert skeleton("اسبير") == skeleton("اسبر") == skeleton("ايسبر") == "اسبر"
    assert skeleton("سبر") != skeleton("اسبر")  # سبر (to probe) never meets إسبر
    assert skeleton("كونغرس") == skeleton("كونجرس")


def test_vowel_variant() -> None:
    assert vowel_variant("بومبو", "بومبيو") and vowel_variant("بولتن", "بولتون")
    assert not vowel_variant("بومبا", "بومبو")  # a vowel swapped, not added
