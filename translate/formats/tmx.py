"""TMX 1.4 translation memories: ``<tu>`` with one ``<tuv xml:lang>`` per language.

Two ways in:

* :class:`TmxFile` — the bilingual-file view used by ``qa``, ``enforce`` and
  ``batch``: one unit per ``<tu>`` that has a variant in the source language
  (``ar`` by default; a language matches its regional forms, ``ar`` matches
  ``ar-SA``); a written target replaces (or adds, after the last ``<tuv>``) the
  target-language variant, byte-stable elsewhere;
* :func:`iter_pairs` / :func:`iter_units` — readers for importing a
  memory (glossary building): ``(source, target)`` strings, or
  :class:`TranslationUnit` records with every variant, ``<prop>`` and ``<note>``.
  They read ``.tmx`` files and ``.zip`` archives holding one (as TICO-19 ships).

Inline markup (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<ut>``, ``<hi>``) is
kept in place as in XLIFF; the plain text is what gets translated and checked.
"""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from .base import FormatError
from .inline import flatten
from .xmlfile import Slot, XmlBilingual, children, insert_after
from .xmlsafe import localname

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PAIRED = frozenset({"hi"})


def lang_of(tuv: etree._Element) -> str:
    # TMX 1.1 used a plain ``lang`` attribute.
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()


def lang_matches(lang: str, wanted: str) -> bool:
    wanted = wanted.lower()
    return lang == wanted or lang.startswith(wanted + "-") or lang.startswith(wanted + "_")


def seg_text(tuv: etree._Element) -> str | None:
    segs = children(tuv, "seg")
    return flatten(segs[0], PAIRED).text if segs else None


@dataclass
class TranslationUnit:
    """One ``<tu>``: its id, text per language (as written in ``xml:lang``),
    and its ``<prop type>`` values and notes (e.g. the TICO-19 origin URL)."""

    tuid: str | None
    variants: dict[str, str]
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    line: int | None = None

    def text(self, lang: str) -> str | None:
        for code, value in self.variants.items():
            if lang_matches(code.lower(), lang):
                return value
        return None


def _open(path: str | os.PathLike[str]) -> bytes:
    from ..textio import read_bytes

    data = read_bytes(path)
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                members = [n for n in zf.namelist() if n.lower().endswith(".tmx")]
                if len(members) != 1:
                    raise FormatError(f"expected one .tmx file in the archive, found {len(members)}", str(path))
                return zf.read(members[0])
        except zipfile.BadZipFile as exc:
            raise FormatError(f"damaged zip archive ({exc})", str(path)) from None
    return data


def iter_units(path: str | os.PathLike[str]) -> Iterator[TranslationUnit]:
    """Every ``<tu>`` of a TMX file (or a zip holding one), in order."""
    from .xmlsafe import parse_xml

    name = str(path)
    data = _open(path)
    root = parse_xml(data, name).getroot()
    if localname(root) != "tmx":
        raise FormatError(f"expected a <tmx> document, found <{localname(root)}>", name)
    for tu in root.iter():
        if localname(tu) != "tu":
            continue
        variants: dict[str, str] = {}
        for tuv in children(tu, "tuv"):
            text = seg_text(tuv)
            if text is not None:
                variants[tuv.get(XML_LANG) or tuv.get("lang") or ""] = text
        props = [(p.get("type") or "", p.text or "") for p in children(tu, "prop")]
        notes = [n.text or "" for n in children(tu, "note")]
        yield TranslationUnit(tu.get("tuid"), variants, props, notes, tu.sourceline)


def iter_pairs(path: str | os.PathLike[str], source_lang: str, target_lang: str) -> Iterator[tuple[str, str]]:
    """``(source, target)`` for every unit that has both languages."""
    for unit in iter_units(path):
        src, tgt = unit.text(source_lang), unit.text(target_lang)
        if src is not None and tgt is not None:
            yield src, tgt


class TmxFile(XmlBilingual):
    format = "tmx"
    extensions = (".tmx",)
    root_name = "tmx"
    paired = PAIRED

    def __init__(self, *args, target_lang: str = "en", **kw):
        super().__init__(*args, **kw)
        self.target_lang = target_lang

    @classmethod
    def sniff(cls, head: str, name: str) -> bool:
        return "<tmx" in head

    @classmethod
    def parse(cls, data: bytes, name: str, source_lang: str = "ar", target_lang: str = "en") -> "TmxFile":
        doc = super().parse(data, name, source_lang=source_lang, target_lang=target_lang)
        # A new variant is labelled as the file labels that language elsewhere (en-US, not en).
        seen = (tuv.get(XML_LANG) or tuv.get("lang") for tuv in doc.tree.getroot().iter("{*}tuv", "tuv"))
        doc.target_lang = next((code for code in seen if code and lang_matches(code.lower(), target_lang)),
                               target_lang)
        return doc

    @classmethod
    def find_slots(cls, root, name, source_lang="ar", target_lang="en", **_) -> list[tuple[str, Slot]]:
        out: list[tuple[str, Slot]] = []
        for n, tu in enumerate((t for t in root.iter() if localname(t) == "tu"), 1):
            src = tgt = None
            for tuv in children(tu, "tuv"):
                lang = lang_of(tuv)
                if src is None and lang_matches(lang, source_lang):
                    src = tuv
                elif tgt is None and lang_matches(lang, target_lang):
                    tgt = tuv
            if src is None:
                continue
            src_seg = children(src, "seg")
            if not src_seg:
                raise FormatError("<tuv> has no <seg>", name, src.sourceline)
            tgt_seg = children(tgt, "seg") if tgt is not None else []
            if tgt is not None and not tgt_seg:
                raise FormatError("<tuv> has no <seg>", name, tgt.sourceline)
            slot = Slot(src_seg[0], tgt_seg[0] if tgt_seg else None, tgt if tgt is not None else tu)
            out.append((tu.get("tuid") or str(n), slot))
        if not out and root.iter():
            langs = sorted({lang_of(t) for t in root.iter() if localname(t) == "tuv"})
            raise FormatError(f"no <tu> has a '{source_lang}' variant (languages here: {', '.join(langs) or 'none'})",
                              name)
        return out

    def new_target(self, slot: Slot) -> etree._Element:
        src_tuv = slot.source.getparent()
        tu = src_tuv.getparent()
        last = children(tu, "tuv")[-1]
        tuv = last.makeelement(last.tag, {XML_LANG: self.target_lang})
        seg = tuv.makeelement(slot.source.tag, {})
        tuv.append(seg)
        insert_after(self.splicer, last, tuv)
        slot.owner = tuv
        return seg
