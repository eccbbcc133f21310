"""Compiled copies of large glossaries, so a 65k-entry file loads in a fraction of a second.

Even libyaml builds a node tree slowly from Python: the 65k-name list took 5.2 s
cold against 40.5 s for the pure-Python parser on a 2-core machine at load 14
(bench/glossary_bench.py). The terms are then kept as tuples of strings in
``marshal`` format, which reads back 4-5x faster than the same data as JSON
(0.21 s against 0.82 s for the 65k list) and, unlike pickle, builds no objects
but plain data. The copy is keyed by a hash of the file's bytes, so any edit is
parsed afresh (and reported with file:line). Like the lexicon tables it is an
optimisation only: a missing, stale, corrupt or unwritable copy means the YAML
is parsed, never an error. Small glossaries parse fast enough and are not copied.
"""
from __future__ import annotations

import hashlib
import marshal
from pathlib import Path

from ..bulk import gc_paused
from ..cache import cache_dir, read_cached, write_cached
from .model import Glossary, Term

FORMAT = 2
# marshal's version 2 writes every string out instead of looking each object up
# in a table of those already written (versions 3 and 4): for the 65k-name list
# 0.036 s against 0.079 s of the cold load, for a copy of 5.8 MB instead of 4.3 MB
# that reads back as fast (0.025 s). Any version reads back with marshal.loads.
_MARSHAL_VERSION = 2
# Glossaries smaller than this parse in well under 0.1 s: not worth a file.
MIN_TERMS = 2000


def _path(data: bytes) -> Path:
    digest = hashlib.sha256(data).hexdigest()[:24]
    return cache_dir() / "glossaries" / f"{digest}.marshal"


def read(data: bytes, name: str) -> Glossary | None:
    """The glossary compiled from exactly these bytes, or None."""
    if len(data) < MIN_TERMS * 20:
        return None
    cached = read_cached(_path(data))
    if cached is None:
        return None
    try:
        fmt, title, rows = marshal.loads(cached)
        if fmt != FORMAT:
            return None
        with gc_paused():
            terms = [Term(t, src, ty, fb, note, name, line, index, also, case, domain, origin)
                     for t, src, ty, fb, note, line, index, also, case, domain, origin in rows]
        return Glossary(terms=terms, names=[title], files=[name])
    except (ValueError, EOFError, TypeError):
        return None


@gc_paused()  # 65k row tuples, no cycles: the collector's passes over them were a tenth of the write
def write(data: bytes, glossary: Glossary) -> None:
    if len(glossary.terms) < MIN_TERMS:
        return
    doc = (FORMAT, glossary.names[0] if glossary.names else "",
           [(t.target, t.source, t.type, t.forbidden, t.note, t.line, t.index, t.also, t.case, t.domain, t.origin)
            for t in glossary.terms])
    try:
        write_cached(_path(data), marshal.dumps(doc, _MARSHAL_VERSION))
    except OSError:
        pass  # a read-only home: only slower
