"""Safe extraction of model archives (.zip, .tar.gz, .tgz, .tar, .tar.bz2, .tar.xz).

Why: a model archive comes from the network. Everything is checked before a
byte is written, and the checks do not trust the archive:

* names: no absolute path, no ``..``, no empty name, no component over 255
  bytes or path over 1,024, no entry that is both a file and a folder, no
  entry given twice;
* tar members go through the standard library's ``data`` filter (PEP 706) as
  well; links are never created on disk: a link to a file of the archive is
  written as a copy of that file, any other link (out of the archive, to a
  folder, through another link) is refused, so no chain of links can lead a
  later entry outside the folder;
* bombs: at most :data:`MAX_MEMBERS` entries, :data:`MAX_TOTAL_BYTES` in all,
  and :data:`MAX_RATIO` times the archive's own size;
* integrity: a compressed tar is decompressed to the end first, so a bad gzip
  CRC (or a truncated stream) fails before anything is installed; zip members
  are CRC-checked by :mod:`zipfile` as they are read;
* encrypted (ZipCrypto or AES) zips are refused with their reason.

Each refusal is one :class:`UnsafeArchiveError` naming the user's archive.
"""
from __future__ import annotations

import bz2
import gzip
import lzma
import os
import tarfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import IO, Callable

from ..errors import TarjamaError

ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tar.xz")
# The largest real model we fetch (Transformer-big, float32) is about 1 GB
# unpacked; a few models' worth of headroom, never a full disk.
MAX_TOTAL_BYTES = 8 << 30
# Model weights barely compress (about 1.1x for int8/float32 tensors, 3-4x for
# vocabularies); a 100x ratio over the whole archive is a bomb.
MAX_RATIO = 100
RATIO_FLOOR = 64 << 20  # small archives may compress better than 100x (text only)
MAX_MEMBERS = 10_000
MAX_NAME = 1024
MAX_COMPONENT = 255
_CHUNK = 1 << 20


class UnsafeArchiveError(TarjamaError):
    """An archive entry that would land outside the extraction folder, or a bomb."""


def is_archive(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in ARCHIVE_SUFFIXES)


def _short(name: str) -> str:
    return repr(name if len(name) <= 80 else name[:60] + "…" + name[-10:])


def _check_name(archive: str, name: str) -> PurePosixPath:
    normalized = name.replace("\\", "/")
    pure = PurePosixPath(normalized)
    if normalized.startswith("/") or (len(normalized) > 1 and normalized[1] == ":"):
        raise UnsafeArchiveError(f"unsafe archive entry {_short(name)} (absolute path)", archive)
    if ".." in pure.parts:
        raise UnsafeArchiveError(f"unsafe archive entry {_short(name)} ('..' in path)", archive)
    if "\x00" in normalized or not normalized:
        raise UnsafeArchiveError(f"unsafe archive entry {_short(name)} (empty or invalid name)", archive)
    if len(normalized.encode("utf-8", "surrogateescape")) > MAX_NAME or any(
            len(p.encode("utf-8", "surrogateescape")) > MAX_COMPONENT for p in pure.parts):
        raise UnsafeArchiveError(f"archive entry name too long ({len(name)} characters): {_short(name)}", archive)
    return pure


class _Plan:
    """The entries an archive will create, checked for conflicts and size."""

    def __init__(self, archive: Path):
        self.archive = str(archive)
        self.limit = max(RATIO_FLOOR, MAX_RATIO * archive.stat().st_size)
        self.files: set[PurePosixPath] = set()
        self.dirs: set[PurePosixPath] = set()
        self.count = 0
        self.total = 0

    def add(self, name: str, is_dir: bool, size: int = 0) -> PurePosixPath:
        pure = _check_name(self.archive, name)
        if not is_dir and not pure.parts:
            raise UnsafeArchiveError(f"unsafe archive entry {_short(name)} (a file without a name)", self.archive)
        self.count += 1
        if self.count > MAX_MEMBERS:
            raise UnsafeArchiveError(f"archive has more than {MAX_MEMBERS} entries; not a model", self.archive)
        for parent in list(pure.parents)[:-1]:
            if parent in self.files:
                raise UnsafeArchiveError(f"archive entry {_short(str(parent))} is both a file and a folder",
                                         self.archive)
            self.dirs.add(parent)
        if is_dir:
            if pure in self.files:
                raise UnsafeArchiveError(f"archive entry {_short(str(pure))} is both a file and a folder",
                                         self.archive)
            self.dirs.add(pure)
            return pure
        if pure in self.dirs:
            raise UnsafeArchiveError(f"archive entry {_short(str(pure))} is both a file and a folder", self.archive)
        if pure in self.files:
            raise UnsafeArchiveError(f"archive entry {_short(str(pure))} appears twice", self.archive)
        self.files.add(pure)
        self.grow(size)
        return pure

    def grow(self, size: int) -> None:
        self.total += size
        if self.total > MAX_TOTAL_BYTES:
            raise UnsafeArchiveError(
                f"archive unpacks to more than {MAX_TOTAL_BYTES >> 30} GB; refusing (an archive bomb?)", self.archive)
        if self.total > self.limit:
            raise UnsafeArchiveError(
                f"archive unpacks to more than {MAX_RATIO} times its size; refusing (an archive bomb?)", self.archive)


def _copy(src: IO[bytes], target: Path, budget: int, archive: str) -> None:
    """Stream ``src`` to a new file, never past ``budget`` bytes (a lying header)."""
    written = 0
    with src, open(target, "xb") as out:
        while chunk := src.read(_CHUNK):
            written += len(chunk)
            if written > budget:
                raise UnsafeArchiveError("archive entry is larger than its header says; refusing", archive)
            out.write(chunk)


