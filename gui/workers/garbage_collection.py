"""Python's cyclic garbage collection, with everything it frees freed in the GUI thread.

Python collects in whichever thread happens to allocate when a threshold is
crossed. In this app that is mostly the worker thread, where Keras and
TensorFlow allocate the most, and a collection there can free the last
reference to a Qt object that lives in the GUI thread. Qt then deletes it
off its thread ("QObject: shared QObject was deleted directly", or a crash).
A collection on the worker also holds the GIL for as long as it takes,
which was up to 200 ms while TensorFlow was being imported: the window froze
meanwhile.

So while a window is open, automatic collection is off, and a QTimer in the
GUI thread collects by the same thresholds once a second, as pyqtgraph's
``GarbageCollector`` does. Full collections come at most every
:data:`FULL_EVERY_S` seconds; the window also collects fully after each
task, when it is idle anyway.

A full collection after a run finds the run's traced graphs: tens of
thousands of objects, and it held the GUI thread for 130 ms. So a
collection only finds the garbage and runs its finalisers
(``gc.DEBUG_SAVEALL`` keeps the collector from freeing anything), and the
one after a task does that on a helper thread, where the finalisers'
Python code shares the GIL with the GUI. The objects found come back to
the GUI thread and are emptied there a slice at a time, as the collector's
own ``tp_clear`` would, so that reference counting frees them, Qt objects
included, in the GUI thread between paints. Some cycles, through tuples
or objects with slots (TensorFlow's graph operations), survive emptying;
if some of what the search after a task found is still alive once emptied,
a real collection in the GUI thread frees them.
"""

from __future__ import annotations

import gc
import queue
import threading
import time
import types
import weakref
from collections import OrderedDict, deque
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

#: Fewest seconds between two timer-driven full (generation 2) collections.
FULL_EVERY_S = 30.0
#: How often the timer looks at the collector's counts. The worker allocates fast: checked once a
#: second, the youngest generation held tens of thousands of objects and took 20-50 ms to collect.
CHECK_EVERY_MS = 250

#: Most milliseconds of the GUI thread one event-loop turn spends freeing garbage.
SLICE_MS = 8.0
#: Objects emptied between two looks at the clock.
_BATCH = 256

#: Held while a collection saves what it finds (one at a time, in any thread).
_searching = threading.Lock()

#: Ids of the collectors that currently hold automatic collection off.
_holders: set[int] = set()
_was_enabled = True


def _hold(key: int) -> None:
    global _was_enabled
    if not _holders:
        _was_enabled = gc.isenabled()
        gc.disable()
    _holders.add(key)


def _release(key: int, *_args) -> None:
    if key not in _holders:
        return
    _holders.discard(key)
    if not _holders and _was_enabled:
        gc.enable()


def find_unreachable(generation: int = 2) -> list:
    """Collect ``generation`` without freeing: finalisers run, and the unreachable objects are returned."""
    with _searching:
        debug = gc.get_debug()
        if debug & gc.DEBUG_SAVEALL:  # someone is inspecting gc.garbage: leave it to them
            gc.collect(generation)
            return []
        kept = len(gc.garbage)
        gc.set_debug(debug | gc.DEBUG_SAVEALL)
        try:
            gc.collect(generation)
        finally:
            gc.set_debug(debug)
        found = gc.garbage[kept:]
        del gc.garbage[kept:]
        return found


def collection_is_automatic() -> bool:
    """False while a :class:`GuiThreadCollector` is running."""
    return gc.isenabled()


