"""Glossary loading and lint: every problem names its file and line."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from translate.errors import GlossaryError
from translate.glossary import load_glossaries, load_glossary_file, yaml_limits
from translate.glossary.loader import parse_glossary
from translate.glossary.streamed import streamed_glossary
from translate.maintenance.lint import check_paths

ROOT = Path(__file__).resolve().parent.parent

BLOCK = """\
name: test
source_lang: ar
target_lang: en
terms:
  - target: Esper
    type: person
    source: [إسبر, اسبير]
    forbidden: [Esbir]
    note: US Secretary of Defense
  - target: Mark Esper
    type: person
    source:
      - مارك إسبر
"""
FLOW = """\
name: test
terms:
  - {target: Esper, type: person, source: [إسبر, اسبير], forbidden: [Esbir], note: US Secretary of Defense}
  - {target: Mark Esper, type: person, source: [مارك إسبر]}
"""


def _write(tmp_path: Path, text: str, name: str = "g.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_block_and_flow_styles_load_the_same(tmp_path: Path) -> None:
    a = load_glossary_file(_write(tmp_path, BLOCK, "a.yaml"))
    b = load_glossary_file(_write(tmp_path, FLOW, "b.yaml"))
    strip = lambda g: [(t.target, t.type, t.source, t.forbidden, t.note) for t in g.terms]  # noqa: E731
    assert strip(a) == strip(b)
    assert a.terms[0].source == ("إسبر", "اسبير") and a.terms[0].line == 5


def test_directory_loads_every_yaml(tmp_path: Path) -> None:
    _write(tmp_path, BLOCK, "a.yaml")
    _write(tmp_path, FLOW.replace("Esper", "Pompeo").replace("إسبر", "بومبيو").replace("اسبير", "بومبو"), "b.yaml")
    (tmp_path / "notes.txt").write_text("ignored")
    g = load_glossaries([tmp_path])
    assert len(g) == 4 and len(g.files) == 2


def test_shipped_glossary_is_clean() -> None:
    glossary, problems = check_paths([ROOT / "glossaries"])
    assert problems == []
    targets = {t.target for t in glossary.terms}
    for needed in ["Esper", "Mark Esper", "Pompeo", "Mike Pompeo", "Abdul Mahdi", "Adel Abdul Mahdi",
                   "Military Times", "the Pentagon", "Capitol Hill", "ISIS", "Operation Inherent Resolve",
                   "Iran", "Iraq"]:
        assert needed in targets


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request, monkeypatch):
    """Each loading test under libyaml (when PyYAML has it) and under PyYAML's own
    parser, the fallback: one composer serves both, and both must report alike."""
    if request.param == "pure-python":
        monkeypatch.setattr(yaml_limits, "PARSER", yaml.SafeLoader)
    elif yaml_limits.PARSER is yaml.SafeLoader:
        pytest.skip("PyYAML without libyaml")
    return request.param


@pytest.mark.parametrize("text,line,message", [
    ("terms:\n  - {type: person, source: [إسبر]}\n", 2, "term 1 has no 'target'"),
    ("terms:\n  - target: Esper\n    type: person\n", 2, "term 1 (Esper) has no 'source'"),
    ("terms:\n  - {target: Esper, source: []}\n", 2, "needs at least one 'source'"),
    ("terms:\n  - {target: Esper, source: [إسبر], type: human}\n", 2, "type 'human'"),
    ("terms:\n  - {target: Esper, source: [إسبر], colour: red}\n", 2, "unknown key 'colour'"),
    ("terms:\n  - {target: Esper, source: [إسبر]}\n  - {target: [a, b], source: [x]}\n", 3, "'target' must be a single value"),
    ("terms: [\n", 2, "malformed YAML"),
    ("terms:\n  - {target: Esper, source: [إسبر]\n", 3, "malformed YAML"),
    ("name: x\n", 1, "no 'terms' list"),
    ("- just\n- a list\n", 1, "must be a mapping"),
    ("source_lang: fr\nterms: []\n", 1, "'source_lang' is 'fr'"),
])
def test_load_errors_name_file_and_line(tmp_path: Path, text: str, line: int, message: str, parser: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(GlossaryError) as info:
        load_glossary_file(path)
    assert info.value.path == str(path) and info.value.line == line
    assert message in info.value.message
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_both_parsers_load_the_same(parser: str) -> None:
    text = BLOCK.replace("    note: US Secretary of Defense\n", "    note: US Secretary of Defense\n    case: exact\n"
                         "    also: Dr. Esper\n    domain: ' defence '\n")
    glossary = parse_glossary(text, "g.yaml")
    assert [(t.target, t.source, t.forbidden, t.also, t.case, t.domain, t.line, t.index) for t in glossary.terms] == [
        ("Esper", ("إسبر", "اسبير"), ("Esbir",), ("Dr. Esper",), "exact", "defence", 5, 1),
        ("Mark Esper", ("مارك إسبر",), (), (), "insensitive", None, 13, 2)]


# Every well-formed shape a term takes: the loader's one-pass path must build
# exactly what the checked path builds, and must not hand these to it.
TERM_SHAPES = """\
terms:
- {target: Omar, source: [عمر]}
- target: ' Zaid '
  type: person
  source: ' زيد '
  also: [Zayd, ' Zeid ']
  forbidden: Zied
  case: exact
  domain: news
  origin: wikidata
  note: a note
