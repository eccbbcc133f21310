"""Glossary maintenance: lint, suggest, in-place edits, stats, and the new model
fields (also, case) as enforcement and QA honour them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from translate.glossary import load_glossary_file

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossaries" / "us-iraq-news.yaml"
SEED = ROOT / "examples" / "seed-article.ar.txt"
CONFLICTS = ROOT / "tests" / "data" / "glossary" / "conflicts.yaml"


def test_lint_reports_each_conflict_kind_with_file_and_line(cli) -> None:
    from translate.maintenance.lint import KINDS

    r = cli("glossary", "lint", CONFLICTS)
    assert r.exit_code == 1
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith(str(CONFLICTS))]
    found = {ln.rsplit("[", 1)[1].rstrip("]"): ln for ln in lines}
    assert set(found) == set(KINDS) - {"left-out"}  # a term-base kind: tests/test_termbase_as_glossary.py
    at = {kind: int(line.split(":")[1]) for kind, line in found.items()}
    assert at == {"two-targets": 7, "fuzzy-overlap": 13, "forbidden-ok": 20, "dup-target": 27, "not-arabic": 30,
                  "dup-spelling": 33, "empty-spelling": 36, "common-word": 39}
    assert "'بومبو' would also be taken by the fuzzy matching of 'Pompeo'" in found["fuzzy-overlap"]
    # check --strict is lint; plain check leaves out the strict kinds; --ignore drops a kind
    assert cli("glossary", "check", "--strict", CONFLICTS).stderr == r.stderr
    assert "[fuzzy-overlap]" not in cli("glossary", "check", CONFLICTS).stderr
    assert "[common-word]" not in cli("glossary", "lint", CONFLICTS, "--ignore", "common-word").stderr


def test_lint_sees_conflicts_between_files(cli, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("terms:\n  - target: Asper\n    type: person\n    source: [إسبر]\n", encoding="utf-8")
    r = cli("glossary", "lint", GLOSSARY, other, "--ignore", "common-word")
    assert r.exit_code == 1
    assert f"{other}:2: error: term 1 (Asper): source 'إسبر' is also a spelling of 'Esper' ({GLOSSARY}:" in r.stderr


def test_suggest_finds_the_seed_variants_a_glossary_lacks(cli, tmp_path: Path) -> None:
    text = GLOSSARY.read_text(encoding="utf-8")
    lacking = tmp_path / "lacking.yaml"
    for listed, kept in (("[إسبر, إسبير, ايسبر]", "[إسبر]"), ("[مارك إسبر, مارك إسبير, مارك ايسبر]", "[مارك إسبر]"),
                         ("[بومبيو, بومبو]", "[بومبيو]"), ("[مايك بومبيو, مايك بومبو]", "[مايك بومبيو]")):
        assert listed in text
        text = text.replace(listed, kept)
    lacking.write_text(text, encoding="utf-8")
    assert "ميليتيم" not in text and "ايسبر" not in text
    patch = tmp_path / "patch.yaml"
    r = cli("glossary", "suggest", SEED, "-g", lacking, "-o", patch)
    assert r.exit_code == 0, r.stderr
    found = {line.split()[2:] and " ".join(line.split("→")[0].split()[2:]): line.split("→")[1].split("(")[0].strip()
             for line in r.stdout.splitlines() if "→" in line and not line.startswith(" " * 10)}
    for spelling, target in (("اسبير", "Esper"), ("ايسبر", "Esper"), ("بومبو", "Pompeo"),
                             ("ميليتيم تايمز", "Military Times")):
        assert any(spelling in s and t.endswith(target) for s, t in found.items()), (spelling, found)
    assert "seed-article.ar.txt:3:" in r.stdout  # a context with file:line
    # the patch is a glossary; applied, the spellings are listed and suggest has nothing left to say
    assert cli("glossary", "apply", lacking, patch).exit_code == 0
    after = cli("glossary", "suggest", SEED, "-g", lacking)
    assert after.stdout.startswith("# 0 variant(s)")


def test_suggest_aligned_proposes_names_from_parallel_news(cli, shared_data: Path, tmp_path: Path) -> None:
    ar, en = tmp_path / "ar.txt", tmp_path / "en.txt"
    for name, path in (("ar", ar), ("en", en)):
        lines = (shared_data / f"ntrex128-newstest2019.{name}.txt").read_text(encoding="utf-8").splitlines()[:500]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    patch = tmp_path / "new.yaml"
    r = cli("glossary", "suggest", ar, "--aligned", en, "-g", GLOSSARY, "--min-count", "3", "-o", patch)
    assert r.exit_code == 0, r.stderr
    proposed = {t.target: t.source for t in load_glossary_file(patch).terms}
    assert len(proposed) >= 10
    # names the glossary lacks, each with the Arabic the news used for it
    assert {"Kavanaugh", "Palu"} <= set(proposed)
    assert not {"Saturday", "The", "But"} & set(proposed)  # calendar words and sentence starts are not names
    assert not {"Trump", "Pompeo"} & set(proposed)  # already in the glossary
    r = cli("glossary", "suggest", ar, "--aligned", tmp_path / "short.txt", "-g", GLOSSARY)
    assert r.exit_code == 2


def test_suggest_reads_jsonl_and_tmx(cli, tmp_path: Path) -> None:
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(json.dumps({"id": "a", "source": "قال ايسبر إن"}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = cli("glossary", "suggest", jsonl, "-g", GLOSSARY)
    assert r.exit_code == 0 and "# 0 variant" in r.stdout  # ايسبر is listed
    r = cli("glossary", "suggest", ROOT / "tests" / "data" / "glossary" / "names.tmx", "-g", GLOSSARY)
    assert r.exit_code == 0 and "new entr" in r.stdout


def test_add_and_apply_keep_comments_and_refuse_conflicts(cli, tmp_path: Path) -> None:
    g = tmp_path / "g.yaml"
    original = GLOSSARY.read_bytes().replace(b"\n", b"\r\n")  # a glossary saved on Windows
    g.write_bytes(original)
    r = cli("glossary", "add", g, "--target", "Asper", "--source", "إسبر", "--type", "person")
    assert r.exit_code == 1 and "refused: Asper: source 'إسبر' is already a spelling of 'Esper'" in r.stderr
    assert g.read_bytes() == original
    r = cli("glossary", "add", g, "--target", "Daesh", "--source", "داعش", "--also", "Esper")
    assert r.exit_code == 1 and g.read_bytes() == original
    r = cli("glossary", "add", g, "-t", "Jens Stoltenberg", "-s", "ينس ستولتنبرغ", "--type", "person",
            "--note", "NATO Secretary General")
    assert r.exit_code == 0, r.stderr
    r = cli("glossary", "add", g, "-t", "Esper", "-s", "اسبيير", "-s", "إسبر")
    assert r.exit_code == 0 and "changed: Esper: +source 'اسبيير'" in r.stdout
    new = g.read_bytes()
    assert b"\r\n" in new and b"\n" not in new.replace(b"\r\n", b"")  # line endings kept
    old_lines, new_lines = original.decode().split("\r\n"), new.decode().split("\r\n")
    changed = [(a, b) for a, b in zip(old_lines[:-1], new_lines) if a != b]
    assert changed == [("    source: [إسبر, إسبير, ايسبر]", "    source: [إسبر, إسبير, ايسبر, اسبيير]")]
    assert new_lines[len(old_lines) - 1:] == ["  - target: Jens Stoltenberg", "    type: person",
                                              "    source: [ينس ستولتنبرغ]", "    note: NATO Secretary General", ""]
    assert [ln for ln in new_lines if ln.lstrip().startswith("#")] == [ln for ln in old_lines if ln.lstrip().startswith("#")]
    esper = next(t for t in load_glossary_file(g).terms if t.target == "Esper")
    assert esper.source == ("إسبر", "إسبير", "ايسبر", "اسبيير")
    assert not list(tmp_path.glob(".*part"))
    r = cli("glossary", "add", g, "-t", "Esper", "-s", "إسبر", "--type", "place")
    assert r.exit_code == 1 and "would change type from 'person' to 'place'" in r.stderr
    fresh = tmp_path / "fresh.yaml"
    assert cli("glossary", "add", fresh, "-t", "ISIS", "-s", "داعش", "--also", "Islamic State").exit_code == 0
    assert [(t.target, t.source, t.also) for t in load_glossary_file(fresh).terms] == [
        ("ISIS", ("داعش",), ("Islamic State",))]


def test_stats(cli) -> None:
    r = cli("glossary", "stats", GLOSSARY, "--corpus", SEED, "--json")
    data = json.loads(r.stdout)
    glossary = load_glossary_file(GLOSSARY)
    assert data["terms"] == len(glossary) and sum(data["by_type"].values()) == len(glossary)
    assert data["renderings"]["forbidden"] == sum(len(t.forbidden) for t in glossary.terms)
    assert sum(data["spellings_per_entry"].values()) == len(glossary)
    assert data["coverage"]["segments"] == 13 and 0 < data["coverage"]["terms_used"] < len(glossary)
    assert "coverage:" in cli("glossary", "stats", GLOSSARY, "--corpus", SEED).stdout


@pytest.fixture
def isis(tmp_path: Path) -> Path:
    g = tmp_path / "isis.yaml"
    g.write_text("terms:\n"
                 "  - target: ISIS\n    type: organization\n    source: [داعش, تنظيم الدولة]\n"
                 "    also: [Islamic State]\n    forbidden: [Daesh]\n"
                 "  - target: WHO\n    type: organization\n    source: [منظمة الصحة العالمية]\n    case: exact\n",
                 encoding="utf-8")
    return g


def test_also_is_accepted_by_enforce_and_qa(cli, isis: Path, tmp_path: Path) -> None:
    src, tgt = tmp_path / "ar.txt", tmp_path / "en.txt"
    src.write_text("هاجم تنظيم الدولة القرية\nهاجم تنظيم الدولة القرية\n", encoding="utf-8")
    tgt.write_text("The Islamic State attacked the village\nDaesh attacked the village\n", encoding="utf-8")
    r = cli("enforce", "-s", src, "-t", tgt, "-g", isis, "--json")
    record = json.loads(r.stdout)
    assert record["lines"] == ["The Islamic State attacked the village", "ISIS attacked the village"]
    r = cli("qa", "-s", src, "-t", tgt, "-g", isis, "-f", "json", "--fail-on", "never")
    findings = json.loads(r.stdout)["findings"]
    assert {f["line"] for f in findings if f["check"] in ("term-missing", "forbidden")} == {2}


def test_case_exact_term_counts_only_its_own_case(cli, isis: Path, tmp_path: Path) -> None:
    src, tgt = tmp_path / "ar.txt", tmp_path / "en.txt"
    src.write_text("قالت منظمة الصحة العالمية\nقالت منظمة الصحة العالمية\n", encoding="utf-8")
    tgt.write_text("The WHO said\nThe who said\n", encoding="utf-8")
    r = cli("qa", "-s", src, "-t", tgt, "-g", isis, "-f", "json", "--fail-on", "never", "-c", "term-missing")
    assert [f["line"] for f in json.loads(r.stdout)["findings"]] == [2]


def test_qa_shows_the_entry_note_domain_and_origin(cli, isis: Path, tmp_path: Path) -> None:
    g = tmp_path / "noted.yaml"
    g.write_text("terms:\n  - target: Esper\n    type: person\n    source: [إسبر]\n    forbidden: [Esbir]\n"
                 "    domain: defence\n    origin: house style 2020\n    note: US Secretary of Defense\n",
                 encoding="utf-8")
    src, tgt = tmp_path / "ar.txt", tmp_path / "en.txt"
    src.write_text("قال إسبر إن\n", encoding="utf-8")
    tgt.write_text("Esbir said\n", encoding="utf-8")
    r = cli("qa", "-s", src, "-t", tgt, "-g", g, "-f", "json")
    findings = json.loads(r.stdout)["findings"]
    assert findings and all(f["term_info"] == {"note": "US Secretary of Defense", "domain": "defence",
                                                          "origin": "house style 2020"} for f in findings)
    text = cli("qa", "-s", src, "-t", tgt, "-g", g).stdout
    assert "note: US Secretary of Defense; domain: defence; origin: house style" in text
    html = cli("qa", "-s", src, "-t", tgt, "-g", g, "-f", "html").stdout
    assert '<span class="note">note: US Secretary of Defense; domain: defence; origin: house style 2020</span>' in html


def test_an_interrupted_edit_leaves_the_glossary_whole(cli, tmp_path: Path, monkeypatch) -> None:
    import os

    g = tmp_path / "g.yaml"
    g.write_bytes(GLOSSARY.read_bytes())

    def interrupted(src, dst):  # the process is killed between writing and renaming
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    r = cli("glossary", "add", g, "-t", "Jens Stoltenberg", "-s", "ينس ستولتنبرغ")
    assert r.exit_code == 130 and "interrupted" in r.stderr
    assert g.read_bytes() == GLOSSARY.read_bytes() and sorted(p.name for p in tmp_path.iterdir()) == ["g.yaml"]
