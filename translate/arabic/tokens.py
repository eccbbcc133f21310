"""Word tokens with exact offsets into the original line."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import normalize

# Letters/digits plus everything normalisation deletes inside a word (harakat,
# tatweel, zero-width and bidi marks), so "اسب\u200fير" stays one token.
_WORD = re.compile(
    r"[^\W_]"
    r"[\w\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u061C\u2066-\u2069]*"
)
# What may separate the words of one multi-word name: spaces, tatweel and marks.
_JOINER = re.compile(r"[ \t\u00a0\u0640\u200B-\u200F\u061C\u2066-\u2069]+")

# Invisible format characters: never the first or last character of a span.
INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u061c\u2066\u2067\u2068\u2069")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    norm: str


def tokenize(line: str) -> list[Token]:
    """Tokens whose normalised form is not empty."""
    out = []
    for m in _WORD.finditer(line):
        norm = normalize(m.group())
        if norm:
            out.append(Token(m.start(), m.end(), norm))
    return out


def joined(line: str, left: Token, right: Token) -> bool:
    """True if only spacing separates two tokens (no punctuation, no line break)."""
    gap = line[left.end:right.start]
    return bool(gap) and _JOINER.fullmatch(gap) is not None
