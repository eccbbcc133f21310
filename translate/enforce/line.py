"""Enforce a glossary on one line: choose a span per source match, then edit.

Why global greedy choice: renderings of different terms can overlap ("Mark
Esbir" renders *Mark Esper*, and its "Esbir" also looks like *Esper*), and one
term can occur several times. All candidates of the line compete; the most
trusted kind wins first (canonical, forbidden, copied, variant, partial), then
the one the engine's attention points at, then the longer span (so a two-word
name is replaced whole: never "Mike Mike Pompeo"), then the closer sound. Each
term takes at most as many spans as it has source matches; a match left
without a span is reported ``missing``, never guessed into the text.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Collection, Iterable, Mapping, Sequence

from ..matching import Match
from .casing import fit_case
from .place import Candidate, candidates
from .records import Correction, EnforceSettings, LineResult, Unplaced

Span = tuple[int, int]

_REASON = {"canonical": "case", "forbidden": "forbidden", "variant": "variant", "copied": "copied",
           "partial": "partial"}


def _overlaps(a: int, b: int, spans: Iterable[Span]) -> bool:
    return any(a < y and x < b for x, y in spans)


#: Other English names the glossary gives the same Arabic spelling (lowercase).
Readings = Callable[[Match], Collection[str]]


def _choose(source: str, matches: list[Match], english: str, settings: EnforceSettings,
            hints: Mapping[int, Sequence[Span]], readings: Readings | None) -> tuple[dict[int, Candidate], list[int]]:
    """Assign candidate spans to matches; returns {match index: candidate}, unplaced indices."""
    groups: dict[object, list[int]] = {}
    for i, m in enumerate(matches):
        groups.setdefault(m.term, []).append(i)
    pool: list[tuple[tuple, object, Candidate]] = []
    for term, members in groups.items():
        seen: dict[Span, Candidate] = {}
        for i in members:
            others = readings(matches[i]) if readings else ()
            for c in candidates(matches[i], english, settings.partial):
                if c.kind == "variant" and c.text.lower() in others:
                    # another name spelled the same in Arabic (Haris/Harris): right as it is
                    c = replace(c, kind="canonical", target=c.text)
                old = seen.get((c.start, c.end))
                if old is None or (c.rank, -c.score) < (old.rank, -old.score):
                    seen[(c.start, c.end)] = c
        hinted = [s for i in members for s in hints.get(i, ())]
        for c in seen.values():
            pointed = bool(hinted) and _overlaps(c.start, c.end, hinted)
            pool.append(((c.rank, c.sub_rank, not pointed, -(c.end - c.start), -c.score, c.start), term, c))
    pool.sort(key=lambda item: item[0])
    taken: list[Span] = []
    chosen: dict[object, list[Candidate]] = {t: [] for t in groups}
    for _, term, c in pool:
        if len(chosen[term]) < len(groups[term]) and not _overlaps(c.start, c.end, taken):
            chosen[term].append(c)
            taken.append((c.start, c.end))
    placed: dict[int, Candidate] = {}
    missing: list[int] = []
    for term, members in groups.items():
        spans = sorted(chosen[term], key=lambda c: c.start)
        if len(spans) == len(members):
            placed.update(zip(members, spans))
            continue
        # fewer spans than matches: each span goes to the match at the nearest relative position
        free = list(members)
        for c in spans:
            where = c.start / max(1, len(english))
            best = min(free, key=lambda i: abs(matches[i].start / max(1, len(source)) - where))
            placed[best] = c
            free.remove(best)
        missing.extend(free)
    return placed, missing


def enforce_line(source: str, english: str, matches: Sequence[Match], settings: EnforceSettings | None = None,
                 line_no: int = 1, hints: Mapping[int, Sequence[Span]] | None = None,
                 readings: Readings | None = None) -> LineResult:
    """Correct ``english`` so every term matched in ``source`` has its canonical form.

    ``matches`` come from :meth:`Matcher.find` on ``source``; ``hints`` maps a
    match's index to English spans the engine's attention aligned it with;
    ``readings`` gives the other English names of a match's Arabic spelling, which
    are never "corrected" (the Arabic is ambiguous, the English chose another name).
    Text outside the corrected spans is returned byte-identical.
    """
    settings = settings or EnforceSettings()
    unplaced: list[Unplaced] = []
    live: list[Match] = []
    live_hints: dict[int, Sequence[Span]] = {}
    for i, m in enumerate(matches):
        if m.kind == "fuzzy" and m.score < settings.min_match_score:
            unplaced.append(Unplaced(line_no, m.start, m.end, m.text, m.target, "low-score", m.score))
            continue
        if hints and settings.use_attention and i in hints:
            live_hints[len(live)] = hints[i]
        live.append(m)
    if not live or not english.strip():
        for m in live:
            unplaced.append(Unplaced(line_no, m.start, m.end, m.text, m.target, "missing", m.score))
        unplaced.sort(key=lambda u: u.source_start)
        return LineResult(english, [], unplaced, 0)
    placed, missing = _choose(source, live, english, settings, live_hints, readings)
    for i in missing:
        m = live[i]
        unplaced.append(Unplaced(line_no, m.start, m.end, m.text, m.target, "missing", m.score))
    edits = []
    for i, c in placed.items():
        after = fit_case(c.target, c.text)
        if after != c.text:
            edits.append((c, after, live[i]))
    edits.sort(key=lambda e: e[0].start)
    parts: list[str] = []
    corrections: list[Correction] = []
    pos = 0
    out_len = 0
    for c, after, m in edits:
        parts.append(english[pos:c.start])
        out_len += c.start - pos
        corrections.append(Correction(line_no, out_len, out_len + len(after), c.text, after, m.target,
                                      _REASON[c.kind], m.start, m.end))
        parts.append(after)
        out_len += len(after)
        pos = c.end
    parts.append(english[pos:])
    unplaced.sort(key=lambda u: u.source_start)
    return LineResult("".join(parts), corrections, unplaced, len(placed))
