"""TMX 1.4 translation memories: ``<tu>`` with one ``<tuv xml:lang>`` per language.

Two ways in:

* :class:`TmxFile` — the bilingual-file view used by ``qa``, ``enforce`` and
  ``batch``: one unit per ``<tu>`` that has a variant in the source language
  (``ar`` by default; a language matches its regional forms, ``ar`` matches
  ``ar-SA``); a written target replaces (or adds, after the last ``<tuv>``) the
  target-language variant, byte-stable elsewhere;
* :func:`iter_pairs` / :func:`iter_units` — readers for importing a
  memory (glossary import, ``glossary suggest``): :class:`Pair` records, or
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
from typing import Iterator, NamedTuple

from lxml import etree

from ..errors import TarjamaError
from .base import FormatError
from .inline import flatten
from .xmlfile import Slot, XmlBilingual, children, insert_after
from .xmlsafe import XML_LANG, lang_code, localname, parse_xml

PAIRED = frozenset({"hi"})


def lang_matches(lang: str, wanted: str) -> bool:
    """``lang`` (a :func:`~.xmlsafe.lang_code`) is ``wanted`` or a regional form of it (ar-SA for ar)."""
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
            if lang_matches(code, lang):
                return value
        return None


class Pair(NamedTuple):
    """A unit's text in two languages and the line of its ``<tu>``."""

    source: str
    target: str
    line: int | None


def _open(path: str | os.PathLike[str], error: type[TarjamaError]) -> bytes:
    """The TMX bytes of a ``.tmx`` file, or of the one ``.tmx`` in a zip (how TMX is often shipped)."""
    from ..textio import read_bytes

    data = read_bytes(path)
    if data[:4] == b"PK\x03\x04" or str(path).lower().endswith(".zip"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                members = [n for n in zf.namelist() if n.lower().endswith(".tmx")]
                if len(members) != 1:
                    raise error(f"zip holds {len(members)} .tmx files, expected one", str(path))
                return zf.read(members[0])
        except zipfile.BadZipFile as exc:
            raise error(f"not a valid zip file ({exc})", str(path)) from None
    return data


def iter_units(path: str | os.PathLike[str], error: type[TarjamaError] = FormatError) -> Iterator[TranslationUnit]:
    """Every ``<tu>`` of a TMX file (or a zip holding one), in order.

    ``variants`` is keyed by the language code in lower case (the first variant of
    a language wins); a ``<tuv>`` without a language is an ``error`` at its line."""
    name = str(path)
    root = parse_xml(_open(path, error), name, error).getroot()
    if localname(root) != "tmx":
        raise error(f"not a TMX file: the root element is <{localname(root)}>", name, root.sourceline)
    for tu in root.iter():
        if localname(tu) != "tu":
            continue
        variants: dict[str, str] = {}
        for tuv in children(tu, "tuv"):
            lang = lang_code(tuv)
            if not lang:
                raise error("<tuv> has no xml:lang", name, tuv.sourceline)
            text = seg_text(tuv)
            if text is not None:
                variants.setdefault(lang, text)
        props = [(p.get("type") or "", p.text or "") for p in children(tu, "prop")]
        notes = [n.text or "" for n in children(tu, "note")]
        yield TranslationUnit(tu.get("tuid"), variants, props, notes, tu.sourceline)


def iter_pairs(path: str | os.PathLike[str], source_lang: str, target_lang: str,
               error: type[TarjamaError] = FormatError) -> Iterator[Pair]:
    """A :class:`Pair` for every unit with text in both languages.

    A memory without units, or without either language, is an ``error``: an import
    that silently yields nothing is worse than one that says why."""
    langs: set[str] = set()
    units = 0
    for unit in iter_units(path, error):
        units += 1
        langs.update(code.split("-")[0] for code in unit.variants)
        src, tgt = unit.text(source_lang), unit.text(target_lang)
        if src and src.strip() and tgt and tgt.strip():
            yield Pair(src, tgt, unit.line)
    if not units:
        raise error("TMX file has no <tu> translation units", str(path))
    if not any(lang_matches(code, source_lang) for code in langs) or \
            not any(lang_matches(code, target_lang) for code in langs):
        found = ", ".join(sorted(langs)) or "none"
        raise error(f"TMX needs {source_lang} and {target_lang} segments; languages found: {found}", str(path))


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
        seen = (tuv.get(XML_LANG) or tuv.get("lang") for tuv in doc.tree.getroot().iter("{*}tuv", "tuv")
                if lang_matches(lang_code(tuv), target_lang))
        doc.target_lang = next((code for code in seen if code),
                               target_lang)
        return doc

    @classmethod
    def find_slots(cls, root, name, source_lang="ar", target_lang="en", **_) -> list[tuple[str, Slot]]:
        out: list[tuple[str, Slot]] = []
        for n, tu in enumerate((t for t in root.iter() if localname(t) == "tu"), 1):
            src = tgt = None
            for tuv in children(tu, "tuv"):
                lang = lang_code(tuv)
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
            langs = sorted({lang_code(t) for t in root.iter() if localname(t) == "tuv"})
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
