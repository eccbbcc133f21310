"""From term-base rows to glossary terms: one place that turns what TBX, CSV and
TMX files hold (terms per language, each with a status) into :class:`Term`.

A term base lists each English term of a concept with its status; tarjama keeps
one ``target`` (the preferred term), ``also`` (admitted) and ``forbidden``
(deprecated, superseded, forbidden). Without a preferred term the first
unmarked one is the target, and an entry with no usable English or no Arabic
is skipped and counted, never guessed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import GlossaryError
from .model import CASES, TERM_TYPES, Glossary, LeftOut, Term

# Status words as term bases write them (TBX administrativeStatus and
# normativeAuthorization values, spreadsheet columns), by what tarjama makes of them.
_STATUS_WORDS = {
    "preferred": ("preferred", "standardized", "standardised", "legal", "regulated", "approved", "target"),
    "admitted": ("admitted", "also", "accepted", "synonym", "allowed"),
    "forbidden": ("deprecated", "superseded", "forbidden", "obsolete", "rejected", "do not use", "donotuse"),
}


def status_of(value: str | None) -> str | None:
    """'preferred' | 'admitted' | 'forbidden' for a status value, None if unmarked or unknown."""
    if not value:
        return None
    low = value.strip().lower()
    for status, words in _STATUS_WORDS.items():
        if any(low.startswith(w) for w in words):
            return status
    return None


def case_of(value: str | None, path: str, line: int | None) -> str:
    """``case`` from a term base: exact/insensitive, or yes/true for "case-sensitive"."""
    if not value:
        return "insensitive"
    low = value.strip().lower()
    if low in CASES:
        return low
    if low in ("yes", "true", "1", "sensitive", "case-sensitive", "casesensitive"):
        return "exact"
    if low in ("no", "false", "0", "permissive", "case-insensitive"):
        return "insensitive"
    raise GlossaryError(f"case is '{value}' (expected one of: {', '.join(CASES)})", path, line)


def type_of(value: str | None, path: str, line: int | None) -> str:
    if not value:
        return "other"
    low = value.strip().lower().replace("organisation", "organization")
    if low not in TERM_TYPES:
        raise GlossaryError(f"type is '{value}' (expected one of: {', '.join(TERM_TYPES)})", path, line)
    return low


@dataclass
class Entry:
    """One concept of a term base while it is read."""

    line: int | None
    arabic: list[str] = field(default_factory=list)
    english: list[tuple[str, str | None]] = field(default_factory=list)  # (term, status)
    type: str = "other"
    case: str = "insensitive"
    notes: list[str] = field(default_factory=list)
    domain: str | None = None
    origin: str | None = None

    def term(self, path: str, index: int) -> Term | None:
        """The glossary term, or None when the entry lacks Arabic or a usable English term."""
        arabic = _unique(self.arabic)
        usable = [(t, s) for t, s in self.english if s != "forbidden"]
        if not arabic or not usable:
            return None
        target = next((t for t, s in usable if s == "preferred"), usable[0][0])
        also = _unique([t for t, s in usable if t != target])
        forbidden = _unique([t for t, s in self.english if s == "forbidden" and t != target and t not in also])
        note = "\n".join(_unique(self.notes)) or None
        return Term(target, tuple(arabic), self.type, tuple(forbidden), note, path, self.line, index,
                    tuple(also), self.case, self.domain, self.origin)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i.strip() for i in items if i and i.strip()))


@dataclass
class Imported:
    """A glossary read from a term base, with what was left out and why."""

    glossary: Glossary

    @property
    def skipped(self) -> list[LeftOut]:
        """One per left-out entry (kept on the glossary, which every command warns from)."""
        return self.glossary.skipped


def build(entries: list[Entry], path: str, name: str, what: str) -> Imported:
    """Terms from entries; entries with no Arabic or no English are reported, and a
    file that gives none at all is an error (wrong languages, wrong columns)."""
    terms: list[Term] = []
    skipped: list[LeftOut] = []
    for entry in entries:
        term = entry.term(path, len(terms) + 1)
        if term is None:
            if not _unique(entry.arabic):
                lacks = "no Arabic"
            elif entry.english:
                lacks = "only forbidden English terms"
            else:
                lacks = "no English"
            skipped.append(LeftOut(path, entry.line, f"{what} has {lacks}; left out"))
        else:
            terms.append(term)
    if not terms:
        raise GlossaryError(f"no {what} with both an Arabic (ar) and an English (en) term", path,
                            entries[0].line if entries else None)
    return Imported(Glossary(terms=terms, names=[name], files=[path], skipped=skipped))


def merge_by_target(entries: list[Entry]) -> list[Entry]:
    """Rows that give one target (same case) become one entry with all their spellings:
    the layout of flat pair lists (DeepL, Google, TMX), one row per spelling."""
    out: list[Entry] = []
    by_target: dict[str, Entry] = {}
    for entry in entries:
        preferred = [t for t, s in entry.english if s != "forbidden"]
        key = preferred[0] if preferred else None
        same = by_target.get(key) if key is not None else None
        if same is not None and same.type == entry.type and same.case == entry.case:
            same.arabic.extend(entry.arabic)
            same.english.extend(e for e in entry.english if e not in same.english)
            same.notes.extend(entry.notes)
            continue
        out.append(entry)
        if key is not None:
            by_target[key] = entry
    return out
