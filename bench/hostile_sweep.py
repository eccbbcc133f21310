"""Hostile-input sweep: every command against generated bad inputs.

Usage:
    python bench/hostile_sweep.py [--workdir DIR] [--jobs 2] [--quick] [--keep]

Generates hostile inputs (broken encodings, binaries, huge lines, YAML bombs,
bad JSONL, unsafe archives, damaged model stores, hanging servers, output paths
that are directories, devices, symlinks or inputs) and runs each through the
real CLI in a subprocess. Every run is checked for: no traceback, no "internal
error", the documented exit status (0 ok, 1 findings, 2 usage or input error),
one stderr line naming the file (and line) on an error, nothing written outside
the case's folder, no output created or destroyed on failure, no input changed,
at most 60 s and 2 GB (``os.wait4``'s per-child rusage). It then SIGKILLs
``enforce -o``, ``qa -o``, ``translate -o`` and ``model install`` at random
moments and runs 8 processes at once on a cold TARJAMA_HOME.

The case generator is shared with ``tests/test_hostile.py`` (the fast, in-process
part). Prints the counts and exits 1 when any check failed.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import random
import shutil
import signal
import socket
import stat
import struct
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY_TEXT = """name: sweep
terms:
  - target: Baghdad
    type: place
    source: [بغداد]
  - target: Mark Esper
    type: person
    source: [مارك إسبر, مارك اسبير]
    forbidden: [Mark Esbir]
