"""Enforcement inside ``tarjama translate --glossary``: one path.

:class:`GlossaryEngine` wraps any engine: it matches the whole document (so a
name given in full vouches for its surname elsewhere), protects terms before
decoding (see :mod:`.protect` for the measured choice), translates, then runs the after-translation enforcer against the original
Arabic with the engine's attention as a tie-breaker.

Every corrected sentence keeps consistent ``target_spans`` (shifted through
the edits) so attention stays usable downstream.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..engine.engine import SentenceResult, call_engine
from ..matching import Match
from ..progress import ProgressCallback
from .attention import attention_spans
from .enforcer import Enforcer
from .line import Span, enforce_line
from .protect import protect
from .records import LineResult

Edit = tuple[int, int, str]  # start, end, replacement (offsets in the old text)


def _map_offset(pos: int, edits: Sequence[Edit], end_side: bool) -> int:
    """Move an offset of the old text through sorted ``edits``: a piece start inside
    an edit goes to the replacement's start, a piece end to its end."""
    delta = 0
    for a, b, new in edits:
        if (pos <= a) if end_side else (pos < a):
            break
        if (pos <= b) if end_side else (pos < b):
            return a + delta + (len(new) if end_side else 0)
        delta += len(new) - (b - a)
    return pos + delta


def apply_edits(result: SentenceResult, edits: Sequence[Edit]) -> SentenceResult:
    """``result`` with ``edits`` applied to its target and its piece spans moved along."""
    if not edits:
        return result
    edits = sorted(edits)
    text, pos, parts = result.target, 0, []
    for a, b, new in edits:
        parts.append(text[pos:a])
        parts.append(new)
        pos = b
    parts.append(text[pos:])
    spans = result.target_spans
    if spans is not None:
        spans = [(_map_offset(a, edits, False), _map_offset(b, edits, True)) for a, b in spans]
    return replace(result, target="".join(parts), target_spans=spans)


def _hints(result: SentenceResult, spans: Sequence[Span]) -> dict[int, list[Span]]:
    if not (result.attention and result.source_spans and result.target_spans):
        return {}
    out = {}
    for i, (a, b) in enumerate(spans):
        found = attention_spans(result.attention, result.source_spans, result.target_spans, result.target, a, b)
        if found:
            out[i] = found
    return out


def enforce_result(result: SentenceResult, matches: Sequence[Match], enforcer: Enforcer,
                   hints: dict[int, list[Span]] | None = None, line_no: int = 1,
                   refused: Sequence[Match] = ()) -> tuple[SentenceResult, LineResult]:
    """Enforce on one translated sentence; returns the corrected sentence and the
    report (``refused``: the matcher's refused hits, reported when the English
    writes their term wrongly)."""
    line = enforce_line(result.source, result.target, matches, enforcer.settings, line_no, hints, enforcer.homographs,
                        enforcer.finder, refused)
    edits: list[Edit] = []
    # Corrections carry offsets into the corrected text; rebuild old offsets in order.
    shift = 0
    for c in line.corrections:
        old_start = c.start - shift
        edits.append((old_start, old_start + len(c.before), c.after))
        shift += len(c.after) - len(c.before)
    return apply_edits(result, edits), line


class GlossaryEngine:
    """An engine that enforces a glossary on everything it translates.

    ``results`` collects one :class:`LineResult` per sentence of the last call
    (corrections and unplaced terms, for reports)."""

    def __init__(self, engine, enforcer: Enforcer, protection: str = "canonical"):
        self.engine = engine
        self.enforcer = enforcer
        self.protection = protection
        self.results: list[LineResult] = []

    @property
    def options(self):
        return getattr(self.engine, "options", None)

    def translate_sentences(self, sentences: Sequence[str], options=None,
                            progress: ProgressCallback | None = None) -> list[SentenceResult]:
        """``progress`` goes to the wrapped engine (decoding is the long part)."""
        matcher = self.enforcer.matcher
        refused: list[list[Match]] = []
        protected = [protect(s, m, self.protection) for s, m in zip(sentences, matcher.find_lines(sentences, refused))]
        texts = [p.text for p in protected]
        raw = call_engine(self.engine, texts, options, progress)
        out: list[SentenceResult] = []
        self.results = []
        for k, (p, r, dropped) in enumerate(zip(protected, raw, refused), 1):
            hints = _hints(r, p.spans) if self.enforcer.settings.use_attention else {}
            if r.source_spans is not None and p.text != p.original:
                r = replace(r, source_spans=[(p.to_original(a), p.to_original(b)) for a, b in r.source_spans])
            r = replace(r, source=p.original)
            r, line = enforce_result(r, p.matches, self.enforcer, hints, k, dropped)
            out.append(r)
            self.results.append(line)
        return out
