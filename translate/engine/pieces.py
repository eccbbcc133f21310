"""SentencePiece pieces ↔ character offsets, and the repetition guard.

Why: attention from CTranslate2 is indexed by SentencePiece pieces; a glossary
enforcer needs to know which characters of the source sentence each piece
covers. The sentencepiece wheel only reports offsets through protobuf, which is
not a dependency, so we align pieces to the text ourselves. Pure functions.
"""
from __future__ import annotations

import unicodedata

SPACE = "\u2581"  # ▁, SentencePiece's word-boundary marker


def _norm(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def source_spans(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Character span of each piece in ``text``. A piece that cannot be
    matched (normalisation split a character) gets an empty span at the cursor."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    for piece in pieces:
        body = piece.replace(SPACE, "")
        while i < n and text[i].isspace():
            i += 1
        if not body:
            spans.append((i, i))
            continue
        start, consumed, j = i, "", i
        while len(consumed) < len(body) and j < n:
            consumed += _norm(text[j])
            j += 1
        if consumed == body:
            spans.append((start, j))
            i = j
            continue
        k = text.find(body, start, start + len(body) + 8)
        if k != -1:
            spans.append((k, k + len(body)))
            i = k + len(body)
        else:
            spans.append((start, start))
    return spans


def target_spans(pieces: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Detokenize target pieces and give each piece's span in the result."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for piece in pieces:
        surface = piece.replace(SPACE, " ")
        if length == 0:
            surface = surface.lstrip(" ")
        lead = len(surface) - len(surface.lstrip(" "))
        spans.append((length + lead, length + len(surface)))
        out.append(surface)
        length += len(surface)
    return "".join(out), spans


def repetition_keep(pieces: list[str], max_unit: int = 6, max_repeats: int = 3) -> list[int]:
    """Indices of pieces to keep after collapsing degenerate loops.

    A unit of ``k`` pieces repeated more than ``max_repeats`` times in a row
    (``k == 1``: more than ``max_repeats + 1``) is the classic NMT failure
    ("the the the the ..."); it is collapsed to one copy. Ordinary doubles such
    as "very very" are left alone.
    """
    keep = list(range(len(pieces)))
    changed = True
    while changed:
        changed = False
        seq = [pieces[i] for i in keep]
        n = len(seq)
        for k in range(1, max_unit + 1):
            limit = max_repeats + (1 if k == 1 else 0)
            i = 0
            while i + 2 * k <= n:
                reps = 1
                while i + (reps + 1) * k <= n and seq[i + reps * k : i + (reps + 1) * k] == seq[i : i + k]:
                    reps += 1
                if reps > limit:
                    del keep[i + k : i + reps * k]
                    changed = True
                    break
                i += 1
            if changed:
                break
    return keep