"""
SRC_LINES = ["زار مارك اسبير بغداد يوم الاثنين.", "قال الوزير إن الاقتصاد نما.", "وصل الوفد إلى بغداد."]
TGT_LINES = ["Mark Esbir visited Baghdad on Monday.", "The minister said the economy grew.",
             "The delegation arrived in Baghdad."]
MAX_SECONDS = 60
MAX_RSS_KB = 2 << 20  # 2 GB


@dataclass
class Case:
    """One hostile run: ``args`` after ``tarjama``; ``expect`` the allowed exit codes;
    ``needle`` must appear in the error line (a file name), ``line`` as ``:N:``."""

    name: str
    args: list[str]
    expect: frozenset[int]
    folder: Path
    needle: str | None = None
    line: int | None = None
    stdin: bytes | str | None = None  # bytes, "closed", "devnull", "devzero", or None (empty)
    output: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    home: Path | None = None  # its own TARJAMA_HOME (checked for leftovers)
    subprocess_only: bool = False
    slow: bool = False  # seconds of waiting (hanging servers): the bench only
    max_file_bytes: int | None = None  # RLIMIT_FSIZE: a full disk as the child sees it
    multi_line_ok: bool = False  # `glossary check` lists problems, then a summary
    after: object = None  # extra check: callable(case, code, stdout, stderr) -> list[str]


ERR = frozenset({2})
OK = frozenset({0, 1})


# ---- inputs ------------------------------------------------------------------

def _w(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def bad_texts(n_lines: int = 3) -> dict[str, tuple[bytes, int | None, frozenset[int]]]:
    """Text inputs: name -> (bytes, line of the problem, allowed exits)."""
    good = "\n".join(SRC_LINES).encode()
    return {
        "empty": (b"", None, ERR),
        "blank": (b"  \n\n \t\n", None, ERR),
        "bom-only": ("\ufeff".encode(), None, ERR),
        "nul-first": (b"\x00abc\n", 1, ERR),
        "nul-line3": (good + b"\nx\x00y\n", 4, ERR),
        "latin1-line2": (SRC_LINES[0].encode() + b"\ncaf\xe9\n", 2, ERR),
        "truncated-utf8": ("بغداد".encode()[:-1], 1, ERR),
        "overlong-utf8": (b"a\xc0\xafb\n", 1, ERR),
        "cesu-surrogate": (b"x\xed\xa0\x80y\n", 1, ERR),
        "utf16": ("بغداد\n".encode("utf-16"), 1, ERR),
        "lone-continuation": (b"\x80\n", 1, ERR),
        "long-line": (("ب" * 60_000 + "\n").encode(), 1, ERR),
        "long-line-3": (good + b"\n" + ("x" * 50_001).encode() + b"\n", 4, ERR),
        "gzip-bytes": (gzip.compress(good), None, ERR),
        "png-header": (b"\x89PNG\r\n\x1a\n\x00\x00", None, ERR),
        "too-many-lines": (b"x\n" * 1_000_001, None, ERR),
    }


def odd_texts() -> dict[str, bytes]:
    """Valid but strange UTF-8: must run (0/1), never crash."""
    arabic = SRC_LINES[0]
    return {
        "crlf": "\r\n".join(SRC_LINES).encode() + b"\r\n",
        "bom-crlf": ("\ufeff" + "\r\n".join(SRC_LINES) + "\r\n").encode(),
        "no-final-newline": "\n".join(SRC_LINES).encode(),
        "lone-cr": "\r".join(SRC_LINES).encode() + b"\n",
        "controls": ("\x01\x07\x1b[31m" + arabic + "\x7f\n").encode(),
        "bidi-marks": ("\u202e\u200f" + arabic + "\u2066\u200d\n").encode(),
        "combining-storm": ("ب" + "\u0651" * 5000 + "\n").encode(),
        "presentation-forms": ("\ufe8d\ufedf\ufe91\ufeac\ufe8d\ufea9\n").encode(),
        "emoji": ("🇮🇶 " + arabic + " 👍🏽\n").encode(),
        "only-punct": ("؟،!…\n").encode(),
        "tatweel": ("بـــغـــداد\n").encode(),
        "private-use": ("\ue000\U000f0000 " + arabic + "\n").encode(),
        "nonchar": ("\ufffe\uffff" + arabic + "\n").encode(),
        "many-short-lines": ("\n".join(["بغداد"] * 3000) + "\n").encode(),
        "long-line-at-limit": (("بغداد " * 8000)[:49_000] + "\n").encode(),
    }


def bad_glossaries() -> dict[str, tuple[str | bytes, int | None]]:
    """Glossaries that must be refused: name -> (content, line of the problem)."""
    deep = "terms: " + "[" * 20_000 + "]" * 20_000 + "\n"
    block_deep = "terms:\n" + "".join("  " * i + "- \n" for i in range(200))
    anchor = "[" + ", ".join(f"س{i}" for i in range(3000)) + "]"
    amp = "x: &A " + anchor + "\nterms:\n" + "".join(f"- {{target: T{i}, source: *A}}\n" for i in range(3000))
    nested_amp = ("a: &a [س, س, س, س, س, س, س, س, س, س]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                  "terms:\n- {target: X, source: *d}\n")
    term = "  - target: Baghdad\n    source: [بغداد]\n"
    return {
        "empty": ("", None),
        "comment-only": ("# nothing\n", None),
        "scalar-root": ("just a string\n", 1),
        "list-root": ("- a\n- b\n", 1),
        "no-terms": ("name: x\n", 1),
        "terms-scalar": ("terms: 5\n", 1),
        "terms-null": ("terms: ~\n", 1),
        "term-scalar": ("terms:\n  - Baghdad\n", 2),
        "target-tilde": ("terms:\n  - target: ~\n    source: [بغداد]\n", 2),
        "target-null": ("terms:\n  - target: null\n    source: [بغداد]\n", 2),
        "target-Null": ("terms:\n  - target: Null\n    source: [بغداد]\n", 2),
        "target-empty": ("terms:\n  - target:\n    source: [بغداد]\n", 2),
        "target-list": ("terms:\n  - target: [a, b]\n    source: [بغداد]\n", 2),
        "target-map": ("terms:\n  - target: {a: b}\n    source: [بغداد]\n", 2),
        "no-target": ("terms:\n  - source: [بغداد]\n", 2),
        "no-source": ("terms:\n  - target: Baghdad\n", 2),
        "source-empty-list": ("terms:\n  - target: Baghdad\n    source: []\n", 3),
        "source-null-item": ("terms:\n  - target: Baghdad\n    source: [~]\n", 3),
        "source-nested": ("terms:\n  - target: Baghdad\n    source: [[بغداد]]\n", 3),
        "unknown-key": ("terms:\n  - target: Baghdad\n    source: [بغداد]\n    colour: red\n", 4),
        "duplicate-key": ("terms:\n  - target: Baghdad\n    target: Bagdad\n    source: [بغداد]\n", 3),
        "bad-type": ("terms:\n  - target: Baghdad\n    type: planet\n    source: [بغداد]\n", 3),
        "tab-indent": ("terms:\n\t- target: Baghdad\n", 2),
        "unclosed-flow": ("terms:\n  - target: [unclosed\n", None),
        "unclosed-quote": ('terms:\n  - target: "Baghdad\n', None),
        "undefined-alias": ("terms:\n  - target: *nope\n    source: [بغداد]\n", 2),
        "two-documents": ("terms: []\n---\nterms: []\n", 2),
        "deep-flow": (deep, 1),
        "deep-block": (block_deep, None),
        "alias-amplification": (amp, None),
        "nested-alias-bomb": (nested_amp, None),
        "surrogate-escape": ('terms:\n  - target: "\\ud800"\n    source: [بغداد]\n', 2),
        "surrogate-in-source": ('terms:\n  - target: Baghdad\n    source: ["\\udfff"]\n', 3),
        "long-line": ("terms: [" + ", ".join("{target: N%d, source: [س%d]}" % (i, i) for i in range(60_000)) + "]\n",
                      1),
        "binary": (b"terms:\x00\n", 1),
        "latin1": (b"terms:\n  - target: caf\xe9\n", 2),
        "truncated-utf8": ("terms:\n  - target: بغداد".encode()[:-1], 2),
        "source-lang-fr": ("source_lang: fr\n" + "terms:\n" + term, 1),
        "merge-key": ("terms:\n  - <<: {type: place}\n    target: Baghdad\n    source: [بغداد]\n", 2),
        "python-tag": ("terms:\n  - target: !!python/object:os.system echo\n    source: [بغداد]\n", None),
    }


def bad_jsonl() -> dict[str, tuple[bytes, int | None]]:
    rec = {"id": "a", "source": SRC_LINES[0], "target": TGT_LINES[0]}
    good = json.dumps(rec, ensure_ascii=False)
    return {
        "not-json": (b"{not json}\n", 1),
        "array": (b"[1, 2]\n", 1),
        "string": (b'"hello"\n', 1),
        "missing-source": (b'{"id": 1, "target": "x"}\n', 1),
        "source-number": (b'{"id": 1, "source": 5, "target": "x"}\n', 1),
        "id-bool": (b'{"id": true, "source": "a", "target": "b"}\n', 1),
        "id-list": (b'{"id": [1], "source": "a", "target": "b"}\n', 1),
        "id-5000-digits": (b'{"id": ' + b"9" * 5000 + b', "source": "a", "target": "b"}\n', 1),
        "deep-nesting": (b"[" * 100_000 + b"]" * 100_000 + b"\n", 1),
        "duplicate-id": ((good + "\n" + good + "\n").encode(), 2),
        "surrogate-source": (b'{"id": 1, "source": "\\ud800", "target": "b"}\n', 1),
        "surrogate-id": (b'{"id": "\\udc00", "source": "a", "target": "b"}\n', 1),
        "line-mismatch": (b'{"id": 1, "source": "a\\nb", "target": "c"}\n', 1),
        "empty": (b"", None),
        "blank-lines": (b"\n\n  \n", None),
        "nul": (good.encode() + b"\n\x00\n", 2),
        "latin1": (b'{"id": 1, "source": "caf\xe9", "target": "b"}\n', 1),
        "truncated": (good.encode()[:-3], 1),
        "huge-line": (json.dumps({"id": 1, "source": "ب" * 60_000, "target": "x" * 60_000}).encode() + b"\n", 1),
    }


# ---- archives ----------------------------------------------------------------

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


# ---- the case list -----------------------------------------------------------

@dataclass
class Fixtures:
    work: Path
    home: Path  # shared warm TARJAMA_HOME (lexicon cache, an installed model)
    model_dir: Path | None  # a CTranslate2 model directory (None: skip translate/model cases)
    server: str | None = None  # base URL of the hostile HTTP server


class _Folders:
    def __init__(self, work: Path):
        self.work = work
        self.n = 0

    def new(self, name: str) -> Path:
        self.n += 1
        d = self.work / f"c{self.n:04d}-{''.join(ch if ch.isalnum() else '-' for ch in name)[:40]}"
        d.mkdir(parents=True)
        return d


def _pair(d: Path) -> tuple[Path, Path, Path]:
    src = _w(d / "src.ar.txt", "\n".join(SRC_LINES) + "\n")
    tgt = _w(d / "tgt.en.txt", "\n".join(TGT_LINES) + "\n")
    glo = _w(d / "glossary.yaml", GLOSSARY_TEXT)
    return src, tgt, glo


def generate(fx: Fixtures, quick: bool = False) -> list[Case]:
    """Every hostile case, inputs written under ``fx.work``."""
    F = _Folders(fx.work)
    cases: list[Case] = []
    add = cases.append

    # 1. bad text as every text input of every command
    for name, (data, line, expect) in bad_texts().items():
        for role in ("match", "enforce-s", "enforce-t", "qa-s", "qa-t", "translate"):
            if role == "translate" and fx.model_dir is None:
                continue
            d = F.new(f"text-{name}-{role}")
            src, tgt, glo = _pair(d)
            bad = _w(d / f"bad-{name}.txt", data)
            out = d / "out.txt"
            args = {
                "match": ["glossary", "match", str(bad), "-g", str(glo)],
                "enforce-s": ["enforce", "-s", str(bad), "-t", str(tgt), "-g", str(glo), "-o", str(out)],
                "enforce-t": ["enforce", "-s", str(src), "-t", str(bad), "-g", str(glo), "-o", str(out)],
                "qa-s": ["qa", "-s", str(bad), "-t", str(tgt), "-g", str(glo), "-o", str(out)],
                "qa-t": ["qa", "-s", str(src), "-t", str(bad), "-g", str(glo), "-o", str(out)],
                "translate": ["translate", str(bad), "--model", str(fx.model_dir), "-o", str(out)],
            }[role]
            if name == "blank" and role != "match" and role != "translate":
                expect_here, line_here = OK, None  # blank lines are segments (untranslated lines)
            elif role in ("enforce-t", "qa-t") and name in ("empty", "bom-only"):
                expect_here, line_here = ERR, None  # a line-count mismatch: names both files
            else:
                expect_here, line_here = expect, line
            add(Case(f"text/{name}/{role}", args, expect_here, d, needle=str(bad), line=line_here,
                     output=None if role == "match" else out))

    # 2. odd but valid text: must run
    for name, data in odd_texts().items():
        for role in ("match", "enforce", "qa"):
            d = F.new(f"odd-{name}-{role}")
            src, tgt, glo = _pair(d)
            odd = _w(d / f"odd-{name}.txt", data)
            n = data.decode("utf-8").replace("\r\n", "\n").rstrip("\n").count("\n") + 1 if data else 0
            tgt_same = _w(d / "tgt-same.txt", "\n".join(["The text."] * n) + "\n")
            out = d / "out.txt"
            args = {
                "match": ["glossary", "match", str(odd), "-g", str(glo)],
                "enforce": ["enforce", "-s", str(odd), "-t", str(tgt_same), "-g", str(glo), "-o", str(out)],
                "qa": ["qa", "-s", str(tgt_same), "-t", str(odd), "-g", str(glo), "-o", str(out)],
            }[role]
            expect = OK
            add(Case(f"odd/{name}/{role}", args, expect, d, needle=None, output=None if role == "match" else out))

    # 3. bad glossaries through every command that loads one
    for name, (content, line) in bad_glossaries().items():
        for role in ("check", "match", "enforce", "qa"):
            d = F.new(f"glo-{name}-{role}")
            src, tgt, _ = _pair(d)
            g = _w(d / f"g-{name}.yaml", content)
            out = d / "out.txt"
            args = {
                "check": ["glossary", "check", str(g)],
                "match": ["glossary", "match", str(src), "-g", str(g)],
                "enforce": ["enforce", "-s", str(src), "-t", str(tgt), "-g", str(g), "-o", str(out)],
                "qa": ["qa", "-s", str(src), "-t", str(tgt), "-g", str(g), "-o", str(out)],
            }[role]
            expect = frozenset({1}) if role == "check" else ERR
            if name == "python-tag":  # a tag is only a tag: a string target, never code
                expect = OK if role != "check" else frozenset({0, 1})
            add(Case(f"glossary/{name}/{role}", args, expect, d, needle=str(g), line=line,
                     output=None if role in ("check", "match") else out, multi_line_ok=role == "check"))
    # glossary paths that are not glossaries
    for name, make in (("missing", lambda d: d / "none.yaml"), ("empty-dir", lambda d: (d / "gdir").mkdir() or d / "gdir"),
                       ("dir-with-bad", lambda d: _w(d / "gd" / "x.yaml", "terms: [").parent),
                       ("devnull", lambda d: Path("/dev/null")), ("devzero", lambda d: Path("/dev/zero"))):
        for role in ("match", "enforce", "qa"):
            d = F.new(f"gpath-{name}-{role}")
            src, tgt, _ = _pair(d)
            g = make(d)
            out = d / "out.txt"
            args = {"match": ["glossary", "match", str(src), "-g", str(g)],
                    "enforce": ["enforce", "-s", str(src), "-t", str(tgt), "-g", str(g), "-o", str(out)],
                    "qa": ["qa", "-s", str(src), "-t", str(tgt), "-g", str(g), "-o", str(out)]}[role]
            add(Case(f"gpath/{name}/{role}", args, ERR, d, needle=str(g) if name != "dir-with-bad" else "x.yaml",
                     output=None if role == "match" else out))

    # 4. JSONL batches for qa
    for name, (data, line) in bad_jsonl().items():
        d = F.new(f"jsonl-{name}")
        _, _, glo = _pair(d)
        j = _w(d / f"b-{name}.jsonl", data)
        out = d / "report.json"
        add(Case(f"jsonl/{name}", ["qa", "-s", str(j), "-g", str(glo), "-f", "json", "-o", str(out)], ERR, d,
                 needle=str(j), line=line, output=out))

    # 5. options
    d0 = F.new("options")
    src, tgt, glo = _pair(d0)
    option_cases = [
        ("check-commas", ["qa", "-s", str(src), "-t", str(tgt), "--check", ",,,"], "--check"),
        ("check-empty", ["qa", "-s", str(src), "-t", str(tgt), "--check", ""], "--check"),
        ("check-space", ["qa", "-s", str(src), "-t", str(tgt), "--check", " , "], "--check"),
        ("check-unknown", ["qa", "-s", str(src), "-t", str(tgt), "--check", "bogus"], "bogus"),
        ("format-bad", ["qa", "-s", str(src), "-t", str(tgt), "-f", "pdf"], "--format"),
        ("fail-on-bad", ["qa", "-s", str(src), "-t", str(tgt), "--fail-on", "sometimes"], "--fail-on"),
        ("qa-no-target", ["qa", "-s", str(src)], str(src)),
        ("qa-both-stdin", ["qa", "-s", "-", "-t", "-"], "stdin"),
        ("qa-dir-and-file", ["qa", "-s", str(d0), "-t", str(tgt)], str(d0)),
        ("min-score-2", ["enforce", "-s", str(src), "-t", str(tgt), "-g", str(glo), "--min-score", "2"], "--min-score"),
        ("min-score-nan", ["enforce", "-s", str(src), "-t", str(tgt), "-g", str(glo), "--min-score", "nan"],
         "--min-score"),
        ("min-score-text", ["glossary", "match", str(src), "-g", str(glo), "--min-score", "abc"], "--min-score"),
        ("enforce-no-glossary", ["enforce", "-s", str(src), "-t", str(tgt)], "--glossary"),
        ("enforce-both-stdin", ["enforce", "-s", "-", "-t", "-", "-g", str(glo)], "stdin"),
        ("unknown-option", ["qa", "--frobnicate"], "--frobnicate"),
        ("unknown-command", ["frobnicate"], "frobnicate"),
        ("path-5000", ["glossary", "match", "p" * 5000, "-g", str(glo)], "ppp"),
        ("path-newline", ["glossary", "match", str(d0 / "a\nb.txt"), "-g", str(glo)], "b.txt"),
        ("path-bad-bytes", ["glossary", "match", str(d0) + "/\udcff\udcfe.txt", "-g", str(glo)], ".txt"),
        ("path-loop", ["glossary", "match", str(_loop(d0)), "-g", str(glo)], "loop"),
        ("input-fifo", ["glossary", "match", str(_fifo(d0 / "in.fifo")), "-g", str(glo)], "in.fifo"),
        ("glossary-fifo", ["glossary", "match", str(src), "-g", str(_fifo(d0 / "g.fifo"))], "g.fifo"),
        ("input-devnull", ["glossary", "match", "/dev/null", "-g", str(glo)], "/dev/null"),
        ("enforce-target-devnull", ["enforce", "-s", str(src), "-t", "/dev/null", "-g", str(glo)], "/dev/null"),
    ]
    sdir, tdir = d0 / "srcdir", d0 / "tgtdir"
    _w(sdir / "a.txt", "\n".join(SRC_LINES) + "\n")
    _w(tdir / "a.txt", "\n".join(TGT_LINES) + "\n")
    option_cases += [
        ("output-over-a-dir-input", ["qa", "-s", str(sdir), "-t", str(tdir), "-o", str(sdir / "a.txt")], "a.txt"),
        ("output-inside-a-dir-input", ["qa", "-s", str(sdir), "-t", str(tdir), "-o", str(tdir / "r.txt")], "r.txt"),
        ("dirs-mismatch", ["qa", "-s", str(sdir), "-t", str(_mkdir(d0 / "emptydir"))], "a.txt"),
    ]
    if fx.model_dir is not None:
        option_cases += [
            ("beam-0", ["translate", str(src), "--model", str(fx.model_dir), "--beam-size", "0"], "--beam-size"),
            ("beam-1000", ["translate", str(src), "--model", str(fx.model_dir), "--beam-size", "1000"], "--beam-size"),
            ("compute-type-bogus", ["translate", str(src), "--model", str(fx.model_dir), "--compute-type", "bogus"],
             "bogus"),
            ("model-is-file", ["translate", str(src), "--model", str(src)], str(src)),
            ("model-missing-dir", ["translate", str(src), "--model", str(d0 / "nomodel")], "nomodel"),
            ("model-unknown-name", ["translate", str(src), "--model", "no-such-model"], "no-such-model"),
            ("model-empty-dir", ["translate", str(src), "--model", str(_mkdir(d0 / "emptymodel"))], "emptymodel"),
        ]
    for name, args, needle in option_cases:
        add(Case(f"option/{name}", args, ERR, d0, needle=needle))

    # 6. stdin
    for name, stdin, expect, needle in (("closed", "closed", ERR, "stdin is closed"),
                                        ("devnull", "devnull", ERR, "<stdin>"),
                                        ("devzero", "devzero", ERR, "<stdin>"),
                                        ("binary", b"\x00\x01", ERR, "<stdin>"),
                                        ("latin1", b"caf\xe9\n", ERR, "<stdin>"),
                                        ("truncated", "بغداد".encode()[:-1], ERR, "<stdin>")):
        for role in ("match", "enforce-t", "qa-jsonl", "translate"):
            if role == "translate" and fx.model_dir is None:
                continue
            d = F.new(f"stdin-{name}-{role}")
            src, tgt, glo = _pair(d)
            args = {"match": ["glossary", "match", "-", "-g", str(glo)],
                    "enforce-t": ["enforce", "-s", str(src), "-t", "-", "-g", str(glo)],
                    "qa-jsonl": ["qa", "-s", "-", "-g", str(glo)],
                    "translate": ["translate", "-", "--model", str(fx.model_dir)]}[role]
            add(Case(f"stdin/{name}/{role}", args, expect, d, needle=needle, stdin=stdin,
                     subprocess_only=isinstance(stdin, str)))

    # 7. output paths, for every command that writes one
    writers = ["enforce", "qa"] + (["translate"] if fx.model_dir is not None else [])
    for name in ("directory", "missing-dir", "fifo", "devnull", "devfull", "symlink", "dangling-symlink",
                 "symlink-loop", "name-250", "name-300", "same-as-source", "same-as-target", "same-as-glossary",
                 "symlink-to-input", "hardlink-to-input", "mode-0640", "file-as-dir", "stdout-full"):
        for cmd in writers:
            if cmd == "translate" and name in ("same-as-target", "same-as-glossary"):
                continue  # not inputs of translate
            d = F.new(f"out-{name}-{cmd}")
            src, tgt, glo = _pair(d)
            out, expect, needle, check = _output_target(name, d, src, tgt, glo)
            base = {"enforce": ["enforce", "-s", str(src), "-t", str(tgt), "-g", str(glo)],
                    "qa": ["qa", "-s", str(src), "-t", str(tgt), "-g", str(glo), "--fail-on", "never"],
                    "translate": ["translate", str(src), "--model", str(fx.model_dir or "")]}[cmd]
            args = base + (["-o", str(out)] if name != "stdout-full" else [])
            case = Case(f"output/{name}/{cmd}", args, expect, d, needle=needle,
                        output=out if isinstance(out, Path) and out.parent == d else None, after=check,
                        subprocess_only=name in ("fifo", "stdout-full", "devfull"),
                        stdin="devfull-stdout" if name == "stdout-full" else None)
            add(case)

    for cmd in writers:
        d = F.new(f"out-full-disk-{cmd}")
        src, tgt, glo = _pair(d)  # 60 lines: an output over the 2 KB "disk", a stderr line under it
        src = _w(src, "\n".join(SRC_LINES * 20) + "\n")
        tgt = _w(tgt, "\n".join(TGT_LINES * 20) + "\n")
        old = _w(d / "out.txt", b"old output\n")
        base = {"enforce": ["enforce", "-s", str(src), "-t", str(tgt), "-g", str(glo)],
                "qa": ["qa", "-s", str(src), "-t", str(tgt), "-g", str(glo), "--fail-on", "never"],
                "translate": ["translate", str(src), "--model", str(fx.model_dir or "")]}[cmd]
        add(Case(f"output/full-disk/{cmd}", base + ["-o", str(old)], ERR, d, needle=str(old), output=old,
                 subprocess_only=True, max_file_bytes=2048))
    d = F.new("input-over-limit")
    _, _, glo = _pair(d)
    big = d / "big.txt"
    if not quick:
        with open(big, "wb") as fh:
            line = ("بغداد " * 100 + "\n").encode()
            for _ in range((101 << 20) // len(line) + 1):
                fh.write(line)
        add(Case("text/over-100-MB/match", ["glossary", "match", str(big), "-g", str(glo)], ERR, d,
                 needle="larger than 100 MB", slow=True))

    # a damaged cache is rebuilt, never an error (and never a hang: a FIFO, /dev/zero)
    cached = sorted((fx.home / "cache").glob("*.tables")) if (fx.home / "cache").is_dir() else []
    for damage in ("truncated", "garbage", "fifo", "directory", "devzero", "empty"):
        if not cached:
            break
        d = F.new(f"cache-{damage}")
        src, tgt, glo = _pair(d)
        home = d / "home"
        (home / "cache").mkdir(parents=True)
        for f in cached:
            p = home / "cache" / f.name
            if damage == "truncated":
                p.write_bytes(f.read_bytes()[: f.stat().st_size // 3])
            elif damage == "garbage":
                p.write_bytes(f.read_bytes()[:20] + os.urandom(5000))
            elif damage == "fifo":
                os.mkfifo(p)
            elif damage == "directory":
                p.mkdir()
            elif damage == "devzero":
                os.symlink("/dev/zero", p)
            else:
                p.write_bytes(b"")
        add(Case(f"cache/{damage}", ["qa", "-s", str(src), "-t", str(tgt), "-g", str(glo)], OK, d, home=home,
                 subprocess_only=True))

    # 8. archives and the model store
    arch_folder = F.new("archives")
    for name, (path, needle) in bad_archives(arch_folder / "in", fx.model_dir, heavy=not quick).items():
        home = F.new(f"home-{name}")
        add(Case(f"archive/{name}", ["model", "install", str(path), "--name", "m"], ERR, arch_folder,
                 needle=str(path), home=home, after=_store_clean))
    add(Case("archive/not-a-model-file", ["model", "install", str(_w(arch_folder / "x.txt", "hello"))], ERR,
             arch_folder, needle="x.txt", home=F.new("home-x")))
    add(Case("archive/missing", ["model", "install", str(arch_folder / "nope.zip")], ERR, arch_folder,
             needle="nope.zip", home=F.new("home-nope")))
    add(Case("archive/bad-name", ["model", "install", str(arch_folder / "in"), "--name", "../evil"], ERR,
             arch_folder, needle="../evil", home=F.new("home-badname")))
    if fx.model_dir is not None:
        cases.extend(_store_cases(F, fx))
    cases.extend(_fetch_cases(F, fx))
    if quick:
        cases = [c for c in cases if not (c.subprocess_only or c.slow)]
    return cases


def _loop(d: Path) -> Path:
    p = d / "loop.txt"
    if not p.is_symlink():
        os.symlink(p, p)
    return p


def _fifo(p: Path) -> Path:
    if not p.exists():
        os.mkfifo(p)
    return p


def _mkdir(p: Path) -> Path:
    p.mkdir(exist_ok=True)
    return p


def _output_target(name: str, d: Path, src: Path, tgt: Path, glo: Path):
    """(output path, allowed exits, needle, extra check) for an -o case."""
    def unchanged(path: Path, data: bytes):
        return lambda case, code, out, err: [] if path.read_bytes() == data else [f"{path} changed"]

    if name == "directory":
        return _mkdir(d / "outdir"), ERR, "outdir", None
    if name == "missing-dir":
        return d / "no" / "out.txt", ERR, str(d / "no"), None
    if name == "fifo":
        p = d / "fifo"
        os.mkfifo(p)
        return p, ERR, str(p), lambda c, code, o, e: [] if stat.S_ISFIFO(p.lstat().st_mode) else ["FIFO replaced"]
    if name == "devnull":
        return Path("/dev/null"), OK, None, lambda c, code, o, e: (
            [] if stat.S_ISCHR(os.stat("/dev/null").st_mode) else ["/dev/null replaced"])
    if name == "devfull":
        return Path("/dev/full"), ERR, "/dev/full", None
    if name == "symlink":
        real = _w(d / "real-out.txt", b"old\n")
        link = d / "link-out.txt"
        os.symlink(real.name, link)
        return link, OK, None, lambda c, code, o, e: (
            [] if link.is_symlink() and real.read_bytes() != b"old\n" else ["symlink not written through"])
    if name == "dangling-symlink":
        link = d / "dangling.txt"
        os.symlink("target-made.txt", link)
        return link, OK, None, lambda c, code, o, e: (
            [] if link.is_symlink() and (d / "target-made.txt").is_file() else ["dangling symlink not written through"])
    if name == "symlink-loop":
        return _loop(d), ERR, "loop.txt", None
    if name == "name-250":
        return d / ("n" * 246 + ".txt"), OK, None, None
    if name == "name-300":
        return d / ("n" * 296 + ".txt"), ERR, "nnnn", None
    if name == "same-as-source":
        return src, ERR, str(src), unchanged(src, src.read_bytes())
    if name == "same-as-target":
        return tgt, ERR, str(tgt), unchanged(tgt, tgt.read_bytes())
    if name == "same-as-glossary":
        return glo, ERR, str(glo), unchanged(glo, glo.read_bytes())
    if name == "symlink-to-input":
        link = d / "link-to-src.txt"
        os.symlink(src.name, link)
        return link, ERR, str(link), unchanged(src, src.read_bytes())
    if name == "hardlink-to-input":
        link = d / "hard-src.txt"
        os.link(src, link)
        return link, ERR, str(link), unchanged(src, src.read_bytes())
    if name == "mode-0640":
        p = _w(d / "out.txt", b"old\n")
        os.chmod(p, 0o640)
        return p, OK, None, lambda c, code, o, e: (
            [] if stat.S_IMODE(p.stat().st_mode) == 0o640 else [f"mode became {oct(p.stat().st_mode)}"])
    if name == "file-as-dir":
        f = _w(d / "afile", b"x")
        return f / "out.txt", ERR, "afile", None
    if name == "stdout-full":
        return None, ERR, "<stdout>", None
    raise ValueError(name)


def _store_clean(case: Case, code: int, out: str, err: str) -> list[str]:
    """After a refused install: no model, no staging folder left in the store."""
    models = case.home / "models" if case.home else None
    if models is None or not models.exists():
        return []
    left = [p.name for p in models.iterdir() if p.name != ".lock"]
    return [f"store not clean after a refused install: {left}"] if left else []


def _store_cases(F: _Folders, fx: Fixtures) -> list[Case]:
    out: list[Case] = []
    model = fx.model_dir
    assert model is not None
    # TARJAMA_HOME that is a file
    d = F.new("home-is-file")
    home_file = _w(d / "homefile", b"x")
    for args in (["model", "list"], ["model", "install", str(model), "--name", "m"], ["model", "verify", "m"],
                 ["model", "remove", "m"], ["model", "default", "m"], ["translate", str(_w(d / "s.txt", SRC_LINES[0]))],
                 ["model", "fetch", "x", "--url", "http://127.0.0.1:9/x.zip"]):
        expect = OK if args[:2] == ["model", "list"] else ERR
        out.append(Case(f"store/home-is-file/{'-'.join(args[:2])}", args, expect, d, needle=None if expect == OK
                        else None, env={"TARJAMA_HOME": str(home_file)}))
    # a damaged manifest never hides the healthy model
    for damage in ("garbage", "wrong-types", "empty", "directory", "binary", "huge-nesting"):
        d = F.new(f"store-damaged-{damage}")
        home = d / "home"
        for n in ("good", "bad"):
            shutil.copytree(model, home / "models" / n)
            (home / "models" / n / "tarjama-manifest.json").write_text(json.dumps(
                {"name": n, "source": "x", "sha256": "0" * 64, "size": 1, "date": "2026", "kind": "ctranslate2",
                 "files": {}}))
        manifest = home / "models" / "bad" / "tarjama-manifest.json"
        if damage == "garbage":
            manifest.write_text("{not json")
        elif damage == "wrong-types":
            manifest.write_text(json.dumps({"name": 5, "source": [], "sha256": None, "size": "big", "date": 1,
                                            "files": []}))
        elif damage == "empty":
            manifest.write_text("")
        elif damage == "directory":
            manifest.unlink()
            manifest.mkdir()
        elif damage == "binary":
            manifest.write_bytes(b"\xff\xfe\x00")
        else:
            manifest.write_text("[" * 100_000 + "]" * 100_000)
        (home / "default-model").write_text("good\n")
        out.append(Case(f"store/damaged-{damage}/list", ["model", "list"], frozenset({0}), d, home=home,
                        after=lambda c, code, o, e: [] if "good" in o and "bad" in o else ["list hides a model"]))
        out.append(Case(f"store/damaged-{damage}/verify-other", ["model", "verify", "good"], frozenset({0}), d,
                        home=home))
        out.append(Case(f"store/damaged-{damage}/verify-bad", ["model", "verify", "bad"], ERR, d, home=home,
                        needle="bad"))
    # a default-model file that is garbage, a model dir that is a file
    d = F.new("store-odd")
    home = d / "home"
    shutil.copytree(model, home / "models" / "only")
    (home / "default-model").write_bytes(b"\xff\x00../../etc")
    _w(home / "models" / "afile", b"x")
    out.append(Case("store/garbage-default/list", ["model", "list"], frozenset({0}), d, home=home))
    out.append(Case("store/garbage-default/verify", ["model", "verify"], frozenset({0}), d, home=home))
    out.append(Case("store/remove-missing", ["model", "remove", "nope"], ERR, d, home=home, needle="nope"))
    out.append(Case("store/default-missing", ["model", "default", "nope"], ERR, d, home=home, needle="nope"))
    out.append(Case("store/default-bad-name", ["model", "default", "../x"], ERR, d, home=home, needle="../x"))
    out.append(Case("store/verify-missing", ["model", "verify", "nope"], ERR, d, home=home, needle="nope"))
    out.append(Case("store/install-twice", ["model", "install", str(model), "--name", "only"], ERR, d, home=home,
                    needle="only"))
    # a damaged model file is reported by verify, never loaded silently
    d = F.new("store-damaged-bin")
    home = d / "home"
    out.append(Case("store/damaged-bin/setup-install", ["model", "install", str(model), "--name", "m"],
                    frozenset({0}), d, home=home))
    return out


def _fetch_cases(F: _Folders, fx: Fixtures) -> list[Case]:
    d = F.new("fetch")
    env = {"TARJAMA_FETCH_TIMEOUT": "2"}
    out = []
    for path in ("silent", "drip", "header-drip", "redirect-loop", "redirect-far", "404", "500", "html",
                 "truncated", "reset") if fx.server else ():
        out.append(Case(f"fetch/{path}", ["model", "fetch", "m", "--url", f"{fx.server}/{path}.zip"], ERR, d,
                        needle=f"/{path}.zip", env=env, home=F.new(f"home-fetch-{path}"), after=_store_clean,
                        slow=path in ("silent", "drip", "header-drip", "truncated", "reset")))
    for url in ("http://[::1", "http://", "http://a b/x.zip", "http://h:99999/x.zip", "ftp://x/y.zip",
                "file:///etc/passwd", "http://%00/x.zip", "javascript:alert(1)", ""):
        out.append(Case(f"fetch/url-{url[:12]}", ["model", "fetch", "m", "--url", url], ERR, d,
                        needle=None, env=env, home=F.new("home-fetch-url")))
    if fx.server:
        out.append(Case("fetch/bad-sha", ["model", "fetch", "m", "--url", f"{fx.server}/html.zip",
                                          "--sha256", "0" * 64], ERR, d, needle="checksum", env=env,
                        home=F.new("home-fetch-sha")))
    out.append(Case("fetch/unknown-name", ["model", "fetch", "no-such"], ERR, d, needle="no-such", env=env,
                    home=F.new("home-fetch-unknown")))
    out.append(Case("fetch/bad-timeout-env", ["model", "fetch", "m", "--url", f"{fx.server or 'http://x'}/404.zip"],
                    ERR, d,
                    needle="TARJAMA_FETCH_TIMEOUT", env={"TARJAMA_FETCH_TIMEOUT": "soon"},
                    home=F.new("home-fetch-env")))
    return out


# ---- the hostile server --------------------------------------------------------

def start_server() -> tuple[str, socket.socket]:
    """A raw-socket HTTP server that misbehaves per path (never answers, drips,
    loops redirects, cuts the connection...)."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(64)
    port = srv.getsockname()[1]
    base = f"http://127.0.0.1:{port}"

    def handle(conn: socket.socket) -> None:
        try:
            conn.settimeout(30)
            request = conn.recv(65536).decode("latin-1")
            path = request.split(" ")[1] if " " in request else "/"
            if path.startswith("/silent"):
                time.sleep(20)
            elif path.startswith("/drip"):
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n")
                for _ in range(200):
                    conn.sendall(b"x")
                    time.sleep(0.5)
            elif path.startswith("/header-drip"):
                for b in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200:
                    conn.sendall(bytes([b]))
                    time.sleep(0.5)
            elif path.startswith("/redirect-loop"):
                conn.sendall(f"HTTP/1.1 302 Found\r\nLocation: {base}/redirect-loop.zip\r\n"
                             "Content-Length: 0\r\n\r\n".encode())
            elif path.startswith("/redirect-far"):
                n = int(path.rsplit("-", 1)[-1].split(".")[0]) if path.count("-") > 1 else 0
                conn.sendall(f"HTTP/1.1 302 Found\r\nLocation: {base}/redirect-far-{n + 1}.zip\r\n"
                             "Content-Length: 0\r\n\r\n".encode())
            elif path.startswith("/404"):
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found")
            elif path.startswith("/500"):
                conn.sendall(b"HTTP/1.1 500 Oops\nmultiline\r\nContent-Length: 0\r\n\r\n")
            elif path.startswith("/html"):
                body = b"<html><body>login required</body></html>"
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            elif path.startswith("/truncated"):
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"PK" * 100)
            elif path.startswith("/reset"):
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        finally:
            conn.close()

    def loop() -> None:
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()
    return base, srv


