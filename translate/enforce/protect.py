"""Protect glossary terms before decoding (``bench/protection.py`` measures what survives).

Two ways to protect a matched Arabic span before it reaches the model:

* ``canonical`` — write the canonical English form into the Arabic sentence
  (مارك اسبير → "Mark Esper"); a model that copies Latin names emits it as is;
* ``placeholder`` — write an opaque token (``TERM0``) and put the name back after
  (measured only: ``bench/protection.py``).

Choice: **canonical**. Measured with the random test models (``tiny`` and
``base``; see ``tests/test_enforce_translation.py`` and
``bench/enforce_bench.py``, ``bench/protection.py``) neither form survives decoding
(random weights copy nothing), so the choice rests on what happens when
protection fails, which the measurement does show: both forms tokenize without
``<unk>`` pieces, but a garbled or dropped placeholder leaves junk or nothing
in the English that cannot be mapped back to a name, while a garbled
canonical form is still a sound-alike of the name that the after-translation
enforcer finds and corrects. Restoring is therefore the same enforcer, run
against the *original* Arabic: an intact canonical form is left alone,
a damaged one is fixed, a lost one is reported, never guessed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..matching import Match

#: ``none`` leaves the source as it is. (The placeholder alternative the choice was
#: measured against lives with the measurement, in ``bench/protection.py``.)
MODES = ("canonical", "none")
Span = tuple[int, int]


@dataclass(frozen=True)
class Protected:
    """A sentence with its term spans replaced.

    ``spans[i]`` is where ``matches[i]`` now sits in ``text``; offsets outside
    them shift by the length differences (see :meth:`to_original`)."""

    original: str
    text: str
    matches: tuple[Match, ...]
    spans: tuple[Span, ...]
    tokens: tuple[str, ...]

    def to_original(self, pos: int) -> int:
        """Map an offset in ``text`` back to ``original``."""
        delta = 0
        for m, (a, b) in zip(self.matches, self.spans):
            if pos < a:
                break
            if pos < b:
                return m.start if pos == a else m.end
            delta = m.end - b
        return pos + delta


def protection_token(match: Match, k: int = 0) -> str:
    """The canonical form written in place of the ``k``-th match."""
    words = match.target.split()
    # the article belongs to the English sentence the model writes
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() == "the" else match.target


def protect(source: str, matches: Sequence[Match], mode: str = "canonical",
            token: Callable[[Match, int], str] = protection_token) -> Protected:
    """Replace every match in ``source`` by its protection token (``token``: what
    to write for the k-th match; the canonical form unless a measurement asks)."""
    if mode not in MODES:
        raise ValueError(f"unknown protection mode {mode!r}")
    if mode == "none" or not matches:
        return Protected(source, source, tuple(matches), tuple((m.start, m.end) for m in matches), ())
    parts: list[str] = []
    spans: list[Span] = []
    tokens: list[str] = []
    pos = out = 0
    for k, m in enumerate(sorted(matches, key=lambda m: m.start)):
        written = token(m, k)
        parts.append(source[pos:m.start])
        out += m.start - pos
        spans.append((out, out + len(written)))
        parts.append(written)
        tokens.append(written)
        out += len(written)
        pos = m.end
    parts.append(source[pos:])
    ordered = tuple(sorted(matches, key=lambda m: m.start))
    return Protected(source, "".join(parts), ordered, tuple(spans), tuple(tokens))
