"""Terminology QA: named checks over aligned Arabic/English segments.

One module per check (``term_missing``, ``forbidden``, ``inconsistent``,
``garbled_source``, ``untranslated``, ``number``, ``unsupported_term``), all
implementing :class:`~translate.qa.base.Check`; :func:`run_qa` runs them.
"""
from .base import FAIL_LEVELS, SEVERITIES, Check, Finding, QASettings
from .runner import CHECK_NAMES, CHECKS, QAReport, run_qa, select_checks

__all__ = ["CHECKS", "CHECK_NAMES", "FAIL_LEVELS", "SEVERITIES", "Check", "Finding", "QAReport",
           "QASettings", "run_qa", "select_checks"]
