"""`tarjama qa` for a reviewer (issue 15): blank targets fail, suppressions,
TSV/CSV exports, wrapped and coloured text, inputs in header and signature, and
a --help that teaches — all through the real CLI."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from test_qa_cli import BAD, CLEAN, GLOSSARY, ROOT, SRC, qa


@pytest.fixture
def blanked(tmp_path) -> Path:
    """The clean seed translation with line 4 left blank and line 8 doubled a word."""
    lines = CLEAN.read_text(encoding="utf-8").split("\n")
    lines[3] = ""
    lines[7] = lines[7].replace(" the ", " the the ", 1)
    out = tmp_path / "seed.blank.en.txt"
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def test_a_blank_target_is_an_error_not_a_pass(cli, blanked):
    r = qa(cli, "-s", SRC, "-t", blanked, "-g", GLOSSARY, "-f", "json")
    assert r.exit_code == 1
    got = {(f["line"], f["check"], f["severity"]) for f in json.loads(r.stdout)["findings"]}
    assert (4, "empty-target", "error") in got and (8, "repeated-word", "warning") in got
    assert {c for n, c, _ in got if n == 4} == {"empty-target"}  # not also every term "missing" from it


@pytest.mark.parametrize("value", ["", ",,,", " , "])
def test_check_naming_nothing_is_a_usage_error(cli, value):
    r = qa(cli, "-s", SRC, "-t", CLEAN, "--check", value)
    assert r.exit_code == 2 and "names no check" in r.stderr and "term-missing" in r.stderr


def test_glossary_check_without_glossary_is_a_usage_error(cli):
    r = qa(cli, "-s", SRC, "-t", BAD, "-c", "term-missing")
    assert r.exit_code == 2 and "term-missing needs a glossary" in r.stderr


def test_check_subset_comma_and_repeat(cli, blanked):
    r = qa(cli, "-s", SRC, "-t", blanked, "-c", "empty-target,whitespace", "-c", "repeated-word", "-f", "json")
    data = json.loads(r.stdout)
    assert data["signature"]["checks"] == ["empty-target", "repeated-word", "whitespace"]
    assert {f["check"] for f in data["findings"]} == {"empty-target", "repeated-word"}


def test_help_lists_choices_and_ends_with_examples(cli):
    r = cli("qa", "--help")
    assert r.exit_code == 0
    text = re.sub(r"-\s+", "-", r.stdout)  # a long name may wrap at its hyphen
    assert "<text|json|html|tsv|csv>" in text and "<error|warning|never>" in text
    for name in ("segment-consistency", "length-ratio", "placeables", "term-missing"):
        assert name in text
    assert "<list" not in text and "<str>" not in text  # no programmer placeholders
    tail = text[text.index("Examples:"):]
    assert tail.count("tarjama qa ") >= 3 and "--ignore" in tail


def test_suppressions_round_trip(cli, tmp_path, blanked):
    ignore = tmp_path / "ok.yaml"
    r = qa(cli, "-s", SRC, "-t", blanked, "-g", GLOSSARY, "--write-ignore", ignore, "-f", "json")
    assert r.exit_code == 1 and "suppression(s) written" in r.stderr
    entries = yaml.safe_load(ignore.read_text(encoding="utf-8"))
    checks = [e["check"] for e in entries]
    assert {"empty-target", "repeated-word"} <= set(checks) and len(entries) == len(set(
        (e["check"], e.get("term"), e["source"]) for e in entries))
    digest = hashlib.sha256(" ".join(SRC.read_text(encoding="utf-8").split("\n")[3].split()).encode()).hexdigest()
    empty = next(e for e in entries if e["check"] == "empty-target")
    assert empty["source"] == digest[:16] and "reason" in empty and empty["at"]
    # the reviewer keeps two of them, with reasons; the blank line is fixed in the meantime
    kept = [dict(e, reason="the source line is a dateline") for e in entries if e["check"] != "repeated-word"]
    ignore.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")  # JSON is accepted too
    fixed = CLEAN.read_text(encoding="utf-8").replace(" the ", " the the ", 1)
    target = tmp_path / "fixed.en.txt"
    target.write_text(fixed, encoding="utf-8")
    r = qa(cli, "-s", SRC, "-t", target, "-g", GLOSSARY, "--ignore", ignore, "-f", "json")
    data = json.loads(r.stdout)
    assert {f["check"] for f in data["findings"]} == {"repeated-word"}
    # everything kept but the fixed blank line (now stale) is suppressed — the seed's garbled source name
    assert data["summary"]["suppressed"] == len(kept) - 1 >= 1
    assert {s["check"] for s in data["suppressed"]} == {e["check"] for e in kept} - {"empty-target"}
    assert all(s["suppression"]["reason"] == "the source line is a dateline" for s in data["suppressed"])
    assert [s["check"] for s in data["stale_suppressions"]] == ["empty-target"]
    assert "match nothing now" in r.stderr
    assert r.exit_code == 0  # the one error left (none) — repeated-word is a warning
    text = qa(cli, "-s", SRC, "-t", target, "-g", GLOSSARY, "--ignore", ignore).stdout
    assert f"{len(kept) - 1} finding(s) suppressed" in text and "stale suppression (matches nothing now): empty-target" in text


def test_suppressed_error_does_not_fail(cli, tmp_path, blanked):
    ignore = tmp_path / "ok.yaml"
    qa(cli, "-s", SRC, "-t", blanked, "--write-ignore", ignore, "-c", "empty-target")
    r = qa(cli, "-s", SRC, "-t", blanked, "--ignore", ignore, "-c", "empty-target", "-f", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["summary"]["suppressed"] == 1


@pytest.mark.parametrize("content,needle", [
    ("check: [\n", "not valid YAML/JSON"),
    ("- check: term-missing\n", "suppression 1: 'source' is missing"),
    ("- 3\n", "suppression 1 is not a mapping"),
    ("- {check: x, source: y, colour: red}\n", "unknown field 'colour'"),
    ("a: b\n", "expected a list"),
])
def test_bad_suppression_file_is_one_line_exit_2(cli, tmp_path, content, needle):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    r = qa(cli, "-s", SRC, "-t", CLEAN, "--ignore", bad)
    assert r.exit_code == 2 and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and needle in lines[0], r.stderr


@pytest.mark.parametrize("fmt,delimiter,bom", [("tsv", "\t", ""), ("csv", ",", "\ufeff")])
def test_exports_one_row_per_finding(cli, tmp_path, fmt, delimiter, bom):
    out = tmp_path / f"findings.{fmt}"
    r = qa(cli, "-s", SRC, "-t", BAD, "-g", GLOSSARY, "-f", fmt, "-o", out)
    assert r.exit_code == 1
    raw = out.read_text(encoding="utf-8")
    assert raw.startswith(bom + "segment") and (bom or not raw.startswith("\ufeff"))
    rows = list(csv.DictReader(io.StringIO(raw.lstrip("\ufeff"), newline=""), delimiter=delimiter))
    report = json.loads(qa(cli, "-s", SRC, "-t", BAD, "-g", GLOSSARY, "-f", "json").stdout)
    assert len(rows) == len(report["findings"])
    assert list(rows[0]) == ["segment", "check", "severity", "term", "evidence", "message", "source", "target"]
    forbidden = next(r for r in rows if r["check"] == "forbidden")
    src_lines = SRC.read_text(encoding="utf-8").split("\n")
    assert (forbidden["segment"], forbidden["term"], forbidden["evidence"]) == ("9", "Pompeo", "Bompeo")
    assert forbidden["source"] == src_lines[8] and "Bompeo" in forbidden["target"]


def test_text_wraps_long_messages_instead_of_cutting(cli):
    r = qa(cli, "-s", SRC, "-t", BAD, "-g", GLOSSARY)
    assert "…" not in "".join(ln for ln in r.stdout.splitlines() if "MESSAGE" not in ln and "Military" in ln)
    garbled = [f for f in json.loads(qa(cli, "-s", SRC, "-t", BAD, "-g", GLOSSARY, "-f", "json").stdout)["findings"]
               if f["check"] == "garbled-source"][0]["message"]
    assert len(garbled) > 110
    flat = " ".join(r.stdout.split())
    assert " ".join(garbled.split()) in flat  # every word of it, in order
    assert max(len(ln) for ln in r.stdout.splitlines() if not ln.startswith("signature:")) <= 120
    assert "\033[" not in r.stdout  # not a terminal: no colour


def _run_in_pty(args: list[str], env: dict[str, str]) -> str:
    import pty

    master, slave = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "translate", *args], stdout=slave, stderr=subprocess.PIPE,
                          env=env, cwd=ROOT, timeout=120)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.returncode == 1, proc.stderr
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_unless_no_color(tmp_path):
    args = ["qa", "-s", str(SRC), "-t", str(BAD), "-g", str(GLOSSARY)]
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TARJAMA_HOME": str(tmp_path)}
    coloured = _run_in_pty(args, env)
    assert "\033[31;1merror" in coloured and "\033[0m" in coloured
    plain = _run_in_pty(args, env | {"NO_COLOR": "1"})
    assert "\033[" not in plain and "error" in plain


def test_inputs_named_in_header_and_signature(cli, tmp_path):
    out = tmp_path / "qa.html"
    qa(cli, "-s", SRC, "-t", BAD, "-g", GLOSSARY, "-f", "html", "-o", out)
    page = out.read_text(encoding="utf-8")
    sha = hashlib.sha256(BAD.read_bytes()).hexdigest()
    header = page[page.index("<header>"):page.index("</header>")]
    assert str(BAD) in header and sha[:16] in header and ">13<" in header and "checked 20" in header
    footer = page[page.index("<footer"):]
    assert f"input:seed.injected.en.txt@{sha[:12]}" in footer
    data = json.loads(qa(cli, "-s", SRC, "-t", BAD, "-f", "json").stdout)
    assert data["signature"]["inputs"][1] == {"file": str(BAD), "sha256": sha}
    assert data["inputs"][0] == {"role": "source", "file": str(SRC),
                                 "sha256": hashlib.sha256(SRC.read_bytes()).hexdigest(), "segments": 13}


def test_html_lists_suppressed_and_stale(cli, tmp_path, blanked):
    ignore = tmp_path / "ok.yaml"
    qa(cli, "-s", SRC, "-t", blanked, "-g", GLOSSARY, "--write-ignore", ignore)
    entries = yaml.safe_load(ignore.read_text(encoding="utf-8"))
    entries.append({"check": "forbidden", "term": "Pompeo", "source": "0" * 16, "reason": "old article"})
    ignore.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "qa.html"
    r = qa(cli, "-s", SRC, "-t", blanked, "-g", GLOSSARY, "--ignore", ignore, "-f", "html", "-o", out)
    assert r.exit_code == 0 and "1 suppression(s)" in r.stderr
    page = out.read_text(encoding="utf-8")
    assert '<article class="card' not in page  # everything found is suppressed
    assert f"{len(entries) - 1} suppressed finding(s)" in page
    stale = page[page.index("stale suppression(s)"):]
    assert "forbidden" in stale and "old article" in stale and "0" * 16 in stale


def test_directory_inputs_listed_per_file(cli, tmp_path):
    ar, en = tmp_path / "ar", tmp_path / "en"
    ar.mkdir()
    en.mkdir()
    for name, src, tgt in (("a.txt", "قال الوزير إن الاجتماع انتهى.\n", "The minister said the meeting ended.\n"),
                           ("b.txt", "سأرسل إليك صورة الآن.\nشكرا\n", "I will send you an image now.\nThanks\n")):
        (ar / name).write_text(src, encoding="utf-8")
        (en / name).write_text(tgt, encoding="utf-8")
    data = json.loads(qa(cli, "-s", ar, "-t", en, "-f", "json").stdout)
    files = [(i["role"], Path(i["file"]).name, i["segments"]) for i in data["inputs"]]
    assert files == [("source", "a.txt", 1), ("target", "a.txt", 1), ("source", "b.txt", 2), ("target", "b.txt", 2)]
    assert data["inputs"][3]["sha256"] == hashlib.sha256((en / "b.txt").read_bytes()).hexdigest()
    assert len(data["signature"]["inputs"]) == 4
