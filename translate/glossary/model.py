"""Glossary records."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..bulk import gc_paused

TERM_TYPES = ("person", "organization", "outlet", "place", "title", "other")

# Types whose Arabic spellings are transliterations of foreign names, where unseen
# vowel/letter variants are expected and fuzzy matching is worth its risk.
TRANSLITERATED_TYPES = frozenset({"person", "organization", "outlet", "place"})


@dataclass(frozen=True)
class Term:
    """One glossary entry: every Arabic spelling in ``source`` must become ``target``."""

    target: str
    source: tuple[str, ...]
    type: str = "other"
    forbidden: tuple[str, ...] = ()
    note: str | None = None
    file: str | None = None
    line: int | None = None
    index: int = 0  # position in its file, 1-based

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.file else f"term {self.index}"


@dataclass
class Glossary:
    """One or more glossary files merged; terms keep where they came from."""

    terms: list[Term] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    source_lang: str = "ar"
    target_lang: str = "en"

    def __len__(self) -> int:
        return len(self.terms)

    def extend(self, other: "Glossary") -> None:
        self.terms.extend(other.terms)
        self.names.extend(other.names)
        self.files.extend(other.files)

    @classmethod
    @gc_paused()
    def from_pairs(cls, pairs: list[tuple[str, str]], type: str = "person", name: str = "pairs") -> "Glossary":
        """Build a glossary from (arabic, english) pairs, e.g. a name list."""
        terms = [Term(target=en, source=(ar,), type=type, index=i + 1) for i, (ar, en) in enumerate(pairs)]
        return cls(terms=terms, names=[name])
