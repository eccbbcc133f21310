"""``--format tsv`` and ``--format csv``: one row per finding, for spreadsheets.

Columns: segment (``line``, or ``document:line`` in a batch), check, severity,
term, evidence, message, source, target. Written by the csv module (quoting,
embedded tabs and newlines handled). CSV starts with a UTF-8 byte-order mark,
which spreadsheet programs need to read Arabic from a CSV file correctly; TSV
has none (it is for scripts and pasting).
"""
from __future__ import annotations

import csv
import io

from ..qa import QAReport

COLUMNS = ("segment", "check", "severity", "term", "evidence", "message", "source", "target")


def _rows(report: QAReport):
    for f in report.findings:
        seg = report.segment_of(f)
        where = f"{f.document}:{f.line}" if report.batch and f.document is not None else str(f.line)
        yield (where, f.check, f.severity, f.term or "", f.evidence or "", f.message,
               seg.source if seg else "", seg.target if seg else "")


def render_delimited(report: QAReport, dialect: str) -> str:
    buf = io.StringIO()
    if dialect == "tsv":
        writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    else:
        buf.write("\ufeff")
        writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_rows(report))
    return buf.getvalue()