# ---- running and checking --------------------------------------------------------

@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_kb: int


def snapshot(folder: Path) -> dict[str, tuple]:
    """Everything under ``folder`` (links not followed): kind, content hash, mode."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for n in dirnames + filenames:
            p = Path(dirpath) / n
            try:
                st = p.lstat()
            except OSError:
                continue
            rel = str(p.relative_to(folder))
            if stat.S_ISLNK(st.st_mode):
                out[rel] = ("link", os.readlink(p))
            elif stat.S_ISREG(st.st_mode):
                out[rel] = ("file", hashlib.sha1(p.read_bytes()).hexdigest(), stat.S_IMODE(st.st_mode))
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = ("dir",)
            else:
                out[rel] = ("special", stat.S_IFMT(st.st_mode))
    return out


def run_subprocess(case: Case, env: dict[str, str], timeout: float = MAX_SECONDS + 30) -> Outcome:
    """The real CLI in a child; per-child time and peak memory from ``os.wait4``."""
    stdin: object = subprocess.DEVNULL
    stdout_target: object = None
    opened = []
    if isinstance(case.stdin, bytes):
        fh = tempfile.TemporaryFile()
        fh.write(case.stdin)
        fh.seek(0)
        stdin = fh
        opened.append(fh)
    elif case.stdin == "devzero":
        stdin = open("/dev/zero", "rb")
        opened.append(stdin)
    elif case.stdin == "devfull-stdout":
        stdout_target = open("/dev/full", "wb")
        opened.append(stdout_target)
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "translate", *case.args], stdin=stdin,
            stdout=stdout_target or out_f, stderr=err_f, env=env, cwd=case.folder,
            preexec_fn=_preexec(case))
        rusage = None
        status = 0
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                _, status, rusage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        for fh in opened:
            fh.close()
        out_f.seek(0)
        err_f.seek(0)
        return Outcome(proc.returncode, out_f.read().decode("utf-8", "replace"),
                       err_f.read().decode("utf-8", "replace"), seconds, rusage.ru_maxrss if rusage else 0)


def _preexec(case: Case):
    """Close stdin, or make writes past a size fail as on a full disk (EFBIG)."""
    if case.stdin != "closed" and case.max_file_bytes is None:
        return None

    def setup() -> None:
        if case.stdin == "closed":
            os.close(0)
        if case.max_file_bytes is not None:
            import resource

            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (case.max_file_bytes, case.max_file_bytes))
    return setup


def check(case: Case, o: Outcome, before: dict, after: dict, outside_before: dict, outside_after: dict) -> dict[str, str]:
    """Failures by category (empty: the run met every rule)."""
    fails: dict[str, str] = {}
    if "Traceback" in o.stderr:
        fails["traceback"] = o.stderr.strip().splitlines()[-1][:200]
    if "internal error" in o.stderr:
        fails["internal_error"] = o.stderr.strip()[:200]
    if o.code not in case.expect:
        fails["exit_status"] = f"exit {o.code}, expected {sorted(case.expect)}: {o.stderr.strip()[:200]}"
    if o.code == 2:
        lines = o.stderr.strip().splitlines()
        if len(lines) != 1 and not case.multi_line_ok:
            fails["one_line"] = f"{len(lines)} stderr lines: {o.stderr.strip()[:300]}"
        first = lines[0] if lines else ""
        if case.needle and case.needle not in first and case.needle[:200] not in first:
            fails["names_file"] = f"{case.needle[:60]!r} not in {first[:200]!r}"
        if case.line is not None and f":{case.line}:" not in first:
            fails["names_line"] = f"line {case.line} not in {first[:200]!r}"
    elif o.code == 1 and case.multi_line_ok and case.needle:
        first = o.stderr.strip().splitlines()[:1]
        if not first or case.needle not in first[0]:
            fails["names_file"] = f"{case.needle[:60]!r} not in {first!r}"
        if case.line is not None and first and f":{case.line}:" not in first[0]:
            fails["names_line"] = f"line {case.line} not in {first[0][:200]!r}"
    out_rel = str(case.output.relative_to(case.folder)) if case.output is not None else None
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    if case.home is not None and case.home.is_relative_to(case.folder):  # the store may change
        home_rel = str(case.home.relative_to(case.folder))
        changed = {k for k in changed if k != home_rel and not k.startswith(home_rel + "/")}
    if o.code not in (0, 1) or out_rel is None:
        if changed:
            fails["output_on_failure" if out_rel in changed else "wrote_in_folder"] = f"changed: {sorted(changed)[:5]}"
    else:
        extra = {k for k in changed if k != out_rel and not k.startswith(out_rel)}
        # writing through a symlink changes its target, which is allowed
        extra = {k for k in extra if not k.startswith(("real-out", "target-made"))}
        if extra:
            fails["wrote_in_folder"] = f"also changed: {sorted(extra)[:5]}"
    if outside_before != outside_after:
        fails["wrote_outside"] = str(sorted(set(outside_after) ^ set(outside_before))[:5])
    if o.seconds > MAX_SECONDS:
        fails["too_slow"] = f"{o.seconds:.1f} s"
    if o.max_rss_kb > MAX_RSS_KB:
        fails["too_big"] = f"{o.max_rss_kb // 1024} MB"
    if case.after is not None:
        extra_fails = case.after(case, o.code, o.stdout, o.stderr)
        if extra_fails:
            fails["extra"] = "; ".join(extra_fails)
    return fails


CATEGORIES = ("traceback", "internal_error", "exit_status", "one_line", "names_file", "names_line",
              "output_on_failure", "wrote_in_folder", "wrote_outside", "too_slow", "too_big", "extra")


def sweep(cases: list[Case], fx: Fixtures, runner, jobs: int = 2) -> tuple[dict, list]:
    """Run every case; return counts and the failures."""
    counts = {k: 0 for k in CATEGORIES}
    failures = []
    lock = threading.Lock()
    outside = fx.work.parent

    def outside_view() -> dict:
        return {p.name: p.stat().st_mtime_ns for p in outside.iterdir()
                if p.name.startswith("escaped")} | {p.name: 0 for p in fx.work.glob("escaped*")}

    stats = {"runs": 0, "max_seconds": 0.0, "max_rss_mb": 0}

    def one(case: Case) -> None:
        env = dict(os.environ, TARJAMA_HOME=str(case.home or fx.home))
        env.update(case.env)
        env.pop("TARJAMA_DEBUG", None)
        env.pop("TARJAMA_MODEL", None)
        before = snapshot(case.folder)
        ob = outside_view()
        o = runner(case, env)
        after = snapshot(case.folder)
        fails = check(case, o, before, after, ob, outside_view())
        with lock:
            stats["runs"] += 1
            stats["max_seconds"] = max(stats["max_seconds"], o.seconds)
            stats["max_rss_mb"] = max(stats["max_rss_mb"], o.max_rss_kb // 1024)
            for k, v in fails.items():
                counts[k] += 1
                failures.append((case.name, k, v))

    # cases sharing a folder run one after another (their snapshots overlap)
    groups: dict[Path, list[Case]] = {}
    for c in cases:
        groups.setdefault(c.folder, []).append(c)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda g: [one(c) for c in g], groups.values()))
    escaped = list(fx.work.parent.rglob("escaped*")) + list(Path("/tmp").glob("escaped*"))
    if escaped:
        counts["wrote_outside"] += len(escaped)
        failures.append(("archives", "wrote_outside", str(escaped[:5])))
    counts.update(stats)
    return counts, failures


# ---- kills and concurrency -------------------------------------------------------

def kill_test(fx: Fixtures, rounds: int, seed: int = 0) -> dict:
    """SIGKILL writers at random moments; the output must be absent or whole, an
    old output intact, the store consistent, and no temp file left after the next run."""
    rng = random.Random(seed)
    d = fx.work / "kill"
    d.mkdir(parents=True, exist_ok=True)
    src = _w(d / "src.txt", "\n".join(SRC_LINES * 200) + "\n")
    tgt = _w(d / "tgt.txt", "\n".join(TGT_LINES * 200) + "\n")
    glo = _w(d / "g.yaml", GLOSSARY_TEXT)
    env = dict(os.environ, TARJAMA_HOME=str(fx.home))
    commands = {
        "enforce": ["enforce", "-s", str(src), "-t", str(tgt), "-g", str(glo)],
        "qa": ["qa", "-s", str(src), "-t", str(tgt), "-g", str(glo), "--fail-on", "never"],
    }
    if fx.model_dir is not None:
        commands["translate"] = ["translate", str(_w(d / "short.txt", "\n".join(SRC_LINES) + "\n")),
                                 "--model", str(fx.model_dir), "--beam-size", "1"]
    result = {"kills": 0, "bad": []}
    for cmd, args in commands.items():
        out = d / f"{cmd}.out"
        t0 = time.monotonic()
        full = subprocess.run([sys.executable, "-m", "translate", *args, "-o", str(out)], env=env,
                              capture_output=True)
        t_full = time.monotonic() - t0  # kill somewhere inside a whole run
        reference = out.read_bytes() if out.exists() else None
        for _ in range(rounds):
            old = b"OLD OUTPUT\n"
            out.write_bytes(old)
            proc = subprocess.Popen([sys.executable, "-m", "translate", *args, "-o", str(out)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, t_full))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            result["kills"] += 1
            now = out.read_bytes() if out.exists() else None
            if now not in (old, reference):
                result["bad"].append(f"{cmd}: output is neither the old file nor the whole new one")
        subprocess.run([sys.executable, "-m", "translate", *args, "-o", str(out)], env=env, capture_output=True)
        left = [p.name for p in d.iterdir() if p.name.startswith(".")]
        if left:
            result["bad"].append(f"{cmd}: temp files left: {left}")
        if full.returncode not in (0, 1):
            result["bad"].append(f"{cmd}: reference run failed: {full.stderr[-200:]!r}")
    if fx.model_dir is not None:
        home = d / "home"
        kenv = dict(env, TARJAMA_HOME=str(home))
        t0 = time.monotonic()
        subprocess.run([sys.executable, "-m", "translate", "model", "install", str(fx.model_dir), "--name", "k"],
                       env=kenv, capture_output=True)
        t_full = time.monotonic() - t0
        for i in range(rounds):
            proc = subprocess.Popen([sys.executable, "-m", "translate", "model", "install", str(fx.model_dir),
                                     "--name", "k", "--force"], env=kenv,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, t_full))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            result["kills"] += 1
            models = home / "models"
            if (models / "k").exists():
                r = subprocess.run([sys.executable, "-m", "translate", "model", "verify", "k"], env=kenv,
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    result["bad"].append(f"model install: half-installed model: {r.stderr.strip()[:200]}")
        r = subprocess.run([sys.executable, "-m", "translate", "model", "install", str(fx.model_dir),
                            "--name", "k", "--force"], env=kenv, capture_output=True, text=True)
        left = [p.name for p in (home / "models").iterdir() if p.name.startswith(".") and p.name != ".lock"]
        if r.returncode != 0 or left:
            result["bad"].append(f"model install after kills: exit {r.returncode}, left {left}")
    return result


def concurrency_test(fx: Fixtures, n: int = 8, translate: bool = True) -> dict:
    """``n`` processes on one cold TARJAMA_HOME: same outputs as one run, a sound store."""
    d = fx.work / "concurrent"
    d.mkdir(parents=True, exist_ok=True)
    src = _w(d / "src.txt", "\n".join(SRC_LINES) + "\n")
    tgt = _w(d / "tgt.txt", "\n".join(TGT_LINES) + "\n")
    glo = _w(d / "g.yaml", GLOSSARY_TEXT)
    result: dict = {"processes": n, "bad": []}
    env = dict(os.environ, TARJAMA_HOME=str(fx.home))  # the reference run: warm cache
    qa = ["qa", "-s", str(src), "-t", str(tgt), "-g", str(glo), "-f", "json", "--fail-on", "never"]
    solo = subprocess.run([sys.executable, "-m", "translate", *qa], env=env, capture_output=True, text=True)
    cold = d / "cold-home"
    cenv = dict(os.environ, TARJAMA_HOME=str(cold))
    procs = [subprocess.Popen([sys.executable, "-m", "translate", *qa], env=cenv, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(n)]
    outs = [p.communicate() for p in procs]

    def strip_time(text: str) -> str:
        try:
            data = json.loads(text)
        except ValueError:
            return text
        data.get("signature", {}).pop("date", None)
        data.pop("date", None)
        return json.dumps(data, sort_keys=True)

    if any(p.returncode != solo.returncode for p in procs):
        result["bad"].append(f"qa exits {[p.returncode for p in procs]} vs {solo.returncode}: {outs[0][1][-200:]}")
    if any(strip_time(o) != strip_time(solo.stdout) for o, _ in outs):
        result["bad"].append("qa outputs differ from a single run")
    again = subprocess.run([sys.executable, "-m", "translate", *qa], env=cenv, capture_output=True, text=True)
    if strip_time(again.stdout) != strip_time(solo.stdout):
        result["bad"].append("the shared cache gives a different answer afterwards")
    if fx.model_dir is not None:
        procs = [subprocess.Popen([sys.executable, "-m", "translate", "model", "install", str(fx.model_dir),
                                   "--name", "shared"], env=cenv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(n)]
        outs = [p.communicate() for p in procs]
        codes = sorted(p.returncode for p in procs)
        if codes.count(0) != 1 or any(c not in (0, 2) for c in codes):
            result["bad"].append(f"concurrent installs: exits {codes}: {[e for _, e in outs if e][:2]}")
        if any("internal error" in e or "Traceback" in e for _, e in outs):
            result["bad"].append("concurrent installs: internal error")
        r = subprocess.run([sys.executable, "-m", "translate", "model", "verify", "shared"], env=cenv,
                           capture_output=True, text=True)
        if r.returncode != 0:
            result["bad"].append(f"store after concurrent installs: {r.stderr.strip()[:200]}")
        left = [p.name for p in (cold / "models").iterdir() if p.name.startswith(".") and p.name != ".lock"]
        if left:
            result["bad"].append(f"staging left after concurrent installs: {left}")
    if fx.model_dir is not None and translate:
        tr = ["translate", str(src), "--model", "shared", "--beam-size", "1"]
        solo_t = subprocess.run([sys.executable, "-m", "translate", *tr], env=cenv, capture_output=True, text=True)
        procs = [subprocess.Popen([sys.executable, "-m", "translate", *tr], env=cenv, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(n)]
        outs = [p.communicate() for p in procs]
        if any(o != solo_t.stdout for o, _ in outs) or solo_t.returncode != 0:
            result["bad"].append("concurrent translations differ from a single run")
    return result


# ---- main -------------------------------------------------------------------------

def prepare(work: Path, with_model: bool = True) -> Fixtures:
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    model_dir = None
    if with_model:
        sys.path.insert(0, str(ROOT))
        from translate.engine.testmodel import build_ct2_model

        model_dir = build_ct2_model(work / "model-src" / "tiny", size="tiny", seed=0)
    # warm the lexicon cache once, so each case costs one start-up, not a build
    d = work / "warm"
    src, tgt, glo = _pair(d)
    subprocess.run([sys.executable, "-m", "translate", "qa", "-s", str(src), "-t", str(tgt), "-g", str(glo)],
                   env=dict(os.environ, TARJAMA_HOME=str(home)), capture_output=True)
    return Fixtures(work / "cases", home, model_dir)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--kill-rounds", type=int, default=5)
    ap.add_argument("--keep", action="store_true", help="Keep the work folder.")
    ap.add_argument("--only", default=None, help="Run only cases whose name holds this (no kills, no concurrency).")
    args = ap.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tarjama-sweep-"))
    start = time.monotonic()
    fx = prepare(work)
    base, srv = start_server()
    fx.server = base
    cases = generate(fx)
    if args.only:
        cases = [c for c in cases if args.only in c.name]
    print(f"{len(cases)} hostile inputs generated in {time.monotonic() - start:.0f} s; running...", flush=True)
    counts, failures = sweep(cases, fx, run_subprocess, jobs=args.jobs)
    skip = {"kills": 0, "bad": [], "processes": 0}
    kills = kill_test(fx, args.kill_rounds) if not args.only else skip
    conc = concurrency_test(fx) if not args.only else skip
    srv.close()
    print(f"inputs: {len(cases)}  runs: {counts['runs']}  max time: {counts['max_seconds']:.1f} s  "
          f"max memory: {counts['max_rss_mb']} MB")
    for k in CATEGORIES:
        print(f"  {k:<18} {counts[k]}")
    print(f"kills: {kills['kills']}  problems: {len(kills['bad'])}")
    for b in kills["bad"]:
        print("  ", b)
    print(f"concurrency: {conc['processes']} processes  problems: {len(conc['bad'])}")
    for b in conc["bad"]:
        print("  ", b)
    for name, kind, detail in sorted(failures):
        print(f"FAIL {name}: {kind}: {detail}")
    print(f"total {time.monotonic() - start:.0f} s")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures or kills["bad"] or conc["bad"] else 0


if __name__ == "__main__":
    sys.exit(main())
