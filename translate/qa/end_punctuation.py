"""end-punctuation: the target ends differently from the source — a question
translated as a statement (or the reverse), or a sentence whose end mark was lost.

Arabic marks are mapped first (؟ is ?), and the whole closing run of marks,
quotes and brackets is read (``قال: «لماذا؟».`` ends a question). Two
differences are flagged: a question mark in one closing run and not in the
other (when the source has a closing mark at all), and a sentence mark
(. ! ? …) closing the source with no mark at all closing the target. The
reverse — the English adds a full stop the Arabic lacks — is not flagged: Arabic
writers often leave the last sentence of a paragraph unmarked (95 of 1,997 human
NTREX segments). Colon/full stop or !/. swaps are house style, not errors. A
question mark the target has elsewhere ("Why? she asked.") is a question moved,
not lost. The first segment of a document is its headline, and English
headlines take no full stop (all 8 lost-mark alarms on NTREX's 123 articles
were headlines, before this rule).
Measured on the human English of TICO-19 and NTREX by bench/qa_checks_bench.py
(figures in the README).
"""
from __future__ import annotations

from typing import Iterable

from ..arabic.punctuation import to_english_punctuation
from .base import Check, Finding, SegmentView

# What a closing run may hold: marks, closing quotes and brackets, spaces.
_CLOSING = set(".!?\u2026:;,\"')]}\u201d\u2019\u00bb\u203a \t\u00a0")
_SENTENCE = set(".!?\u2026")


def closing_run(text: str) -> tuple[str, int]:
    """The run of punctuation, quotes and spaces ``text`` ends with (Arabic marks
    mapped), and its offset."""
    text = text.rstrip()
    start = len(text)
    while start and to_english_punctuation(text[start - 1]) in _CLOSING:
        start -= 1
    return to_english_punctuation(text[start:]), start


def _name(run: str) -> str:
    marks = run.replace(" ", "")
    if "?" in marks:
        return "a question mark"
    if any(c in _SENTENCE for c in marks):
        return "a sentence mark"
    return "no end punctuation" if not marks.strip("\"')]}\u201d\u2019") else repr(marks)


class EndPunctuation(Check):
    name = "end-punctuation"
    severity = "warning"
    description = "the target ends unlike the source: a question as a statement, or a lost end mark"

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        seg = view.segment
        if not seg.source.strip() or not seg.target.strip():
            return
        (src, s_at), (tgt, t_at) = closing_run(seg.source), closing_run(seg.target)
        src_marks, tgt_marks = set(src) - set(" \t\u00a0"), set(tgt) - set(" \t\u00a0")
        source, target = seg.source, seg.target
        question = (("?" in src_marks and "?" not in target)
                    or ("?" in tgt_marks and bool(src_marks & _SENTENCE) and "?" not in source
                        and "\u061f" not in source))
        lost = (bool(src_marks & _SENTENCE) and not (tgt_marks & (_SENTENCE | set(":;,")))
                and view.line != 1)
        if not (question or lost):
            return
        message = f"the source ends with {_name(src)}, the target with {_name(tgt)}"
        yield self.finding(view, message, evidence=f"{src.strip() or 'none'} → {tgt.strip() or 'none'}",
                           source_spans=((s_at, s_at + len(src)),) if src.strip() else (),
                           target_spans=((t_at, t_at + len(tgt)),) if tgt.strip() else ())
