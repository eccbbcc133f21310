"""How much of a glossary a corpus uses: ``tarjama glossary stats --corpus``."""
from __future__ import annotations

from collections import Counter

from ..glossary.corpus import Doc
from ..glossary.model import Glossary


def corpus_coverage(glossary: Glossary, docs: list[Doc]) -> dict[str, float | int]:
    """Segments, segments with terms, entries used and matches by kind, as the matcher finds them."""
    from ..matching import Matcher

    matcher = Matcher(glossary)
    used: set[int] = set()
    kinds: Counter = Counter()
    segments = with_terms = 0
    for doc in docs:
        for matches in matcher.find_lines(doc.arabic):
            segments += 1
            with_terms += bool(matches)
            for m in matches:
                used.add(id(m.term))
                kinds[m.kind] += 1
    return {"segments": segments, "segments_with_terms": with_terms,
            "terms_used": len(used), "terms_used_share": round(len(used) / max(1, len(glossary.terms)), 4),
            "matches": sum(kinds.values()), **{f"matches_{k}": v for k, v in sorted(kinds.items())}}
