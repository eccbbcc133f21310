"""``--format text``: a table for the terminal.

Location, check, severity, term and evidence in columns; the message last,
wrapped (never cut) to the width given, its continuation lines indented under
the message column. ``color=True`` (the CLI decides: a TTY and no ``NO_COLOR``)
colours the severity.
"""
from __future__ import annotations

import textwrap

from ..qa import QAReport
from .signature import signature_string

_CAP = {"term": 24, "evidence": 24}
_MIN_MESSAGE = 40
_COLOURS = {"error": "\033[31;1m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def _cut(text: str | None, width: int) -> str:
    text = (text or "-").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _paint(text: str, severity: str, color: bool) -> str:
    return f"{_COLOURS[severity]}{text}{_RESET}" if color and severity in _COLOURS else text


def render(report: QAReport, width: int = 120, color: bool = False) -> str:
    rows = []
    for f in report.findings:
        where = f"{f.document}:{f.line}" if report.batch else str(f.line)
        rows.append(([where, f.check, f.severity, _cut(f.term, _CAP["term"]), _cut(f.evidence, _CAP["evidence"])],
                     f.message.replace("\n", " "), f.severity))
    out = []
    if rows:
        head = ["LINE", "CHECK", "SEVERITY", "TERM", "EVIDENCE"]
        widths = [max(len(r[i]) for r in [c for c, _, _ in rows] + [head]) for i in range(5)]
        indent = sum(widths) + 2 * 5
        room = max(_MIN_MESSAGE, width - indent)
        out.append("  ".join(c.ljust(w) for c, w in zip(head, widths)) + "  MESSAGE")
        for (cells, message, severity), term in zip(rows, [f.term for f in report.findings]):
            text = "  ".join(_paint(c.ljust(w), severity, color) if i == 2 else c.ljust(w)
                             for i, (c, w) in enumerate(zip(cells, widths)))
            lines = textwrap.wrap(message, room, break_on_hyphens=False) or [""]
            out.append(text + "  " + lines[0])
            out.extend(" " * indent + ln for ln in lines[1:])
            if note := report.notes.get(term or ""):  # the glossary entry's note, domain, origin
                out.extend(" " * indent + ln for ln in textwrap.wrap(note, room, break_on_hyphens=False))
    s = report.summary()
    sev = s["by_severity"]
    where = f"{s['segments']} segments" + (f" in {s['documents']} documents" if report.batch else "")
    if s["findings"]:
        out.append("")
        out.append(f"{s['findings']} findings ({sev['error']} errors, {sev['warning']} warnings, {sev['info']} info) "
                   f"in {s['segments_with_findings']} of {where}")
    else:
        out.append(f"no findings in {where}")
    if report.suppressed:
        out.append(f"{len(report.suppressed)} finding(s) suppressed by --ignore")
    for sup in report.stale:
        term = f" {sup.term!r}" if sup.term else ""
        out.append(f"stale suppression (matches nothing now): {sup.check}{term} source {sup.source}"
                   + (f" — {sup.reason}" if sup.reason else ""))
    if report.signature:
        out.append("signature: " + signature_string(report.signature))
    return "\n".join(out) + "\n"