- {source: [منظمة الصحة العالمية, الصحة العالمية], target: WHO, also: [], forbidden: [], type: organization}
- {target: Gaza, source: [غزة], type: place, case: insensitive, note: "two\\nlines"}
"""


def test_streamed_path_builds_what_the_checked_path_builds(parser: str) -> None:
    from translate.glossary import loader

    checked = loader._checked_glossary(yaml_limits.compose(TERM_SHAPES, "g.yaml"), "g.yaml")
    assert [(t.target, t.source, t.also, t.forbidden, t.line) for t in checked.terms] == [
        ("Omar", ("عمر",), (), (), 2), ("Zaid", ("زيد",), ("Zayd", "Zeid"), ("Zied",), 3),
        ("WHO", ("منظمة الصحة العالمية", "الصحة العالمية"), (), (), 12), ("Gaza", ("غزة",), (), (), 13)]
    assert checked.terms[1].note == "a note" and checked.terms[3].note == "two\nlines"
    assert checked.terms[1].case == "exact"
    streamed = streamed_glossary(TERM_SHAPES, "g.yaml")
    if parser == "pure-python":  # only libyaml's events are read in one pass
        assert streamed is None
        return
    assert (streamed.terms, streamed.names) == (checked.terms, checked.names) == (checked.terms, ["g"])
    for text in (BLOCK, FLOW):  # block lists, block mappings, top-level keys
        streamed, checked = streamed_glossary(text, "g.yaml"), loader._checked_glossary(
            yaml_limits.compose(text, "g.yaml"), "g.yaml")
        assert (streamed.terms, streamed.names) == (checked.terms, ["test"])
    # an empty 'also' is none, on either path
    odd = "terms:\n- {target: X, source: [س], also: ~}\n"
    assert streamed_glossary(odd, "g.yaml").terms[0].also == ()
    assert loader._checked_glossary(yaml_limits.compose(odd, "g.yaml"), "g.yaml").terms[0].also == ()
    # shapes the one pass leaves to the checked path (a padded key, an alias, a
    # mapping as description) still load, at their lines
    for unusual in ("terms:\n- {target: X, source: [س]}\n- {' target ': Y, source: [ص]}\n",
                    "terms:\n- {target: X, source: &s [س]}\n- {target: Y, source: *s}\n",
                    "description: {by: me}\nterms:\n- {target: X, source: [س]}\n- {target: Y, source: [س]}\n"):
        assert streamed_glossary(unusual, "g.yaml") is None
        lines = [unusual.count("\n", 0, unusual.index(target)) + 1 for target in ("X", "Y")]
        assert [(t.target, t.line) for t in parse_glossary(unusual, "g.yaml").terms] == list(zip("XY", lines))


@pytest.mark.parametrize("text,line,message", [
    # aliases may reuse a value; one that expands past the file's own size is refused
    ("terms:\n- {target: Esper, source: &s [إسبر, اسبير]}\n- {target: Esbir, source: *s, also: ~}\n", None, ""),
    ("a: &a [س, س, س, س, س, س, س, س, س, س]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "terms:\n- {target: X, source: *d}\n", 4, "aliases (*name) expand to more nodes"),
    ("terms:\n  - &t [*t]\n", 2, "alias *t is inside what it names"),
    ("terms:\n  - {target: X, source: *nope}\n", 2, "alias *nope names no anchor"),
    ("terms:\n" + "  " + "[" * 40 + "]" * 40 + "\n", 2, "nesting deeper than 32 levels"),
    ("terms: []\n---\nterms: []\n", 2, "found a second ('---')"),
    ("terms:\n  - {target: ~, source: [س]}\n", 2, "term 1 'target' is empty"),
    ("terms:\n  - {target: X, source: [س, null]}\n", 2, "an entry of term 1 (X) 'source' is empty"),
    ("terms:\n  - target: X\n    source: [س]\n    case: Exact\n", 4, "term 1 (X) has case 'Exact'"),
    ("terms:\n  - {target: X, source: [س], [a]: b}\n", 2, "a key of term 1 must be a single value"),
    ("terms:\n  - {target: X, source: [س], note: [a]}\n", 2, "term 1 'note' must be a single value"),
    ("terms:\n  - {target: X, source: [س], also: {a: b}}\n", 2, "term 1 (X) 'also' must be a list of strings"),
])
def test_yaml_limits_and_values(text: str, line: int | None, message: str, parser: str) -> None:
    if not message:
        glossary = parse_glossary(text, "g.yaml")
        assert [t.source for t in glossary.terms] == [("إسبر", "اسبير")] * 2 and glossary.terms[1].also == ()
        return
    with pytest.raises(GlossaryError) as info:
        parse_glossary(text, "g.yaml")
    assert (info.value.line, info.value.path) == (line, "g.yaml") and message in info.value.message, str(info.value)


def test_padded_keys_still_load(parser: str) -> None:
    glossary = parse_glossary("terms:\n  - {' target ': Esper, source : [' إسبر ']}\n", "g.yaml")
    assert (glossary.terms[0].target, glossary.terms[0].source) == ("Esper", ("إسبر",))


def test_empty_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="glossary is empty"):
        load_glossary_file(_write(tmp_path, "# only a comment\n"))
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("terms:\n  - {target: Caf\xe9, source: [x]}\n".encode("latin-1"))
    with pytest.raises(Exception, match="latin1.yaml:2: not valid UTF-8"):
        load_glossary_file(bad)


def test_lint_finds_conflicts_and_duplicates(tmp_path: Path) -> None:
    path = _write(tmp_path, """\
