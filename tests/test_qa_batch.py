"""Batch inputs (directory pairs, JSONL) and drift across documents."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from translate.documents import load_inputs, parse_jsonl, read_dir_pair
from translate.errors import InputError
from translate.glossary import load_glossaries
from translate.qa import run_qa

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def glossary():
    return load_glossaries([ROOT / "glossaries"])


def _write(d: Path, files: dict[str, str]) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.fixture
def dir_pair(tmp_path):
    src = _write(tmp_path / "ar", {
        "a.txt": "وقال إسبر إن القوات باقية.\nوأضاف إسبر أن الهجمات يجب أن تتوقف.\n",
        "b.txt": "التقى إسبر بعبد المهدي في بغداد.\n",
    })
    tgt = _write(tmp_path / "en", {
        "a.txt": "Esper said the troops would stay.\nEsper added that the attacks must stop.\n",
        "b.txt": "Esbeer met Abdul Mahdi in Baghdad.\n",
    })
    return src, tgt


def test_directory_pair_is_one_document_per_file(dir_pair):
    docs = read_dir_pair(*dir_pair)
    assert [(d.name, len(d.segments)) for d in docs] == [("a.txt", 2), ("b.txt", 1)]
    assert docs[1].segments[0].document == "b.txt"


def test_cross_document_drift(dir_pair, glossary):
    report = run_qa(load_inputs(str(dir_pair[0]), str(dir_pair[1])), glossary)
    drift = [f for f in report.findings if f.check == "inconsistent"]
    assert len(drift) == 1
    f = drift[0]
    assert (f.document, f.line, f.evidence, f.term) == ("b.txt", 1, "Esbeer", "Esper")
    assert f.details["scope"] == "batch"
    at = {d["text"]: [(a["document"], a["line"]) for a in d["at"]] for d in f.details["renderings"]}
    assert at == {"Esper": [("a.txt", 1), ("a.txt", 2)], "Esbeer": [("b.txt", 1)]}
    # every batch finding says which document it is in
    assert all(x.document in ("a.txt", "b.txt") for x in report.findings)
    assert report.batch and all("document" in x.to_dict(batch=True) for x in report.findings)


def test_directory_pair_needs_matching_names(tmp_path):
    src = _write(tmp_path / "ar", {"a.txt": "نص\n", "c.txt": "نص\n"})
    tgt = _write(tmp_path / "en", {"a.txt": "text\n"})
    with pytest.raises(InputError, match="c.txt has no file of the same name"):
        read_dir_pair(src, tgt)


def test_directory_pair_line_counts(tmp_path):
    src = _write(tmp_path / "ar", {"a.txt": "نص\nنص\n"})
    tgt = _write(tmp_path / "en", {"a.txt": "text\n"})
    with pytest.raises(InputError, match=r"a.txt has 2 lines, .*a.txt has 1"):
        read_dir_pair(src, tgt)


def test_jsonl_batch_and_drift(glossary):
    records = [
        {"id": "doc-1", "source": "وقال بومبيو إن الرد سيكون حاسما.", "target": "Pompeo said the response would be decisive."},
        {"id": "doc-2", "source": "وحذر بومبيو إيران.\nوقال بومبيو إن الرد قادم.", "target": "Pompeo warned Iran.\nPompeo said a response is coming."},
        {"id": 3, "source": "وقال بومبيو في بيان", "target": "Pompio said in a statement"},
    ]
    docs = parse_jsonl("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", "batch.jsonl")
    assert [d.name for d in docs] == ["doc-1", "doc-2", "3"] and len(docs[1].segments) == 2
    report = run_qa(docs, glossary)
    drift = [f for f in report.findings if f.check == "inconsistent"]
    assert [(f.document, f.line, f.evidence) for f in drift] == [("3", 1, "Pompio")]
    assert {(f.document, f.check) for f in report.findings} >= {("3", "term-missing")}


@pytest.mark.parametrize("text,line,message", [
    ('{"id": 1, "source": "a", "target": "b"}\n{"id": 2, "source": "a", "target": \n', 2, "not valid JSON"),
    ('{"id": 1, "source": "a"}\n', 1, "'target' is missing"),
    ('["a", "b"]\n', 1, "expected a JSON object"),
    ('{"id": 1, "source": "a", "target": "b"}\n\n{"id": 1, "source": "a", "target": "b"}\n', 3, "id '1' already used on line 1"),
    ('{"id": 1, "source": "a\\nb", "target": "b"}\n', 1, "source has 2 lines, target has 1"),
    ('{"id": 1, "source": 5, "target": "b"}\n', 1, "'source' must be a string"),
])
def test_bad_jsonl_names_file_and_line(text, line, message):
    with pytest.raises(InputError) as exc:
        parse_jsonl(text, "batch.jsonl")
    assert exc.value.line == line and message in str(exc.value)
    assert str(exc.value).startswith(f"batch.jsonl:{line}: ")


def test_mixed_file_and_directory(tmp_path):
    d = _write(tmp_path / "ar", {"a.txt": "نص\n"})
    f = tmp_path / "b.txt"
    f.write_text("x\n")
    with pytest.raises(InputError, match="is a directory but"):
        load_inputs(str(d), str(f))


def test_document_views_match_segment_by_segment(glossary):
    """QA matches a document's sources in one batch; the result must be what
    matching each segment alone gives, at each segment's own line number."""
    from translate.documents import Segment
    from translate.matching import Matcher
    from translate.qa.analysis import Analyzer

    seed = Path(__file__).resolve().parent.parent / "examples"
    ar = (seed / "seed-article.ar.txt").read_text(encoding="utf-8").splitlines()
    en = (seed / "seed-article.mt.en.txt").read_text(encoding="utf-8").splitlines()
    segments = [Segment(line=10 + 3 * k, source=a, target=e) for k, (a, e) in enumerate(zip(ar, en))]
    batch = Analyzer(glossary, Matcher(glossary)).views(segments)
    alone = [Analyzer(glossary, Matcher(glossary)).views([seg])[0] for seg in segments]
    assert [[(u.match.to_dict(), u.renderings) for u in v.uses] for v in batch] == \
        [[(u.match.to_dict(), u.renderings) for u in v.uses] for v in alone]
    assert sum(len(v.uses) for v in batch) > 10
    assert {u.match.line for v in batch for u in v.uses} <= {s.line for s in segments}
