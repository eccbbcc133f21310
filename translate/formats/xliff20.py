"""XLIFF 2.0/2.1: ``<unit>`` → ``<segment>`` with ``<source>`` and ``<target>``.

Units are the segments (``<ignorable>`` is kept, never translated), ids are the
unit id, plus ``/segment-id`` (or ``/n``) when a unit has several segments.
Written segments get ``state="translated"``; when QA found something (or inline
tags were placed by position) they also get ``subState="tarjama:needs-review"``,
the 2.0 way to carry a tool's own state (2.0 has no needs-review state). A
changed segment is rewritten as a whole element (its state lives on it).
"""
from __future__ import annotations

from lxml import etree

from .base import FormatError
from .xmlfile import Slot, XmlBilingual, children, new_target_after, translatable
from .xliff12 import xliff_version

SUBSTATE = "tarjama:needs-review"


class Xliff20File(XmlBilingual):
    format = "xliff20"
    extensions = (".xlf", ".xliff")
    root_name = "xliff"
    paired = frozenset({"pc", "mrk"})

    @classmethod
    def sniff(cls, head: str, name: str) -> bool:
        return xliff_version(head).startswith("2.")

    @classmethod
    def find_slots(cls, root: etree._Element, name: str, **_) -> list[tuple[str, Slot]]:
        out: list[tuple[str, Slot]] = []
        for prefix, unit in translatable(root, "unit", "id"):
            segments = children(unit, "segment")
            for n, seg in enumerate(segments, 1):
                sources = children(seg, "source")
                if not sources:
                    raise FormatError(f"<segment> of unit \"{unit.get('id')}\" has no <source>", name, seg.sourceline)
                targets = children(seg, "target")
                uid = prefix + (unit.get("id") or str(len(out) + 1))
                if len(segments) > 1:
                    uid += "/" + (seg.get("id") or str(n))
                out.append((uid, Slot(sources[0], targets[0] if targets else None, seg)))
        return out

    def new_target(self, slot: Slot) -> etree._Element:
        return new_target_after(self.splicer, slot.source)

    def _state_changes(self, index: int, review: bool) -> bool:
        seg = self.slots[index].owner
        return review and seg.get("subState") != SUBSTATE

    def mark(self, slot: Slot, review: bool) -> None:
        seg = slot.owner
        seg.set("state", "translated")
        if review:
            seg.set("subState", SUBSTATE)
        elif seg.get("subState") == SUBSTATE:
            del seg.attrib["subState"]
