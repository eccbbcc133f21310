"""Where in the English a source term was rendered: candidate spans.

Each source match gets candidate spans from :func:`find_renderings` (canonical,
forbidden, sound-alike variant, checked against the canonical form, the
forbidden forms and the Arabic itself), plus a verbatim copy of a Latin-script
source spelling (OIR) and, for people named with first and last name whose
English kept only the surname, that surname (``partial``). Nothing here edits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic.lexicon import default_lexicon
from ..english.renderings import find_renderings, phrase_spans
from ..glossary.model import Term
from ..matching import Match

#: English words at least this frequent (Zipf) are never taken for a misspelt name.
COMMON_ZIPF = 3.0
#: Lower rank wins when two candidates compete for the same span.
RANK = {"canonical": 0, "forbidden": 1, "copied": 2, "variant": 3, "partial": 4}
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9 .&'\-]*$")
# A partial rendering is a trailing part of the name (Pompeo of Mike Pompeo,
# Abdul Mahdi of Adel Abdul Mahdi), never one starting with a particle.
_PARTICLES = frozenset({"the", "al", "el", "bin", "ibn", "abu", "abd", "of"})


@dataclass(frozen=True)
class Candidate:
    """A span of the English that may render a term; ``target`` is what to write."""

    start: int
    end: int
    text: str
    kind: str       # canonical | forbidden | variant | copied | partial
    score: float
    target: str
    partial_kind: str = ""  # for partial: the kind of the surname rendering

    @property
    def rank(self) -> int:
        return RANK[self.kind]

    @property
    def sub_rank(self) -> int:
        """For a partial rendering, the kind of the surname found (canonical first)."""
        return RANK[self.partial_kind] if self.partial_kind else 0


def _lowercase_word(text: str, form: str) -> bool:
    """"us", "turkey": an all-lowercase occurrence of a capitalised form is an ordinary word."""
    return text == text.lower() and form != form.lower()


def _common_words(text: str, target: str) -> bool:
    """Every word of a sound-alike that the target lacks is common English
    (Brian, Beacon, Croydon): the text names something else; a misspelt foreign
    name (Esbir, Bompeo, Miltim Times) has at least one rare word."""
    own = {w.lower() for w in re.split(r"[\s\-]+", target)}
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() not in own]
    if not words:
        return False
    lexicon = default_lexicon()
    common = [lexicon.english_name_zipf(w) >= COMMON_ZIPF for w in words]
    if len(text.split()) > len(target.split()):
        return any(common)  # an extra word must be part of the name, not "HQ" or "La"
    return all(common)


def _acronym(text: str, target: str, english: str) -> bool:
    """C-SPAN, NATO: an all-capital word in ordinary text is an acronym, not a
    transliteration (a headline in capitals is not ordinary text)."""
    if target.isupper() or english.upper() == english:
        return False
    parts = re.split(r"[\s\-]+", text)
    return any(w.isupper() and (len(w) > 1 or len(parts) > 1) for w in parts)


def _from_renderings(term: Term, english: str, source_text: str, kind: str | None = None) -> list[Candidate]:
    out = []
    for r in find_renderings(term, english, source_text):
        form = r.form or term.target
        if r.kind != "variant" and _lowercase_word(r.text, form):
            continue
        if r.kind == "variant" and (_common_words(r.text, form) or _acronym(r.text, form, english)):
            continue
        if kind is None:  # an accepted `also` form stays as written (issue 13)
            out.append(Candidate(r.start, r.end, r.text, r.kind, r.score, r.text if r.form else term.target))
        else:
            out.append(Candidate(r.start, r.end, r.text, kind, r.score, term.target, r.kind))
    return out


def _surname_terms(term: Term, source_text: str) -> list[tuple[Term, str]]:
    """Sub-terms for the last one or more words of a person's name, longest first."""
    words = term.target.split()
    src_words = source_text.split()
    out = []
    for k in range(len(words) - 1, 0, -1):
        tail = words[-k:]
        if tail[0].lower() in _PARTICLES:
            continue
        forbidden = tuple(" ".join(f.split()[-k:]) for f in term.forbidden if len(f.split()) == len(words))
        src = " ".join(src_words[-k:]) if len(src_words) >= k else source_text
        out.append((Term(target=" ".join(tail), source=(src,), type=term.type, forbidden=forbidden), src))
    return out


def _copyable(source_text: str, target: str) -> bool:
    """A Latin-script source spelling (OIR) copied into the English renders the
    term; single letters and the target itself minus punctuation do not count."""
    if not _LATIN.match(source_text):
        return False
    letters = re.sub(r"[^A-Za-z0-9]", "", source_text)
    return len(letters) >= 2 and letters.lower() != re.sub(r"[^A-Za-z0-9]", "", target).lower()


def candidates(match: Match, english: str, partial: bool = True) -> list[Candidate]:
    """Every span of ``english`` that may render ``match``'s term."""
    term = match.term
    found = _from_renderings(term, english, match.text)
    if _copyable(match.text, term.target):
        taken = [(c.start, c.end) for c in found]
        for a, b in phrase_spans(match.text, english, strict=True):
            if all(b <= x or a >= y for x, y in taken):
                found.append(Candidate(a, b, english[a:b], "copied", 1.0, term.target))
    if not found and partial and term.type == "person" and len(term.target.split()) > 1:
        for sub, src in _surname_terms(term, match.text):
            found = _from_renderings(sub, english, src, kind="partial")
            if found:
                break
    return found
