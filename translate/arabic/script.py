"""Arabic script: the character classes and the word tokenizer, defined once.

Everything that asks "is this Arabic?" or "where are the words?" imports from
here: the matcher, the glossary linter, enforcement, the sentence splitter and
the QA checks.
"""
from __future__ import annotations

import re

#: Every Arabic-script block (letters, marks, presentation forms), as the body of
#: a character class: what a reader would call "Arabic left in the English".
ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
ARABIC_CHAR = re.compile(f"[{ARABIC_BLOCKS}]")
#: Arabic letters proper (no digits, punctuation or marks), Persian/Urdu ones included:
#: a sentence does not end before one of them.
_LETTERS = "\u0620-\u064a\u0671-\u06d3\u06fa-\u06fc"
ARABIC_LETTER = re.compile(f"[{_LETTERS}]")
#: Runs of Arabic letters (an Arabic word without its marks or digits).
ARABIC_WORD = re.compile(f"[{_LETTERS}]+")
#: Words of normalised text: glossary spellings and text are split the same way.
WORD = re.compile(r"[^\W_]+")
#: :data:`WORD` as a group: ``WORD_PARTS.split(text)`` alternates the gaps and the
#: words (gap, word, gap, …, gap), so one C-level pass gives the words and,
#: from the parts' lengths, their spans, with no match object per word.
WORD_PARTS = re.compile(f"({WORD.pattern})")
#: Words of letters only (no digits), in any script.
LETTER_WORD = re.compile(r"[^\W\d_]+")
#: :data:`WORD_PARTS` for a text without "_", where ``\w`` is ``[^\W_]``: the
#: Arabic letters (all of them word characters) are a range, tested before the
#: Unicode category a negated class asks of every character.
_PARTS_NO_UNDERSCORE = re.compile(f"([{_LETTERS}\\w]+)")


def word_parts(text: str) -> list[str]:
    """``WORD_PARTS.split(text)``, faster on a text without "_" (all Arabic
    news): NTREX 7.4 -> 6.6 ms, TICO-19 13.4 -> 11.4 ms."""
    return (WORD_PARTS if "_" in text else _PARTS_NO_UNDERSCORE).split(text)


def is_arabic(text: str) -> bool:
    """Does ``text`` hold any Arabic-script character?"""
    return ARABIC_CHAR.search(text) is not None
