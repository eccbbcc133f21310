"""Terminology and translation QA: named checks over aligned Arabic/English segments.

One module per check, all implementing :class:`~translate.qa.base.Check`:
the glossary checks (``term_missing``, ``forbidden``, ``inconsistent``,
``garbled_source``, ``unsupported_term``), ``untranslated`` and ``number``, and
the reviewer's checks (``empty_target``, ``same_as_source``, ``placeables``,
``length_ratio``, ``segment_consistency``, ``end_punctuation``, ``brackets``
(unbalanced), ``repeated_word``, ``whitespace``). :func:`run_qa` runs them.
"""
from .base import FAIL_LEVELS, SEVERITIES, Check, Finding, QASettings
from .runner import CHECK_NAMES, CHECKS, QAReport, run_qa, select_checks

__all__ = ["CHECKS", "CHECK_NAMES", "FAIL_LEVELS", "SEVERITIES", "Check", "Finding", "QAReport",
           "QASettings", "run_qa", "select_checks"]
