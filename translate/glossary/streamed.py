"""The common glossary read in one pass over libyaml's events.

Composing a node tree first, and then building the terms from it, was half of
loading the 65k-name list: 650k events become 130k lists and 390k (text, line)
pairs, all let go again. Here the events are read once, in order, and each term
is built as its mapping ends, with no line kept but the term's own. Anything
this pass does not take, it leaves: :func:`streamed_glossary` returns None, and
the loader composes the document with every line and checks it, which builds
the same glossary or names the problem at its line (so a file with a wrong
term is parsed twice: only the well-formed one needs to be fast). YAML the
parser cannot read is reported at once: composing would stop at the same place.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from . import yaml_limits
from .model import CASES, TERM_TYPES, Glossary, Term
from .schema import LISTS, SEQUENCES, TERM_BASE, TERM_KEY_SET, TOP_KEY_SET
from .yaml_limits import NULLS, check_size, malformed

_StreamStart, _DocumentStart, _DocumentEnd, _StreamEnd = (
    yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent, yaml.StreamEndEvent)
_MappingStart, _MappingEnd, _SequenceStart, _SequenceEnd, _ScalarEvent = (
    yaml.MappingStartEvent, yaml.MappingEndEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent, yaml.ScalarEvent)


def streamed_glossary(text: str, path: str) -> Glossary | None:
    """The glossary read in one pass over libyaml's events, or None for anything but
    the common shape: one document, a mapping of known keys whose 'terms' is a list
    of terms :func:`_terms` takes and whose other values are texts. A problem, an
    alias, a padded key or anything else unusual is left to the loader's checked
    path. The pure-Python parser, 100x slower anyway, always takes that path. Tags
    are ignored and a plain null is empty, as in :func:`.yaml_limits.compose`."""
    parser = yaml_limits.PARSER
    if parser is not yaml_limits.CPARSER:
        return None
    check_size(text, path)
    events = iter(parser(text).get_event, None)
    fields: dict = {}
    try:
        if (type(next(events)) is not _StreamStart or type(next(events)) is not _DocumentStart
                or type(next(events)) is not _MappingStart):
            return None
        for event in events:  # the top-level keys, each with its value
            if type(event) is not _ScalarEvent:
                if type(event) is _MappingEnd:
                    break
                return None
            key, event = event.value, next(events)
            if key in fields or key not in TOP_KEY_SET:
                return None
            if key == "terms" and type(event) is _SequenceStart:
                fields[key] = _terms(events, path)
                if fields[key] is None:  # an unusual term: the checked path reads the whole file
                    return None
            elif key != "terms" and type(event) is _ScalarEvent:
                fields[key] = "" if not event.style and event.value in NULLS else event.value.strip()
            else:
                return None
        if type(next(events)) is not _DocumentEnd or type(next(events)) is not _StreamEnd:
            return None  # a second document
    except StopIteration:
        return None
    except yaml.YAMLError as exc:  # every event before it was one composing takes alike: the same error
        raise malformed(exc, path) from None
    terms, name = fields.get("terms"), fields.get("name", Path(path).stem)
    if terms is None or not name or fields.get("source_lang", "ar").lower() != "ar" \
            or fields.get("target_lang", "en").lower() != "en":
        return None
    return Glossary(terms=terms, names=[name], files=[path])


def _terms(events, path: str) -> list[Term] | None:
    """The terms of a 'terms' list whose sequence-start event was just read, up to its
    end, or None for anything but the common term: a mapping of known keys, once
    each, with a text or a list of texts where each belongs and choices among the
    allowed ones. The loop runs once per event (650k for the 65k-name list), so it
    is written out inline; :func:`.loader._checked_term` builds the same term from nodes."""
    terms: list[Term] = []
    append = terms.append
    for event in events:
        if type(event) is not _MappingStart:
            return terms if type(event) is _SequenceEnd else None
        line0 = event.start_mark.line
        term: dict = {}
        pairs = 0
        for event in events:  # key, then its value
            if type(event) is not _ScalarEvent:
                if type(event) is _MappingEnd:
                    break
                return None
            key, event = event.value, next(events)
            pairs += 1
            kind = type(event)
            if kind is _ScalarEvent:
                value = "" if not event.style and event.value in NULLS else event.value.strip()
                if value:
                    term[key] = (value,) if key in SEQUENCES else value
                elif key in LISTS:  # `also: ~`: none
                    term[key] = ()
                else:
                    return None
            elif kind is _SequenceStart and key in SEQUENCES:
                values = []
                for event in events:
                    if type(event) is not _ScalarEvent:
                        break
                    value = "" if not event.style and event.value in NULLS else event.value.strip()
                    if not value:
                        return None
                    values.append(value)
                if type(event) is not _SequenceEnd:
                    return None
                term[key] = tuple(values)
            else:
                return None
        # the keys: each once, all known, both required ones
        if pairs != len(term) or "target" not in term or "source" not in term or not TERM_KEY_SET.issuperset(term):
            return None
        term = {**TERM_BASE, **term, "file": path, "line": line0 + 1, "index": len(terms) + 1}
        if not term["source"] or term["type"] not in TERM_TYPES or term["case"] not in CASES:
            return None
        append(Term.from_fields(term))
    return None
