"""Reading a YAML glossary's structure within limits a hostile file cannot get past.

A well-formed glossary is read without composing (:mod:`.streamed`, which
refuses anything unusual, aliases and deep nesting among it); this composer
serves everything else, so every limit here still holds for every file.

PyYAML's composer trusts its input: aliases are free to reuse (3,000 terms each
naming one 3,000-spelling anchor is a 170 KB file that becomes nine million
spellings, 3.4 GB, downstream), nesting recurses in Python (a 20,000-deep flow
sequence is a RecursionError) and its pure-Python scanner takes about 5 s per MB
(measured: 0.6 MB of flow YAML in 3.1 s), so a 10 MB one-line file runs for
minutes. :func:`compose` builds the document from the parser's events without
recursion and refuses, with one line naming the file (and line):

* a file over :data:`MAX_GLOSSARY_MB` or a line over :data:`MAX_LINE_CHARS`;
* nesting deeper than :data:`MAX_DEPTH` (a glossary needs four levels);
* aliases that would add more nodes than :data:`ALIAS_BUDGET` or the document
  itself has (reusing a short list of spellings is fine; amplification is not);
* a lone surrogate (``"\\ud800"``), which can never be written out.

The document is built as plain lists, not PyYAML's node objects: a scalar is a
:data:`Scalar`, the pair (text, 0-based line) so that an error can still name
the line, a sequence a :class:`Seq` and a mapping a :class:`Map` (keys and
values alternating; each with its line). On the 65k-name list, in one run on a busy 2-core machine,
libyaml's events took 0.55 s, and building node objects from them 0.89 s more;
these lists take 0.25 s more. Keeping the pair rather than the event lets each
event (its marks, tag and style) be freed at once, into memory the next event
reuses: parsing the 65k-name list peaks at 163 MB instead of 265 MB, with 34k
page faults instead of 60k, and parse_glossary takes 0.70 s of thread CPU time
instead of 0.86 s (interleaved runs), for about as many instructions: the
saving is memory traffic and the kernel's page faults, which callgrind does
not count. Tags are not resolved:
every scalar is text (the glossary reads values; resolving cost 30 %).
A plain ``~``, ``null`` or empty value is an empty scalar, so ``target: ~`` is
"empty", never the term "~" or "null".

Measured and not taken (65k-name list, thread CPU time): rapidyaml parses in
0.18 s but its Python API gives no node's line and walking its tree takes 0.60 s
more; yaml-rs, fastyaml-rs and libfyaml give no lines either, and the first two
resolve types (``1.10`` would become 1.1). libyaml's own composer
(``get_single_node``) with no-op resolver hooks took 0.48 s against 0.31 s for
the events alone, and relies on PyYAML internals; with PyYAML's own
``BaseResolver`` it was no faster than this composer. Trimming this loop's
bytecode left callgrind's count unchanged: its cost is the events it keeps.
"""
from __future__ import annotations

from typing import Union

import yaml

from ..errors import GlossaryError
from ..textio import check_text

MAX_GLOSSARY_MB = 16  # the 65k-name Wikidata glossary is about 4 MB of YAML
MAX_LINE_CHARS = 1 << 20
MAX_DEPTH = 32
ALIAS_BUDGET = 10_000
NULLS = frozenset({"", "~", "null", "Null", "NULL"})  # YAML 1.1's plain null scalars
try:  # libyaml's event parser where PyYAML was built with it (8x faster on the 65k list), else PyYAML's own
    from yaml.cyaml import CParser as CPARSER
except ImportError:  # pragma: no cover - PyYAML without libyaml
    CPARSER = None
PARSER: type = CPARSER or yaml.SafeLoader

#: A scalar: ``(text, 0-based line)``, a plain tuple, the cheapest object to keep per value.
Scalar = tuple


class Seq(list):
    """A YAML sequence: its items, and the 0-based line where it starts."""

    __slots__ = ("line0",)


class Map(list):
    """A YAML mapping as key, value, key, value... (repeated keys kept, for the
    caller to report at their line), and the 0-based line where it starts."""

    __slots__ = ("line0",)


Node = Union[Scalar, Seq, Map]


def line_of(node: Node | yaml.Event) -> int | None:
    """The 1-based line where ``node`` (or a parser event) starts."""
    if type(node) is Scalar:
        return node[1] + 1
    if isinstance(node, list):  # Seq, Map
        return node.line0 + 1
    mark = node.start_mark
    return mark.line + 1 if mark is not None else None


