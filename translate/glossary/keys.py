"""The one key under which two Arabic spellings count as the same spelling."""
from __future__ import annotations

from ..arabic.normalize import normalize
from ..arabic.script import WORD


def spelling_key(spelling: str) -> str:
    """Normalised words of ``spelling`` joined by one space ('' if it has no letters):
    إسبر and اسبر, عبد  المهدي and عبد المهدي share a key; the matcher cannot tell them apart."""
    return " ".join(WORD.findall(normalize(spelling)))
