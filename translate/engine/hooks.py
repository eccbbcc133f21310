"""Extension points between translation and output.

Why: glossary enforcement (its own issue) must see every translated sentence,
with attention, before the document is laid out. ``tarjama translate
--glossary`` calls :func:`glossary_postprocess`; until enforcement lands it
only checks that the glossary files can be read and changes nothing.
"""
from __future__ import annotations

from typing import Sequence

from ..textio import read_bytes
from .engine import Postprocess, SentenceResult


def glossary_postprocess(glossary_paths: Sequence[str]) -> Postprocess | None:
    """The post-processing step for ``--glossary`` files, or ``None``.

    Hook for the enforcer: replace the body to load the glossaries and return a
    function that corrects the sentences (``SentenceResult.attention`` and the
    piece spans are there to align terms). Missing files already fail here with
    one clear line.
    """
    if not glossary_paths:
        return None
    for path in glossary_paths:
        read_bytes(path)  # InputError("no such file", path) etc.

    def unchanged(sentences: list[SentenceResult]) -> list[SentenceResult]:
        return sentences

    return unchanged


def wants_attention(glossary_paths: Sequence[str]) -> bool:
    """Whether decoding should return attention for the post-processing step."""
    return bool(glossary_paths)
