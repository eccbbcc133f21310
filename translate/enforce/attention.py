"""Align a source term with the English words the engine's attention gives it.

Each target piece is aligned with the source piece it attends to most (the
usual hard alignment from cross-attention); the target pieces aligned with the
term's source pieces, widened to whole words, are the hint. Hints only break
ties between candidate spans (see :mod:`.line`): attention of small models is
noisy, and random test models' attention is noise, so it never places a term alone.
"""
from __future__ import annotations

import re
from typing import Sequence

_WORDCHAR = re.compile(r"[\w'’\-]")

Span = tuple[int, int]


def _widen(text: str, a: int, b: int) -> Span:
    while a > 0 and _WORDCHAR.match(text[a - 1]):
        a -= 1
    while b < len(text) and _WORDCHAR.match(text[b]):
        b += 1
    return a, b


def attention_spans(attention: Sequence[Sequence[float]], source_spans: Sequence[Span],
                    target_spans: Sequence[Span], target: str, start: int, end: int) -> list[Span]:
    """English spans aligned with source characters ``[start, end)``."""
    pieces = {s for s, (a, b) in enumerate(source_spans) if a < end and start < b}
    if not pieces:
        return []
    spans: list[Span] = []
    for t, row in enumerate(attention):
        if t >= len(target_spans) or not row:
            break
        best = max(range(len(row)), key=row.__getitem__)
        a, b = target_spans[t]
        if best in pieces and b > a:
            spans.append(_widen(target, a, b))
    spans.sort()
    merged: list[Span] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 1 and not target[merged[-1][1]:a].strip():
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
