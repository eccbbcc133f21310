"""A term base (TBX, CSV, TSV) given to -g is read as it is: the same corrections and findings as the
YAML `glossary import` makes of it, left-out entries warned about, errors at file:line."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from translate.glossary import load_glossaries

DATA = Path(__file__).parent / "data" / "glossary"
TERM_BASES = ["tbx-basic-v2.tbx", "tbx-v3-dct.tbx", "spreadsheet-crlf.csv", "bom.csv"]


def _misspelled(target: str) -> str:
    """The target with one inner letter of its longest word dropped: a rendering enforce must fix."""
    words = target.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    w = words[longest]
    words[longest] = w[: len(w) // 2] + w[len(w) // 2 + 1:] if len(w) > 4 else w
    return " ".join(words)


def _pair(tmp_path: Path, glossary) -> tuple[Path, Path]:
    """One line per term: its first Arabic spelling in a sentence, and the English with the target misspelled."""
    ar, en = [], []
    for term in glossary.terms:
        ar.append(f"وقال {term.source[0]} إن الاجتماع انتهى.")
        en.append(f"{_misspelled(term.target)} said the meeting ended.")
    src, tgt = tmp_path / "src.ar.txt", tmp_path / "tgt.en.txt"
    src.write_text("\n".join(ar) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(en) + "\n", encoding="utf-8")
    return src, tgt


@pytest.mark.parametrize("name", TERM_BASES)
def test_a_term_base_enforces_and_checks_like_its_import(cli, tmp_path, name):
    base = DATA / name
    yaml_copy = tmp_path / "imported.yaml"
    assert cli("glossary", "import", base, "-o", yaml_copy).exit_code == 0
    direct, imported = load_glossaries([base]), load_glossaries([yaml_copy])
    assert [(t.target, t.source, t.also, t.forbidden, t.type) for t in direct.terms] == \
           [(t.target, t.source, t.also, t.forbidden, t.type) for t in imported.terms]
    src, tgt = _pair(tmp_path, direct)
    by_base = cli("enforce", "-s", src, "-t", tgt, "-g", base)
    by_yaml = cli("enforce", "-s", src, "-t", tgt, "-g", yaml_copy)
    assert by_base.exit_code == by_yaml.exit_code == 0, by_base.stderr
    assert by_base.stdout == by_yaml.stdout and by_base.stdout != tgt.read_text(encoding="utf-8")
    assert by_base.stderr.splitlines()[-1] == by_yaml.stderr.splitlines()[-1]  # the summary line

    def findings(glossary: Path) -> list[tuple]:
        qa = cli("qa", "-s", src, "-t", tgt, "-g", glossary, "-f", "json", "--fail-on", "never")
        assert qa.exit_code == 0, qa.stderr
        found = json.loads(qa.stdout)["findings"]
        assert all(f"(glossary {glossary}:" in f["message"] for f in found if f["check"] == "term-missing")
        return [(f["check"], f["line"], f.get("term"), re.sub(r" \(glossary [^)]*\)", "", f["message"]))
                for f in found]

    assert findings(base) == findings(yaml_copy) != []


def test_left_out_entries_are_warned_not_dropped_silently(cli, tmp_path):
    base = tmp_path / "desk.csv"
    rows = ["ar,en"] + [f"اسم{i},Name{i}" for i in range(3)] + [f",Unnamed {i}" for i in range(7)] + ["لا إنجليزية,"]
    base.write_text("\n".join(rows) + "\n", encoding="utf-8")
    src, tgt = tmp_path / "s.txt", tmp_path / "t.txt"
    src.write_text("قال اسم1 ذلك.\n", encoding="utf-8")
    tgt.write_text("Name1 said so.\n", encoding="utf-8")
    result = cli("qa", "-s", src, "-t", tgt, "-g", base)
    assert result.exit_code == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warned[0].startswith(f"{base}:5: warning: ") and "no Arabic" in warned[0]
    assert len(warned) == 6 and "3 more term-base entries left out" in warned[-1]
    assert warned[0].endswith("[left-out]")
    # the maintainer's lint lists every one of them, at its line
    lint = cli("glossary", "lint", base)
    listed = [line for line in lint.stderr.splitlines() if line.endswith("[left-out]")]
    assert [line.split(":")[1] for line in listed] == [str(n) for n in range(5, 13)]


def test_lint_and_check_read_a_term_base(cli):
    base = DATA / "tbx-basic-v2.tbx"  # two concepts with Arabic and English, one with English only (line 53)
    check = cli("glossary", "check", base)
    assert check.exit_code == 1 and "must be a mapping" not in check.stderr
    assert check.stderr.splitlines() == [f"{base}:53: warning: concept entry has no Arabic; left out [left-out]",
                                         "1 problem(s): 0 error(s), 1 warning(s)"]
    assert cli("glossary", "lint", base, "--ignore", "left-out").exit_code == 0
    clean = cli("glossary", "lint", DATA / "tbx-v3-dct.tbx")
    assert clean.exit_code == 0 and clean.stdout == f"ok: {len(load_glossaries([DATA / 'tbx-v3-dct.tbx']))} terms in 1 file(s)\n"


@pytest.mark.parametrize("name, text, problem", [
    ("broken.tbx", '<?xml version="1.0"?>\n<martif type="TBX-Basic">\n<text><body>\n<termEntry>\n', "broken.tbx:"),
    ("empty.csv", "ar,en\n", "empty.csv:"),
])
def test_a_bad_term_base_is_one_error_line(cli, tmp_path, name, text, problem):
    base = tmp_path / name
    base.write_text(text, encoding="utf-8")
    src = tmp_path / "s.txt"
    src.write_text("قال الوزير ذلك.\n", encoding="utf-8")
    result = cli("enforce", "-s", src, "-t", src, "-g", base)
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and len(lines) == 1 and problem in lines[0] and "Traceback" not in result.stderr


def test_batch_takes_a_term_base_and_warns_once(cli, tiny_model, tmp_path):
    base = DATA / "tbx-basic-v2.tbx"
    yaml_copy = tmp_path / "imported.yaml"
    assert cli("glossary", "import", base, "-o", yaml_copy).exit_code == 0
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a.txt").write_text("قال تنظيم الدولة الإسلامية إن البنتاغون كذب.\n", encoding="utf-8")
    runs = {}
    for glossary in (base, yaml_copy):
        out = tmp_path / glossary.suffix.strip(".")
        runs[glossary.suffix] = cli("batch", docs, "-o", out, "--model", tiny_model, "--beam-size", "1", "-q",
                                    "-g", glossary)
        assert runs[glossary.suffix].exit_code == 0, runs[glossary.suffix].stderr
    assert runs[".tbx"].stderr == f"{base}:53: warning: concept entry has no Arabic; left out [left-out]\n"
    assert runs[".yaml"].stderr == ""
    assert (tmp_path / "tbx" / "a.txt").read_bytes() == (tmp_path / "yaml" / "a.txt").read_bytes()
