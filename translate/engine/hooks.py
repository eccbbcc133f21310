"""Extension points between translation and output.

Glossary enforcement during translation is :class:`translate.enforce.translation.GlossaryEngine`,
which wraps the engine (protect, decode, restore, enforce with the whole
document matched); it asks the decoder for attention to choose between spans.
"""
from __future__ import annotations

from typing import Sequence


def wants_attention(glossary_paths: Sequence[str]) -> bool:
    """Whether decoding should return attention for glossary enforcement."""
    return bool(glossary_paths)
