"""Model archives `model install` must refuse: traversal, link chains, bombs, encryption, bad CRCs."""
from __future__ import annotations

import io
import stat
import struct
import tarfile
import zipfile
from pathlib import Path

from .inputs import _w


def _tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as tf:
        for info, data in members:
            if data is not None:
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
            else:
                tf.addfile(info)
    return path


def _ti(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.mode = 0o644
    return info


def _zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return path


def _patch_zip_flags(path: Path, flag_bits: int | None = None, method: int | None = None) -> Path:
    """Set the general-purpose flags / method of every entry in both headers, as
    an encrypting tool would (the payload need not really be encrypted)."""
    data = bytearray(path.read_bytes())
    for sig, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        pos = data.find(sig)
        while pos >= 0:
            if flag_bits is not None:
                old = struct.unpack_from("<H", data, pos + flag_at)[0]
                struct.pack_into("<H", data, pos + flag_at, old | flag_bits)
            if method is not None:
                struct.pack_into("<H", data, pos + method_at, method)
            pos = data.find(sig, pos + 4)
    path.write_bytes(bytes(data))
    return path


def bad_archives(folder: Path, model_dir: Path | None, heavy: bool = True) -> dict[str, tuple[Path, str]]:
    """Archives ``model install`` must refuse: name -> (path, what the error says)."""
    folder.mkdir(parents=True, exist_ok=True)
    payload = b"x" * 100
    out: dict[str, tuple[Path, str]] = {}
    f = folder

    def add(name: str, path: Path, needle: str = "") -> None:
        out[name] = (path, needle)

    add("tar-dotdot", _tar(f / "dotdot.tar.gz", [(_ti("../escaped-dotdot"), payload)]))
    add("tar-absolute", _tar(f / "abs.tar.gz", [(_ti(str(f.parent / "escaped-abs")), payload)]))
    add("tar-symlink-out", _tar(f / "symout.tar.gz", [(_ti("m/l", tarfile.SYMTYPE, "../../../../etc/passwd"), None)]))
    add("tar-symlink-chain", _tar(f / "chain.tar.gz", [
        (_ti("x0/x1/x2/x3", tarfile.DIRTYPE), None),
        (_ti("L", tarfile.SYMTYPE, "x0/x1/x2/x3/../../../.."), None),
        (_ti("L/escaped-chain"), payload)]))
    add("tar-symlink-abs", _tar(f / "symabs.tar.gz", [(_ti("l", tarfile.SYMTYPE, "/etc"), None),
                                                      (_ti("l/escaped-symabs"), payload)]))
    add("tar-hardlink-out", _tar(f / "hard.tar.gz", [(_ti("h", tarfile.LNKTYPE, "/etc/passwd"), None)]))
    add("tar-hardlink-chain", _tar(f / "hardchain.tar.gz", [
        (_ti("L", tarfile.SYMTYPE, "x/../.."), None), (_ti("h", tarfile.LNKTYPE, "L/etc/passwd"), None)]))
    add("tar-device", _tar(f / "dev.tar.gz", [(_ti("d", tarfile.CHRTYPE), None)]))
    add("tar-fifo", _tar(f / "fifo.tar.gz", [(_ti("p", tarfile.FIFOTYPE), None)]))
    add("tar-file-and-dir", _tar(f / "filedir.tar.gz", [(_ti("a"), payload), (_ti("a/b"), payload)]))
    add("tar-duplicate", _tar(f / "dup.tar.gz", [(_ti("a"), payload), (_ti("a"), payload)]))
    add("tar-long-name", _tar(f / "longname.tar.gz", [(_ti("n" * 5000), payload)]))
    if heavy:
        _bombs(f, add)
    add("not-an-archive.tar.gz", _w(f / "junk.tar.gz", b"this is not a tar"))
    add("empty.tar.gz", _w(f / "empty.tar.gz", b""))
    if model_dir is not None:
        good = f / "good.tar.gz"
        with tarfile.open(good, "w:gz") as tf:
            tf.add(model_dir, arcname="model")
        data = bytearray(good.read_bytes())
        data[-8] ^= 0xFF  # the gzip trailer's CRC-32
        add("gzip-bad-crc", _w(f / "badcrc.tar.gz", bytes(data)))
        add("gzip-truncated", _w(f / "trunc.tar.gz", good.read_bytes()[: len(data) // 2]))
        mid = bytearray(good.read_bytes())
        mid[len(mid) // 2] ^= 0x55
        add("gzip-corrupt-middle", _w(f / "corrupt.tar.gz", bytes(mid)))
        zgood = f / "good.zip"
        with zipfile.ZipFile(zgood, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in sorted(model_dir.iterdir()):
                zf.write(p, f"model/{p.name}")
        zdata = bytearray(zgood.read_bytes())
        zdata[40] ^= 0x5A  # inside the first member's compressed data
        add("zip-bad-crc", _w(f / "badcrc.zip", bytes(zdata)))
        add("model-without-bin.tar.gz", _tar(f / "nobin.tar.gz", [(_ti("model/config.json"), b"{}")]))
    add("zip-dotdot", _zip(f / "dotdot.zip", [("../escaped-zip", payload)]))
    add("zip-absolute", _zip(f / "abs.zip", [("/tmp/escaped-zipabs", payload)]))
    add("zip-backslash", _zip(f / "bs.zip", [("..\\..\\escaped-bs", payload)]))
    sym = zipfile.ZipInfo("link")
    sym.external_attr = (stat.S_IFLNK | 0o777) << 16
    add("zip-symlink", _zip(f / "sym.zip", [(sym, b"/etc/passwd")]))
    add("zip-file-and-dir", _zip(f / "filedir.zip", [("a/", b""), ("a", payload)]))
    add("zip-file-then-dir", _zip(f / "filethendir.zip", [("a", payload), ("a/b", payload)]))
    add("zip-long-name", _zip(f / "longname.zip", [("n" * 5000, payload)]))
    add("zip-encrypted", _patch_zip_flags(_zip(f / "enc.zip", [("model/model.bin", payload)]), flag_bits=1))
    add("zip-aes", _patch_zip_flags(_zip(f / "aes.zip", [("model/model.bin", payload)]), flag_bits=1, method=99))
    add("zip-unknown-method", _patch_zip_flags(_zip(f / "meth.zip", [("model/model.bin", payload)]), method=97))
    add("zip-empty", _zip(f / "empty.zip", []))
    add("zip-truncated", _w(f / "trunc.zip", _zip(f / "t.zip", [("a", payload * 50)]).read_bytes()[:60]))
    return out


def _bombs(f: Path, add) -> None:
    """Archives that unpack to hundreds of MB, and one with 10,050 entries."""
    add("tar-many-members", _tar(f / "many.tar.gz", [(_ti(f"f{i}"), b"") for i in range(10_050)]))
    big = f / "bomb.tar.gz"
    with tarfile.open(big, "w:gz") as tf:  # 300 MB of zeros in about 300 KB
        info = _ti("zeros")
        info.size = 300 << 20

        class Zeros(io.RawIOBase):
            left = info.size

            def readable(self) -> bool:
                return True

            def readinto(self, b):  # noqa: ANN001
                n = min(len(b), self.left)
                b[:n] = bytes(n)
                self.left -= n
                return n
        tf.addfile(info, io.BufferedReader(Zeros()))
    add("tar-bomb", big)
    bomb = f / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("model/model.bin", "w", force_zip64=True) as out_:
            chunk = bytes(1 << 20)
            for _ in range(400):
                out_.write(chunk)
    add("zip-bomb", bomb)