class GuiThreadCollector(QObject):
    """Collects garbage on a timer in the thread it lives in (the GUI thread)."""

    #: A helper thread has found garbage (see :meth:`collect_in_background`).
    found = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_EVERY_MS):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._last_full = time.monotonic()
        #: While True (TensorFlow's import), the timer does not collect: the
        #: import's objects are many and live for good, and the window
        #: freezes them out of the collector's reach instead.
        self.paused = False
        #: While True (a task runs), the timer collects the youngest generation only. The
        #: older ones then hold the task's traced graphs (a collection of them took 122 ms);
        #: the search after the task looks at them once.
        self.young_only = False
        # If the collector is deleted without stop() (its parent went away),
        # automatic collection still comes back. The partial holds an int only.
        self.destroyed.connect(partial(_release, id(self)))
        #: Found unreachable and finalised, waiting to be emptied and freed.
        self._unreachable: list = []
        self._freeing = QTimer(self)
        self._freeing.setInterval(0)
        self._freeing.timeout.connect(self.free_slice)
        self.slice_ms = SLICE_MS
        #: Event-loop turns spent freeing so far.
        self.slices = 0
        self._search: threading.Thread | None = None
        self._search_soon = QTimer(self)
        self._search_soon.setSingleShot(True)
        self._search_soon.timeout.connect(self.collect_in_background)
        self._found: queue.SimpleQueue = queue.SimpleQueue()
        #: Weak references to the garbage a search after a task found: alive once emptied, it is in a cycle emptying cannot break.
        self._watched: list[weakref.ref] = []
        #: Real collections made for such cycles (see :meth:`_free_what_emptying_left`).
        self.real_collections = 0
        self.found.connect(self._take_found)

    def start(self) -> None:
        _hold(id(self))
        self._timer.start()

    def stop(self) -> None:
        """Stop the timers and free what is waiting; automatic collection resumes once no collector runs."""
        self._timer.stop()
        self._freeing.stop()
        self._search_soon.stop()
        if self._search is not None:
            self._search.join()
        self._take_found()
        while self._unreachable:
            self._empty_batch()
        self._free_what_emptying_left()
        _release(id(self))

    @property
    def freeing(self) -> bool:
        """True while a collection is due, searching, or freeing what it found (or has yet to take from the helper)."""
        return bool(self._unreachable) or self.searching or self._search_soon.isActive() or not self._found.empty()

    @property
    def searching(self) -> bool:
        return self._search is not None and self._search.is_alive()

    def collect(self, generation: int = 2) -> None:
        """Collect ``generation`` here: find the garbage and finalise it now, free it over the next turns."""
        self._free_later(find_unreachable(generation))

    def collect_in_background(self, after_ms: int = 0) -> None:
        """A full collection whose search and finalisers run on a helper thread; the freeing stays here.

        ``after_ms`` lets the GUI finish what it has to draw first: the helper
        shares the GIL, and work in both threads at once takes twice as long
        in each.
        """
        if after_ms > 0:
            self._search_soon.start(after_ms)
            return
        if self.searching:
            return
        self._search = threading.Thread(target=self._search_for_garbage, name="garbage search", daemon=True)
        self._search.start()

    def _search_for_garbage(self) -> None:
        # Straight into the queue: no reference is left in this thread, so nothing is freed here.
        self._found.put(_with_weak_references(find_unreachable(2)))
        try:
            self.found.emit()
        except RuntimeError:  # the collector was deleted meanwhile (its window closed without stop())
            pass

    def _take_found(self) -> None:
        while not self._found.empty():
            found, watched = self._found.get()
            self._watched.extend(watched)
            self._free_later(found)

    def _free_later(self, found: list) -> None:
        self._unreachable.extend(found)
        if self._unreachable:
            self._freeing.start()

    def free_slice(self) -> None:
        """Empty waiting garbage for up to ``slice_ms`` (at least one batch), freeing what it held."""
        self.slices += 1
        deadline = time.perf_counter() + self.slice_ms / 1000
        self._empty_batch()
        while self._unreachable and time.perf_counter() < deadline:
            self._empty_batch()
        if not self._unreachable:
            self._freeing.stop()
            self._free_what_emptying_left()

    def _free_what_emptying_left(self) -> None:
        """A real collection, here in the GUI thread, if some emptied garbage is still alive (a cycle through slots).

        Only after a search after a task, when the window is idle: during a
        run the objects alive make a full collection long (140 ms). What the
        run's own collections leave is found again by that search.
        """
        watched, self._watched = self._watched, []
        if any(ref() is not None for ref in watched):
            del watched
            self.real_collections += 1
            gc.collect()

    def _empty_batch(self) -> None:
        batch = self._unreachable[-_BATCH:]
        del self._unreachable[-_BATCH:]
        for obj in batch:
            _empty(obj)

    def check(self) -> int | None:
        """Collect the oldest generation whose threshold is crossed; returns it, or None."""
        if self.paused or _searching.locked():
            return None
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return None
        generation = 0
        # During a task, and once a search after it is due: that search looks at the older generations
        # off this thread (a collection of them here, just after a run, took 120 ms).
        young_only = self.young_only or self._search_soon.isActive()
        if counts[1] > thresholds[1] and not young_only:
            generation = 1
            if counts[2] > thresholds[2] and time.monotonic() - self._last_full >= FULL_EVERY_S:
                generation = 2
                self._last_full = time.monotonic()
        self.collect(generation)
        return generation


def _with_weak_references(found: list) -> tuple[list, list[weakref.ref]]:
    """``found``, and weak references to all of it that takes them: alive once emptied, it is in a cycle emptying cannot break."""
    return found, [weakref.ref(obj) for obj in found if type(obj).__weakrefoffset__]


def _empty(obj) -> None:
    """Drop what ``obj`` holds, as the collector's ``tp_clear`` would; its finaliser has already run."""
    kind = type(obj)
    if issubclass(kind, OrderedDict):
        OrderedDict.clear(obj)
    elif issubclass(kind, dict):
        dict.clear(obj)
    elif issubclass(kind, list):
        list.clear(obj)
    elif issubclass(kind, set):
        set.clear(obj)
    elif issubclass(kind, deque):
        deque.clear(obj)
    elif kind is types.CellType:
        try:
            del obj.cell_contents
        except ValueError:  # already empty
            pass
    try:  # an instance's own attributes (a class's __dict__ is a read-only mapping)
        attributes = object.__getattribute__(obj, "__dict__")
    except (AttributeError, TypeError):
        return
    if type(attributes) is dict:
        attributes.clear()
