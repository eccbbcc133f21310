"""Suppressions: findings a reviewer has judged false alarms, kept in a file.

A suppression names a finding by its fingerprint — the check, the glossary term
(if any) and a hash of the segment's source text — so it survives line numbers
moving and the target being retranslated, and stops matching when the source
changes. It carries why (``reason``), who (``by``) and when (``at``). The file is
YAML or JSON (JSON is YAML): a list of entries, or ``{"suppressions": [...]}``.

``apply`` moves matching findings to ``report.suppressed`` (counted in the
summary, never errors) and lists the suppressions that matched nothing as
``report.stale``; ``entries_for`` starts a file from a report's findings.
"""
from __future__ import annotations

import datetime as _dt
import getpass
import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Sequence

import yaml

from ..errors import InputError
from ..qa import QAReport
from ..qa.base import Finding

HASH_CHARS = 16  # 64 bits of sha256: no two segments of a real batch collide


def source_hash(source: str) -> str:
    """sha256 of the source segment with its spacing squeezed, shortened."""
    return hashlib.sha256(" ".join(source.split()).encode("utf-8")).hexdigest()[:HASH_CHARS]


@dataclass(frozen=True)
class Suppression:
    check: str
    source: str                   # source_hash() of the segment
    term: str | None = None
    reason: str = ""
    by: str | None = None
    at: str | None = None
    text: str | None = None       # the start of the source, for people reading the file

    @property
    def key(self) -> tuple[str, str | None, str]:
        return (self.check, self.term, self.source)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")} | {"reason": self.reason}


def fingerprint(report: QAReport, finding: Finding) -> tuple[str, str | None, str]:
    segment = report.segment_of(finding)
    return (finding.check, finding.term, source_hash(segment.source if segment else ""))


def load(path: str | Path) -> list[Suppression]:
    """Read a suppression file; every problem is one InputError naming the file and entry."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read suppressions: {exc.strerror or exc}", shown) from None
    except UnicodeDecodeError:
        raise InputError("suppressions are not UTF-8 text", shown) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"not valid YAML/JSON: {getattr(exc, 'problem', None) or exc}", shown,
                         mark.line + 1 if mark else None) from None
    if data is None:
        return []
    if isinstance(data, dict) and "suppressions" in data:
        data = data["suppressions"]
    if not isinstance(data, list):
        raise InputError("expected a list of suppressions (check, term, source, reason)", shown)
    out = []
    for n, entry in enumerate(data, 1):
        if not isinstance(entry, dict):
            raise InputError(f"suppression {n} is not a mapping", shown)
        for key in ("check", "source"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise InputError(f"suppression {n}: '{key}' is missing or not a string", shown)
        unknown = set(entry) - {"check", "source", "term", "reason", "by", "at", "text"}
        if unknown:
            raise InputError(f"suppression {n}: unknown field '{sorted(unknown)[0]}'", shown)
        out.append(Suppression(
            check=entry["check"], source=entry["source"], term=_opt(entry.get("term")),
            reason=str(entry.get("reason") or ""), by=_opt(entry.get("by")), at=_opt(entry.get("at")),
            text=_opt(entry.get("text"))))
    return out


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def apply(report: QAReport, suppressions: list[Suppression]) -> QAReport:
    """Move suppressed findings aside and record the stale suppressions (in place)."""
    if not suppressions:
        return report
    wanted = {s.key: s for s in suppressions}
    used: set[tuple[str, str | None, str]] = set()
    kept, suppressed = [], []
    for f in report.findings:
        key = fingerprint(report, f)
        if key in wanted:
            used.add(key)
            suppressed.append((f, wanted[key]))
        else:
            kept.append(f)
    report.findings, report.suppressed = kept, report.suppressed + suppressed
    ran = set(report.checks)
    # A suppression for a check that did not run this time is not stale: it was not tried.
    report.stale = [s for s in suppressions if s.key not in used and s.check in ran]
    return report


def entries_for(report: QAReport, keep: Sequence[Suppression] = (), reason: str = "",
                by: str | None = None, today: str | None = None) -> list[Suppression]:
    """One suppression per distinct fingerprint of the report's findings, after
    the still-matching ones in ``keep`` (their reasons are kept)."""
    by = by or _user()
    today = today or _dt.date.today().isoformat()
    stale = {s.key for s in report.stale}
    out = {s.key: s for s in keep if s.key not in stale}
    for f in report.findings:
        check, term, digest = fingerprint(report, f)
        if (check, term, digest) in out:
            continue
        segment = report.segment_of(f)
        text = " ".join(segment.source.split())[:60] if segment else None
        out[(check, term, digest)] = Suppression(check, digest, term, reason, by, today, text)
    return list(out.values())


def dump(entries: list[Suppression]) -> str:
    """The YAML text of a suppression file (reviewers fill in each reason)."""
    head = ("# tarjama qa suppressions: findings judged false alarms. Each is matched by\n"
            "# check + term + source (a hash of the source segment). Say why in 'reason'.\n")
    body = yaml.safe_dump([e.to_dict() for e in entries], allow_unicode=True, sort_keys=False, width=100)
    return head + (body if entries else "[]\n")


def _user() -> str | None:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without a passwd entry)
        return None
