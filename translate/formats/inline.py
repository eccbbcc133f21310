"""Inline markup in a segment: plain text for the engine, tags kept by position.

A segment's content (``<g>``, ``<x/>``, ``<ph>``, ``<pc>``, ``<mrk>``... around
text) is flattened into its plain text plus a list of tags, each at a character
offset of that text. Paired tags (``<g>``, ``<pc>``, ``<mrk>``, TMX ``<hi>``)
become an open and a close tag; everything else (``<x/>``, ``<ph>``, ``<bpt>``,
comments...) is kept whole as one atom with its native-code content.

When the text changes, tag offsets are moved and the content rebuilt in the
same tag order, so nesting stays well-formed:

* an edit of an existing target (enforcement) maps offsets through a character
  diff, so a tag keeps its place around unchanged words and wraps the
  replacement of the words it wrapped;
* a new translation takes the source's tags; tags at the start or end of the
  source go to the start or end of the target, tags inside are placed at the
  word boundary nearest their relative position, and the caller is told they
  were guessed (the unit is then marked for review, never silently trusted).
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from lxml import etree

from .xmlsafe import localname


@dataclass(frozen=True)
class Tag:
    kind: str                    # "open", "close" or "atom"
    element: etree._Element | None  # shallow copy (open), whole copy (atom), None (close)
    offset: int


@dataclass(frozen=True)
class Content:
    text: str
    tags: tuple[Tag, ...] = ()


def flatten(el: etree._Element, paired: frozenset[str]) -> Content:
    """Plain text and tags of ``el``'s content (``el`` itself excluded)."""
    parts: list[str] = []
    tags: list[Tag] = []
    size = 0

    def walk(node: etree._Element) -> None:
        nonlocal size
        if node.text:
            parts.append(node.text)
            size += len(node.text)
        for child in node:
            if isinstance(child.tag, str) and localname(child) in paired:
                shallow = child.makeelement(child.tag, dict(child.attrib))
                tags.append(Tag("open", shallow, size))
                walk(child)
                tags.append(Tag("close", None, size))
            else:
                whole = copy.deepcopy(child)
                whole.tail = None
                tags.append(Tag("atom", whole, size))
            if child.tail:
                parts.append(child.tail)
                size += len(child.tail)

    walk(el)
    return Content("".join(parts), tuple(tags))


def rebuild(el: etree._Element, content: Content) -> None:
    """Replace ``el``'s content (not its attributes or tail) with ``content``."""
    for child in list(el):
        el.remove(child)
    el.text = None
    stack = [el]
    pos = 0

    def add_text(s: str) -> None:
        if not s:
            return
        cur = stack[-1]
        if len(cur):
            cur[-1].tail = (cur[-1].tail or "") + s
        else:
            cur.text = (cur.text or "") + s

    for tag in content.tags:
        add_text(content.text[pos:tag.offset])
        pos = max(pos, tag.offset)
        if tag.kind == "open":
            node = copy.copy(tag.element)
            stack[-1].append(node)
            stack.append(node)
        elif tag.kind == "close":
            stack.pop()
        else:
            node = copy.deepcopy(tag.element)
            node.tail = None
            stack[-1].append(node)
    add_text(content.text[pos:])


def edited(content: Content, new_text: str) -> Content:
    """``content`` after its text became ``new_text``: tags follow the diff."""
    if new_text == content.text or not content.tags:
        return Content(new_text, content.tags)
    ops = SequenceMatcher(None, content.text, new_text, autojunk=False).get_opcodes()

    def move(p: int) -> int:
        for op, i1, i2, j1, j2 in ops:
            if op == "equal" and i1 <= p <= i2:
                return j1 + (p - i1)
            if op != "equal" and i1 <= p <= i2:
                return j1 if p == i1 else j2
        return len(new_text)

    return Content(new_text, _monotonic([replace(t, offset=move(t.offset)) for t in content.tags]))


_BOUNDARY = re.compile(r"\s+")


def projected(source: Content, target_text: str) -> tuple[Content, bool]:
    """The source's tags placed in a new translation; True when any was guessed."""
    if not source.tags:
        return Content(target_text), False
    n, m = len(source.text), len(target_text)
    stripped_start = len(target_text) - len(target_text.lstrip())
    stripped_end = len(target_text.rstrip())
    bounds = [mt.start() for mt in _BOUNDARY.finditer(target_text)] or [m]
    guessed = False
    moved = []
    for t in source.tags:
        if not source.text[:t.offset].strip():
            p = 0 if t.offset == 0 else stripped_start
        elif not source.text[t.offset:].strip():
            p = m if t.offset == n else stripped_end
        else:
            guessed = True
            want = round(t.offset / max(n, 1) * m)
            p = min(bounds, key=lambda b: (abs(b - want), b))
        moved.append(replace(t, offset=p))
    return Content(target_text, _wrap_words(_monotonic(moved), source, bounds, stripped_end)), guessed


def _wrap_words(tags: tuple[Tag, ...], source: Content, bounds: list[int], end: int) -> tuple[Tag, ...]:
    """A paired tag that wrapped words in the source wraps at least one word in
    the target (it would otherwise come out empty, ``<g/>``)."""
    out = list(tags)
    opens: list[int] = []
    for i, t in enumerate(out):
        if t.kind == "open":
            opens.append(i)
        elif t.kind == "close" and opens:
            j = opens.pop()
            had_text = source.text[source.tags[j].offset:source.tags[i].offset].strip()
            if had_text and out[i].offset == out[j].offset:
                nxt = [b for b in bounds if b > out[j].offset]
                out[i] = replace(out[i], offset=min(nxt[0] if nxt else end, end) if end > out[j].offset else end)
    return _monotonic(out)


def _monotonic(tags: list[Tag]) -> tuple[Tag, ...]:
    """Offsets never go backwards (tag order is what keeps nesting valid)."""
    out, last = [], 0
    for t in tags:
        last = max(last, t.offset)
        out.append(t if t.offset == last else replace(t, offset=last))
    return tuple(out)
