"""Glossary records."""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields

from ..bulk import gc_paused

TERM_TYPES = ("person", "organization", "outlet", "place", "title", "other")
# How a rendering's case counts: names are matched in any case (ESPER is Esper);
# an acronym that is also a word (WHO / who) must be matched exactly.
CASES = ("insensitive", "exact")
# What a term base says of each English rendering, as tarjama keeps it.
STATUSES = ("preferred", "admitted", "forbidden")

# Types whose Arabic spellings are transliterations of foreign names, where unseen
# vowel/letter variants are expected and fuzzy matching is worth its risk.
TRANSLITERATED_TYPES = frozenset({"person", "organization", "outlet", "place"})
_new, _setattr = object.__new__, object.__setattr__


@dataclass(frozen=True)
class Term:
    """One glossary entry: every Arabic spelling in ``source`` must become ``target``.

    ``also`` are other accepted renderings (admitted in TBX terms): enforcement
    leaves them as they are and QA does not flag them. ``forbidden`` ones are
    flagged and fixed. ``domain`` and ``origin`` (where the entry came from) are
    shown beside findings so a reviewer knows whose rule it is.
    """

    target: str
    source: tuple[str, ...]
    type: str = "other"
    forbidden: tuple[str, ...] = ()
    note: str | None = None
    file: str | None = None
    line: int | None = None
    index: int = 0  # position in its file, 1-based
    also: tuple[str, ...] = ()
    case: str = "insensitive"
    domain: str | None = None
    origin: str | None = None

    @classmethod
    def from_fields(cls, fields: dict) -> "Term":
        """The term whose fields are ``fields``, which must name every field (the
        dict becomes the term's own). A frozen dataclass's ``__init__`` sets each
        field through ``object.__setattr__``: for the 65k-name list 0.11 s against
        0.04 s this way, for loaders that build thousands of terms at once."""
        term = _new(cls)
        _setattr(term, "__dict__", fields)
        return term

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.file else f"term {self.index}"

    def accepted_renderings(self) -> tuple[str, ...]:
        """The target first, then every other rendering a translation may keep."""
        return (self.target, *self.also)

    def status_of(self, english: str) -> str | None:
        """'preferred', 'admitted', 'forbidden' or None for an English form."""
        fold = (lambda s: s) if self.case == "exact" else str.casefold
        key = fold(english)
        if key == fold(self.target):
            return "preferred"
        if any(key == fold(a) for a in self.also):
            return "admitted"
        if any(key == fold(f) for f in self.forbidden):
            return "forbidden"
        return None


#: Every field of :class:`Term` that has a default, with it, in field order: what
#: a loader building terms with :meth:`Term.from_fields` starts from.
TERM_DEFAULTS: dict[str, object] = {f.name: f.default for f in fields(Term) if f.default is not MISSING}


@dataclass(frozen=True)
class Conflict:
    """One Arabic spelling given two renderings by two glossary files; the file
    named first (on the command line, or in a directory's sorted order) wins."""

    spelling: str
    kept: Term
    dropped: Term

    def __str__(self) -> str:
        return (f"{self.dropped.where}: warning: '{self.spelling}' is also a spelling of "
                f"'{self.kept.target}' ({self.kept.where}); using '{self.kept.target}' "
                f"(the glossary given first wins), not '{self.dropped.target}'")


@dataclass(frozen=True)
class LeftOut:
    """An entry of a term base that is not a term (no Arabic, no English, a sentence): reported by
    ``glossary import``, by every command given the term base as a glossary, and by lint."""

    path: str
    line: int | None
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.why}" if self.line is not None else f"{self.path}: {self.why}"


@dataclass
class Glossary:
    """One or more glossary files merged; terms keep where they came from."""

    terms: list[Term] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    source_lang: str = "ar"
    target_lang: str = "en"
    conflicts: list[Conflict] = field(default_factory=list)
    #: Entries of a term base (TBX/CSV/TSV/TMX) that are no term, each with its file, line and why.
    skipped: list[LeftOut] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.terms)

    def extend(self, other: "Glossary") -> None:
        self.terms.extend(other.terms)
        self.names.extend(other.names)
        self.files.extend(other.files)
        self.conflicts.extend(other.conflicts)
        self.skipped.extend(other.skipped)

    def term_info(self) -> dict[str, dict[str, str]]:
        """Note, domain and origin by target, for terms that have any: what a QA
        report shows beside a finding so the reviewer knows whose rule it is."""
        info: dict[str, dict[str, str]] = {}
        for t in self.terms:
            fields = {k: v for k, v in (("note", t.note), ("domain", t.domain), ("origin", t.origin)) if v}
            if fields and t.target not in info:
                info[t.target] = fields
        return info

    @classmethod
    @gc_paused()
    def from_pairs(cls, pairs: list[tuple[str, str]], type: str = "person", name: str = "pairs") -> "Glossary":
        """Build a glossary from (arabic, english) pairs, e.g. a name list."""
        terms = [Term(target=en, source=(ar,), type=type, index=i + 1) for i, (ar, en) in enumerate(pairs)]
        return cls(terms=terms, names=[name])
