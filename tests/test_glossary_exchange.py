"""Glossary import/export: real term-base files in, the same glossary out."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from translate.glossary import load_glossaries, load_glossary_file
from translate.glossary.exchange import export_glossary, import_termbase

ROOT = Path(__file__).resolve().parent.parent
GLOSSARIES = ROOT / "glossaries"
DATA = ROOT / "tests" / "data" / "glossary"


def fields(glossary) -> list[tuple]:
    """Everything a glossary says about its terms (not where they were read)."""
    return [(t.target, t.source, t.type, t.forbidden, t.note, t.also, t.case, t.domain, t.origin)
            for t in glossary.terms]


@pytest.mark.parametrize("fmt,extra", [("tbx", []), ("tbx", ["--tbx-version", "3"]), ("csv", []), ("tsv", [])])
def test_shipped_glossary_round_trips_through_the_cli(cli, tmp_path: Path, fmt: str, extra: list[str]) -> None:
    rich = tmp_path / "rich.yaml"  # every field the model has, beside the shipped glossary
    rich.write_text(
        "name: rich\nterms:\n"
        "  - target: WHO\n    type: organization\n    source: [منظمة الصحة العالمية]\n"
        "    also: [World Health Organization]\n    forbidden: [Who]\n    case: exact\n"
        "    domain: health\n    origin: AP Stylebook\n    note: |-\n      UN agency\n      Geneva\n", encoding="utf-8")
    for source in (GLOSSARIES / "us-iraq-news.yaml", rich):
        exported, back = tmp_path / f"{source.stem}.{fmt}", tmp_path / f"{source.stem}-back.yaml"
        r = cli("glossary", "export", source, "--format", fmt, "-o", exported, *extra)
        assert r.exit_code == 0, r.stderr
        r = cli("glossary", "import", exported, "-o", back, "--format", fmt)
        assert r.exit_code == 0, r.stderr
        assert fields(load_glossary_file(back)) == fields(load_glossary_file(source))


def test_wikidata_names_round_trip(shared_data: Path, tmp_path: Path) -> None:
    """A slice of the 65k-name list (the whole list is in bench/glossary_bench.py)."""
    from translate.glossary.model import Glossary
    from translate.glossary.writer import to_yaml

    lines = (shared_data / "wikidata-person-names.en-ar.tsv").read_text(encoding="utf-8").splitlines()[1:2501]
    pairs = [(ar, en) for en, ar in (line.split("\t") for line in lines)]
    yaml_path = tmp_path / "names.yaml"
    yaml_path.write_text(to_yaml(Glossary.from_pairs(pairs, name="wikidata")), encoding="utf-8")
    original = load_glossary_file(yaml_path)
    assert len(original) == 2500
    for fmt in ("tbx", "csv", "tsv"):
        path = tmp_path / f"names.{fmt}"
        path.write_bytes(export_glossary(original, fmt))
        assert fields(import_termbase(path).glossary) == fields(original), fmt
    # loaded again: from the compiled copy, identical, with the same lines
    again = load_glossary_file(yaml_path)
    assert fields(again) == fields(original) and [t.line for t in again.terms] == [t.line for t in original.terms]
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("terms:", "terms:\n- {target: X}", 1),
                         encoding="utf-8")
    from translate.errors import GlossaryError
    with pytest.raises(GlossaryError) as err:  # an edited file is parsed afresh, errors with their line
        load_glossary_file(yaml_path)
    assert err.value.line == 5 and "has no 'source'" in err.value.message


def test_tbx_v2_basic_export_with_statuses_notes_and_other_languages() -> None:
    imported = import_termbase(DATA / "tbx-basic-v2.tbx")
    isis, who = imported.glossary.terms
    assert (isis.target, isis.also, isis.forbidden) == ("Islamic State", ("ISIS",), ("ISIL", "Daesh"))
    assert isis.source == ("تنظيم الدولة الإسلامية", "الدولة الإسلامية")  # an admitted Arabic term is a spelling
    assert (isis.domain, isis.origin, isis.note) == ("security", "AP Stylebook", "Use the full name on first mention.")
    assert (who.target, who.also, who.case, who.type) == ("WHO", ("World Health Organization",), "exact",
                                                          "organization")
    assert list(map(str, imported.skipped)) == [f"{DATA / 'tbx-basic-v2.tbx'}:53: concept entry has no Arabic; left out"]


def test_tbx_v3_dct_style_with_namespaces() -> None:
    esper, pentagon = import_termbase(DATA / "tbx-v3-dct.tbx").glossary.terms
    assert (esper.target, esper.source, esper.forbidden, esper.domain) == (
        "Mark Esper", ("مارك إسبر", "مارك اسبير"), ("Mark Esbir",), "politics")
    assert esper.note == "A transliteration of the Arabic, not the name."
    assert pentagon.target == "Pentagon" and pentagon.line == 30


@pytest.mark.parametrize("name,fmt", [("spreadsheet-crlf.csv", "csv"), ("bom.csv", "csv"),
                                      ("excel-unicode.txt", "tsv")])
def test_spreadsheet_exports_crlf_bom_utf16(name: str, fmt: str) -> None:
    isis, pentagon = import_termbase(DATA / name, fmt).glossary.terms
    assert (isis.target, isis.also, isis.forbidden) == ("Islamic State", ("ISIS",), ("Daesh",))
    assert pentagon.source == ("البنتاغون",)


def test_tico19_csv_and_tmx(cli, shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "tico.yaml"
    r = cli("glossary", "import", shared_data / "tico19-terminology.ar-en.csv", "-o", out)
    assert r.exit_code == 0, r.stderr
    tico = load_glossary_file(out)
    assert len(tico) == 49 and tico.terms[0].target == "pandemic" and tico.terms[0].source == ("جائحة",)
    assert out.read_text(encoding="utf-8").startswith("# Imported by `tarjama glossary import`")
    r = cli("glossary", "import", shared_data / "tico19-tm.en-ar.tmx.zip", "-o", tmp_path / "tm.yaml")
    assert r.exit_code == 0 and "sentence-length unit(s) left out" in r.stderr


def test_deepl_pairs_layout_and_map(cli, tmp_path: Path) -> None:
    out = tmp_path / "pairs.tsv"
    assert cli("glossary", "export", GLOSSARIES, "-f", "tsv", "--layout", "pairs", "-o", out).exit_code == 0
    first = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert first == ["مارك إسبر", "Mark Esper"]  # no header: the DeepL/Google upload layout
    back = import_termbase(out).glossary  # unnamed columns: the Arabic one is the source
    assert back.terms[0].target == "Mark Esper" and back.terms[0].source == ("مارك إسبر", "مارك إسبير", "مارك ايسبر")
    odd = tmp_path / "odd.csv"
    odd.write_text("Spelling,Canonical,Remarks\nإسبر,Esper,US defense secretary\n", encoding="utf-8")
    r = cli("glossary", "import", odd, "-o", tmp_path / "o.yaml")
    assert r.exit_code == 2 and f"{odd}:1: no source or target column" in r.stderr
    r = cli("glossary", "import", odd, "-o", tmp_path / "o.yaml", "--map", "Spelling=source",
            "--map", "2=target", "--map", "remarks=note")
    assert r.exit_code == 0, r.stderr
    term = load_glossary_file(tmp_path / "o.yaml").terms[0]
    assert (term.target, term.source, term.note) == ("Esper", ("إسبر",), "US defense secretary")


BAD = [
    ("broken.tbx", b'<?xml version="1.0"?>\n<martif type="TBX-Basic">\n<text><body>\n<termEntry>\n</body></text></martif>\n',
     "broken.tbx:5: malformed XML"),
    ("entities.tbx", b'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                     b'<martif><text><body><termEntry><langSet xml:lang="ar"><tig><term>&x;</term></tig></langSet>'
                     b'</termEntry></body></text></martif>\n', "entities.tbx:2: XML declares entities"),
    ("german.tbx", b'<?xml version="1.0"?>\n<martif><text><body>\n<termEntry><langSet xml:lang="de"><tig><term>Haus</term>'
                   b'</tig></langSet><langSet xml:lang="en"><tig><term>house</term></tig></langSet></termEntry>\n'
                   b'</body></text></martif>\n', "german.tbx:3: TBX file needs Arabic (ar) and English (en) terms; "
                                                 "languages found: de, en"),
    ("html.tbx", b"<html><body>not a term base</body></html>", "html.tbx:1: not a TBX file"),
    ("cols.csv", "term,definition\nإسبر,a name\n".encode(), "cols.csv:1: no target column"),
    ("french.csv", "sourceLang,targetLang,sourceString,targetString\nfr,en,maison,house\n".encode(),
     "french.csv:2: row is fr→en"),
    ("utf16-nobom.csv", "ar,en\nإسبر,Esper\n".encode("utf-16-le"), "utf16-nobom.csv:1: looks like UTF-16 without"),
    ("swapped.csv", "ar,en\nEsper,إسبر\n".encode(), "swapped.csv:2: the source column holds no Arabic"),
    ("quote.csv", b'ar,en\n"\xd8\xa5\xd8\xb3\xd8\xa8\xd8\xb1,Esper\n', "quote.csv"),
    ("sentences.tmx", b'<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>\n<tu><tuv xml:lang="en"><seg>He said '
                      b'that the talks will go on for weeks.</seg></tuv><tuv xml:lang="ar"><seg>\xd9\x82\xd8\xa7\xd9\x84'
                      b'</seg></tuv></tu></body></tmx>\n', "sentences.tmx: no term-length units"),
    ("nolang.tmx", b'<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>\n<tu>\n<tuv><seg>x</seg></tuv></tu>'
                   b'</body></tmx>\n', "nolang.tmx:4: <tuv> has no xml:lang"),
]


@pytest.mark.parametrize("name,data,message", BAD, ids=[b[0] for b in BAD])
def test_malformed_term_bases_fail_cleanly(cli, tmp_path: Path, name: str, data: bytes, message: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    out = tmp_path / "out.yaml"
    r = cli("glossary", "import", bad, "-o", out)
    assert r.exit_code == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tarjama: error: ") and str(tmp_path / message) in lines[0], lines
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_tmx_term_memory_with_inline_codes() -> None:
    imported = import_termbase(DATA / "names.tmx")
    assert [(t.target, t.source) for t in imported.glossary.terms] == [
        ("Mark Esper", ("مارك إسبر", "مارك اسبير")), ("Pentagon", ("البنتاغون",))]
    assert list(map(str, imported.skipped)) == [f"{DATA / 'names.tmx'}: 1 sentence-length unit(s) left out"]


def test_import_refuses_to_overwrite_and_zip_with_two_tmx(cli, tmp_path: Path) -> None:
    out = tmp_path / "g.yaml"
    out.write_text("keep me", encoding="utf-8")
    r = cli("glossary", "import", DATA / "names.tmx", "-o", out)
    assert r.exit_code == 2 and "already exists" in r.stderr and out.read_text() == "keep me"
    two = tmp_path / "two.tmx.zip"
    with zipfile.ZipFile(two, "w") as zf:
        zf.writestr("a.tmx", (DATA / "names.tmx").read_bytes())
        zf.writestr("b.tmx", (DATA / "names.tmx").read_bytes())
    r = cli("glossary", "import", two, "-o", tmp_path / "x.yaml")
    assert r.exit_code == 2 and "zip holds 2 .tmx files" in r.stderr


def test_help_ends_with_examples(cli) -> None:
    for command in ("import", "export", "lint", "suggest", "add", "apply", "stats"):
        text = cli("glossary", command, "--help").stdout
        tail = text[text.index("Examples:"):]
        assert tail.count("tarjama glossary " + command) >= 2, command


def test_merged_glossaries_follow_the_order_given(cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("terms:\n  - {target: Esper, type: person, source: [إسبر]}\n", encoding="utf-8")
    b.write_text("terms:\n  - {target: Asper, type: person, source: [اسبر, آسبر]}\n", encoding="utf-8")
    seg = tmp_path / "ar.txt"
    seg.write_text("قال إسبر إن\n", encoding="utf-8")
    for first, second, want in ((a, b, "Esper"), (b, a, "Asper")):
        assert [t.target for t in load_glossaries([first, second]).terms if "إسبر" in t.source or "اسبر" in t.source] \
            == [want]
        r = cli("glossary", "match", seg, "-g", first, "-g", second, "--json")
        assert r.exit_code == 0 and f'"target": "{want}"' in r.stdout
        assert f"{second}:2: warning: " in r.stderr and f"using '{want}' (the glossary given first wins)" in r.stderr
    en = tmp_path / "en.txt"
    en.write_text("Esper said\n", encoding="utf-8")
    r = cli("qa", "-s", seg, "-t", en, "-g", b, "-g", a)
    assert f"{a}:2: warning: 'إسبر' is also a spelling of 'Asper' ({b}:2); using 'Asper'" in r.stderr
    assert "--glossary" in cli("qa", "--help").stdout and "given first wins" in cli("qa", "--help").stdout


def test_cat_tool_csv_headers(tmp_path: Path) -> None:
    """memoQ-style language columns with qualifiers, and Phrase-style per-language status."""
    memoq = tmp_path / "memoq.csv"
    memoq.write_text("Entry_ID,Entry_Domain,Entry_Note,English_Def,English,English_Example,Arabic_Def,Arabic\n"
                     "7,defence,Mark Esper's surname,,Esper,Esper said,,إسبر\n", encoding="utf-8")
    term = import_termbase(memoq).glossary.terms[0]
    assert (term.target, term.source, term.domain, term.note) == ("Esper", ("إسبر",), "defence",
                                                                  "Mark Esper's surname")
    phrase = tmp_path / "phrase.csv"
    phrase.write_text("id,ar,en,en_status\n1,داعش,ISIS,preferred\n1,,Islamic State,admitted\n1,,Daesh,forbidden\n",
                      encoding="utf-8")
    term = import_termbase(phrase).glossary.terms[0]
    assert (term.target, term.also, term.forbidden) == ("ISIS", ("Islamic State",), ("Daesh",))
