"""QA reports: one module per format (text, json, html) plus the signature."""
from __future__ import annotations

from ..qa import QAReport

FORMATS = ("text", "json", "html")


def render(report: QAReport, fmt: str) -> str:
    """The report as text in the given format."""
    if fmt == "json":
        from .json import render as r
    elif fmt == "html":
        from .html import render as r
    elif fmt == "text":
        from .text import render as r
    else:
        raise ValueError(f"unknown report format {fmt!r}")
    return r(report)


__all__ = ["FORMATS", "render"]
