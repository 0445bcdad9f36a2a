"""The preview's cycle collector pauses while a build runs and collects once the preview is idle
(microsite/idle_collection.py): a save's build does not wait for a full collection, and the garbage of a
build is still freed after it."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest
from microsite.idle_collection import IdleCollection

# Long enough that a busy machine, pausing this process between two lines, does not let the idle time pass.
IDLE_SECONDS = 0.5


class Node:
    """An object in a cycle: freed only by the cycle collector."""

    def __init__(self) -> None:
        self.itself = self


@pytest.fixture
def collection() -> Iterator[IdleCollection]:
    idle = IdleCollection(IDLE_SECONDS)
    yield idle
    idle.close()
    assert gc.isenabled()


def garbage_of_a_build() -> weakref.ref:
    return weakref.ref(Node())


def collected(reference: weakref.ref, within: float) -> bool:
    deadline = time.monotonic() + within
    while reference() is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    return reference() is None


def test_a_builds_garbage_is_collected_once_the_preview_is_idle(collection: IdleCollection) -> None:
    collection.build_starts()
    assert not gc.isenabled()
    garbage = garbage_of_a_build()
    collection.build_ends()
    assert garbage() is not None, "collected before the build was served"
    assert collected(garbage, within=IDLE_SECONDS + 2), "the build's cyclic garbage was never collected"
    assert gc.isenabled()


def test_a_build_started_before_the_idle_time_keeps_the_collector_paused(collection: IdleCollection) -> None:
    collection.build_starts()
    garbage = garbage_of_a_build()
    collection.build_ends()
    collection.build_starts()
    time.sleep(IDLE_SECONDS * 2)
    assert not gc.isenabled()
    assert garbage() is not None, "collected in the middle of the next build"
    collection.build_ends()
    assert collected(garbage, within=IDLE_SECONDS + 2)


def test_the_collector_runs_as_usual_once_the_preview_stops() -> None:
    idle = IdleCollection(IDLE_SECONDS)
    idle.build_starts()
    idle.close()
    assert gc.isenabled()