terms:
  - {target: Esper, source: [إسبر, اسبر], forbidden: [esper]}
  - {target: Asper, source: [إسبر]}
  - {target: Esper, source: [ايسبر]}
""")
    _, problems = check_paths([path])
    text = [str(p) for p in problems]
    assert any(":2: warning:" in t and "repeats 'إسبر'" in t for t in text)
    assert any(":2: error:" in t and "forbidden form 'esper' is the target" in t for t in text)
    assert any(":3: error:" in t and "also a spelling of 'Esper'" in t for t in text)
    assert any(":4: warning:" in t and "already defined" in t for t in text)


def test_lint_spelling_without_letters(tmp_path: Path) -> None:
    _, problems = check_paths([_write(tmp_path, "terms:\n  - {target: X, source: ['ـــ']}\n")])
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "error: term 1 (X): source 'ـــ' has no letters once normalised; it can never match [empty-spelling]"]


def test_compiled_copy_gives_the_parsed_glossary_under_the_name_it_is_read_by(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translate.glossary import compiled, loader

    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    spellings = [a + b + c for a in letters for b in letters for c in letters][:compiled.MIN_TERMS + 5]
    text = "name: big\nterms:\n" + "".join(
        f"- target: Name {i}\n  type: place\n  source: [{s}]\n  also: [N{i}]\n  note: n{i}\n"
        for i, s in enumerate(spellings))
    first = load_glossary_file(_write(tmp_path, text, "a.yaml"))  # parsed; its copy written
    monkeypatch.setattr(loader, "parse_glossary", lambda *_: pytest.fail("parsed again"))
    again = load_glossary_file(_write(tmp_path, text, "b.yaml"))  # the same bytes: read from the copy
    assert again.terms[7] != first.terms[7] and {t.file for t in again.terms} == {str(tmp_path / "b.yaml")}
    assert [replace(t, file=None) for t in again.terms] == [replace(t, file=None) for t in first.terms]
    assert (again.names, again.terms[7].line, again.terms[7].also) == (["big"], 3 + 5 * 7, ("N7",))
