"""``--format text``: a compact table for the terminal."""
from __future__ import annotations

from ..qa import QAReport
from .signature import signature_string

_CAP = {"term": 24, "evidence": 24, "message": 110}


def _cut(text: str | None, width: int) -> str:
    text = (text or "-").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def render(report: QAReport) -> str:
    rows = []
    for f in report.findings:
        where = f"{f.document}:{f.line}" if report.batch else str(f.line)
        rows.append([where, f.check, f.severity, _cut(f.term, _CAP["term"]),
                     _cut(f.evidence, _CAP["evidence"]), _cut(f.message, _CAP["message"])])
    out = []
    if rows:
        head = ["LINE", "CHECK", "SEVERITY", "TERM", "EVIDENCE", "MESSAGE"]
        widths = [max(len(r[i]) for r in rows + [head]) for i in range(5)]
        for r, f in zip([head] + rows, [None] + report.findings):
            out.append("  ".join(c.ljust(w) for c, w in zip(r[:5], widths)) + "  " + r[5])
            info = (f.details or {}).get("term_info") if f is not None else None
            if info:  # issue 13: the glossary entry's note, domain and origin
                out.append(" " * (widths[0] + 2) + "; ".join(f"{k}: {_cut(v, _CAP['message'])}" for k, v in info.items()))
    s = report.summary()
    sev = s["by_severity"]
    where = f"{s['segments']} segments" + (f" in {s['documents']} documents" if report.batch else "")
    if s["findings"]:
        out.append("")
        out.append(f"{s['findings']} findings ({sev['error']} errors, {sev['warning']} warnings) "
                   f"in {s['segments_with_findings']} of {where}")
    else:
        out.append(f"no findings in {where}")
    if report.signature:
        out.append("signature: " + signature_string(report.signature))
    return "\n".join(out) + "\n"