def _extract_zip(path: Path, dest: Path) -> None:
    archive = str(path)
    plan = _Plan(path)
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UnsafeArchiveError(f"archive has more than {MAX_MEMBERS} entries; not a model", archive)
        for info in infos:
            mode = info.external_attr >> 16
            if (mode & 0o170000) == 0o120000:
                raise UnsafeArchiveError(f"unsafe archive entry {_short(info.filename)} (symbolic link)", archive)
            if info.compress_type == 99:
                raise UnsafeArchiveError("archive is AES-encrypted; give an unencrypted archive", archive)
            if info.flag_bits & 0x1:
                raise UnsafeArchiveError("archive is password-protected; give an unencrypted archive", archive)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2,
                                          zipfile.ZIP_LZMA):
                raise UnsafeArchiveError(f"archive uses compression method {info.compress_type}, "
                                         "which cannot be read; repack it as a plain zip", archive)
            plan.add(info.filename, info.is_dir(), info.file_size)
        for info in infos:
            target = dest / _check_name(archive, info.filename)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy(zf.open(info), target, info.file_size, archive)  # zipfile checks each CRC


def _decompressor(path: Path) -> Callable[[Path], IO[bytes]] | None:
    with open(path, "rb") as fh:
        magic = fh.read(6)
    if magic[:2] == b"\x1f\x8b":
        return gzip.open
    if magic[:3] == b"BZh":
        return bz2.open
    if magic == b"\xfd7zXZ\x00":
        return lzma.open
    return None


def _verify_stream(path: Path, plan: _Plan) -> None:
    """Decompress to the end: CRC and length are checked, and a bomb is caught
    before anything is written."""
    opener = _decompressor(path)
    if opener is None:
        return
    try:
        with opener(path) as stream:
            while chunk := stream.read(_CHUNK):
                plan.grow(len(chunk))
    except (OSError, EOFError, lzma.LZMAError, zlib.error, ValueError) as exc:
        raise UnsafeArchiveError(f"archive is damaged ({exc}); download it again", plan.archive) from None
    plan.total = 0  # the members are counted again, one by one


def _extract_tar(path: Path, dest: Path) -> None:
    archive = str(path)
    plan = _Plan(path)
    _verify_stream(path, plan)
    data_filter = getattr(tarfile, "data_filter", None)
    with tarfile.open(path) as tf:
        members: list[tarfile.TarInfo] = []
        for m in tf:  # stops at MAX_MEMBERS without reading a million headers
            members.append(m)
            if len(members) > MAX_MEMBERS:
                raise UnsafeArchiveError(f"archive has more than {MAX_MEMBERS} entries; not a model", archive)
        links: list[tuple[tarfile.TarInfo, PurePosixPath]] = []
        for m in members:
            if not (m.isfile() or m.isdir() or m.issym() or m.islnk()):
                raise UnsafeArchiveError(f"unsafe archive entry {_short(m.name)} (device or special file)", archive)
            if data_filter is not None:
                try:
                    data_filter(m, str(dest))
                except tarfile.FilterError as exc:
                    raise UnsafeArchiveError(f"unsafe archive entry {_short(m.name)} ({_filter_reason(exc)})",
                                             archive) from None
            pure = plan.add(m.name, m.isdir(), m.size if m.isfile() else 0)
            if m.issym() or m.islnk():
                links.append((m, pure))
        regular = {_check_name(archive, m.name): m for m in members if m.isfile()}
        for m, pure in links:  # a link must name a regular file of this archive
            base = pure.parent if m.issym() else PurePosixPath()
            target = PurePosixPath(os.path.normpath(str(base / m.linkname.replace("\\", "/"))))
            if m.linkname.startswith("/") or target.parts[:1] == ("..",) or target not in regular:
                raise UnsafeArchiveError(
                    f"unsafe archive entry {_short(m.name)} (link to {_short(m.linkname)}, "
                    "which is not a file of the archive)", archive)
            plan.grow(regular[target].size)
        for m in members:
            target = dest / _check_name(archive, m.name)
            if m.isdir():
                target.mkdir(parents=True, exist_ok=True)
            elif m.isfile():
                target.parent.mkdir(parents=True, exist_ok=True)
                src = tf.extractfile(m)
                assert src is not None
                _copy(src, target, m.size, archive)
        for m, pure in links:  # written as copies: never a link on disk
            base = pure.parent if m.issym() else PurePosixPath()
            source = regular[PurePosixPath(os.path.normpath(str(base / m.linkname.replace("\\", "/"))))]
            target = dest / pure
            target.parent.mkdir(parents=True, exist_ok=True)
            src = tf.extractfile(source)
            assert src is not None
            _copy(src, target, source.size, archive)


def _filter_reason(exc: Exception) -> str:
    text = str(exc)
    for cls, reason in (("AbsolutePathError", "absolute path"), ("OutsideDestinationError", "outside the archive"),
                        ("AbsoluteLinkError", "link outside the archive"),
                        ("LinkOutsideDestinationError", "link outside the archive"),
                        ("SpecialFileError", "special file")):
        if type(exc).__name__ == cls:
            return reason
    return text[:120]


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
    except (zipfile.BadZipFile, zipfile.LargeZipFile, tarfile.TarError, EOFError, zlib.error,
            lzma.LZMAError, NotImplementedError, RuntimeError) as exc:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise TarjamaError(f"not a readable archive ({reason})", str(archive)) from None
    return out

