"""Garbage is collected in the GUI thread only, while a window is open (gui.workers.garbage_collection)."""

from __future__ import annotations

import gc
import threading
import weakref

import numpy as np
import pytest

from gui.main_window import MainWindow
from gui.settings import StudioSettings
from gui.workers.garbage_collection import GuiThreadCollector, collection_is_automatic
from gui.workers.worker_thread import TaskWorker


class Cycle:
    """An object in a reference cycle that records which thread finalised it."""

    finalised_in: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.finalised_in.append(threading.current_thread().name)


def make_cycles(count: int = 5000) -> None:
    for _ in range(count):
        Cycle()


@pytest.fixture
def collector(qtbot):
    """A running collector, with no garbage and no finalisations recorded yet."""
    running = GuiThreadCollector()
    running.start()
    gc.collect()
    Cycle.finalised_in = []
    yield running
    running.stop()


def test_a_collector_turns_automatic_collection_off_until_the_last_one_stops(qtbot):
    assert collection_is_automatic()
    first, second = GuiThreadCollector(), GuiThreadCollector()
    first.start()
    second.start()
    assert not collection_is_automatic()
    first.stop()
    assert not collection_is_automatic()  # the second still runs
    second.stop()
    assert collection_is_automatic()


def test_a_collector_deleted_without_stop_gives_automatic_collection_back(qtbot):
    collector = GuiThreadCollector()
    collector.start()
    assert not collection_is_automatic()
    collector.deleteLater()
    qtbot.waitUntil(collection_is_automatic, timeout=5000)


def test_check_collects_the_cycles_past_the_threshold_and_not_while_paused(collector):
    make_cycles()
    collector.paused = True
    assert collector.check() is None and Cycle.finalised_in == []
    collector.paused = False
    assert collector.check() in (0, 1)
    assert len(Cycle.finalised_in) == 5000
    assert collector.check() is None  # nothing new since


def test_while_a_task_runs_the_timer_collects_the_youngest_generation_only(collector):
    collector.young_only = True
    for _ in range(gc.get_threshold()[1] + 2):  # past generation 1's threshold
        make_cycles(1000)
        assert collector.check() == 0
    collector.young_only = False  # the task has ended
    collector.collect_in_background(after_ms=60_000)  # and the search after it is due
    make_cycles(1000)
    assert collector.check() == 0
    collector._search_soon.stop()  # that search has run
    make_cycles(1000)
    assert collector.check() in (1, 2)


def test_cycles_made_on_the_worker_thread_die_in_the_gui_thread(qtbot, tmp_path):
    window = MainWindow(StudioSettings.in_file(str(tmp_path / "settings.ini")), runs_folder=tmp_path / "runs")
    qtbot.addWidget(window)
    assert not collection_is_automatic()
    gc.collect()
    Cycle.finalised_in = []
    # (No waitSignal on the worker's own signals: they are emitted in its thread.)
    worker = TaskWorker(lambda hooks, stop: make_cycles())
    window.controller.link.worker_thread.start(worker)
    qtbot.waitUntil(lambda: len(Cycle.finalised_in) == 5000, timeout=10_000)
    assert set(Cycle.finalised_in) == {threading.main_thread().name}
    window.close()
    assert collection_is_automatic()


class Holder:
    """A cycle that holds an object the collector does not track, so its freeing can be watched."""

    def __init__(self, payload) -> None:
        self.me = self
        self.payload = payload

    def __del__(self) -> None:
        Cycle.finalised_in.append(threading.current_thread().name)


def watched_cycle(**attributes) -> weakref.ref:
    """A garbage :class:`Holder` (with ``attributes``); the reference dies when its payload is freed."""
    payload = np.zeros(8)
    assert not gc.is_tracked(payload)
    Holder(payload).__dict__.update(attributes)
    return weakref.ref(payload)


def test_a_collection_finalises_at_once_and_frees_over_later_turns_in_slices(qtbot, collector):
    freed = [watched_cycle() for _ in range(2000)]
    collector.slice_ms = 0  # one batch a turn
    collector.collect()
    assert len(Cycle.finalised_in) == 2000  # finalisers ran in the collection itself
    assert all(ref() is not None for ref in freed) and collector.freeing  # the memory waits for the slices
    assert gc.garbage == []  # nothing of ours is left where others look
    qtbot.waitUntil(lambda: not collector.freeing, timeout=10_000)
    assert collector.slices > 1  # several turns, one batch each
    # Emptying broke every cycle: all were freed, none is left for the next collection (which may
    # find other tests' garbage, so it is not asked).
    assert not [ref for ref in freed if ref() is not None]


class Slotted:
    """No ``__dict__``: a cycle through slots is one that emptying cannot break (as TensorFlow's graph operations)."""

    __slots__ = ("other", "payload", "__weakref__")


def test_cycles_that_emptying_cannot_break_are_freed_after_a_task_by_a_real_collection_in_the_gui_thread(qtbot, collector):
    first, second = Slotted(), Slotted()
    first.other, second.other = second, first
    first.payload = np.zeros(8)  # not tracked by the collector: its weak reference dies only when it is freed
    freed = weakref.ref(first.payload)
    del first, second
    collector.collect()  # a collection during a task: what emptying leaves waits for the search after it
    qtbot.waitUntil(lambda: not collector.freeing, timeout=10_000)
    assert collector.real_collections == 0
    make_cycles(3000)  # found with it: the cycle must not get lost among other garbage
    collector.collect_in_background()  # the search after a task finds it again
    # (Another window's collector, left running by an earlier test, may be the one that frees it.)
    qtbot.waitUntil(lambda: freed() is None, timeout=10_000)
    qtbot.waitUntil(lambda: not collector.freeing, timeout=10_000)
    gc.collect()  # whatever other tests left
    real = collector.real_collections
    make_cycles(1000)  # cycles that emptying breaks need no real collection
    collector.collect_in_background()
    qtbot.waitUntil(lambda: not collector.freeing, timeout=10_000)
    assert collector.real_collections == real


def test_stop_frees_what_still_waits(collector):
    freed = [watched_cycle() for _ in range(1000)]
    collector.collect()
    assert collector.freeing
    collector.stop()
    assert not collector.freeing
    assert not [ref for ref in freed if ref() is not None]  # freed by emptying, not left for the next collection


def test_a_background_collection_finalises_on_a_helper_and_frees_qt_objects_in_the_gui_thread(qtbot, collector):
    from PySide6.QtCore import QObject, Qt

    deleted_in: list[int] = []
    qobject = QObject()  # no parent: Python owns it, and deletes it with its wrapper
    qobject.destroyed.connect(lambda *_: deleted_in.append(threading.get_ident()), Qt.ConnectionType.DirectConnection)
    freed = watched_cycle(qobject=qobject)
    del qobject
    make_cycles(2000)
    collector.collect_in_background()
    qtbot.waitUntil(lambda: not collector.freeing, timeout=10_000)
    assert set(Cycle.finalised_in) == {"garbage search"}  # the search and the finalisers ran on the helper
    assert freed() is None
    assert deleted_in == [threading.get_ident()]  # the Qt object died in the GUI thread
    assert gc.garbage == []
