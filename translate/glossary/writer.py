"""Write a glossary as tarjama YAML: the home format every importer produces.

Keys come in the order a maintainer reads them (target, type, spellings, other
renderings, metadata); lists are written inline like the shipped glossaries.
Defaults (case insensitive, empty lists) are left out so the file stays short.
"""
from __future__ import annotations

import yaml

from .model import Glossary, Term

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def term_record(term: Term) -> dict:
    """The YAML mapping for one term (only the keys that say something)."""
    record: dict = {"target": term.target, "type": term.type, "source": list(term.source)}
    if term.also:
        record["also"] = list(term.also)
    if term.forbidden:
        record["forbidden"] = list(term.forbidden)
    if term.case != "insensitive":
        record["case"] = term.case
    for key in ("domain", "origin", "note"):
        value = getattr(term, key)
        if value:
            record[key] = value
    return record


def to_yaml(glossary: Glossary, header: str | None = None) -> str:
    """The whole glossary as a YAML document (a ``# header`` comment first if given)."""
    doc = {"name": glossary.names[0] if glossary.names else "glossary", "source_lang": "ar", "target_lang": "en",
           "terms": [term_record(t) for t in glossary.terms]}
    text = yaml.dump(doc, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=None,
                     width=100000)
    if header:
        text = "".join(f"# {line}\n".replace("# \n", "#\n") for line in header.splitlines()) + text
    return text


def yaml_block(record: dict, indent: int = 2) -> str:
    """One term as a YAML list item at ``indent`` spaces (for patches with comments)."""
    text = yaml.dump([record], Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=None,
                     width=100000)
    return "".join(" " * indent + line + "\n" for line in text.splitlines()).rstrip("\n")
