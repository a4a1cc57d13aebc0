"""The PDF renderer's handling of Python's garbage collector: less work during a layout, and
everything as it was afterwards."""

from __future__ import annotations

import gc

from briefing.render_weasyprint import fewer_collections


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_the_collector_is_restored_and_the_cycles_freed() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()  # 0 unless something earlier in the session froze objects
    with fewer_collections():
        assert gc.get_threshold()[0] > before[0]
        assert gc.get_freeze_count() > 0
        for _ in range(1000):
            _Node()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen
    if not frozen:
        assert not any(isinstance(o, _Node) for o in gc.get_objects())


def test_objects_someone_else_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with fewer_collections():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_the_collector_is_restored_after_an_error() -> None:
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        with fewer_collections():
            raise ValueError("layout failed")
    except ValueError:
        pass
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen
