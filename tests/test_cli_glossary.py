"""The glossary CLI contract that other tools rely on."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = str(ROOT / "glossaries")
SEED = ROOT / "examples" / "seed-article.ar.txt"


def test_check_clean_glossary(cli) -> None:
    r = cli("glossary", "check", GLOSSARY)
    assert r.exit_code == 0 and "ok:" in r.stdout


def test_check_reports_file_line_and_exits_1(cli, tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text("name: x\nterms:\n  - {target: Esper, source: [إسبر]}\n  - {target: Asper, source: [إسبر]}\n"
                   "  - type: person\n    source: [بومبيو]\n", encoding="utf-8")
    r = cli("glossary", "check", str(bad))
    assert r.exit_code == 1
    assert f"{bad}:5: error: term 3 has no 'target'" in r.stderr


def test_match_json_contract(cli) -> None:
    r = cli("glossary", "match", str(SEED), "--glossary", GLOSSARY, "--json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert data["matches"]
    for m in data["matches"]:
        assert set(m) >= {"line", "start", "end", "text", "target", "kind", "score"}
        assert lines[m["line"] - 1][m["start"]:m["end"]] == m["text"]
        assert m["kind"] in ("exact", "normalized", "fuzzy") and 0 <= m["score"] <= 1
    first = data["matches"][0]
    assert first == {"line": 1, "start": 25, "end": 35, "text": "مارك اسبير", "target": "Mark Esper",
                     "kind": "normalized", "score": 1.0}
    fuzzy = [m for m in data["matches"] if m["kind"] == "fuzzy"]
    assert [(m["line"], m["text"], m["target"]) for m in fuzzy] == [(3, "ميليتيم تايمز", "Military Times")]


def test_match_stdin_and_table(cli) -> None:
    r = cli("glossary", "match", "-", "-g", GLOSSARY, input="وقال وإسبر إن\n")
    assert r.exit_code == 0 and "إسبر → Esper" in r.stdout
    r = cli("glossary", "match", "-", "-g", GLOSSARY, "--json", input="وقال وإسبر إن\n")
    assert json.loads(r.stdout)["matches"][0]["text"] == "إسبر"


def test_match_bad_inputs(cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01\x02ELF")
    latin1 = tmp_path / "l.txt"
    latin1.write_bytes("سطر\n".encode() + b"caf\xe9\n")
    bad_yaml = tmp_path / "g.yaml"
    bad_yaml.write_text("terms: [\n")
    cases = [
        ((str(tmp_path / "missing.txt"), "-g", GLOSSARY), "missing.txt: no such file"),
        ((str(empty), "-g", GLOSSARY), "empty.txt: file is empty"),
        ((str(binary), "-g", GLOSSARY), "b.bin:1: binary file"),
        ((str(latin1), "-g", GLOSSARY), "l.txt:2: not valid UTF-8"),
        ((str(SEED), "-g", str(bad_yaml)), "g.yaml:2: malformed YAML"),
        ((str(SEED), "-g", str(tmp_path / "nope.yaml")), "nope.yaml: no such glossary"),
    ]
    for args, message in cases:
        r = cli("glossary", "match", *args)
        assert r.exit_code == 2, args
        assert message in r.stderr
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_console_entry_point_and_module() -> None:
    r = subprocess.run([sys.executable, "-m", "translate", "glossary", "match", str(SEED), "-g", GLOSSARY, "--json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and json.loads(r.stdout)["matches"]
    r = subprocess.run([sys.executable, "-m", "translate", "--version"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("tarjama ")


def test_check_explain_lists_spellings_that_need_context(cli, tmp_path: Path) -> None:
    g = tmp_path / "g.yaml"
    g.write_text("name: g\nsource_lang: ar\ntarget_lang: en\nterms:\n"
                 "  - {target: Esper, type: person, source: [إسبر]}\n"
                 "  - {target: Soleimani, type: person, source: [سليماني, قاسم سليماني]}\n"
                 "  - {target: Madi, type: person, source: [ماضي]}\n", encoding="utf-8")
    r = cli("glossary", "check", str(g), "--explain")
    assert r.exit_code == 0, r.stderr
    notes = r.stdout.splitlines()[:-1]
    assert [n.split(": note: ")[0] for n in notes] == [f"{g}:6", f"{g}:7"]
    assert "'سليماني'" in notes[0] and "title" in notes[0] and "full name" in notes[0]
    assert "'ماضي'" in notes[1]
    assert r.stdout.splitlines()[-1].startswith("ok: 3 terms")
