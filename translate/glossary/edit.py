"""Edit a glossary YAML in place: add entries, add spellings, apply a patch.

The file is a maintainer's work: comments, key order, quoting and flow/block
style of everything untouched must survive, which a load-and-dump cannot do;
ruamel.yaml's round-trip mode can. An edit that would create a conflict (a
spelling that belongs to another target, a forbidden form some entry accepts, a
changed type) is refused as a whole and nothing is written; otherwise the new
text is checked by the ordinary loader and written atomically, in the file's own
line endings.
"""
from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import GlossaryError
from ..textio import decode_text, read_bytes, write_text_atomic
from .keys import spelling_key
from .loader import parse_glossary
from .model import Term
from .writer import term_record

_LISTS = ("source", "also", "forbidden")
_SCALARS = ("type", "case", "domain", "origin", "note")


@dataclass
class EditResult:
    added: list[str] = field(default_factory=list)      # new entries (targets)
    extended: list[str] = field(default_factory=list)   # "target: +spelling" lines
    unchanged: list[str] = field(default_factory=list)  # already there
    refused: list[str] = field(default_factory=list)    # conflicts: nothing written when any

    @property
    def changed(self) -> bool:
        return bool(self.added or self.extended)


def _yaml(text: str) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    # Keep the file's own list indentation: "  - target:" (offset 2) or "- target:".
    m = re.search(r"^terms:\s*\n(?:\s*#.*\n|\s*\n)*( *)- ", text, re.M)
    offset = len(m.group(1)) if m else 2
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    return yaml


def _flow(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _values(node) -> list[str]:
    if node is None:
        return []
    if isinstance(node, str):
        return [node]
    return [str(v) for v in node]


def apply_terms(path: str | os.PathLike[str], terms: list[Term], dry_run: bool = False) -> EditResult:
    """Merge ``terms`` into the glossary file at ``path`` (created if missing; see the module doc)."""
    name = str(path)
    if not Path(path).exists():  # a new glossary: the entries are its first
        if not Path(path).parent.is_dir() and str(Path(path).parent):
            raise GlossaryError("directory does not exist", str(Path(path).parent))
        raw = f"name: {Path(path).stem}\nsource_lang: ar\ntarget_lang: en\nterms: []\n".encode()
    else:
        raw = read_bytes(path)
    text = decode_text(raw, name)
    current = parse_glossary(text, name)  # a broken file is reported with file:line, never edited
    yaml = _yaml(text)
    data = yaml.load(text)
    entries = data["terms"]
    result = EditResult()
    owner: dict[str, str] = {}
    for t in current.terms:
        for s in t.source:
            owner.setdefault(spelling_key(s), t.target)
    accepted = {f.casefold(): t.target for t in current.terms for f in t.accepted_renderings()}
    forbidden = {f.casefold(): t.target for t in current.terms for f in t.forbidden}
    by_target = {}
    for k, t in enumerate(current.terms):
        by_target.setdefault(t.target, k)
    for term in terms:
        _check(term, owner, accepted, forbidden, result)
        k = by_target.get(term.target)
        if k is None:
            record = CommentedMap()
            for key, value in term_record(term).items():
                record[key] = _flow(value) if isinstance(value, list) else value
            entries.append(record)
            by_target[term.target] = len(entries) - 1
            result.added.append(term.target)
        else:
            _extend(entries[k], current.terms[k] if k < len(current.terms) else term, term, result)
        for s in term.source:
            owner.setdefault(spelling_key(s), term.target)
        for f in term.accepted_renderings():
            accepted.setdefault(f.casefold(), term.target)
        for f in term.forbidden:
            forbidden.setdefault(f.casefold(), term.target)
    if result.refused or not result.changed or dry_run:
        return result
    out = io.StringIO()
    yaml.dump(data, out)
    new_text = out.getvalue()
    parse_glossary(new_text, name)  # what we write must load
    if b"\r\n" in raw:
        new_text = new_text.replace("\r\n", "\n").replace("\n", "\r\n")
    if raw.startswith(b"\xef\xbb\xbf"):
        new_text = "\ufeff" + new_text
    write_text_atomic(path, new_text)
    return result


def _check(term: Term, owner: dict, accepted: dict, forbidden: dict, result: EditResult) -> None:
    for s in term.source:
        key = spelling_key(s)
        if not key:
            result.refused.append(f"{term.target}: source '{s}' has no letters")
        elif owner.get(key, term.target) != term.target:
            result.refused.append(f"{term.target}: source '{s}' is already a spelling of '{owner[key]}'")
    for f in term.accepted_renderings():
        if f.casefold() in forbidden:
            result.refused.append(f"{term.target}: '{f}' is forbidden by the entry for '{forbidden[f.casefold()]}'")
    for f in term.forbidden:
        if f.casefold() in accepted:
            result.refused.append(f"{term.target}: forbidden '{f}' is an accepted rendering of "
                                  f"'{accepted[f.casefold()]}'")


def _extend(entry: CommentedMap, old: Term, new: Term, result: EditResult) -> None:
    record = term_record(new)
    for key in _SCALARS:
        if key not in record or (key == "type" and new.type == "other" and "type" not in entry):
            continue
        have = entry.get(key)
        if have is None:
            entry[key] = record[key]
            result.extended.append(f"{new.target}: {key} {record[key]}")
        elif str(have) != str(record[key]) and not (key == "type" and new.type == "other"):
            result.refused.append(f"{new.target}: would change {key} from '{have}' to '{record[key]}'")
    for key in _LISTS:
        have = _values(entry.get(key))
        keys = {spelling_key(v) if key == "source" else v.casefold() for v in have}
        fresh = []
        for value in record.get(key, []):
            k = spelling_key(value) if key == "source" else value.casefold()
            if k in keys:
                result.unchanged.append(f"{new.target}: {key} '{value}'")
                continue
            keys.add(k)
            fresh.append(value)
        if not fresh:
            continue
        node = entry.get(key)
        if isinstance(node, CommentedSeq):
            node.extend(fresh)
        else:
            entry[key] = _flow(have + fresh)
        result.extended.extend(f"{new.target}: +{key} '{v}'" for v in fresh)


def load_patch(path: str | os.PathLike[str]) -> list[Term]:
    """A patch is a glossary file: its terms are merged by target."""
    from .loader import load_glossary_file

    patch = load_glossary_file(path)
    if not patch.terms:
        raise GlossaryError("patch has no terms", str(path))
    return patch.terms
