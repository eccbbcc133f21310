"""Enforce a glossary on one line: choose a span per source match, then edit.

Why global greedy choice: renderings of different terms can overlap ("Mark
Esbir" renders *Mark Esper*, and its "Esbir" also looks like *Esper*), and one
term can occur several times. All candidates of the line compete; the most
trusted kind wins first (canonical, forbidden, copied, variant, partial), then
the one the engine's attention points at, then the longer span (so a two-word
name is replaced whole: never "Mike Mike Pompeo"), then the closer sound. Each
term takes at most as many spans as it has source matches; a match left
without a span is never guessed into the text.

What is reported as not enforced is what QA would say of the corrected line:
:meth:`RenderingFinder.review` judges it (a term with no right rendering, a
forbidden form left), so ``enforce`` and ``qa`` give one answer.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from ..english.finder import Homographs, RenderingFinder, written_wrongly
from ..english.renderings import UNWRITTEN, Rendering
from ..glossary import Glossary
from ..matching import Match
from .casing import fit_case
from .records import Correction, EnforceSettings, LineResult, Unplaced

Span = tuple[int, int]

_REASON = {"canonical": "case", "forbidden": "forbidden", "variant": "variant", "copied": "copied",
           "partial": "partial"}
#: Lower rank wins when two candidates compete for the same span: the most trusted
#: kind first; a homograph (another name of the same Arabic spelling) is as right as
#: the canonical form; a place's adjective only when nothing else renders it.
RANK = {"canonical": 0, "homograph": 0, "forbidden": 1, "copied": 2, "variant": 3, "partial": 4, "derived": 5}


def _rank(c: Rendering) -> tuple[int, int]:
    """The kind's rank, then for a partial rendering the kind of the surname found."""
    return RANK[c.kind], RANK[c.via] if c.kind == "partial" else 0


def _overlaps(a: int, b: int, spans: Iterable[Span]) -> bool:
    return any(a < y and x < b for x, y in spans)


def _choose(source: str, matches: list[Match], english: str, settings: EnforceSettings,
            hints: Mapping[int, Sequence[Span]], homographs: Homographs | None,
            finder: RenderingFinder) -> tuple[dict[int, Rendering], list[tuple[int, Rendering]]]:
    """Assign candidate spans to matches; returns {match index: candidate} and the
    further mentions to fix, each with the match it is credited to."""
    groups: dict[object, list[int]] = {}
    for i, m in enumerate(matches):
        groups.setdefault(m.term, []).append(i)
    pool: list[tuple[tuple, object, Rendering, int]] = []
    for term, members in groups.items():
        seen: dict[Span, tuple[Rendering, int]] = {}
        for i in members:
            m = matches[i]
            others = homographs(m) if homographs else ()
            for c in finder.renderings(m.term, english, m.text, others=others, partial=settings.partial):
                if c.kind in UNWRITTEN:
                    continue  # reported by the review, never written over
                old = seen.get((c.start, c.end))
                if old is None or (RANK[c.kind], -c.score) < (RANK[old[0].kind], -old[0].score):
                    seen[(c.start, c.end)] = (c, i)
        hinted = [s for i in members for s in hints.get(i, ())]
        for c, i in seen.values():
            pointed = bool(hinted) and _overlaps(c.start, c.end, hinted)
            pool.append(((*_rank(c), not pointed, -(c.end - c.start), -c.score, c.start), term, c, i))
    # A span inside a longer candidate of another term is taken last among its
    # equals: "Palin" of "Sara Palin" when the English names Palin again later.
    spans = [(term, c.start, c.end) for _, term, c, _ in pool]
    pool = [((*key[:2], any(t is not term and a <= c.start and c.end <= b and b - a > c.end - c.start
                            for t, a, b in spans), *key[2:]), term, c, i) for key, term, c, i in pool]
    pool.sort(key=lambda item: item[0])
    taken: list[Span] = []
    chosen: dict[object, list[Rendering]] = {t: [] for t in groups}
    for _, term, c, _ in pool:
        if len(chosen[term]) < len(groups[term]) and not _overlaps(c.start, c.end, taken):
            chosen[term].append(c)
            taken.append((c.start, c.end))
    placed: dict[int, Rendering] = {}
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
    # Per English occurrence (issue 12): the English may name a term more often
    # than the Arabic ("Trump … Trumb" for one ترامب). Where one of its spans is
    # taken (right as written, or fixed here), a further mention that is the term
    # written wrongly (a listed forbidden form, a slip of the target, a plain
    # romanisation of the Arabic) is fixed as the first is. Taken, not only right:
    # a second pass over "Esper met Espir" would fix Espir, so the first pass over
    # "Espeer met Espir" fixes both, or enforce would not be idempotent
    # (tests/test_enforce_props.py found "Abd Al-Mahdi Abd Al-Mahdi" for one
    # عبد المهدي fixed once per run).
    further = []
    for _, term, c, i in pool:
        if chosen[term] and c.kind in ("forbidden", "variant") \
                and not _overlaps(c.start, c.end, taken) \
                and (c.kind == "forbidden" or c.via or written_wrongly(c.text, matches[i].term, matches[i].text)):
            further.append((i, c))
            taken.append((c.start, c.end))
    return placed, further


