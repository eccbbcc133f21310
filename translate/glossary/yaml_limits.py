"""Composing a YAML glossary within limits a hostile file cannot get past.

PyYAML's composer trusts its input: aliases are free to reuse (3,000 terms each
naming one 3,000-spelling anchor is a 170 KB file that becomes nine million
spellings, 3.4 GB, downstream), nesting recurses in Python (a 20,000-deep flow
sequence is a RecursionError) and its pure-Python scanner takes about 5 s per MB
(measured: 0.6 MB of flow YAML in 3.1 s), so a 10 MB one-line file runs for
minutes. :func:`compose` builds the same node tree from the parser's events
without recursion and refuses, with one line naming the file (and line):

* a file over :data:`MAX_GLOSSARY_MB` or a line over :data:`MAX_LINE_CHARS`;
* nesting deeper than :data:`MAX_DEPTH` (a glossary needs four levels);
* aliases that would add more nodes than :data:`ALIAS_BUDGET` or the document
  itself has (reusing a short list of spellings is fine; amplification is not);
* a lone surrogate (``"\\ud800"``), which can never be written out.

A plain ``~``, ``null`` or empty value composes as an empty scalar, so
``target: ~`` is "empty", never the term "~" or "null".
"""
from __future__ import annotations

import yaml
from yaml.resolver import BaseResolver

from ..errors import GlossaryError
from ..textio import check_text

MAX_GLOSSARY_MB = 16  # the 65k-name Wikidata glossary is about 4 MB of YAML
MAX_LINE_CHARS = 1 << 20
MAX_DEPTH = 32
ALIAS_BUDGET = 10_000
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})  # YAML 1.1's plain null scalars
_TAGS = {yaml.ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG, yaml.SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
         yaml.MappingNode: BaseResolver.DEFAULT_MAPPING_TAG}


def check_size(text: str, path: str) -> None:
    """Refuse a glossary too large to be one, before the slow parse starts."""
    if len(text) > MAX_GLOSSARY_MB << 20:
        raise GlossaryError(f"glossary larger than {MAX_GLOSSARY_MB} MB; split it into several files", path)
    start = 0
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > MAX_LINE_CHARS:
            line = text.count("\n", 0, start) + 1
            raise GlossaryError(f"line longer than {MAX_LINE_CHARS // 1024} K characters; "
                                "write the glossary one term per line", path, line)
        if end < 0:
            return
        start = end + 1


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark is not None else None


def compose(text: str, path: str, loader: type = yaml.SafeLoader) -> yaml.Node | None:
    """The single document's node tree, as ``yaml.compose`` gives, within the limits.

    Every scalar is text (no implicit tag resolution: the glossary loader reads
    values, and resolving was 30 % of composing the 65k-name list), except that
    a plain null (``~``, ``null``, nothing) is an empty value."""
    check_size(text, path)
    anchors: dict[str, yaml.Node] = {}
    sizes: dict[int, int] = {}  # id(anchored node) -> nodes in its subtree (aliases expanded)
    # Frames: [collection node, pending mapping key or None, nodes inside so far, anchored].
    stack: list[list] = []
    root: yaml.Node | None = None
    documents = nodes = expanded = 0

    def attach(node: yaml.Node, weight: int, event: yaml.Event) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        frame[2] += weight
        parent = frame[0]
        if isinstance(parent, yaml.SequenceNode):
            parent.value.append(node)
        elif frame[1] is None:
            frame[1] = node
        else:
            parent.value.append((frame[1], node))
            frame[1] = None

    # The loop runs once per event (650k for the 65k-name list): the commonest
    # event (a scalar) is tested first, and the line of an event is only worked
    # out when there is something to report.
    scalar_tag = _TAGS[yaml.ScalarNode]
    ScalarNode, ScalarEvent, AliasEvent = yaml.ScalarNode, yaml.ScalarEvent, yaml.AliasEvent
    for event in yaml.parse(text, Loader=loader):
        kind_of = type(event)
        if kind_of is ScalarEvent:
            nodes += 1
            value = event.value
            if not value.isascii():
                value = check_text(value, path, _line(event), "a value")
            if not event.style and value in _NULLS:  # plain: None (Python parser) or "" (libyaml)
                value = ""  # `~`, `null`: no value at all, never the term "null"
            tag = event.tag
            node = ScalarNode(tag if tag not in (None, "!") else scalar_tag, value, event.start_mark, event.end_mark,
                              style=event.style)
            if event.anchor is not None:
                anchors[event.anchor] = node
            attach(node, 1, event)
        elif kind_of is AliasEvent:
            node = anchors.get(event.anchor)
            if node is None:
                raise GlossaryError(f"malformed YAML: alias *{event.anchor} names no anchor", path, _line(event))
            weight = sizes.get(id(node), 1)
            expanded += weight
            if expanded > max(ALIAS_BUDGET, nodes):
                raise GlossaryError("aliases (*name) expand to more nodes than the file holds; "
                                    "write the values out or use fewer aliases", path, _line(event))
            attach(node, weight, event)
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise GlossaryError("expected one YAML document, found a second ('---')", path, _line(event))
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            nodes += 1
            if len(stack) >= MAX_DEPTH:
                raise GlossaryError(f"nesting deeper than {MAX_DEPTH} levels; a glossary needs four",
                                    path, _line(event))
            kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
            tag = event.tag if event.tag not in (None, "!") else _TAGS[kind]
            node = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
            if event.anchor is not None:
                anchors[event.anchor] = node
            stack.append([node, None, 1, event.anchor is not None])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            node, _, weight, anchored = stack.pop()
            node.end_mark = event.end_mark
            if anchored:
                sizes[id(node)] = weight
            attach(node, weight, event)
    return root
