"""forbidden: a rendering the glossary lists as wrong (or a close variant of one,
Esbeer for the forbidden Esbir) appears in the target, whatever the source says."""
from __future__ import annotations

from typing import Iterable

from rapidfuzz.fuzz import ratio

from .base import Check, Finding, SegmentView


class Forbidden(Check):
    name = "forbidden"
    severity = "error"
    description = "a forbidden rendering, or a close variant of one, appears in the target"
    needs_glossary = True

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        seen: set[tuple[int, int]] = set()
        found: list[tuple[int, int, str, str, str]] = []  # start, end, text, target, why
        for hit in view.english_hits:
            if hit.forbidden and (hit.start, hit.end) not in seen:
                seen.add((hit.start, hit.end))
                found.append((hit.start, hit.end, hit.text, hit.term.target,
                              f"forbidden by glossary {hit.term.where}"))
        limit = self.settings.forbidden_variant_ratio * 100
        for use in view.uses:
            term = use.match.term
            for r in use.renderings:
                if r.kind != "variant" or (r.start, r.end) in seen or not term.forbidden:
                    continue
                form = max(term.forbidden, key=lambda f: ratio(r.text.lower(), f.lower()))
                close = ratio(r.text.lower(), form.lower())
                if close >= limit and close > ratio(r.text.lower(), term.target.lower()):
                    seen.add((r.start, r.end))
                    found.append((r.start, r.end, r.text, term.target,
                                  f"a variant of the forbidden {form!r} (glossary {term.where})"))
        for start, end, text, target, why in sorted(found):
            spans = tuple((u.match.start, u.match.end) for u in view.uses if u.match.term.target == target)
            yield self.finding(view, f"{text!r} is {why}; write {target!r}", term=target, evidence=text,
                               source_spans=spans, target_spans=((start, end),))
