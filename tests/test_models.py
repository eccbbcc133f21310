"""Model management: install, archives, OPUS-MT conversion, store, download."""
from __future__ import annotations

import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from translate.errors import TarjamaError
from translate.models import (
    DownloadError,
    NoModelError,
    UnsafeArchiveError,
    download,
    get_default,
    install,
    installed,
    remove,
    resolve,
    safe_extract,
    verify_files,
)
from translate.models.download import Progress, sha256_file
from translate.models.store import MANIFEST


def quiet() -> Progress:
    return Progress("test", enabled=False)


def test_install_ct2_directory_records_manifest_and_default(tiny_model, tarjama_home):
    result = install(tiny_model, name="tiny")
    assert result.path == tarjama_home / "models" / "tiny" and result.is_default
    manifest = json.loads((result.path / MANIFEST).read_text())
    assert set(manifest) >= {"name", "source", "sha256", "size", "date", "files"}
    assert manifest["name"] == "tiny" and len(manifest["sha256"]) == 64 and manifest["size"] > 0
    assert manifest["files"]["model.bin"] == sha256_file(tiny_model / "model.bin")
    assert [n for n, _ in installed()] == ["tiny"]
    assert resolve(None) == result.path and get_default() == "tiny"
    assert verify_files(result.path) == []


def test_second_install_keeps_default_unless_asked(tiny_model):
    install(tiny_model, name="a")
    install(tiny_model, name="b")
    assert get_default() == "a"
    install(tiny_model, name="c", make_default=True)
    assert get_default() == "c"
    with pytest.raises(TarjamaError, match="already installed"):
        install(tiny_model, name="a")
    install(tiny_model, name="a", force=True)
    remove("c")
    with pytest.raises(NoModelError, match="several models installed"):
        resolve(None)


def test_model_override_by_name_path_and_env(tiny_model, monkeypatch):
    install(tiny_model, name="tiny")
    assert resolve(str(tiny_model)) == tiny_model
    monkeypatch.setenv("TARJAMA_MODEL", str(tiny_model))
    assert resolve(None) == tiny_model
    monkeypatch.setenv("TARJAMA_MODEL", "tiny")
    assert resolve(None).name == "tiny"
    with pytest.raises(TarjamaError, match="no model named 'other'"):
        resolve("other")


def test_no_model_installed_says_both_ways():
    with pytest.raises(NoModelError) as info:
        resolve(None)
    assert "tarjama model fetch opus-mt-ar-en" in str(info.value)
    assert "tarjama model install PATH" in str(info.value)


@pytest.mark.parametrize("fmt", ["zip", "gztar"])
def test_install_archive_of_ct2_directory(tiny_model, tmp_path, fmt):
    staging = tmp_path / "pack"
    shutil.copytree(tiny_model, staging / "my-model")
    archive = shutil.make_archive(str(tmp_path / "my-model"), fmt, staging)
    result = install(archive)
    assert result.name == "my-model"
    assert (result.path / "model.bin").read_bytes() == (tiny_model / "model.bin").read_bytes()
    assert json.loads((result.path / MANIFEST).read_text())["sha256"] == sha256_file(Path(archive))


def test_install_opus_mt_release_converts_and_translates(opus_zip):
    from translate.engine import DecodeOptions, Translator

    result = install(opus_zip)
    assert result.name == "opus-2099-01-01" and result.manifest.kind == "opus-mt"
    for name in ("model.bin", "config.json", "source.spm", "target.spm"):
        assert (result.path / name).is_file()
    t = Translator(result.path, options=DecodeOptions(beam_size=1, max_decoding_length=8))
    assert t.translate_sentences(["مرحبا بكم"])[0].target


def test_missing_model_files_are_named(model_copy, tmp_path):
    partial = model_copy("source.spm", "config.json")
    with pytest.raises(TarjamaError) as info:
        install(partial)
    assert "config.json" in str(info.value) and "source.spm" in str(info.value)
    assert installed() == []
    with pytest.raises(TarjamaError, match="no such file"):
        install(tmp_path / "absent")


def _zip_with(tmp_path: Path, name: str, member: str) -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("model/model.bin", b"x")
        zf.writestr(member, b"evil")
    return path


@pytest.mark.parametrize("member", ["../escape.txt", "/abs/escape.txt", "model/../../escape.txt"])
def test_unsafe_zip_is_rejected_before_writing(tmp_path, member):
    archive = _zip_with(tmp_path, "evil.zip", member)
    with pytest.raises(UnsafeArchiveError, match="unsafe archive entry"):
        install(archive)
    assert not (tmp_path / "escape.txt").exists()
    assert installed() == []


def test_tar_link_out_is_rejected(tmp_path):
    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tf:
        info = tarfile.TarInfo("model/link")
        info.type = tarfile.SYMTYPE
        info.linkname = "../../../etc/passwd"
        tf.addfile(info)
    with pytest.raises(UnsafeArchiveError, match="outside the archive"):
        safe_extract(archive, tmp_path / "out")
    assert not (tmp_path / "out" / "model" / "link").exists()


def test_zip_symlink_is_rejected(tmp_path):
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo("model/link")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(UnsafeArchiveError, match="symbolic link"):
        safe_extract(archive, tmp_path / "out")


def test_not_an_archive(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    with pytest.raises(TarjamaError, match="not a model"):
        install(junk)


def test_verify_detects_damaged_files(tiny_model):
    result = install(tiny_model, name="tiny")
    (result.path / "target.spm").write_bytes(b"damaged")
    problems = verify_files(result.path)
    assert len(problems) == 1 and "target.spm has changed" in problems[0]


# --- download ---------------------------------------------------------------------

def test_download_resumes_after_a_cut(http_server, tmp_path):
    body = bytes(range(256)) * 4000
    url = http_server.add("/m.zip", body, cut_first=True)
    digest = download(url, tmp_path / "m.zip", progress=quiet())
    assert (tmp_path / "m.zip").read_bytes() == body
    assert digest == sha256_file(tmp_path / "m.zip")
    hits = http_server.routes["/m.zip"].hits
    assert hits[0] is None and hits[1] == f"bytes={len(body) // 2}-"
    assert not (tmp_path / "m.zip.part").exists()


def test_download_resumes_a_partial_file_from_an_earlier_run(http_server, tmp_path):
    body = b"abcdefghij" * 1000
    url = http_server.add("/r.bin", body)
    (tmp_path / "r.bin.part").write_bytes(body[:3000])
    download(url, tmp_path / "r.bin", progress=quiet())
    assert (tmp_path / "r.bin").read_bytes() == body
    assert http_server.routes["/r.bin"].hits == ["bytes=3000-"]


def test_download_bad_checksum_is_rejected_and_deleted(http_server, tmp_path):
    url = http_server.add("/bad.zip", b"payload")
    with pytest.raises(DownloadError, match="checksum mismatch"):
        download(url, tmp_path / "bad.zip", expected_sha256="0" * 64, progress=quiet())
    assert not (tmp_path / "bad.zip").exists() and not (tmp_path / "bad.zip.part").exists()


def test_download_http_error_is_one_line(http_server, tmp_path):
    with pytest.raises(DownloadError, match="HTTP 404"):
        download(http_server.base_url + "/missing.zip", tmp_path / "x.zip", progress=quiet())


def test_progress_bar_draws_on_a_terminal_stream():
    stream = io.StringIO()
    bar = Progress("fetch", stream=stream, enabled=True)
    bar.update(512 * 1024, 1024 * 1024)
    bar.finish()
    assert "50.0%" in stream.getvalue() and stream.getvalue().endswith("\n")
