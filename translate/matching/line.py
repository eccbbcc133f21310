"""One Arabic line as the matching passes see it: normalised text, words, spans.

The passes share this instead of positional tuples; offsets map back to the
original text only for the lines that have hits.
"""
from __future__ import annotations

import re
from itertools import accumulate

from ..arabic.normalize import MARKS, Normalized

# Only spacing (or a hyphen, as in آل-سعود) may separate the words of one name.
_SPACING = re.compile(r"[ \t\u00a0]+|[ \t\u00a0]*-[ \t\u00a0]*")
#: What may close an abbreviation's parenthesis after its one word: the
#: parenthesis, a comma before an explanation, or a hyphen of a code (ميرس-كوف).
_GLOSS_END = frozenset(")،,-")


class Line:
    """A line's :class:`Normalized` text, its words and their spans in it."""

    __slots__ = ("back", "text", "words", "edges", "refused")

    def __init__(self, back: Normalized, words: list[str], parts: list[str], refused: list | None = None):
        """``parts``: ``WORD_PARTS.split(back.text)`` (gaps and words, alternately)."""
        self.back = back
        #: One-word hits the ambiguity policy refused, when the caller asks (else None).
        self.refused = refused
        self.text = back.text
        self.words = words
        #: Where the words start and end in ``text``: word i is
        #: ``text[edges[2 * i]:edges[2 * i + 1]]`` (the ends of gap, word, gap, …;
        #: flat, not a (start, end) tuple per word of every line with a name).
        self.edges: list[int] = list(accumulate(map(len, parts)))

    def joined(self, i: int, n: int) -> bool:
        """Are words i..i+n-1 separated by spacing only (no punctuation)?"""
        norm, edges = self.text, self.edges
        for k in range(i, i + n - 1):
            end, start = edges[2 * k + 1], edges[2 * k + 2]
            if not (start - end == 1 and norm[end] == " ") and not _SPACING.fullmatch(norm, end, start):
                return False
        return True

    def original_span(self, i: int, n: int, plen: int = 0) -> tuple[int, int]:
        """Where words i..i+n-1 (without a prefix of ``plen`` letters) are in the original."""
        return self.back.span(self.edges[2 * i] + plen, self.edges[2 * (i + n) - 1])

    def written_span(self, i: int, n: int, plen: int = 0) -> tuple[int, int]:
        """:meth:`original_span` with the marks on the last letter, which the
        normalised words leave out (تأذٍّ: the tanween and shadda after the ذ;
        diacritics on a name's last letter belong to the name)."""
        text = self.back.original
        start, end = self.original_span(i, n, plen)
        while end < len(text) and text[end] in MARKS:
            end += 1
        return start, end

    def surface(self, i: int, n: int, plen: int = 0) -> str:
        """Words i..i+n-1 as written (diacritics and all)."""
        start, end = self.original_span(i, n, plen)
        return self.back.original[start:end]

    def original_at(self, k: int) -> str:
        """The original character behind normalised character ``k``."""
        return self.back.original[self.back.source_index(k)]

    def written_letter(self, i: int, k: int = 0) -> str:
        """The original character behind letter ``k`` of word i: the hamza, madda
        or kasra-hamza that normalisation folded away there."""
        return self.original_at(self.edges[2 * i] + k)

    def gap(self, i: int) -> str:
        """The normalised text between word i - 1 and word i."""
        return self.text[self.edges[2 * i - 1]:self.edges[2 * i]]

    def glossed(self, i: int) -> bool:
        """Is word i alone in parentheses right after a phrase of two or more
        words, as news glosses an abbreviation (متلازمة الشرق الأوسط التنفسية
        (ميرس), "(ميرس، وهو ...", "(ميرس-كوف)")? Such a word abbreviates the
        phrase; it is not a person's name."""
        if i < 2 or "(" not in self.text:  # most lines have no parentheses
            return False
        if self.gap(i).strip() != "(" or not self.joined(i - 2, 2):
            return False
        end = self.edges[2 * i + 1]
        after = self.text[end:end + 2].lstrip()
        return after[:1] in _GLOSS_END

    def in_code(self, i: int) -> bool:
        """Is word i part of a hyphenated code with digits (سارس-كوف-2, كوفيد-19)
        or a chain of three or more hyphenated words (a peptide, أرجنين-فالين-
        تايروسين)? Its pieces are letters of an identifier, not names: a name
        joins two parts at most (جان-بيير, آل-سعود)."""
        first = last = i
        while first and self.gap(first) == "-":
            first -= 1
        while last + 1 < len(self.words) and self.gap(last + 1) == "-":
            last += 1
        return last > first and (last - first >= 2 or any(ch.isdigit() for w in self.words[first:last + 1] for ch in w))
