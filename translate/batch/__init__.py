"""Batch localisation jobs: many documents in the exchange formats, translated
(or checked), enforced and QA'd, resumable after any kill, in parallel on one
machine or on Ray, with one report. :func:`run_batch` is the library entry
point; ``tarjama batch`` only parses arguments and calls it."""
from .job import REPORT_FORMATS, BatchOutcome, run_batch
from .settings import BatchSettings
from .work import DocResult, Runtime, process_document

__all__ = ["REPORT_FORMATS", "BatchOutcome", "BatchSettings", "DocResult", "Runtime", "process_document", "run_batch"]
