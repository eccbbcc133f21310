"""(Arabic, English) segment pairs from a TMX file — a PRIVATE stand-in.

The batch work (translate.formats.tmx) brings the project's TMX 1.4 reader; when
it lands, :func:`tmx_pairs` should become a thin call to it. Everything here
that the glossary needs is this one iterator: pairs of segment texts for two
languages, with the line of their translation unit, streamed with lxml's
iterparse (entities and network off) so a 9k-unit memory is never held whole.
A ``.zip`` holding one ``.tmx`` (how TMX is often shipped) is read in place.
"""
from __future__ import annotations

import io
import os
import zipfile
from typing import Iterator

from lxml import etree

from ..errors import GlossaryError
from ..textio import read_bytes
from .xmlsafe import lang_of, local


def tmx_bytes(path: str | os.PathLike[str]) -> bytes:
    data = read_bytes(path)
    if str(path).lower().endswith(".zip"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = [n for n in zf.namelist() if n.lower().endswith(".tmx")]
                if len(names) != 1:
                    raise GlossaryError(f"zip holds {len(names)} .tmx files, expected one", str(path))
                return zf.read(names[0])
        except zipfile.BadZipFile:
            raise GlossaryError("not a valid zip file", str(path)) from None
    return data


# TMX inline elements that hold the original file's codes (<b>, {1}), not text.
_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})


def seg_text(seg: etree._Element) -> str:
    """A segment's text: inline codes dropped, <hi>/<sub> text kept, spaces collapsed."""
    parts = [seg.text or ""]

    def walk(el: etree._Element) -> None:
        for child in el:
            if local(child.tag) not in _CODES:
                parts.append(child.text or "")
                walk(child)
            parts.append(child.tail or "")

    walk(seg)
    return " ".join("".join(parts).split())


def tmx_pairs(path: str | os.PathLike[str], source: str = "ar", target: str = "en") -> Iterator[tuple[int, str, str]]:
    """(line, source text, target text) for every unit with both languages."""
    name = str(path)
    data = tmx_bytes(path)
    if not data.strip():
        raise GlossaryError("file is empty", name)
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), resolve_entities=False, no_network=True,
                             load_dtd=False, remove_comments=True, huge_tree=False)
    seen_root = seen_tu = False
    langs: set[str] = set()
    try:
        for event, el in events:
            tag = local(el.tag)
            if event == "start":
                if not seen_root:
                    seen_root = True
                    if tag != "tmx":
                        raise GlossaryError(f"not a TMX file: the root element is <{tag}>", name, el.sourceline)
                continue
            if tag != "tu":
                continue
            seen_tu = True
            segs: dict[str, str] = {}
            for tuv in el:
                if local(tuv.tag) != "tuv":
                    continue
                lang = lang_of(tuv)
                if lang is None:
                    raise GlossaryError("<tuv> has no xml:lang", name, tuv.sourceline)
                langs.add(lang)
                seg = next((s for s in tuv if local(s.tag) == "seg"), None)
                if seg is not None and lang not in segs:
                    segs[lang] = seg_text(seg)
            if segs.get(source) and segs.get(target):
                yield el.sourceline, segs[source], segs[target]
            el.clear(keep_tail=False)
    except etree.XMLSyntaxError as exc:
        raise GlossaryError(f"malformed XML: {exc.msg}", name, exc.lineno or None) from None
    if not seen_tu:
        raise GlossaryError("TMX file has no <tu> translation units", name)
    if not {source, target} <= langs:
        found = ", ".join(sorted(langs)) or "none"
        raise GlossaryError(f"TMX needs {source} and {target} segments; languages found: {found}", name)
