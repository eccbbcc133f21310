"""TBX (ISO 30042) term bases in and out, as CAT tools and term bases exchange them.

Read: TBX v3 (``tbx`` → ``conceptEntry`` → ``langSec`` → ``termSec``) and TBX v2 /
TBX-Basic (``martif`` → ``termEntry`` → ``langSet`` → ``tig``/``ntig``), with or
without namespaces, in the DCA style (``<termNote type="administrativeStatus">``)
or the DCT style (``<basic:administrativeStatus>``). Per English term,
administrativeStatus / normativeAuthorization gives target / also / forbidden
(:mod:`.entries`); concept-level subjectField is ``domain``, source is
``origin``, note and definition are ``note``. tarjama's own fields travel as
private data categories (``x-entityType``, ``x-case``), which other tools keep.

Write: TBX-Basic, v2 (``martif``, what most CAT tools import) or v3.
"""
from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from ..errors import GlossaryError
from ..formats.xmlsafe import XML_LANG, localname, parse_xml, primary_lang, text_of
from ..textio import read_bytes
from .entries import Entry, Imported, build, case_of, status_of, type_of
from .model import Glossary, Term

_CONCEPT = ("conceptEntry", "termEntry")
_LANG = ("langSec", "langSet")
_TERM = ("termSec", "tig", "ntig")
_STATUS = ("administrativeStatus", "normativeAuthorization")
_NOTES = ("note", "definition")
TBX_VERSIONS = ("2", "3")
_V3_NS = "urn:iso:std:iso:30042:ed-2"


def _category(el: etree._Element) -> str:
    """The data category an element carries: its type attribute for descrip/admin/
    termNote (DCA style), else its own name (DCT style)."""
    name = localname(el)
    if name in ("descrip", "admin", "termNote", "transac", "xref", "ref"):
        return el.get("type") or name
    return name


def read_tbx(path: str | os.PathLike[str]) -> Imported:
    name = str(path)
    root = parse_xml(read_bytes(path), name, GlossaryError).getroot()
    if localname(root) not in ("tbx", "martif"):
        raise GlossaryError(f"not a TBX file: the root element is <{localname(root)}>, expected <tbx> or <martif>",
                            name, root.sourceline)
    entries: list[Entry] = []
    langs: set[str] = set()
    for concept in root.xpath("//*[local-name()='conceptEntry' or local-name()='termEntry']"):
        entries.append(_entry(concept, name, langs))
    if not entries:
        raise GlossaryError("TBX file has no conceptEntry or termEntry elements", name, root.sourceline)
    if not {"ar", "en"} <= langs:
        found = ", ".join(sorted(langs)) or "none"
        raise GlossaryError(f"TBX file needs Arabic (ar) and English (en) terms; languages found: {found}",
                            name, entries[0].line)
    title = next((text_of(e) for e in root.iter() if localname(e) == "title"), "") or Path(name).stem
    return build(entries, name, title, "concept entry")


def _entry(concept: etree._Element, path: str, langs: set[str]) -> Entry:
    entry = Entry(line=concept.sourceline)
    for child in concept:
        if localname(child) in _LANG:
            lang = primary_lang(child)
            if lang is None:
                raise GlossaryError(f"<{localname(child)}> has no xml:lang", path, child.sourceline)
            langs.add(lang)
            _language(child, lang, entry, path)
        else:
            for el in child.iter():
                _concept_field(el, entry, path)
    return entry


def _concept_field(el: etree._Element, entry: Entry, path: str) -> None:
    category = _category(el)
    if category == "subjectField":
        entry.domain = text_of(el) or entry.domain
    elif category == "source":
        entry.origin = text_of(el) or entry.origin
    elif category in _NOTES:
        entry.notes.append("".join(el.itertext()).strip())
    elif category == "x-entityType":
        entry.type = type_of(text_of(el), path, el.sourceline)
    elif category == "x-case":
        entry.case = case_of(text_of(el), path, el.sourceline)


