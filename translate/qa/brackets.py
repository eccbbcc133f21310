"""unbalanced: a bracket or a double quote in the target that is never closed
(or closed without being opened), where the source is balanced.

Round, square and curly brackets and double quotes are matched with one stack
per document, so a quotation that opens in one segment and closes in a later
one is balanced (news is split into sentences inside quotations: on NTREX,
matching within each segment alone raised 58 alarms in 1,997 human segments;
across the document, see the README figures). A straight " is an opening quote
when it follows a space or an opening bracket and precedes a non-space, a
closing one the other way round (the rule every "smart quotes" converter uses),
and otherwise closes an open quote or opens one. English repeats the opening
quote on each paragraph of a long quotation without closing the one before:
an opening quote at the very start of a segment while one is still open
continues it. Single quotes are not counted (’ is also the apostrophe). What is
still unmatched in a segment is flagged only when the source (Arabic marks
mapped: «» are quotes) does not have as many unmatched marks of that kind.
Measured by bench/qa_checks_bench.py: 0 alarms on TICO-19; 16 on NTREX, half of
them real typos of its English (an apostrophe typed as ": Dragons" Den,
coup d"état) — figures in the README.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..arabic.punctuation import to_english_punctuation
from .base import Check, Finding, SegmentView

_OPEN = {"(": ")", "[": "]", "{": "}", "\u201c": "\u201d"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_KIND = {"(": "( )", ")": "( )", "[": "[ ]", "]": "[ ]", "{": "{ }", "}": "{ }",
         "\u201c": "quotes", "\u201d": "quotes", '"': "quotes"}
_OPENERS_BEFORE = " \t\u00a0([{\u2014\u2013-/"


def _direction(text: str, i: int) -> str | None:
    """'open', 'close' or None (can't tell) for the straight quote at ``i``."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in _OPENERS_BEFORE and not after.isspace():
        return "open"
    if after.isspace() or after in ".,;:!?)]}" and not before.isspace():
        return "close"
    return None


def unmatched_in(texts: list[str], max_run: int = 4) -> list[list[tuple[int, str]]]:
    """For each text (segments of one document, in order): offsets and kinds of
    the brackets and double quotes left unmatched, matching across at most
    ``max_run`` following texts (NTREX's longest run-on quotation spans 3)."""
    stack: list[tuple[int, int, str]] = []   # text index, offset, opening mark
    loose: list[tuple[int, int, str]] = []
    for t, text in enumerate(texts):
        while stack and stack[0][0] < t - max_run:  # opened too long ago to be closed here
            loose.append(stack.pop(0))
        for i, ch in enumerate(text):
            if ch not in _KIND:
                continue
            kind = _KIND[ch]
            is_quote = kind == "quotes"
            if is_quote:
                way = "open" if ch == "\u201c" else "close" if ch == "\u201d" else _direction(text, i)
                top_is_quote = bool(stack) and _KIND[stack[-1][2]] == "quotes"
                if way is None:
                    way = "close" if top_is_quote else "open"
                if way == "open":
                    if top_is_quote and stack[-1][0] < t and not text[:i].strip():
                        stack.pop()  # a new paragraph of the same quotation
                    stack.append((t, i, ch))
                elif top_is_quote:
                    stack.pop()
                elif any(_KIND[c] == "quotes" for _, _, c in stack):
                    while _KIND[stack[-1][2]] != "quotes":
                        loose.append(stack.pop())
                    stack.pop()
                else:
                    loose.append((t, i, ch))
            elif ch in _OPEN:
                stack.append((t, i, ch))
            else:
                if stack and stack[-1][2] == _CLOSE[ch]:
                    stack.pop()
                elif any(c == _CLOSE[ch] for _, _, c in stack):
                    while stack[-1][2] != _CLOSE[ch]:
                        loose.append(stack.pop())
                    stack.pop()
                else:
                    loose.append((t, i, ch))
    out: list[list[tuple[int, str]]] = [[] for _ in texts]
    for t, i, ch in loose + stack:
        out[t].append((i, _KIND[ch]))
    return [sorted(x) for x in out]


def _source_kinds(source: str) -> Counter[str]:
    # Arabic typists mix the direction of “ ”: in the source every double quote only toggles.
    mapped = to_english_punctuation(source).replace("\u201c", '"').replace("\u201d", '"')
    return Counter(kind for _, kind in unmatched_in([mapped])[0])


class Unbalanced(Check):
    name = "unbalanced"
    severity = "warning"
    description = "a bracket or double quote in the target left unclosed (or unopened) where the source is balanced"

    def corpus(self, documents: list[list[SegmentView]]) -> Iterable[Finding]:
        for views in documents:
            per_segment = unmatched_in([v.segment.target for v in views], self.settings.quote_max_run)
            for view, loose in zip(views, per_segment):
                if loose:
                    yield from self._report(view, loose)

    def _report(self, view: SegmentView, loose: list[tuple[int, str]]) -> Iterable[Finding]:
        target = view.segment.target
        allowed = _source_kinds(view.segment.source)
        flagged = []
        for at, kind in loose:
            if allowed[kind]:
                allowed[kind] -= 1
            else:
                flagged.append((at, kind))
        if not flagged:
            return
        kinds = sorted({k for _, k in flagged})
        marks = " ".join(target[a] for a, _ in flagged)
        yield self.finding(view, f"unbalanced {', '.join(kinds)} in the target: {marks}", evidence=marks,
                           target_spans=tuple((a, a + 1) for a, _ in flagged))
