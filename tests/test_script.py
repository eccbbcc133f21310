"""translate.arabic.script: the word split the matcher runs on every line, code point by code point."""
from __future__ import annotations

import pytest

from translate.arabic.script import WORD, WORD_PARTS, word_parts

EVERY = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


@pytest.mark.parametrize("underscore", [False, True])
def test_word_parts_splits_every_character_as_the_word_pattern_does(underscore: bool) -> None:
    # word_parts takes a faster pattern when the text has no "_"; both must cut the same words
    text = EVERY if underscore else EVERY.replace("_", "")
    assert ("_" in text) is underscore
    assert word_parts(text) == WORD_PARTS.split(text)
    for ch in text[:0x3000]:  # each character alone, between two Arabic letters and between spaces
        for sample in (f"ب{ch}ب", f" {ch} "):
            assert word_parts(sample) == WORD_PARTS.split(sample), repr(ch)


def test_word_parts_alternate_gaps_and_words() -> None:
    parts = word_parts("قال مارك إسبر، وزير الدفاع: 2019.")
    assert parts[1::2] == ["قال", "مارك", "إسبر", "وزير", "الدفاع", "2019"]
    assert all(WORD.fullmatch(w) for w in parts[1::2]) and not any(WORD.search(g) for g in parts[0::2])
    assert "".join(parts) == "قال مارك إسبر، وزير الدفاع: 2019."
