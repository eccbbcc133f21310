"""QA reports: one module per format (text, json, html, tsv/csv) plus the
signature and the suppressions file."""
from __future__ import annotations

from ..qa import QAReport

FORMATS = ("text", "json", "html", "tsv", "csv")


def render(report: QAReport, fmt: str, *, width: int = 120, color: bool = False) -> str:
    """The report as text in the given format (``width``/``color``: text only)."""
    if fmt == "json":
        from .json import render as r
    elif fmt == "html":
        from .html import render as r
    elif fmt == "text":
        from .text import render as text

        return text(report, width=width, color=color)
    elif fmt in ("tsv", "csv"):
        from .table import render_delimited

        return render_delimited(report, fmt)
    else:
        raise ValueError(f"unknown report format {fmt!r}")
    return r(report)


__all__ = ["FORMATS", "render"]
