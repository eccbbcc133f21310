"""Extension points between translation and output.

Why: glossary enforcement must see every translated sentence, with attention,
before the document is laid out. :func:`glossary_postprocess` gives library users
enforcement after decoding; ``tarjama translate --glossary`` goes further and
protects the terms before decoding too (:class:`translate.enforce.translation.GlossaryEngine`).
"""
from __future__ import annotations

from typing import Sequence

from .engine import Postprocess


def glossary_postprocess(glossary_paths: Sequence[str]) -> Postprocess | None:
    """The enforcement step for ``glossary_paths``, or ``None`` without glossaries.

    Glossary errors fail here, before any model is loaded, with one clear line.
    """
    if not glossary_paths:
        return None
    from ..enforce.translation import make_postprocess

    return make_postprocess(glossary_paths)


def wants_attention(glossary_paths: Sequence[str]) -> bool:
    """Whether decoding should return attention for the post-processing step."""
    return bool(glossary_paths)
