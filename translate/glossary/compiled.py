"""Compiled copies of large glossaries, so a 65k-entry file loads in a fraction of a second.

Even libyaml builds a node tree slowly from Python (about 2 s for the 65k-name
list on an idle core); reading the same terms back as JSON takes about 0.2 s. The
copy is keyed by a hash of the file's bytes, so any edit is parsed afresh (and
reported with file:line). Like the lexicon tables it is an optimisation only: a
missing, stale, corrupt or unwritable copy means the YAML is parsed, never an
error. Small glossaries parse fast enough and are not copied.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from ..cache import cache_dir
from .model import Glossary, Term

FORMAT = 1
# Glossaries smaller than this parse in well under 0.1 s: not worth a file.
MIN_TERMS = 2000


def _path(data: bytes) -> Path:
    digest = hashlib.sha256(data).hexdigest()[:24]
    return cache_dir() / "glossaries" / f"{digest}.json"


def read(data: bytes, name: str) -> Glossary | None:
    """The glossary compiled from exactly these bytes, or None."""
    if len(data) < MIN_TERMS * 20:
        return None
    try:
        doc = json.loads(_path(data).read_bytes())
        if doc.get("format") != FORMAT:
            return None
        terms = [Term(t, tuple(src), ty, tuple(fb), note, name, line, index, tuple(also), case, domain, origin)
                 for t, src, ty, fb, note, line, index, also, case, domain, origin in doc["terms"]]
        return Glossary(terms=terms, names=[doc["name"]], files=[name])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write(data: bytes, glossary: Glossary) -> None:
    if len(glossary.terms) < MIN_TERMS:
        return
    doc = {"format": FORMAT, "name": glossary.names[0] if glossary.names else "",
           "terms": [[t.target, t.source, t.type, t.forbidden, t.note, t.line, t.index, t.also, t.case,
                      t.domain, t.origin] for t in glossary.terms]}
    path = _path(data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(doc, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only home: only slower
