"""The keys of a tarjama YAML glossary, for both ways of reading one (:mod:`.streamed`
and the checked path in :mod:`.loader`)."""
from __future__ import annotations

from .model import TERM_DEFAULTS

TERM_KEYS = ("target", "type", "source", "also", "forbidden", "case", "domain", "origin", "note")
TOP_KEYS = ("name", "source_lang", "target_lang", "terms", "description", "version")
TERM_KEY_SET, TOP_KEY_SET = frozenset(TERM_KEYS), frozenset(TOP_KEYS)
LISTS = frozenset({"also", "forbidden"})  # the other optional keys are single values
SEQUENCES = LISTS | {"source"}  # the keys whose value is a list of texts
#: Every field of a term with its default, in the order Term declares them.
TERM_BASE = {"target": "", "source": (), **TERM_DEFAULTS}
