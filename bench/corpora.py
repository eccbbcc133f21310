"""The benchmark inputs, read one way for every bench script.

``shared/`` (NTREX-128, TICO-19, the 65k Wikidata name list) sits beside the
repository: ``<repo>/../shared``, or ``$TARJAMA_SHARED``, or ``/work/shared``.
The product never reads it; only ``bench/`` and the tests that opt in do.
"""
from __future__ import annotations

import os
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from translate.glossary import Glossary  # noqa: E402

NAMES_FILE = "wikidata-person-names.en-ar.tsv"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def shared_dir(given: str | None = None) -> Path:
    """Where ``shared/`` is: ``given``, ``$TARJAMA_SHARED``, ``<repo>/../shared``
    (a worktree's parent may hold it) or ``/work/shared``, the first that exists."""
    for candidate in (given, os.environ.get("TARJAMA_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and Path(candidate, "data").is_dir():
            return Path(candidate)
    return Path(given or ROOT.parent / "shared")


def name_pairs(path: Path) -> list[tuple[str, str]]:
    """(arabic, english) rows of the Wikidata list (english<TAB>arabic, one header line)."""
    pairs = []
    with path.open(encoding="utf-8") as fh:
        next(fh)  # header: english<TAB>arabic
        for row in fh:
            en, _, ar = row.rstrip("\n").partition("\t")
            if en and ar:
                pairs.append((ar, en))
    return pairs


def load_names(path: Path) -> Glossary:
    """The Wikidata list as a ``person`` glossary."""
    return Glossary.from_pairs(name_pairs(path), type="person", name=path.name)


@dataclass(frozen=True)
class Corpus:
    """Line-aligned Arabic source and human English."""

    name: str
    arabic: list[str]
    english: list[str]

    def head(self, lines: int | None) -> "Corpus":
        if not lines:
            return self
        return Corpus(self.name, self.arabic[:lines], self.english[:lines])


def ntrex(data: Path) -> Corpus:
    """NTREX-128 newstest2019: 1,997 news lines (Arabic is the human translation)."""
    ar = (data / "ntrex128-newstest2019.ar.txt").read_text(encoding="utf-8").splitlines()
    en = (data / "ntrex128-newstest2019.en.txt").read_text(encoding="utf-8").splitlines()
    return Corpus("NTREX", ar, en)


def tico(data: Path) -> Corpus:
    """TICO-19's English-Arabic TM (9,213 units, COVID-19 texts), one unit a line;
    line breaks inside a segment become spaces so the files stay line-aligned."""
    with zipfile.ZipFile(data / "tico19-tm.en-ar.tmx.zip") as zf:
        name = next(n for n in zf.namelist() if n.endswith(".tmx"))
        root = ElementTree.fromstring(zf.read(name))
    ar, en = [], []
    for tu in root.iter("tu"):
        segs = {}
        for tuv in tu.iter("tuv"):
            seg = tuv.find("seg")
            lang = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()[:2]
            segs[lang] = " ".join("".join(seg.itertext()).split()) if seg is not None else ""
        if segs.get("ar") and segs.get("en"):
            ar.append(segs["ar"])
            en.append(segs["en"])
    return Corpus("TICO-19", ar, en)


def corpora(data: Path, which: str = "both", lines: int | None = None) -> list[Corpus]:
    """``which``: ntrex, tico or both; ``lines``: keep the first N lines of each."""
    out = []
    if which in ("ntrex", "both"):
        out.append(ntrex(data).head(lines))
    if which in ("tico", "both"):
        out.append(tico(data).head(lines))
    return out
