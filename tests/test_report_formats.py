"""Text and JSON reports, and the signature that makes a result reproducible."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from translate.documents import align
from translate.glossary import load_glossaries
from translate.matching import MatchSettings
from translate.qa import QASettings, run_qa
from translate.reports import render
from translate.reports.signature import build_signature, signature_string

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossaries" / "us-iraq-news.yaml"


def _report(batch: bool = False):
    glossary = load_glossaries([GLOSSARY])
    doc = align("d1" if batch else None, ["وقال بومبيو إن 10 صواريخ أطلقت"], ["Bompeo said 10 rockets were fired"])
    report = run_qa([doc], glossary)
    report.signature = build_signature(glossary.files, report.checks, MatchSettings().as_dict(),
                                       QASettings().as_dict(), {"name": "opus-mt-ar-en", "sha256": "ab" * 32})
    return report


def test_json_shape():
    data = json.loads(render(_report(), "json"))
    assert set(data) == {"findings", "suppressed", "stale_suppressions", "summary", "inputs", "created", "signature"}
    f = data["findings"][0]
    assert (f["line"], f["check"], f["severity"], f["term"], f["evidence"]) == (1, "term-missing", "error", "Pompeo", "Bompeo")
    assert data["summary"]["by_check"]["forbidden"] == 1 and data["summary"]["findings"] == 2


def test_batch_json_adds_document():
    data = json.loads(render(_report(batch=True), "json"))
    assert all(f["document"] == "d1" for f in data["findings"])


def test_signature_is_reproducible():
    sig = _report().signature
    assert sig["glossaries"][0]["sha256"] == hashlib.sha256(GLOSSARY.read_bytes()).hexdigest()
    assert sig["model"] == {"name": "opus-mt-ar-en", "sha256": "ab" * 32}
    one = signature_string(sig)
    assert one.startswith("tarjama:") and "glossary:us-iraq-news.yaml@" in one and "model:opus-mt-ar-en@abababab" in one
    assert "fuzzy:0.75" in one
    # the word-frequency data decides what is ambiguous: its version is part of it
    from importlib.metadata import version
    assert sig["wordfreq"] == version("wordfreq") and f"wordfreq:{version('wordfreq')}" in one
    assert "ambiguous:3.0,2.5/0.75,1.25@6" in one and "context:2.0" in one


def test_text_table_and_clean_summary():
    text = render(_report(), "text")
    assert "Bompeo" in text and "2 findings (2 errors, 0 warnings, 0 info) in 1 of 1 segments" in text
    clean = render(run_qa([align(None, ["قال"], ["He said"])], None), "text")
    assert clean.startswith("no findings in 1 segments")
