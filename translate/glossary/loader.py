"""Load YAML glossaries with line numbers for every problem.

A glossary of the common shape is read in one pass over libyaml's events
(:mod:`.streamed`): no node tree, no line kept but each term's. Anything else,
every malformed file among them, is composed by :func:`.yaml_limits.compose`
into lists that keep where every value starts and checked here, so that each
error can say ``glossaries/x.yaml:14: term 3 has no 'target'``; block and flow
styles give the same lists and therefore load the same. The 65k-name list
(3.7 MB) loads cold (parsed, then its compiled copy written) in 0.53 s against
0.69 s at main 24d9454 and 0.92 s at bfd9b83, best of 7 fresh processes each,
side by side on a quiet 2-core machine (CPU 0.52 s, 0.68 s, 0.91 s; 25k page
faults against 39k and 69k: ``bench/glossary_bench.py --compare``). Callgrind
counts 5.51 G instructions per parse against 6.99 G and 7.20 G
(bench/glossary_instructions.py). Of those 5.51 G, 3.66 G are libyaml's events
(0.31 s): 0.92 G its C parser, the rest PyYAML building each event and its two
marks as Python objects, a floor no Python code on those events gets under.
The pure-Python parser took 32.8 s. A file already seen is read back from its
compiled copy (:mod:`.compiled`, 0.13 s in the same run).

Measured and not taken (65k-name list, fresh processes, CPU, on the composed
path this one pass replaced, or against it for the copy): terms as slots
dataclasses (137 bytes a term instead of 529, but 12 slot writes a term cost
more than one dict: 0.65 s against 0.62 s); building each term from the
composed tree as its mapping closes (0.66 s against 0.61 s); PyYAML's event
classes swapped for plain tuples while parsing (0.09 s less, but it changes
PyYAML for every thread of the process); the compiled copy as one field dict a
term (read back in 0.13 s instead of 0.16 s, but written 0.02 s slower).

When several files are merged, one Arabic spelling given two renderings by two
files is a :class:`~.model.Conflict`: the file named first wins and the spelling
is dropped from the later entry, so every command sees the same glossary.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import yaml

from ..bulk import gc_paused
from ..errors import GlossaryError
from ..textio import decode_text, read_bytes
from . import compiled
from .keys import spelling_key
from .model import CASES, TERM_DEFAULTS, TERM_TYPES, Conflict, Glossary, Term
from .schema import LISTS, TERM_KEY_SET, TERM_KEYS, TOP_KEY_SET, TOP_KEYS
from .streamed import streamed_glossary
from .yaml_limits import Map, Node, Scalar, Seq, compose, line_of, malformed

_KEY_ORDER = {TERM_KEY_SET: TERM_KEYS, TOP_KEY_SET: TOP_KEYS}  # how an error lists them
_CHOICES = {"type": TERM_TYPES, "case": CASES}

# The checked path: every value where it belongs, or the problem at its line.
# Messages are formatted only for an error (``what`` with ``args``, as logging
# does): building them for every term was a tenth of loading the 65k-name list.


def _scalar(node: Node, path: str, what: str, *args: object) -> str:
    if type(node) is not Scalar:
        raise GlossaryError(f"{what.format(*args)} must be a single value", path, line_of(node))
    value = node[0].strip()
    if not value:
        raise GlossaryError(f"{what.format(*args)} is empty", path, line_of(node))
    return value


def _strings(node: Node, path: str, what: str, *args: object) -> tuple[str, ...]:
    if type(node) is Seq:
        try:
            values = tuple([item[0].strip() for item in node])
            if all(values):
                return values
        except (AttributeError, IndexError):  # an item that is a list or mapping
            pass
        return tuple(_scalar(item, path, "an entry of " + what, *args) for item in node)  # names the first at fault
    if type(node) is Scalar:
        return (_scalar(node, path, what, *args),) if node[0].strip() else ()
    raise GlossaryError(f"{what.format(*args)} must be a list of strings", path, line_of(node))


def _mapping(node: Map, path: str, allowed: frozenset[str], what: str, *args: object) -> dict[str, Node]:
    """Values of a mapping node by key; a repeated or unknown key is an error at its line."""
    pairs = iter(node)
    try:
        fields = {key[0]: value for key, value in zip(pairs, pairs)}
        if 2 * len(fields) == len(node) and allowed.issuperset(fields):
            return fields
    except (IndexError, TypeError):  # a key that is a list or mapping
        pass
    fields = {}
    for key, value in zip(node[0::2], node[1::2]):
        name = _scalar(key, path, "a key of " + what, *args)
        if name in fields:
            raise GlossaryError(f"{what.format(*args)} has '{name}' twice", path, line_of(key))
        if name not in allowed:
            raise GlossaryError(f"{what.format(*args)} has unknown key '{name}' (expected one of: "
                                f"{', '.join(_KEY_ORDER[allowed])})", path, line_of(key))
        fields[name] = value
    return fields


def _checked_term(node: Node, path: str, index: int) -> Term:
    if type(node) is not Map:
        raise GlossaryError(f"term {index} must be a mapping with 'target' and 'source'", path, line_of(node))
    fields = _mapping(node, path, TERM_KEY_SET, "term {}", index)
    target_node, source_node = fields.pop("target", None), fields.pop("source", None)
    if target_node is None:
        raise GlossaryError(f"term {index} has no 'target'", path, line_of(node))
    target = _scalar(target_node, path, "term {} 'target'", index)
    if source_node is None:
        raise GlossaryError(f"term {index} ({target}) has no 'source'", path, line_of(node))
    source = _strings(source_node, path, "term {} ({}) 'source'", index, target)
    if not source:
        raise GlossaryError(f"term {index} ({target}) needs at least one 'source' spelling", path,
                            line_of(source_node))
    term = {"target": target, "source": source, **TERM_DEFAULTS, "file": path, "line": node.line0 + 1,
            "index": index}
    for key, value in fields.items():  # the optional keys, in the file's order
        choices = _CHOICES.get(key)
        if choices is not None:
            choice = term[key] = _scalar(value, path, "term {} '{}'", index, key)
            if choice not in choices:
                raise GlossaryError(f"term {index} ({target}) has {key} '{choice}' "
                                    f"(expected one of: {', '.join(choices)})", path, line_of(value))
        elif key in LISTS:
            term[key] = _strings(value, path, "term {} ({}) '{}'", index, target, key)
        else:
            term[key] = _scalar(value, path, "term {} '{}'", index, key)
    return Term.from_fields(term)


def _compose(text: str, path: str) -> Node | None:
    try:
        return compose(text, path)  # the document within size, depth and alias limits
    except yaml.YAMLError as exc:
        raise malformed(exc, path) from None


@gc_paused()
def parse_glossary(text: str, path: str) -> Glossary:
    """Parse one glossary document (already decoded): read straight from libyaml's
    events when it has the common shape, else composed and checked, so that any
    problem is named at its line."""
    glossary = streamed_glossary(text, path)
    if glossary is None:
        glossary = _checked_glossary(_compose(text, path), path)
    return glossary


def _checked_glossary(root: Node | None, path: str) -> Glossary:
    """The glossary of a document composed with lines, or the first problem at its line."""
    if root is None:
        raise GlossaryError("glossary is empty", path)
    if type(root) is not Map:
        raise GlossaryError("a glossary must be a mapping with a 'terms' list", path, line_of(root))
    fields = _mapping(root, path, TOP_KEY_SET, "the glossary")
    if "terms" not in fields:
        raise GlossaryError("glossary has no 'terms' list", path, line_of(root))
    terms_node = fields["terms"]
    if type(terms_node) is not Seq:
        raise GlossaryError("'terms' must be a list", path, line_of(terms_node))
    name = _scalar(fields["name"], path, "'name'") if "name" in fields else Path(path).stem
    for key, expected in (("source_lang", "ar"), ("target_lang", "en")):
        if key in fields:
            value = _scalar(fields[key], path, "'{}'", key)
            if value.lower() != expected:
                raise GlossaryError(f"'{key}' is '{value}', tarjama handles {expected}", path, line_of(fields[key]))
    terms = [_checked_term(node, path, i + 1) for i, node in enumerate(terms_node)]
    return Glossary(terms=terms, names=[name], files=[path])


#: Term bases every command takes as a glossary as they are, read by the importers
#: (:mod:`.exchange`): a client's TBX or a spreadsheet's CSV needs no conversion
#: step to be enforced or checked. ``.xml`` and ``.txt`` stay YAML-or-error here
#: (too many other things share them); ``glossary import --format`` reads them.
TERM_BASE_SUFFIXES = {".tbx": "tbx", ".csv": "csv", ".tsv": "tsv"}


def load_glossary_file(path: str | os.PathLike[str]) -> Glossary:
    name = str(path)
    fmt = TERM_BASE_SUFFIXES.get(Path(name).suffix.lower())
    if fmt is not None:
        from .exchange import import_termbase  # exchange reads TMX through formats; load it only when needed

        return import_termbase(path, fmt).glossary
    data = read_bytes(path)
    cached = compiled.read(data, name)
    if cached is not None:
        return cached
    glossary = parse_glossary(decode_text(data, name), name)
    compiled.write(data, glossary)
    return glossary


def glossary_files(path: str | os.PathLike[str]) -> list[Path]:
    """A file (YAML, or a term base: see :data:`TERM_BASE_SUFFIXES`), or every *.yaml / *.yml in a
    directory (sorted, not recursive: a directory's CSV files are as likely to be anything else)."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.iterdir() if f.suffix in (".yaml", ".yml") and f.is_file())
        if not files:
            raise GlossaryError("directory has no *.yaml glossary files", str(p))
        return files
    if not p.exists():
        raise GlossaryError("no such glossary file or directory", str(p))
    return [p]


def load_glossaries(paths: list[str] | list[os.PathLike[str]] | tuple) -> Glossary:
    """Load and merge every glossary named by ``paths`` (files or directories).

    Precedence follows the order given: where two files give one Arabic spelling
    two different renderings, the first file's entry keeps it, the later entry
    loses that spelling (and is left out if it has none left), and the clash is
    recorded in ``Glossary.conflicts`` for the command to report."""
    merged = Glossary()
    for path in paths:
        for f in glossary_files(path):
            merge(merged, load_glossary_file(f))
    return merged


def merge(merged: Glossary, other: Glossary) -> None:
    """Add ``other`` to ``merged``; ``merged`` wins every cross-file conflict."""
    if not merged.terms:
        merged.extend(other)
        return
    owner: dict[str, Term] = {}
    for term in merged.terms:
        for spelling in term.source:
            owner.setdefault(spelling_key(spelling), term)
    kept: list[Term] = []
    for term in other.terms:
        spellings = []
        for spelling in term.source:
            first = owner.get(spelling_key(spelling))
            if first is not None and first.file != term.file and first.target != term.target:
                merged.conflicts.append(Conflict(spelling, first, term))
            else:
                spellings.append(spelling)
        if len(spellings) == len(term.source):
            kept.append(term)
        elif spellings:
            kept.append(replace(term, source=tuple(spellings)))
    merged.extend(Glossary(terms=kept, names=other.names, files=other.files, conflicts=other.conflicts))
