"""`tarjama translate` and `tarjama model` through the real CLI."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

ARABIC = "قال الوزير إن النمو بلغ 3.5 في المئة. هل ستنجح المفاوضات؟\nسطر ثان\n\nفقرة ثانية.\n"


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "in.ar.txt"
    path.write_text(ARABIC, encoding="utf-8")
    return path


def test_translate_file_to_stdout_keeps_paragraphs(cli, tiny_model, source):
    result = cli("translate", source, "--model", tiny_model, "--beam-size", "1")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.split("\n")
    assert len(lines) == 5 and lines[2] == "" and lines[4] == ""
    assert all(lines[i] for i in (0, 1, 3))


def test_translate_stdin_to_output_file(cli, tiny_model, tmp_path):
    out = tmp_path / "out.en.txt"
    result = cli("translate", "-", "-o", out, "--model", tiny_model, input=ARABIC)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").count("\n") == ARABIC.count("\n")
    assert not list(tmp_path.glob(".out.en.txt.*"))  # no temp file left behind


def test_translate_is_deterministic(cli, tiny_model, source):
    first = cli("translate", source, "--model", tiny_model).stdout
    assert first == cli("translate", source, "--model", tiny_model).stdout


def test_translate_json_records(cli, tiny_model, source):
    result = cli("translate", source, "--model", tiny_model, "--json")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 1, 2, 4]
    assert [r["paragraph"] for r in records] == [0, 0, 0, 1]
    assert records[1]["source"] == "هل ستنجح المفاوضات؟"
    assert all(r["target"] for r in records)


def test_translate_with_glossary_is_enforced(cli, tiny_model, tmp_path):
    """Terms are protected and enforced in translation: `tarjama enforce` on the
    result (same line alignment) has nothing left to correct."""
    glossary = Path(__file__).resolve().parent.parent / "glossaries"
    source = tmp_path / "names.ar.txt"
    source.write_text("طلب مارك اسبير من المخلوع عبد المهدي المساعدة\n\nوقال بومبيو إن البنتاغون يراقب\n",
                      encoding="utf-8")
    out = tmp_path / "names.en.txt"
    result = cli("translate", source, "--model", tiny_model, "--glossary", glossary, "-o", out)
    assert result.exit_code == 0, result.stderr
    again = cli("enforce", "--source", source, "--target", out, "--glossary", glossary, "--json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["corrections"] == []
    records = cli("translate", source, "--model", tiny_model, "--glossary", glossary, "--json")
    assert all("attention" in json.loads(line) for line in records.stdout.splitlines())


def test_glossary_errors_come_before_the_model(cli, source, tmp_path):
    """A bad glossary is reported as file:line even when no model is installed."""
    bad = tmp_path / "terms.yaml"
    bad.write_text("terms:\n  - {source: [إسبر]}\n", encoding="utf-8")
    result = cli("translate", source, "--glossary", bad)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"tarjama: error: {bad}:2: term 1 has no 'target'"
    missing = cli("translate", source, "--glossary", tmp_path / "none.yaml")
    assert missing.exit_code == 2 and "none.yaml: no such glossary" in missing.stderr


def test_missing_input_file(cli, tiny_model, tmp_path):
    result = cli("translate", tmp_path / "absent.txt", "--model", tiny_model)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"tarjama: error: {tmp_path / 'absent.txt'}: no such file"
    assert "Traceback" not in result.stderr + result.stdout


def test_no_model_installed(cli, source):
    result = cli("translate", source)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "tarjama model fetch opus-mt-ar-en" in result.stderr
    assert "tarjama model install PATH" in result.stderr


def test_model_dir_missing_files_named(cli, model_copy, source, tmp_path):
    broken = model_copy("model.bin")
    out = tmp_path / "out.txt"
    result = cli("translate", source, "--model", broken, "-o", out)
    assert result.exit_code == 2
    assert "missing: model.bin" in result.stderr and str(broken) in result.stderr
    assert not out.exists()


def test_model_install_list_verify_remove(cli, tiny_model, source):
    assert "no models installed" in cli("model", "list").stdout
    installed = cli("model", "install", tiny_model, "--name", "tiny")
    assert installed.exit_code == 0, installed.stderr
    assert "installed tiny (default)" in installed.stdout
    assert cli("model", "list").stdout.startswith("* tiny")
    verify = cli("model", "verify")
    assert verify.exit_code == 0 and verify.stdout.startswith("ok ")
    assert cli("translate", source).exit_code == 0  # default model used
    assert "removed tiny" in cli("model", "remove", "tiny").stdout
    gone = cli("model", "remove", "tiny")
    assert gone.exit_code == 2 and "no model named 'tiny'" in gone.stderr


def test_model_verify_reports_damage(cli, tiny_model, tarjama_home):
    cli("model", "install", tiny_model, "--name", "tiny")
    (tarjama_home / "models" / "tiny" / "model.bin").write_bytes(b"broken")
    result = cli("model", "verify", "tiny")
    assert result.exit_code == 2 and "model.bin has changed" in result.stderr


def test_model_fetch_url_end_to_end(cli, http_server, opus_zip, source):
    body = opus_zip.read_bytes()
    url = http_server.add("/OPUS-MT-models/ar-en/opus-2099-01-01.zip", body, cut_first=True)
    digest = hashlib.sha256(body).hexdigest()
    result = cli("model", "fetch", "opus-ar-en", "--url", url, "--sha256", digest)
    assert result.exit_code == 0, result.stderr
    assert f"sha256 {digest}" in result.stdout
    hits = http_server.routes["/OPUS-MT-models/ar-en/opus-2099-01-01.zip"].hits
    assert len(hits) == 2 and hits[1].startswith("bytes=")  # cut, then resumed
    assert cli("model", "verify", "opus-ar-en").exit_code == 0
    translated = cli("translate", source, "--model", "opus-ar-en", "--beam-size", "1")
    assert translated.exit_code == 0, translated.stderr


def test_model_fetch_bad_checksum_installs_nothing(cli, http_server, opus_zip, tarjama_home):
    url = http_server.add("/m.zip", opus_zip.read_bytes())
    result = cli("model", "fetch", "m", "--url", url, "--sha256", "f" * 64)
    assert result.exit_code == 2 and "checksum mismatch" in result.stderr
    assert not (tarjama_home / "models" / "m").exists()
    assert not list((tarjama_home / "downloads").glob("*"))


def test_model_fetch_unknown_name(cli):
    result = cli("model", "fetch", "no-such-model")
    assert result.exit_code == 2 and "opus-mt-ar-en" in result.stderr


def test_empty_input_and_unsafe_archive_are_one_line_errors(cli, tiny_model, tmp_path):
    import zipfile

    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    result = cli("translate", empty, "--model", tiny_model)
    assert result.exit_code == 2 and result.stderr.strip() == f"tarjama: error: {empty}: file is empty"
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../../outside.txt", "x")
    result = cli("model", "install", evil)
    assert result.exit_code == 2 and "unsafe archive entry '../../outside.txt'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
