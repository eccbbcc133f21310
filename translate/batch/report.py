"""The batch report: every document's status plus QA over the whole batch.

QA runs once more over all finished documents together, so its findings are
per document *and* batch-wide: drift is a term rendered one way in some
documents and another way in others (the ``inconsistent`` check's
batch-scope findings), listed on its own. JSON carries everything; the HTML
page is the QA report's page (:func:`translate.reports.render`) for the same
findings. Nothing time-dependent is written: the same job gives the same bytes.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..documents import Document, Segment
from ..qa import QAReport
from .settings import BatchSettings
from .work import DocResult, Runtime

if TYPE_CHECKING:
    from ..glossary import Glossary


def is_drift(finding) -> bool:
    return finding.check == "inconsistent" and bool(finding.details) and finding.details.get("scope") == "batch"


def batch_qa(results: list[DocResult], settings: BatchSettings, glossary: Glossary | None = None) -> QAReport:
    """QA over the finished documents (failed ones have nothing to check); ``glossary``: already loaded."""
    from dataclasses import replace

    from ..reports.signature import build_signature

    runtime = Runtime(replace(settings, translate=False), glossary=glossary)
    docs = [Document(r.name, [Segment(i, s, t, r.name) for i, (s, t) in enumerate(r.segments, 1)], r.name, r.name)
            for r in results if r.status == "done"]
    report = runtime.qa(docs)
    report.signature = build_signature(runtime.glossary.files, report.checks, runtime.match_settings.as_dict(),
                                       runtime.qa_settings.as_dict(), settings.fingerprints.get("model"))
    report.signature["batch"] = {k: v for k, v in settings.signature_record().items()
                                 if k in ("translate", "fmt", "source_lang", "target_lang", "beam_size", "compute_type")}
    return report


def render_json(results: list[DocResult], report: QAReport) -> str:
    per_doc: dict[str, int] = {}
    for f in report.findings:
        per_doc[f.document] = per_doc.get(f.document, 0) + 1
    documents = []
    for r in results:
        entry: dict[str, Any] = {"name": r.name, "status": r.status}
        if r.status == "failed":
            entry["reason"] = r.reason
        else:
            entry.update(format=r.format, units=r.units, translated=r.translated, corrections=r.corrections,
                         unplaced=r.unplaced, review=r.review, findings=per_doc.get(r.name, 0))
        documents.append(entry)
    summary = report.summary()
    summary.update(done=sum(r.status == "done" for r in results), failed=sum(r.status == "failed" for r in results),
                   drift=sum(is_drift(f) for f in report.findings))
    record = {
        "summary": summary,
        "documents": documents,
        "drift": [f.to_dict(batch=True) for f in report.findings if is_drift(f)],
        "findings": [f.to_dict(batch=True) for f in report.findings],
        "signature": report.signature,
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def render_html(report: QAReport) -> str:
    from ..reports import render

    return render(report, "html")
