"""The part XLIFF 1.2, XLIFF 2.0 and TMX share: a hardened tree, units tied to
their elements, and byte-stable writing through :class:`~.xmlsafe.Splicer`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Iterator

from lxml import etree

from .base import BilingualFile, FormatError, Unit
from .inline import Content, edited, flatten, projected, rebuild
from .xmlsafe import Splicer, localname, parse_xml


@dataclass
class Slot:
    """Where one unit lives: its source element, its target (None when absent)
    and the element whose bytes change when the target is written."""

    source: etree._Element
    target: etree._Element | None
    owner: etree._Element
    content: Content | None = None  # the source's flattened content


def children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if localname(c) == name]


class XmlBilingual(BilingualFile):
    """Base for the XML formats; subclasses find slots and create targets."""

    paired: ClassVar[frozenset[str]] = frozenset()
    root_name: ClassVar[str] = ""

    def __init__(self, name: str, data: bytes, tree: etree._ElementTree, slots: list[Slot], units: list[Unit]):
        super().__init__(name, data, units)
        self.tree = tree
        self.slots = slots
        self.splicer = Splicer(data, tree.getroot())

    @classmethod
    def parse(cls, data: bytes, name: str, **options) -> "XmlBilingual":
        tree = parse_xml(data, name)
        root = tree.getroot()
        if localname(root) != cls.root_name:
            raise FormatError(f"expected a <{cls.root_name}> document, found <{localname(root)}>", name)
        slots = cls.find_slots(root, name, **options)
        units = []
        for uid, slot in slots:
            slot.content = flatten(slot.source, cls.paired)
            target = None if slot.target is None else flatten(slot.target, cls.paired).text
            units.append(Unit(uid, slot.content.text, target))
        if not units:
            raise FormatError(f"no translatable units in this {cls.format} file", name)
        return cls(name, data, tree, [s for _, s in slots], units)

    @classmethod
    def find_slots(cls, root: etree._Element, name: str, **options) -> list[tuple[str, Slot]]:
        raise NotImplementedError

    def new_target(self, slot: Slot) -> etree._Element:
        """Create the (empty) target element for a unit without one."""
        raise NotImplementedError

    def mark(self, slot: Slot, review: bool) -> None:
        """Record the unit's state (translated / needs review) where the format keeps it."""

    def _store(self, index: int, text: str, review: bool) -> None:
        slot = self.slots[index]
        old = None if slot.target is None else flatten(slot.target, self.paired)
        if old is not None and (old.text.strip() or not slot.content.tags):
            content = edited(old, text)
        else:
            content, guessed = projected(slot.content, text)
            review = review or guessed
        if slot.target is None:
            slot.target = self.new_target(slot)
        rebuild(slot.target, content)
        self.mark(slot, review)
        self.splicer.replace(slot.owner)

    def _serialize(self) -> bytes:
        return self.splicer.bytes(self.tree)


def insert_after(splicer: Splicer, anchor: etree._Element, new: etree._Element) -> None:
    """Put ``new`` after ``anchor`` with the same indentation as ``anchor``."""
    parent = anchor.getparent()
    at = parent.index(anchor)
    before = parent.text if at == 0 else parent[at - 1].tail
    parent.insert(at + 1, new)
    new.tail = anchor.tail
    if before is not None and not before.strip():
        anchor.tail = before
    splicer.insert_after(anchor, new)


def translatable(root: etree._Element, tag: str, file_id: str) -> Iterator[tuple[str, etree._Element]]:
    """``(id prefix, element)`` for every ``tag`` element not marked ``translate="no"``,
    file by file. With several ``<file>`` elements the prefix is the file's ``file_id``
    attribute and ``#``, so unit ids stay unique across files (XLIFF 1.2 and 2.0)."""
    files = [f for f in root if localname(f) == "file"]
    for f in files:
        prefix = f"{f.get(file_id)}#" if len(files) > 1 else ""
        for el in f.iter():
            if localname(el) == tag and el.get("translate") != "no":
                yield prefix, el


def new_target_after(splicer: Splicer, source: etree._Element) -> etree._Element:
    """A ``<target>`` (in ``source``'s namespace) spliced in right after ``source``."""
    target = source.makeelement(etree.QName(etree.QName(source).namespace, "target"), {})
    insert_after(splicer, source, target)
    return target