def enforce_line(source: str, english: str, matches: Sequence[Match], settings: EnforceSettings | None = None,
                 line_no: int = 1, hints: Mapping[int, Sequence[Span]] | None = None,
                 homographs: Homographs | None = None, finder: RenderingFinder | None = None,
                 refused: Sequence[Match] = ()) -> LineResult:
    """Correct ``english`` so every term matched in ``source`` has its canonical form.

    ``matches`` come from :meth:`Matcher.find` on ``source``; ``hints`` maps a
    match's index to English spans the engine's attention aligned it with;
    ``homographs`` gives the other English names of a match's Arabic spelling, which
    are never "corrected" (the Arabic is ambiguous, the English chose another name).
    ``finder``: the glossary's :class:`RenderingFinder` (default: one for the
    matched terms). ``refused``: the matcher's refused one-word hits on the line,
    reported when the English writes their term wrongly. Text outside the
    corrected spans is returned byte-identical.
    """
    settings = settings or EnforceSettings()
    if finder is None:
        finder = RenderingFinder(Glossary(terms=list({id(m.term): m.term for m in matches}.values())))
    live: list[Match] = []
    live_hints: dict[int, Sequence[Span]] = {}
    for i, m in enumerate(matches):
        if _low(m, settings):
            continue
        if hints and settings.use_attention and i in hints:
            live_hints[len(live)] = hints[i]
        live.append(m)
    placed, further = _choose(source, live, english, settings, live_hints, homographs, finder) \
        if live and english.strip() else ({}, [])
    edits = []
    for i, c in [*placed.items(), *further]:
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
        end = _plural_end(english, c.end, after)
        corrections.append(Correction(line_no, out_len, out_len + len(after), english[c.start:end], after,
                                      m.target, _REASON[c.kind], m.start, m.end))
        parts.append(after)
        out_len += len(after)
        pos = end
    parts.append(english[pos:])
    text = "".join(parts)
    return LineResult(text, corrections, _unplaced(matches, text, line_no, settings, homographs, finder, refused),
                      len(placed))


def _plural_end(english: str, end: int, after: str) -> int:
    """Where a replacement ends: a plural "s" left after the span (the phrase
    patterns keep it outside: the Esbirs) is taken into it when the canonical
    form already ends in s, so "…Corps of Irans" becomes "…Guard Corps", not
    "…Corpss" (which a second pass would change again)."""
    if after[-1:] in ("s", "S") and english[end:end + 1] == "s" and not english[end + 1:end + 2].isalnum():
        return end + 1
    return end


def _low(m: Match, settings: EnforceSettings) -> bool:
    return m.kind == "fuzzy" and m.score < settings.min_match_score


def _unplaced(matches: Sequence[Match], text: str, line_no: int, settings: EnforceSettings,
              homographs: Homographs | None, finder: RenderingFinder, refused: Sequence[Match] = ()) -> list[Unplaced]:
    """What QA would report on the corrected line: every match of a term with no
    right rendering (a weak fuzzy match as ``low-score``), and every forbidden form
    left in the text (a listed one, or a close variant of one)."""
    hits = finder.scan_for_forbidden(text)
    review = finder.review(matches, text, homographs, hits, refused=refused)
    missing = set(review.missing)
    out = [Unplaced(line_no, m.start, m.end, m.text, m.target, "low-score" if _low(m, settings) else "missing",
                    m.score) for m in matches if m.target in missing]
    for f in review.forbidden:
        m = next((m for m in matches if m.term is f.term), None)
        out.append(Unplaced(line_no, m.start if m else 0, m.end if m else 0, m.text if m else "", f.term.target,
                            "forbidden", m.score if m else 1.0, english=f.text))
    for m, rs in review.unchecked:
        out.append(Unplaced(line_no, m.start, m.end, m.text, m.target, "ambiguous", m.score,
                            english=rs[0].text, note=m.need or ""))
    out.sort(key=lambda u: u.source_start)
    return out
