"""Hardened XML reading (XLIFF, TMX, TBX) and byte-stable writing (XLIFF, TMX).

Reading: lxml with entity resolution, DTD loading and network access off, CDATA
and comments kept. Files that declare entities are refused (one clear error):
an internal entity can expand without bound (billion laughs) and an external
one reads files or URLs, and no CAT tool or term base needs either in an
exchange file. The one reader for every XML input, so a hardening fixed here
is fixed for all.

Writing: the tree is serialised once with lxml and only the elements that
changed are spliced from that serialisation into the original bytes, so every
unchanged unit keeps its exact bytes (quote style, ``&apos;``, ``<a></a>`` vs
``<a/>``, character references, attribute spacing). Inside a changed element
lxml's normalisations apply: attribute values in double quotes, character
references written as characters, empty elements as ``<x/>``. Byte offsets come
from expat (the standard library's C parser), which reports where each start
and end tag begins; elements are matched to lxml's by document order.
"""
from __future__ import annotations

from typing import Iterable
from xml.parsers import expat

from lxml import etree

from ..errors import TarjamaError
from .base import FormatError


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           strip_cdata=False, remove_blank_text=False, remove_comments=False, remove_pis=False)


def parse_xml(data: bytes, name: str, error: type[TarjamaError] = FormatError) -> etree._ElementTree:
    """The document tree; empty or malformed XML and entity declarations are one ``error`` at their line.

    ``error`` lets each caller report in its own terms (a glossary import raises
    GlossaryError, a bilingual file FormatError); the checks are the same."""
    if not data.strip():
        raise error("file is empty", name)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        msg = str(exc.msg or exc).split(", line ")[0]
        raise error(f"malformed XML ({msg})", name, exc.lineno or None) from None
    except ValueError as exc:  # e.g. an unsupported encoding declaration
        raise error(f"cannot read XML ({exc})", name) from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        at = data.find(b"<!ENTITY")  # its line when the file is in an ASCII-compatible encoding, else 1
        raise error("XML declares entities; they are refused for safety (entity expansion, external files): "
                    "export without a DTD", name, data.count(b"\n", 0, at) + 1 if at >= 0 else 1)
    for node in root.iter(etree.Entity):
        raise error(f"undeclared entity reference &{node.name};", name, node.sourceline)
    return tree


_LOCAL: dict[object, str] = {}


def localname(el: etree._Element) -> str:
    """An element's name without its namespace ('' for comments, PIs and entities).
    Cached by tag: a document has a few dozen distinct tags and a term base millions of elements."""
    tag = el.tag
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
    return name


# ISO 639-2/3 codes some tools write for the two languages tarjama handles.
_THREE_LETTER = {"ara": "ar", "arb": "ar", "eng": "en"}


def lang_code(element: etree._Element) -> str:
    """The element's ``xml:lang`` (or TMX 1.1's plain ``lang``), lower case, with a
    three-letter primary subtag written as two letters (ara-SA -> ar-sa); '' if none."""
    value = (element.get(XML_LANG) or element.get("lang") or "").strip().lower()
    primary, sep, rest = value.replace("_", "-").partition("-")
    primary = _THREE_LETTER.get(primary, primary)
    return primary + sep + rest


def primary_lang(element: etree._Element) -> str | None:
    """The primary language subtag (ar, en) of ``xml:lang``, or None without one."""
    return lang_code(element).split("-")[0] or None


def text_of(element: etree._Element) -> str:
    """All text inside an element (inline markup such as <hi> flattened), spaces collapsed."""
    return " ".join("".join(element.itertext()).split())


def elements(root: etree._Element) -> list[etree._Element]:
    """Every element in document order (what expat reports as start tags)."""
    return [el for el in root.iter() if isinstance(el.tag, str)]


def _tag_end(data: bytes, pos: int) -> int:
    """Offset just past the tag starting at ``pos`` ('>' inside quotes skipped)."""
    quote = 0
    for i in range(pos, len(data)):
        c = data[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in (0x22, 0x27):
            quote = c
        elif c == 0x3E:
            return i + 1
    return len(data)


def element_ranges(data: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` byte offsets of every element, in document order.

    Offsets assume an ASCII-compatible encoding (UTF-8, the XLIFF/TMX norm)."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    ranges: list[list[int]] = []
    stack: list[int] = []

    def start(_name, _attrs):
        at = parser.CurrentByteIndex
        tag_end = _tag_end(data, at)
        stack.append(len(ranges))
        # An empty-element tag (<x/>) is its own end; expat reports its end event after it.
        ranges.append([at, tag_end if data[tag_end - 2] == 0x2F else -1])

    def end(_name):
        i = stack.pop()
        if ranges[i][1] < 0:
            ranges[i][1] = _tag_end(data, parser.CurrentByteIndex)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(data, True)
    return [(a, b) for a, b in ranges]


def serialize(tree: etree._ElementTree) -> bytes:
    encoding = tree.docinfo.encoding or "UTF-8"
    return etree.tostring(tree, encoding=encoding, xml_declaration=True)


class Splicer:
    """Write a modified tree back into the original bytes element by element.

    Built at parse time (it numbers the original elements); ``replace`` and
    ``insert_after`` name the elements that changed; ``bytes`` does the splice.
    """

    def __init__(self, data: bytes, root: etree._Element):
        self.data = data
        self.root = root
        # lxml makes element proxies on demand: holding them keeps their ids stable.
        self._keep = elements(root)
        self.original = {id(el): i for i, el in enumerate(self._keep)}
        self.replaced: list[etree._Element] = []
        self.inserted: list[tuple[etree._Element, etree._Element]] = []

    def replace(self, el: etree._Element) -> None:
        if el not in self.replaced:
            self.replaced.append(el)

    def insert_after(self, anchor: etree._Element, new: etree._Element) -> None:
        """``new`` was added right after the original element ``anchor``."""
        self.inserted.append((anchor, new))

    def bytes(self, tree: etree._ElementTree) -> bytes:
        new = serialize(tree)
        new_ranges = element_ranges(new)
        now = elements(self.root)
        new_index = {id(el): i for i, el in enumerate(now)}
        old_ranges = element_ranges(self.data)
        edits: list[tuple[int, int, bytes]] = []
        replaced = {id(el) for el in self.replaced}

        def inside_replaced(el: etree._Element) -> bool:
            return any(id(a) in replaced for a in el.iterancestors())

        for el in self.replaced:
            if id(el) not in self.original or inside_replaced(el):
                continue  # a new element is written with its insertion
            a, b = old_ranges[self.original[id(el)]]
            na, nb = new_ranges[new_index[id(el)]]
            edits.append((a, b, new[na:nb]))
        for anchor, el in self.inserted:
            if id(anchor) in replaced or inside_replaced(anchor):
                continue
            end = old_ranges[self.original[id(anchor)]][1]
            new_end = new_ranges[new_index[id(anchor)]][1]
            edits.append((end, end, new[new_end:new_ranges[new_index[id(el)]][1]]))
        return _apply(self.data, edits)


def _apply(data: bytes, edits: Iterable[tuple[int, int, bytes]]) -> bytes:
    out, pos = [], 0
    for a, b, chunk in sorted(edits, key=lambda e: (e[0], e[1])):
        out.append(data[pos:a])
        out.append(chunk)
        pos = max(pos, b)
    out.append(data[pos:])
    return b"".join(out)
