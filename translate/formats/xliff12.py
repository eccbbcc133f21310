"""XLIFF 1.2 (and 1.0/1.1): ``<trans-unit>`` with ``<source>`` and ``<target>``.

Units are the trans-units that are not ``translate="no"``, in document order,
inside ``<file>`` and ``<group>`` at any depth; ids are the trans-unit ids
(``file-original#id`` when a document has several ``<file>`` elements).
Written targets carry ``state="translated"``, or ``needs-review-translation``
when QA found something or inline tags had to be placed by position. A new
``<target>`` goes right after ``<source>`` with the same indentation and the
file's ``target-language`` as ``xml:lang``. Segmented sources (``<seg-source>``
with ``<mrk mtype="seg">``) are translated as the whole ``<source>``.
"""
from __future__ import annotations

import re

from lxml import etree

from .base import FormatError
from .xmlfile import Slot, XmlBilingual, children, new_target_after, translatable
from .xmlsafe import XML_LANG, localname

_XLIFF_TAG = re.compile(r"<(?:\w+:)?xliff\b[^>]*>")
_VERSION = re.compile(r"""\bversion\s*=\s*["']([^"']+)""")
_NS_VERSION = re.compile(r"xliff:document:(\d[.\d]*)")


def xliff_version(head: str) -> str:
    """The version of an XLIFF root tag in ``head`` ("" when there is none)."""
    tag = _XLIFF_TAG.search(head)
    if not tag:
        return ""
    found = _VERSION.search(tag.group(0)) or _NS_VERSION.search(tag.group(0))
    return found.group(1) if found else ""


REVIEW, DONE = "needs-review-translation", "translated"


class Xliff12File(XmlBilingual):
    format = "xliff12"
    extensions = (".xlf", ".xliff", ".sdlxliff", ".mxliff", ".mqxliff")
    root_name = "xliff"
    paired = frozenset({"g", "mrk"})

    @classmethod
    def sniff(cls, head: str, name: str) -> bool:
        return xliff_version(head).startswith("1.")

    @classmethod
    def find_slots(cls, root: etree._Element, name: str, **_) -> list[tuple[str, Slot]]:
        out: list[tuple[str, Slot]] = []
        for prefix, tu in translatable(root, "trans-unit", "original"):
            sources = children(tu, "source")
            if not sources:
                raise FormatError(f"<trans-unit id=\"{tu.get('id')}\"> has no <source>", name, tu.sourceline)
            targets = children(tu, "target")
            target = targets[0] if targets else None
            uid = prefix + (tu.get("id") or str(len(out) + 1))
            out.append((uid, Slot(sources[0], target, target if target is not None else sources[0])))
        return out

    def new_target(self, slot: Slot) -> etree._Element:
        source = slot.source
        target = new_target_after(self.splicer, source)
        file_el = next((a for a in source.iterancestors() if localname(a) == "file"), None)
        lang = file_el.get("target-language") if file_el is not None else None
        if lang:
            target.set(XML_LANG, lang)
        slot.owner = target
        return target

    def _state_changes(self, index: int, review: bool) -> bool:
        target = self.slots[index].target
        return review and target is not None and target.get("state") != REVIEW

    def mark(self, slot: Slot, review: bool) -> None:
        slot.target.set("state", REVIEW if review else DONE)
