"""repeated-word: the same word twice in a row in the target ("the the").

Case is ignored ("The the"); words must be separated by spaces only, so a
list ("no, no") or a line break is not a repeat. English has two doublings that
are grammar, not slips — "had had" (past perfect of have) and "that that"
(conjunction + pronoun) — and they are never flagged; nor is a repeat written
with capitals both times that is an initial or not a common English word (Zipf
below 5 in wordfreq): a name (Roa Roa Hotel, Walla Walla) or initials (Hussein
A A). "The The" and "the the" are slips. Measured on the human
English of TICO-19 and NTREX by bench/qa_checks_bench.py (figures in the README).
"""
from __future__ import annotations

import re
from typing import Iterable

from wordfreq import zipf_frequency

from .base import Check, Finding, SegmentView

_REPEAT = re.compile(r"(?<![\w'\u2019-])([^\W\d_]+)(?:[ \t\u00a0]+\1)+(?![\w'\u2019-])", re.IGNORECASE)
# Grammatical doublings of English (see the module docstring).
_GRAMMAR = {"had", "that"}
# A capitalised word this common is an English word, not part of a name ("the": 7.7, "to": 7.4).
_COMMON_ZIPF = 5.0


def _is_name(words: list[str]) -> bool:
    if not all(w[0].isupper() for w in words):
        return False
    return len(words[0]) == 1 or zipf_frequency(words[0], "en") < _COMMON_ZIPF


class RepeatedWord(Check):
    name = "repeated-word"
    severity = "warning"
    description = "the same word twice in a row in the target (\"the the\")"

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        for m in _REPEAT.finditer(view.segment.target):
            word = m.group(1)
            if word.lower() in _GRAMMAR or _is_name(m.group().split()):
                continue
            yield self.finding(view, f"{word!r} is repeated: {m.group()!r}", evidence=m.group(),
                               target_spans=((m.start(), m.end()),))