def _language(lang_el: etree._Element, lang: str, entry: Entry, path: str) -> None:
    for child in lang_el:
        name = localname(child)
        if name in _NOTES and lang in ("ar", "en"):
            entry.notes.append("".join(child.itertext()).strip())
        if name not in _TERM:
            continue
        term, status = None, None
        for el in child.iter():
            category = _category(el)
            if localname(el) == "term" and term is None:
                term = text_of(el)
            elif category in _STATUS and status is None:
                status = status_of(text_of(el))
            elif category in _NOTES and lang in ("ar", "en"):
                entry.notes.append("".join(el.itertext()).strip())
        if not term:
            raise GlossaryError(f"<{name}> has no <term>", path, child.sourceline)
        if lang == "ar":
            entry.arabic.append(term)
        elif lang == "en":
            entry.english.append((term, status))


# --- writing -----------------------------------------------------------------

_STATUS_VALUE = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
                 "forbidden": "deprecatedTerm-admn-sts"}


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, {k.replace("_", ":") if k != "type" else k: v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def write_tbx(glossary: Glossary, version: str = "2") -> bytes:
    """TBX-Basic bytes (UTF-8) for ``glossary``; ``version`` '2' (martif) or '3' (ISO 30042:2019)."""
    if version not in TBX_VERSIONS:
        raise ValueError(f"TBX version {version!r}")
    v3 = version == "3"
    names = dict(root="tbx", header="tbxHeader", concept="conceptEntry", lang="langSec", term="termSec") if v3 else \
        dict(root="martif", header="martifHeader", concept="termEntry", lang="langSet", term="tig")
    nsmap = {None: _V3_NS} if v3 else None
    q = (lambda t: f"{{{_V3_NS}}}{t}") if v3 else (lambda t: t)
    root = etree.Element(q(names["root"]), nsmap=nsmap)
    root.set("type", "TBX-Basic")
    if v3:
        root.set("style", "dca")
    root.set(XML_LANG, "en")
    header = etree.SubElement(root, q(names["header"]))
    desc = etree.SubElement(header, q("fileDesc"))
    title_stmt = etree.SubElement(desc, q("titleStmt"))
    etree.SubElement(title_stmt, q("title")).text = glossary.names[0] if glossary.names else "glossary"
    source_desc = etree.SubElement(desc, q("sourceDesc"))
    etree.SubElement(source_desc, q("p")).text = "Exported by tarjama (Arabic to English glossary)"
    body = etree.SubElement(etree.SubElement(root, q("text")), q("body"))
    for k, term in enumerate(glossary.terms, 1):
        _write_concept(body, term, k, names, q)
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _write_concept(body: etree._Element, term: Term, k: int, names: dict, q) -> None:
    concept = etree.SubElement(body, q(names["concept"]), id=f"c{k}")
    if term.domain:
        _sub(concept, q("descrip"), term.domain, type="subjectField")
    _sub(concept, q("descrip"), term.type, type="x-entityType")
    if term.case != "insensitive":
        _sub(concept, q("admin"), term.case, type="x-case")
    if term.origin:
        _sub(concept, q("admin"), term.origin, type="source")
    for line in (term.note or "").split("\n"):
        if line.strip():
            _sub(concept, q("note"), line.strip())
    ar = _sub(concept, q(names["lang"]))
    ar.set(XML_LANG, "ar")
    for spelling in term.source:
        etree.SubElement(etree.SubElement(ar, q(names["term"])), q("term")).text = spelling
    en = _sub(concept, q(names["lang"]))
    en.set(XML_LANG, "en")
    for text, status in [(term.target, "preferred")] + [(a, "admitted") for a in term.also] + \
            [(f, "forbidden") for f in term.forbidden]:
        tig = etree.SubElement(en, q(names["term"]))
        etree.SubElement(tig, q("term")).text = text
        _sub(tig, q("termNote"), _STATUS_VALUE[status], type="administrativeStatus")
