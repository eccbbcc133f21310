"""``--format json``: findings, summary, inputs and signature for pipelines."""
from __future__ import annotations

import json as _json

from ..qa import QAReport


def render(report: QAReport) -> str:
    batch = report.batch
    record = {
        "findings": [_with_note(f.to_dict(batch=batch), report) for f in report.findings],
        "suppressed": [f.to_dict(batch=batch) | {"suppression": s.to_dict()} for f, s in report.suppressed],
        "stale_suppressions": [s.to_dict() for s in report.stale],
        "summary": report.summary(),
        "inputs": report.inputs,
        "created": report.created,
        "signature": report.signature,
    }
    return _json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def _with_note(record: dict, report: QAReport) -> dict:
    info = report.term_info.get(record.get("term") or "")
    return record | {"term_info": info} if info else record
