"""Load YAML glossaries with line numbers for every problem.

We walk PyYAML's node tree (not the plain objects) so that each error can say
``glossaries/x.yaml:14: term 3 has no 'target'``; block and flow styles produce the
same nodes and therefore load the same. The tree is built by libyaml (CSafeLoader)
where PyYAML has it, without implicit tag resolution: on the 65k-name list 3.8 s
against 32.8 s for the pure-Python parser in one bench run on a 2-core machine at
load 12.5 (bench/glossary_bench.py). A file already seen is read back from its
compiled copy (:mod:`.compiled`, 0.4 s in the same run).

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
from .model import CASES, TERM_TYPES, Conflict, Glossary, Term
from .yaml_limits import compose

TERM_KEYS = ("target", "type", "source", "also", "forbidden", "case", "domain", "origin", "note")
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAGS = {yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
         yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
         yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG}


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """libyaml's parser without PyYAML's implicit tag resolution: a glossary reads
    every scalar as text (its ``value``), and the resolver, a Python regex match
    per scalar called back from C, was 30 % of composing the 65k-name list."""

    def resolve(self, kind, value, implicit):  # noqa: D102
        return _TAGS[kind]

    def descend_resolver(self, current_node, current_index):  # noqa: D102
        pass

    def ascend_resolver(self):  # noqa: D102
        pass


_LOADER = _Loader
TOP_KEYS = ("name", "source_lang", "target_lang", "terms", "description", "version")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(node: yaml.Node, path: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise GlossaryError(f"{what} must be a single value", path, _line(node))
    value = node.value.strip()
    if not value:
        raise GlossaryError(f"{what} is empty", path, _line(node))
    return value


def _strings(node: yaml.Node, path: str, what: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):
        return (_scalar(node, path, what),) if node.value.strip() else ()
    if not isinstance(node, yaml.SequenceNode):
        raise GlossaryError(f"{what} must be a list of strings", path, _line(node))
    return tuple(_scalar(item, path, f"an entry of {what}") for item in node.value)


def _mapping(node: yaml.MappingNode, path: str, what: str,
             allowed: tuple[str, ...]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """Keys of a mapping node; a repeated or unknown key is an error at its line."""
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        name = _scalar(key, path, f"a key of {what}")
        if name in out:
            raise GlossaryError(f"{what} has '{name}' twice", path, _line(key))
        if name not in allowed:
            raise GlossaryError(f"{what} has unknown key '{name}' (expected one of: {', '.join(allowed)})",
                                path, _line(key))
        out[name] = (key, value)
    return out


def _term(node: yaml.Node, path: str, index: int) -> Term:
    what = f"term {index}"
    if not isinstance(node, yaml.MappingNode):
        raise GlossaryError(f"{what} must be a mapping with 'target' and 'source'", path, _line(node))
    fields = _mapping(node, path, what, TERM_KEYS)
    if "target" not in fields:
        raise GlossaryError(f"{what} has no 'target'", path, _line(node))
    target = _scalar(fields["target"][1], path, f"{what} 'target'")
    if "source" not in fields:
        raise GlossaryError(f"{what} ({target}) has no 'source'", path, _line(node))
    source = _strings(fields["source"][1], path, f"{what} ({target}) 'source'")
    if not source:
        raise GlossaryError(f"{what} ({target}) needs at least one 'source' spelling", path, _line(fields["source"][1]))
    term_type = "other"
    if "type" in fields:
        term_type = _scalar(fields["type"][1], path, f"{what} 'type'")
        if term_type not in TERM_TYPES:
            raise GlossaryError(
                f"{what} ({target}) has type '{term_type}' (expected one of: {', '.join(TERM_TYPES)})",
                path,
                _line(fields["type"][1]),
            )
    forbidden = _strings(fields["forbidden"][1], path, f"{what} ({target}) 'forbidden'") if "forbidden" in fields else ()
    also = _strings(fields["also"][1], path, f"{what} ({target}) 'also'") if "also" in fields else ()
    case = "insensitive"
    if "case" in fields:
        case = _scalar(fields["case"][1], path, f"{what} 'case'")
        if case not in CASES:
            raise GlossaryError(f"{what} ({target}) has case '{case}' (expected one of: {', '.join(CASES)})",
                                path, _line(fields["case"][1]))
    meta = {key: _scalar(fields[key][1], path, f"{what} '{key}'") if key in fields else None
            for key in ("note", "domain", "origin")}
    return Term(target, source, term_type, forbidden, meta["note"], path, _line(node), index,
                also, case, meta["domain"], meta["origin"])


@gc_paused()
def parse_glossary(text: str, path: str) -> Glossary:
    """Parse one glossary document (already decoded)."""
    try:
        root = compose(text, path, _LOADER)  # yaml.compose within size, depth and alias limits
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise GlossaryError(f"malformed YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise GlossaryError(f"malformed YAML: {exc}", path) from None
    if root is None:
        raise GlossaryError("glossary is empty", path)
    if not isinstance(root, yaml.MappingNode):
        raise GlossaryError("a glossary must be a mapping with a 'terms' list", path, _line(root))
    fields = _mapping(root, path, "the glossary", TOP_KEYS)
    if "terms" not in fields:
        raise GlossaryError("glossary has no 'terms' list", path, _line(root))
    terms_node = fields["terms"][1]
    if not isinstance(terms_node, yaml.SequenceNode):
        raise GlossaryError("'terms' must be a list", path, _line(terms_node))
    name = _scalar(fields["name"][1], path, "'name'") if "name" in fields else Path(path).stem
    langs = {}
    for key, expected in (("source_lang", "ar"), ("target_lang", "en")):
        if key in fields:
            value = _scalar(fields[key][1], path, f"'{key}'")
            if value.lower() != expected:
                raise GlossaryError(f"'{key}' is '{value}', tarjama handles {expected}", path, _line(fields[key][1]))
            langs[key] = value
    terms = [_term(node, path, i + 1) for i, node in enumerate(terms_node.value)]
    return Glossary(terms=terms, names=[name], files=[path])


def load_glossary_file(path: str | os.PathLike[str]) -> Glossary:
    name = str(path)
    data = read_bytes(path)
    cached = compiled.read(data, name)
    if cached is not None:
        return cached
    glossary = parse_glossary(decode_text(data, name), name)
    compiled.write(data, glossary)
    return glossary


def glossary_files(path: str | os.PathLike[str]) -> list[Path]:
    """A file, or every *.yaml / *.yml in a directory (sorted, not recursive)."""
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
