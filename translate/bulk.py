"""Building large tables without the cyclic garbage collector in the way."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause CPython's cyclic collector while building large acyclic tables.

    The collector runs after every few hundred new container objects, and its
    older-generation passes walk every live object: building the index of a
    65k-name glossary (130k tuples) spent about a fifth of its time there.
    What is built under the pause holds no reference cycles, so nothing is
    left for the collector. Afterwards the new objects are moved straight to
    the oldest generation (freeze, then unfreeze: two list splices), where
    long-lived tables belong; otherwise the first collection after the pause
    would walk all of them at once (0.1 s for the 65k index and the lexicon).
    Young objects of the calling application are promoted with them: cyclic
    garbage among those waits for the next full collection instead of the next
    young one, which costs memory only briefly and never correctness.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:  # never thaw what the application froze
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()
