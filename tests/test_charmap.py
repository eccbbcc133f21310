"""The list form of a translate table must give exactly what the dict gives."""
import pytest
from hypothesis import given, strategies as st

from translate.arabic.normalize import TABLE
from translate.charmap import dense


@given(st.text(alphabet=st.one_of(st.characters(min_codepoint=0x600, max_codepoint=0x6ff),
                                  st.characters(), st.sampled_from("\u200c\u200f\ufeff\ufefb\U0001f600"))))
def test_dense_table_translates_like_the_dict(text):
    assert text.translate(dense(TABLE)) == text.translate(TABLE)


def test_deletion_replacement_and_astral_characters():
    table = dense({ord("ـ"): "", ord("ة"): "ه", ord("a"): None, ord("ﻻ"): "لا"})
    assert "قطـة a ﻻ 😀".translate(table) == "قطه  لا 😀"


def test_code_points_beyond_the_bmp_are_refused():
    with pytest.raises(ValueError, match="outside the BMP"):
        dense({0x1F600: "x"})
