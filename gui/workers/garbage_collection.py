"""Python's cyclic garbage collection, run in the GUI thread only.

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
"""

from __future__ import annotations

import gc
import time
from functools import partial

from PySide6.QtCore import QObject, QTimer

#: Fewest seconds between two timer-driven full (generation 2) collections.
FULL_EVERY_S = 30.0

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


def collection_is_automatic() -> bool:
    """False while a :class:`GuiThreadCollector` is running."""
    return gc.isenabled()


class GuiThreadCollector(QObject):
    """Collects garbage on a timer in the thread it lives in (the GUI thread)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 1000):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._last_full = time.monotonic()
        #: While True (TensorFlow's import), the timer does not collect: the
        #: import's objects are many and live for good, and the window
        #: freezes them out of the collector's reach instead.
        self.paused = False
        # If the collector is deleted without stop() (its parent went away),
        # automatic collection still comes back. The partial holds an int only.
        self.destroyed.connect(partial(_release, id(self)))

    def start(self) -> None:
        _hold(id(self))
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer; automatic collection resumes once no collector runs."""
        self._timer.stop()
        _release(id(self))

    def check(self) -> int | None:
        """Collect the oldest generation whose threshold is crossed; returns it, or None."""
        if self.paused:
            return None
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return None
        generation = 0
        if counts[1] > thresholds[1]:
            generation = 1
            if counts[2] > thresholds[2] and time.monotonic() - self._last_full >= FULL_EVERY_S:
                generation = 2
                self._last_full = time.monotonic()
        gc.collect(generation)
        return generation
