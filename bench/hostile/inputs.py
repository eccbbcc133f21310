"""The hostile inputs as bytes: text, glossaries, JSONL; the Case record."""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]  # the repository
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
