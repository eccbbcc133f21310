"""Every hostile case: the inputs written to a folder each, the command line and what must happen."""
from __future__ import annotations

import json
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from .archives import bad_archives
from .inputs import (ERR, GLOSSARY_TEXT, OK, SRC_LINES, TGT_LINES, Case, _w, bad_glossaries,
                     bad_jsonl, bad_texts, odd_texts)


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
        out.append(Case(f"store/home-is-file/{'-'.join(args[:2])}", args, ERR, d,
                        needle=str(home_file) if args[:2] == ["model", "list"] else None,
                        env={"TARJAMA_HOME": str(home_file)}))
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
    if fx.server:  # the default timeout: a silent server costs one 20 s wait, not minutes
        out.append(Case("fetch/silent-default-timeout", ["model", "fetch", "m", "--url", f"{fx.server}/silent.zip"],
                        ERR, d, needle="/silent.zip", home=F.new("home-fetch-silent-default"), slow=True))
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