def malformed(exc: yaml.YAMLError, path: str) -> GlossaryError:
    """The one-line error for what the parser could not read, at the line it stopped."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        return GlossaryError(f"malformed YAML: {problem}", path, mark.line + 1 if mark else None)
    return GlossaryError(f"malformed YAML: {exc}", path)


def check_size(text: str, path: str) -> None:
    """Refuse a glossary too large to be one, before the parse starts."""
    if len(text) > MAX_GLOSSARY_MB << 20:
        raise GlossaryError(f"glossary larger than {MAX_GLOSSARY_MB} MB; split it into several files", path)
    start = 0  # always the start of a line: each step jumps to the last newline within reach
    while len(text) - start > MAX_LINE_CHARS:
        end = text.rfind("\n", start, start + MAX_LINE_CHARS + 1)
        if end < 0:
            line = text.count("\n", 0, start) + 1
            raise GlossaryError(f"line longer than {MAX_LINE_CHARS // 1024} K characters; "
                                "write the glossary one term per line", path, line)
        start = end + 1


def compose(text: str, path: str, parser: type | None = None) -> Node | None:
    """The single document as :class:`Scalar`/:class:`Seq`/:class:`Map`, within the limits
    (None for a file with no document). ``parser``: :data:`PARSER` unless given."""
    check_size(text, path)
    anchors: dict[str, Node] = {}
    sizes: dict[int, int] = {}  # id(anchored collection) -> nodes inside it, aliases expanded
    opened: dict[int, int] = {}  # id(anchored collection still open) -> nodes before it
    top = Seq()  # holds the root
    stack: list[list] = [top]
    documents = nodes = expanded = 0
    # The loop runs once per event (650k for the 65k-name list): scalars, the
    # commonest, are tested first and appended in place; an event's line is
    # only worked out when there is something to report.
    ScalarEvent, AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
    CollectionStart, CollectionEnd = yaml.CollectionStartEvent, yaml.CollectionEndEvent
    SequenceStart = yaml.SequenceStartEvent
    parser = parser or PARSER
    unchecked = parser is not CPARSER  # libyaml refuses a surrogate escape itself
    for event in iter(parser(text).get_event, None):
        kind = type(event)
        if kind is ScalarEvent:
            nodes += 1
            value = event.value
            if not event.style and value in NULLS:  # plain: None (Python parser) or "" (libyaml)
                value = ""  # `~`, `null`: no value at all, never the term "null"
            elif unchecked and not value.isascii():
                check_text(value, path, line_of(event), "a value")
            scalar = (value, event.start_mark.line)
            if event.anchor is not None:
                anchors[event.anchor] = scalar
            top.append(scalar)
        elif kind is AliasEvent:
            node = anchors.get(event.anchor)
            if node is None:
                raise GlossaryError(f"malformed YAML: alias *{event.anchor} names no anchor", path, line_of(event))
            if id(node) in opened:
                raise GlossaryError(f"malformed YAML: alias *{event.anchor} is inside what it names",
                                    path, line_of(event))
            expanded += sizes.get(id(node), 1)
            if expanded > max(ALIAS_BUDGET, nodes):
                raise GlossaryError("aliases (*name) expand to more nodes than the file holds; "
                                    "write the values out or use fewer aliases", path, line_of(event))
            top.append(node)
        elif isinstance(event, CollectionEnd):
            node = stack.pop()
            top = stack[-1]
            top.append(node)
            if opened:
                before = opened.pop(id(node), None)
                if before is not None:
                    sizes[id(node)] = nodes + expanded - before
        elif isinstance(event, CollectionStart):
            nodes += 1
            if len(stack) > MAX_DEPTH:
                raise GlossaryError(f"nesting deeper than {MAX_DEPTH} levels; a glossary needs four",
                                    path, line_of(event))
            top = Seq() if isinstance(event, SequenceStart) else Map()
            top.line0 = event.start_mark.line
            if event.anchor is not None:
                anchors[event.anchor] = top
                opened[id(top)] = nodes + expanded - 1
            stack.append(top)
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise GlossaryError("expected one YAML document, found a second ('---')", path, line_of(event))
    return stack[0][0] if stack[0] else None
