"""gc_paused: the collector is off while tables are built and as it was after."""
from __future__ import annotations

import gc

import pytest

from translate.bulk import gc_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_state_is_restored(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(ValueError):
            with gc_paused():
                raise ValueError("a failed build")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_new_objects_go_to_the_oldest_generation() -> None:
    with gc_paused():
        table = [(k, str(k)) for k in range(10_000)]
    assert gc.get_count()[0] < 1_000  # not left in the youngest generation
    assert len(table) == 10_000


def test_objects_the_application_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            [object() for _ in range(100)]
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()
