"""`tarjama enforce` on the command line (issue 5)."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "enforce"
GLOSSARY = str(ROOT / "glossaries" / "us-iraq-news.yaml")
SRC, MT, EXPECTED = (str(DATA / n) for n in ("seed.ar.txt", "seed.mt.en.txt", "seed.expected.en.txt"))


def read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def test_text_output(cli):
    r = cli("enforce", "--source", SRC, "--target", MT, "--glossary", GLOSSARY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == read(EXPECTED)
    assert "correction(s)" in r.stderr


def test_json_offsets_exact(cli):
    r = cli("enforce", "-s", SRC, "-t", MT, "-g", GLOSSARY, "--json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["lines"] == read(EXPECTED).splitlines()
    assert data["corrections"]
    for c in data["corrections"]:
        assert data["lines"][c["line"] - 1][c["start"]:c["end"]] == c["after"]
        assert set(c) >= {"line", "start", "end", "before", "after", "target", "reason"}
    first = data["corrections"][0]
    assert (first["line"], first["before"], first["after"], first["reason"]) == (1, "Mark Esbir", "Mark Esper", "forbidden")
    assert {u["reason"] for u in data["unplaced"]} <= {"missing", "low-score"}


def test_stdin_and_output_file(cli, tmp_path):
    out = tmp_path / "fixed.en.txt"
    r = cli("enforce", "-s", SRC, "-t", "-", "-g", GLOSSARY, "-o", str(out), input=read(MT))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert out.read_text(encoding="utf-8") == read(EXPECTED)
    r = cli("enforce", "-s", "-", "-t", MT, "-g", GLOSSARY, input=read(SRC))
    assert r.stdout == read(EXPECTED)


def test_min_score_setting(cli, tmp_path):
    src = tmp_path / "s.ar.txt"
    src.write_text("أخبر مسؤول صحيفة ميليتيم تايمز\n", encoding="utf-8")  # fuzzy match, score ~0.89
    mt = tmp_path / "m.en.txt"
    mt.write_text("An official told Miltim Times\n", encoding="utf-8")
    r = cli("enforce", "-s", src, "-t", mt, "-g", GLOSSARY, "--json")
    assert json.loads(r.stdout)["lines"] == ["An official told Military Times"]
    r = cli("enforce", "-s", src, "-t", mt, "-g", GLOSSARY, "--json", "--min-score", "0.95")
    data = json.loads(r.stdout)
    assert data["lines"] == ["An official told Miltim Times"]
    # not enforced, and the forbidden form left is named (what `tarjama qa` reports)
    assert [u["reason"] for u in data["unplaced"]] == ["low-score", "forbidden"]
    assert data["unplaced"][1]["english"] == "Miltim Times"


def test_line_count_mismatch(cli, tmp_path):
    mt = tmp_path / "short.en.txt"
    mt.write_text("one line\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    r = cli("enforce", "-s", SRC, "-t", mt, "-g", GLOSSARY, "-o", out)
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert SRC in r.stderr and str(mt) in r.stderr and "13" in r.stderr and " 1" in r.stderr
    assert not out.exists()


def test_error_paths_one_line(cli, tmp_path):
    bad_glossary = tmp_path / "bad.yaml"
    bad_glossary.write_text("terms:\n  - target: [unclosed\n", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"abc\x00def\n")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("caf\xe9\n".encode("latin-1"))
    cases = [
        (("-s", str(tmp_path / "nope.txt"), "-t", MT, "-g", GLOSSARY), "nope.txt: no such file"),
        (("-s", SRC, "-t", MT, "-g", str(bad_glossary)), "bad.yaml"),
        (("-s", SRC, "-t", MT, "-g", str(tmp_path / "none.yaml")), "none.yaml"),
        (("-s", binary, "-t", MT, "-g", GLOSSARY), "bin.txt:1: binary file"),
        (("-s", SRC, "-t", latin1, "-g", GLOSSARY), "latin1.txt:1: not valid UTF-8"),
        (("-s", "-", "-t", "-", "-g", GLOSSARY), "only one of --source and --target"),
        (("-s", SRC, "-t", MT, "-g", GLOSSARY, "-o", str(tmp_path / "no" / "dir.txt")), "does not exist"),
        (("-s", SRC, "-t", MT, "-g", GLOSSARY, "-o", str(tmp_path)), "is a directory"),
        (("-s", tmp_path, "-t", MT, "-g", GLOSSARY), "is a directory"),
    ]
    for args, needle in cases:
        r = cli("enforce", *args, input="")
        assert r.exit_code == 2, (args, r.stderr)
        assert needle in r.stderr, (needle, r.stderr)
        assert r.stderr.startswith("tarjama: error: ") and r.stderr.count("\n") == 1, r.stderr
        assert r.stdout == ""


def test_missing_required_option(cli):
    r = cli("enforce", "-s", SRC, "-g", GLOSSARY)
    assert r.exit_code == 2
    assert "--target" in r.stderr


def test_empty_source_and_blank_lines(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    r = cli("enforce", "-s", empty, "-t", MT, "-g", GLOSSARY)
    assert r.exit_code == 2 and "empty.txt: file is empty" in r.stderr
    blank = tmp_path / "blank.en.txt"
    blank.write_text("\n", encoding="utf-8")
    one = tmp_path / "one.ar.txt"
    one.write_text("قال اسبير\n", encoding="utf-8")
    r = cli("enforce", "-s", one, "-t", blank, "-g", GLOSSARY, "--json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert data["lines"] == [""] and data["unplaced"][0]["reason"] == "missing"


def test_a_surname_after_the_full_name_is_enforced(cli, tmp_path):
    """The whole file is one document: سليماني alone (also an ordinary word) is
    Soleimani once قاسم سليماني has been named, and its English is corrected."""
    glossary = tmp_path / "iran.yaml"
    glossary.write_text("name: iran\nsource_lang: ar\ntarget_lang: en\nterms:\n"
                        "  - {target: Qasem Soleimani, type: person, source: [قاسم سليماني]}\n"
                        "  - {target: Soleimani, type: person, source: [سليماني], forbidden: [Sulaimani]}\n",
                        encoding="utf-8")
    src, mt = tmp_path / "a.ar.txt", tmp_path / "a.en.txt"
    src.write_text("قتل قاسم سليماني في غارة\nوكان سليماني يقود فيلق القدس\n", encoding="utf-8")
    mt.write_text("Qasem Soleimani was killed in a strike\nSulaimani led the Quds Force\n", encoding="utf-8")
    r = cli("enforce", "-s", str(src), "-t", str(mt), "-g", str(glossary), "--json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["lines"][1] == "Soleimani led the Quds Force"
    assert [(c["line"], c["before"], c["after"]) for c in data["corrections"]] == [(2, "Sulaimani", "Soleimani")]
    matched = cli("glossary", "match", str(src), "--glossary", str(glossary), "--json")
    assert [(m["line"], m["text"]) for m in json.loads(matched.stdout)["matches"]] == [
        (1, "قاسم سليماني"), (2, "سليماني")]
