"""Parse term-base XML (TBX, TMX) from strangers' files safely.

Entities are not resolved, no DTD or network is fetched, and a document that
declares entities is refused: a term base needs none, and "billion laughs" or an
external entity pointing at a local file is how hostile XML attacks a parser.
Every problem is one :class:`GlossaryError` naming the file and line.
"""
from __future__ import annotations

from lxml import etree

from ..errors import GlossaryError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def parse_xml(data: bytes, path: str) -> etree._Element:
    """The root element of ``data``; malformed or entity-laden XML is an error at its line."""
    if not data.strip():
        raise GlossaryError("file is empty", path)
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        msg = exc.msg or str(exc)
        if ":" in msg and msg.split(":", 1)[0].strip().isdigit():
            msg = msg.split(":", 1)[1]
        raise GlossaryError(f"malformed XML: {msg.strip()}", path, line) from None
    doctype = root.getroottree().docinfo.internalDTD
    if doctype is not None and any(True for _ in doctype.iterentities()):
        raise GlossaryError("XML declares entities (refused: a term base needs none)", path, 1)
    return root


_LOCAL: dict[object, str] = {}


def local(tag: object) -> str:
    """An element's name without its namespace ('' for comments and entities).
    A document has a few dozen distinct tags and a term base millions of elements."""
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
    return name


# ISO 639-2/3 codes some tools write for the two languages tarjama handles.
_THREE_LETTER = {"ara": "ar", "arb": "ar", "eng": "en"}


def lang_of(element: etree._Element) -> str | None:
    """The primary language subtag (ar, en), lower case, of xml:lang or lang."""
    value = element.get(XML_LANG) or element.get("lang")
    if not value:
        return None
    primary = value.split("-")[0].split("_")[0].strip().lower()
    return _THREE_LETTER.get(primary, primary)


def text_of(element: etree._Element) -> str:
    """All text inside an element (inline markup such as <hi> flattened), spaces collapsed."""
    return " ".join("".join(element.itertext()).split())
