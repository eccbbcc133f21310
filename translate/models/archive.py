"""Safe extraction of model archives (.zip, .tar.gz, .tgz, .tar).

Why: a model archive comes from the network. An entry with an absolute path,
a ``..`` component, or a link pointing outside the target would let it write
anywhere the user can; such archives are rejected before anything is written.
"""
from __future__ import annotations

import os
import stat
import tarfile
import zipfile
from pathlib import Path, PurePosixPath

from ..errors import TarjamaError

ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tar.xz")


class UnsafeArchiveError(TarjamaError):
    """An archive entry that would land outside the extraction folder."""


def is_archive(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in ARCHIVE_SUFFIXES)


def _check_name(archive: str, name: str) -> PurePosixPath:
    normalized = name.replace("\\", "/")
    pure = PurePosixPath(normalized)
    if normalized.startswith("/") or (len(normalized) > 1 and normalized[1] == ":"):
        raise UnsafeArchiveError(f"unsafe archive entry {name!r} (absolute path)", archive)
    if ".." in pure.parts:
        raise UnsafeArchiveError(f"unsafe archive entry {name!r} ('..' in path)", archive)
    return pure


def _inside(root: Path, target: Path) -> bool:
    root = root.resolve()
    try:
        target.resolve().relative_to(root)
        return True
    except ValueError:
        return False


def _extract_zip(path: Path, dest: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        for info in infos:
            _check_name(str(path), info.filename)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise UnsafeArchiveError(f"unsafe archive entry {info.filename!r} (symbolic link)", str(path))
        for info in infos:
            target = dest / _check_name(str(path), info.filename)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)


def _extract_tar(path: Path, dest: Path) -> None:
    with tarfile.open(path) as tf:
        members = tf.getmembers()
        for m in members:
            pure = _check_name(str(path), m.name)
            if m.issym() or m.islnk():
                link = PurePosixPath(m.linkname.replace("\\", "/"))
                base = pure.parent if m.issym() else PurePosixPath()
                if m.linkname.startswith("/") or not _inside(dest, dest / base / link):
                    raise UnsafeArchiveError(
                        f"unsafe archive entry {m.name!r} (link to {m.linkname!r} outside the archive)", str(path)
                    )
            elif not (m.isfile() or m.isdir()):
                raise UnsafeArchiveError(f"unsafe archive entry {m.name!r} (device or special file)", str(path))
        for m in members:
            target = dest / _check_name(str(path), m.name)
            if m.isdir():
                target.mkdir(parents=True, exist_ok=True)
            elif m.isfile():
                target.parent.mkdir(parents=True, exist_ok=True)
                src = tf.extractfile(m)
                assert src is not None
                with src, open(target, "wb") as out:
                    while chunk := src.read(1 << 20):
                        out.write(chunk)
            else:  # a link checked above: copy what it points to, as a file
                target.parent.mkdir(parents=True, exist_ok=True)
                if m.issym():
                    os.symlink(m.linkname, target)
                    if not _inside(dest, target):
                        target.unlink()
                        raise UnsafeArchiveError(f"unsafe archive entry {m.name!r} (link out)", str(path))
                else:
                    source = dest / _check_name(str(path), m.linkname)
                    target.write_bytes(source.read_bytes())


def safe_extract(path: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Path:
    """Extract ``path`` into ``dest`` (created), refusing unsafe entries first."""
    archive = Path(path)
    out = Path(dest)
    out.mkdir(parents=True, exist_ok=True)
    try:
        if archive.name.lower().endswith(".zip") or zipfile.is_zipfile(archive):
            _extract_zip(archive, out)
        else:
            _extract_tar(archive, out)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError) as exc:
        raise TarjamaError(f"not a readable archive ({exc})", str(archive)) from None
    return out
