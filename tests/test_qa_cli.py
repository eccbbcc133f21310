"""`tarjama qa`: exit codes a pipeline can gate on, and one-line input errors."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "qa"
ROOT = Path(__file__).resolve().parent.parent
SRC, CLEAN, BAD = DATA / "seed.ar.txt", DATA / "seed.en.txt", DATA / "seed.injected.en.txt"
GLOSSARY = ROOT / "glossaries" / "us-iraq-news.yaml"


def qa(cli, *args):
    return cli("qa", *[str(a) for a in args])


def test_findings_exit_1_and_json_report(cli):
    r = qa(cli, "--source", SRC, "--target", BAD, "--glossary", GLOSSARY, "--format", "json")
    assert r.exit_code == 1, r.stderr
    report = json.loads(r.stdout)
    first = report["findings"][0]
    assert {"line", "check", "severity", "term", "message", "evidence"} <= set(first)
    assert "document" not in first  # a single pair is not a batch
    assert {(f["check"], f["line"]) for f in report["findings"]} >= {("term-missing", 5), ("forbidden", 9)}
    assert report["summary"]["segments"] == 13 and report["summary"]["by_severity"]["error"] >= 5
    sig = report["signature"]
    assert sig["tarjama"] and sig["model"] is None
    assert sig["glossaries"] == [{"file": str(GLOSSARY), "sha256": hashlib.sha256(GLOSSARY.read_bytes()).hexdigest()}]
    assert sig["thresholds"]["matching"]["fuzzy"]["min_score"] and "qa" in sig["thresholds"]


def test_fail_on_levels(cli):
    # The clean translation has one warning (the garbled source name) and no error.
    base = ["--source", SRC, "--target", CLEAN, "--glossary", GLOSSARY]
    assert qa(cli, *base).exit_code == 0
    assert qa(cli, *base, "--fail-on", "warning").exit_code == 1
    assert qa(cli, "--source", SRC, "--target", BAD, "--glossary", GLOSSARY, "--fail-on", "never").exit_code == 0


def test_text_report_is_a_table(cli):
    r = qa(cli, "-s", SRC, "-t", BAD, "-g", GLOSSARY)
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["LINE", "CHECK", "SEVERITY", "TERM", "EVIDENCE", "MESSAGE"]
    assert any(ln.split()[:3] == ["9", "forbidden", "error"] for ln in lines)
    assert any(ln.startswith("signature: tarjama:") for ln in lines)


def test_output_file_written_atomically(cli, tmp_path):
    out = tmp_path / "report.html"
    r = qa(cli, "-s", SRC, "-t", BAD, "-g", GLOSSARY, "-f", "html", "-o", out)
    assert r.exit_code == 1 and r.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left behind


def test_jsonl_batch_from_cli(cli, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "x", "source": "وقال بومبيو", "target": "Bompeo said"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    r = qa(cli, "--source", batch, "--glossary", GLOSSARY, "--format", "json")
    assert r.exit_code == 1
    findings = json.loads(r.stdout)["findings"]
    assert findings and all(f["document"] == "x" and f["line"] == 1 for f in findings)


def _one_error_line(r) -> str:
    assert r.exit_code == 2, (r.exit_code, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr + r.stdout
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tarjama: error: "), r.stderr
    return lines[0]


def test_missing_file(cli, tmp_path):
    line = _one_error_line(qa(cli, "-s", tmp_path / "nope.ar", "-t", CLEAN, "-g", GLOSSARY))
    assert "nope.ar: no such file" in line


def test_mismatched_line_counts_name_both_files(cli, tmp_path):
    short = tmp_path / "short.en"
    short.write_text("one line\n", encoding="utf-8")
    line = _one_error_line(qa(cli, "-s", SRC, "-t", short, "-g", GLOSSARY))
    assert f"{SRC} has 13 lines" in line and f"{short} has 1" in line


def test_bad_jsonl_line_names_file_and_line(cli, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": 1, "source": "نص", "target": "text"}\n{oops}\n', encoding="utf-8")
    line = _one_error_line(qa(cli, "-s", batch, "-g", GLOSSARY))
    assert f"{batch}:2: not valid JSON" in line


def test_bad_glossary_names_file_and_line(cli, tmp_path):
    bad = tmp_path / "g.yaml"
    bad.write_text("terms:\n  - source: [x]\n", encoding="utf-8")
    line = _one_error_line(qa(cli, "-s", SRC, "-t", CLEAN, "-g", bad))
    assert f"{bad}:2:" in line


@pytest.mark.parametrize("args,needle", [
    (["--format", "pdf"], "pdf"),
    (["--fail-on", "sometimes"], "sometimes"),
    (["--check", "spelling"], "unknown check 'spelling'"),
])
def test_usage_errors_exit_2(cli, args, needle):
    r = qa(cli, "-s", SRC, "-t", CLEAN, "-g", GLOSSARY, *args)
    assert r.exit_code == 2 and needle in r.stderr and "Traceback" not in r.stderr


def test_unknown_model_is_an_input_error(cli):
    line = _one_error_line(qa(cli, "-s", SRC, "-t", CLEAN, "-g", GLOSSARY, "--model", "no-such-model"))
    assert "no-such-model" in line


def test_model_recorded_in_signature(cli, tiny_model):
    r = qa(cli, "-s", SRC, "-t", CLEAN, "-g", GLOSSARY, "--model", tiny_model, "-f", "json")
    model = json.loads(r.stdout)["signature"]["model"]
    assert model["name"] == Path(tiny_model).name and len(model["sha256"]) == 64
