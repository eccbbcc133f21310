"""Arabic normalisation: the folding table character by character, and exact offsets."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translate.arabic.normalize import TABLE, Normalized, fold_char, normalize, normalize_many

FOLDS = [
    # hamza / alef forms
    ("\u0623", "ا"), ("\u0625", "ا"), ("\u0622", "ا"), ("\u0671", "ا"), ("\u0672", "ا"), ("\u0673", "ا"),
    # yeh forms
    ("\u0649", "ي"), ("\u06cc", "ي"), ("\u06d0", "ي"),
    # kaf forms
    ("\u06a9", "ك"), ("\u06af", "ك"),
    # teh marbuta
    ("\u0629", "ه"),
    # hamza seats
    ("\u0624", "ء"), ("\u0626", "ء"),
    # loanword letters
    ("\u067e", "ب"), ("\u06a4", "ف"), ("\u0686", "ج"),
    # digits
    ("\u0660", "0"), ("\u0665", "5"), ("\u0669", "9"), ("\u06f0", "0"), ("\u06f4", "4"), ("\u06f9", "9"),
    # Latin capitals
    ("A", "a"), ("Z", "z"), ("\u00c9", "\u00e9"),
    # presentation forms
    ("\ufefb", "لا"), ("\ufe8d", "ا"), ("\ufe83", "ا"), ("\ufdf2", "الله"),
]
REMOVED = [
    "\u064b", "\u064c", "\u064d", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0653", "\u0654",
    "\u0655", "\u0670", "\u0640", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff",
    "\u06d6", "\u06ed",
]
UNCHANGED = ["ا", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع",
             "غ", "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي", "ء", " ", "a", "1", "،", "؟", "."]


@pytest.mark.parametrize("char,expected", FOLDS)
def test_fold(char: str, expected: str) -> None:
    assert fold_char(char) == expected
    assert normalize(char) == expected


@pytest.mark.parametrize("char", REMOVED)
def test_removed(char: str) -> None:
    assert fold_char(char) == ""
    assert normalize("س" + char + "ل") == "سل"


@pytest.mark.parametrize("char", UNCHANGED)
def test_unchanged(char: str) -> None:
    assert fold_char(char) == char


def test_table_outputs_are_already_normal() -> None:
    """Folding is idempotent: nothing the table produces is folded again."""
    for out in TABLE.values():
        assert normalize(out) == out


@pytest.mark.parametrize("a,b", [
    ("إسبر", "اسبر"), ("أمريكا", "امريكا"), ("مصطفى", "مصطفي"), ("فارسی", "فارسي"), ("کركوك", "كركوك"),
    ("حماة", "حماه"), ("إِسْبِرُ", "اسبر"), ("إســـبر", "اسبر"), ("اسب\u200fير", "اسبير"), ("٢٠١٩", "2019"),
    ("۱۲۲", "122"), ("ﻻ", "لا"),
])
def test_equivalent_spellings(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_normalize_many_matches_normalize() -> None:
    words = ["إسبر", "", "ﻻ بأس", "Mark"]
    assert normalize_many(words) == [normalize(w) for w in words]


def _check_offsets(original: str) -> None:
    n = Normalized(original)
    assert n.text == normalize(original)
    for k, ch in enumerate(n.text):
        start, end = n.span(k, k + 1)
        assert 0 <= start < end <= len(original)
        assert ch in normalize(original[start:end])
    if n.text:
        start, end = n.span(0, len(n.text))
        assert normalize(original[start:end]) == n.text


@pytest.mark.parametrize("text", ["إِسْبِر", "ﻻ إسبر ﻻ", "plain", "أَيْضًا", "\u200fإسبر\u200f", "ـــ", ""])
def test_offsets_examples(text: str) -> None:
    _check_offsets(text)


ALPHABET = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآىةؤئ") + REMOVED + ["\ufefb", "ی", "A", "٣"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_offsets_property(text: str) -> None:
    _check_offsets(text)


def test_marks_are_the_written_diacritics_only() -> None:
    from translate.arabic.normalize import MARKS, REMOVED, strip_marks

    assert {"\u064b", "\u0650", "\u0651", "\u0652", "\u0670", "\u06ed"} <= MARKS <= REMOVED
    # tatweel and the invisible controls are removed by normalising, but are no marks
    assert not MARKS & {"\u0640", "\u200c", "\u200f", "\u061c", "\ufeff"}
    # kasra, sukun, shadda go; hamza seats and ta marbuta stay as written
    assert strip_marks("إِسْبِرّ") == "إسبر" and strip_marks("كافِيَة") == "كافية"


def _every_code_point(skip: str = "") -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and chr(c) not in skip)


def test_long_texts_fold_exactly_as_translate_on_every_character() -> None:
    # normalize_many folds a long joined text with replace/split (_fold_long), not translate:
    # every code point, every table character beside letters and repeated, vocalised text.
    table = "".join(chr(c) for c in TABLE)
    texts = [_every_code_point("\x00"), ("ب" + "ب".join(table) + " إسبر ") * 40,
             "إِسْبِرُ قَالَ ﻻ بُدَّ " * 500, table * 100]
    for text in texts:
        assert normalize_many([text]) == [normalize(text)]
    assert normalize_many(texts) == [normalize(t) for t in texts]
