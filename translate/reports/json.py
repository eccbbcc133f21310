"""``--format json``: findings, summary and signature for pipelines."""
from __future__ import annotations

import json as _json

from ..qa import QAReport


def render(report: QAReport) -> str:
    batch = report.batch
    record = {
        "findings": [f.to_dict(batch=batch) for f in report.findings],
        "summary": report.summary(),
        "signature": report.signature,
    }
    return _json.dumps(record, ensure_ascii=False, indent=2) + "\n"
