"""Install a model from a directory, an archive, an OPUS-MT release or a URL.

Why one place: every way of getting a model ends the same way — a validated
CTranslate2 directory with its SentencePiece models and a manifest, moved into
the model store in one rename so a failed install leaves nothing behind.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..engine.model_dir import MODEL_BIN, SOURCE_SPM, TARGET_SPM, missing_files, validate_model_dir
from ..errors import TarjamaError
from . import store
from .archive import is_archive, safe_extract
from .catalogue import CATALOGUE, lookup
from .download import Progress, check_url, download, sha256_file

OPUS_EXTRAS = ("README.md", "LICENSE")


@dataclass(frozen=True)
class Installed:
    name: str
    path: Path
    manifest: store.Manifest
    is_default: bool


def _suggest_name(source: str) -> str:
    base = Path(unquote(urlparse(source).path) if "://" in source else source.rstrip("/\\")).name
    for suffix in (".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tar", ".zip"):
        if base.lower().endswith(suffix):
            base = base[: -len(suffix)]
            break
    base = re.sub(r"[^A-Za-z0-9._+-]+", "-", base).strip("-.") or "model"
    return base[:100]


def _detect(root: Path) -> str | None:
    if (root / MODEL_BIN).is_file():
        return "ctranslate2"
    if (root / "decoder.yml").is_file() or any(root.glob("*.npz")):
        return "opus-mt"
    return None


def find_model_root(path: Path, depth: int = 2) -> Path | None:
    """The folder holding the model: ``path`` or a lone subfolder of it."""
    if _detect(path):
        return path
    if depth == 0:
        return None
    subdirs = [p for p in path.iterdir() if p.is_dir() and not p.name.startswith((".", "__MACOSX"))]
    files = [p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")]
    if len(subdirs) == 1 and not any(f.suffix in (".bin", ".npz", ".spm", ".yml") for f in files):
        return find_model_root(subdirs[0], depth - 1)
    return None


def convert_opus_mt(root: Path, out: Path, quantization: str | None = "int8") -> None:
    """Convert an unzipped OPUS-MT release with ctranslate2's own converter and
    add the SentencePiece models it leaves behind."""
    from ctranslate2.converters import OpusMTConverter

    where = str(root)
    if not (root / "decoder.yml").is_file():
        raise TarjamaError("OPUS-MT release lacks decoder.yml (it names the .npz and vocabularies)", where)
    for spm_name in (SOURCE_SPM, TARGET_SPM):
        if not (root / spm_name).is_file():
            raise TarjamaError(f"OPUS-MT release lacks {spm_name}", where)
    try:
        OpusMTConverter(where).convert(str(out), quantization=quantization, force=True)
    except FileNotFoundError as exc:
        raise TarjamaError(f"OPUS-MT release is incomplete: {Path(exc.filename or '?').name} not found", where) from None
    except Exception as exc:  # the converter raises many kinds for bad releases
        raise TarjamaError(f"cannot convert OPUS-MT model: {type(exc).__name__}: {exc}", where) from None
    for name in (SOURCE_SPM, TARGET_SPM) + OPUS_EXTRAS:
        if (root / name).is_file():
            shutil.copyfile(root / name, out / name)


def _copy_ct2(root: Path, out: Path) -> None:
    out.mkdir(parents=True)
    for entry in sorted(root.rglob("*")):
        rel = entry.relative_to(root)
        if entry.is_symlink():
            continue  # never follow links out of the source
        if entry.is_dir():
            (out / rel).mkdir(parents=True, exist_ok=True)
        elif entry.is_file() and entry.name != store.MANIFEST:
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(entry, out / rel)


def file_hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root).as_posix()): sha256_file(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != store.MANIFEST
    }


def _tree_digest(hashes: dict[str, str]) -> str:
    h = hashlib.sha256()
    for rel, digest in sorted(hashes.items()):
        h.update(f"{digest}  {rel}\n".encode("utf-8"))
    return h.hexdigest()


def install(
    source: str | os.PathLike[str],
    name: str | None = None,
    origin: str | None = None,
    make_default: bool = False,
    force: bool = False,
    quantization: str | None = "int8",
    source_sha256: str | None = None,
) -> Installed:
    """Install ``source`` (CT2 dir, archive of one, OPUS-MT zip or folder)."""
    src = Path(source)
    where = str(source)
    try:
        exists = src.exists()
    except OSError as exc:
        raise TarjamaError(f"cannot read: {exc.strerror or exc}", where[:300]) from None
    if not exists:
        raise TarjamaError("no such file or directory", where)
    name = store.check_name(name or _suggest_name(origin or where))
    final = store.model_path(name)
    if final.exists() and not force:
        raise TarjamaError(f"a model named {name!r} is already installed; remove it first or use --force")
    models = store.ensure_dir(store.models_dir())
    store.clean_stale(models)
    try:
        # The pid in the name lets a later run delete the folder if this one is killed.
        with tempfile.TemporaryDirectory(prefix=f".install-{os.getpid()}-", dir=models) as work_name:
            work = Path(work_name)
            try:
                manifest = _stage(src, where, work, name, origin, quantization, source_sha256)
            except TarjamaError as exc:
                if exc.path and exc.path.startswith(str(work)):
                    exc.path = where  # never name the staging folder, which is gone by now
                raise
            with store.locked():
                if final.exists():
                    if not force:
                        raise TarjamaError(f"a model named {name!r} was installed by another run meanwhile; "
                                           "use --force to replace it")
                    store._remove_locked(name)
                os.replace(work / "model", final)
    except OSError as exc:  # a full disk, a read-only store: nothing was installed
        raise TarjamaError(f"cannot install: {exc.strerror or exc}; nothing was installed", where) from None
    had_default = store.get_default() not in (None, name)
    if make_default or not had_default:
        store.set_default(name)
    return Installed(name, final, manifest, store.get_default() == name)


def _stage(src: Path, where: str, work: Path, name: str, origin: str | None,
           quantization: str | None, source_sha256: str | None) -> store.Manifest:
    """Build the validated model with its manifest in ``work/model``."""
    archive_digest: str | None = None
    size = 0
    if src.is_file():
        if not is_archive(src) and not _looks_like_zip(src):
            raise TarjamaError(
                "not a model: expected a CTranslate2 model directory, a .zip/.tar.gz of one, "
                "or an OPUS-MT release zip",
                where,
            )
        archive_digest = source_sha256 or sha256_file(src)
        size = src.stat().st_size
        extracted = safe_extract(src, work / "extracted")
        root = find_model_root(extracted)
        if root is None:
            raise TarjamaError(
                "archive holds no model (no model.bin, and no OPUS-MT decoder.yml/.npz)", where
            )
    else:
        root = find_model_root(src, depth=0) or find_model_root(src)
        if root is None:
            raise TarjamaError(
                "not a usable model directory, missing: " + ", ".join(missing_files(src)), where
            )
    kind = _detect(root)
    staging = work / "model"
    if kind == "opus-mt":
        convert_opus_mt(root, staging, quantization)
    else:
        missing = missing_files(root)
        if missing:
            raise TarjamaError("not a usable model directory, missing: " + ", ".join(missing), where)
        _copy_ct2(root, staging)
    validate_model_dir(staging)
    hashes = file_hashes(staging)
    if archive_digest is None:
        archive_digest = _tree_digest(file_hashes(root))
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    manifest = store.Manifest(
        name=name,
        source=origin or str(src.resolve()),
        sha256=archive_digest,
        size=size,
        date=_dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        kind=kind or "ctranslate2",
        files=hashes,
    )
    (staging / store.MANIFEST).write_text(manifest.to_json(), encoding="utf-8")
    return manifest


def _looks_like_zip(path: Path) -> bool:
    import zipfile

    return zipfile.is_zipfile(path)


def fetch(
    name: str | None = None,
    url: str | None = None,
    sha256: str | None = None,
    make_default: bool = False,
    force: bool = False,
    progress: Progress | None = None,
) -> Installed:
    """Download a catalogue model (or any release zip at ``url``) and install it."""
    expected = sha256
    if url is None:
        if name is None:
            raise TarjamaError("give a model name (" + ", ".join(CATALOGUE) + ") or --url URL")
        entry = lookup(name)
        if entry is None:
            raise TarjamaError(
                f"unknown model {name!r}; known: {', '.join(CATALOGUE)} (or use --url URL for another release zip)"
            )
        if entry.convert:  # a Hugging Face checkpoint: converted here, not downloaded as an archive
            return fetch_converted(entry.name, entry.convert, entry.url, make_default, force)
        url = entry.url
        expected = expected or entry.sha256
    if not url.startswith(("http://", "https://")):
        raise TarjamaError("only http:// and https:// URLs can be fetched; use `tarjama model install PATH` for files", url)
    check_url(url)
    name = store.check_name(name or _suggest_name(url))
    if store.model_path(name).exists() and not force:
        raise TarjamaError(f"a model named {name!r} is already installed; remove it first or use --force")
    filename = _suggest_name(url) + _archive_suffix(url)
    dest = store.ensure_dir(store.downloads_dir()) / f"{name}--{filename}"
    digest = download(url, dest, expected, progress=progress or Progress(f"fetching {name}"))
    try:
        result = install(dest, name=name, origin=url, make_default=make_default, force=force, source_sha256=digest)
    except TarjamaError as exc:
        if exc.path == str(dest):
            exc.path = url  # the user gave the URL; the download is deleted below
        raise
    finally:
        dest.unlink(missing_ok=True)
    return result


def fetch_converted(name: str, repo: str, origin: str, make_default: bool = False, force: bool = False) -> Installed:
    """Convert Hugging Face ``repo`` locally (``tarjama[convert]``) and install it."""
    from .convert import convert_hf

    if store.model_path(name).exists() and not force:
        raise TarjamaError(f"a model named {name!r} is already installed; remove it first or use --force")
    store.home().mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".convert-", dir=store.home()) as work:
        converted = convert_hf(repo, Path(work) / name)
        return install(converted, name=name, origin=origin, make_default=make_default, force=force)


def _archive_suffix(url: str) -> str:
    path = unquote(urlparse(url).path).lower()
    for suffix in (".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar", ".zip"):
        if path.endswith(suffix):
            return suffix
    return ".zip"


def verify_files(path: Path) -> list[str]:
    """Problems with an installed model's files against its manifest."""
    manifest = store.read_manifest(path)
    if manifest is None:
        return []
    problems = []
    current = file_hashes(path)
    for rel, digest in sorted(manifest.files.items()):
        if rel not in current:
            problems.append(f"{rel} is missing")
        elif current[rel] != digest:
            problems.append(f"{rel} has changed (sha256 {current[rel][:12]}…, expected {digest[:12]}…)")
    return problems
