"""Long calls on a worker thread, reported as signals: the generic machinery (the jobs are elsewhere).

A :class:`WorkerThread` owns one long-lived QThread (started on first use)
and runs every task of its owner there, one after another: TensorFlow keeps
per-thread state, and Python keeps a record of every foreign thread that
ever called it, so a new thread per task would pile both up. Each task is a
:class:`TaskWorker`, a QObject moved to that thread whose ``run`` slot is
invoked there; its ``ended`` signal deletes it. At shutdown the thread is
asked to quit after its current task, and ``finished`` deletes it. The
engine reports through plain callables (:class:`core.progress.ProgressHooks`);
:class:`TaskWorker` turns each call into a signal, so widgets are only ever
touched by slots running in the GUI thread.

The work itself is a plain callable ``job(hooks, stop_event)``, so a test
can call :meth:`TaskWorker.run` synchronously and collect the signals. The
engine's jobs are in :mod:`gui.workers.jobs`, the batch tab's in
:mod:`gui.panels.batch_view`.

Stop is a ``threading.Event`` that the GUI sets directly (a queued signal
would wait behind the very training it is meant to stop). Once training has
begun the engine stops after the current batch and keeps the model; before
that (reading data, building the vocabulary) the worker abandons the run.
"""

from __future__ import annotations

import ctypes
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)
from shiboken6 import Shiboken

from core.errors import StudioError
from core.progress import ProgressHooks
from gui.i18n import context_tr, error_text

log = logging.getLogger(__name__)

#: What a worker runs: it reports to the hooks and honours the stop event.
Job = Callable[[ProgressHooks, threading.Event], Any]

#: Phases reported before training starts; a Stop during them abandons the run.
_CANCELLABLE_PHASES = ("loading data", "building vocabulary", "vectorising", "training", "opening model")


class Cancelled(Exception):
    """Stop was pressed before there was anything to keep."""


def raise_in_thread(ident: int, exc_type: type[BaseException]) -> bool:
    """Raise ``exc_type`` in the Python thread ``ident`` at its next bytecode (CPython's ``PyThreadState_SetAsyncExc``).

    It lands between two Python instructions, never inside a C call, so
    ``with`` blocks and ``finally`` clauses still run. True if it was set.
    """
    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    count = set_async(ctypes.c_ulong(ident), ctypes.py_object(exc_type))
    if count > 1:  # cannot happen for one id; undo rather than hit several threads
        set_async(ctypes.c_ulong(ident), None)
        return False
    return count == 1


@dataclass
class RunCounters:
    """What the worker has seen so far, readable from any thread (plain ints)."""

    batches: int = 0
    epochs: int = 0


class TaskWorker(QObject):
    """Runs one job and reports its progress as Qt signals."""

    tr = context_tr("TaskWorker")

    phase = Signal(str)
    download = Signal("qlonglong", "qlonglong")  # bytes so far, total (0 if unknown)
    reading = Signal("qlonglong", "qlonglong")  # files or bytes read, total
    train_begin = Signal(int, int)  # epochs, steps per epoch
    member = Signal(int, int, str)  # an ensemble's member index (from 1), count, preset name
    batch = Signal(int, int, int, object)  # epoch, step, steps per epoch, logs dict
    epoch = Signal(int, object)  # epoch, logs dict (loss, accuracy, val_*, seconds)
    finished = Signal(object)  # the job's result: a SentimentModel
    failed = Signal(str)  # a message fit to show the user
    cancelled = Signal()  # stopped before there was anything to keep
    ended = Signal()  # always last: after finished, failed or cancelled

    def __init__(
        self,
        job: Job,
        stop_event: threading.Event | None = None,
        batch_interval: float = 0.05,
        epoch_pause: float = 0.0,
    ):
        super().__init__()
        self.job = job
        self.stop_event = stop_event or threading.Event()
        self.batch_interval = batch_interval
        #: After each ``epoch`` signal, wait up to this many seconds for
        #: :attr:`epoch_shown`. The GUI sets it once the epoch is drawn: the
        #: draw then has the GIL to itself instead of sharing it with Keras's
        #: Python between epochs.
        self.epoch_pause = epoch_pause
        self.epoch_shown = threading.Event()
        #: Before the job starts, wait up to :attr:`start_pause` seconds for
        #: this: the GUI sets it once it has drawn what the click changed, so
        #: that draw does not share the GIL with the job's first seconds.
        self.shown = threading.Event()
        self.start_pause = 0.0
        self.counters = RunCounters()
        #: The id of the thread the job ran on, once it has started.
        self.ran_on: int | None = None
        #: The last phase the job reported.
        self.phase_name = ""

    def hooks(self) -> ProgressHooks:
        """Engine callbacks that emit this worker's signals."""
        return ProgressHooks(
            phase=self._on_phase,
            download=self._on_download,
            reading=self._on_reading,
            train_begin=self.train_begin.emit,
            batch_end=self._on_batch,
            epoch_end=self._on_epoch,
            encoding=self._on_encoding,
            member=self.member.emit,
            batch_interval=self.batch_interval,
        )

    @Slot()
    def run(self) -> None:
        """Run the job; exactly one of finished/failed/cancelled, then ended."""
        self.ran_on = threading.get_ident()
        if self.start_pause > 0 and not self.stop_event.is_set():
            self.shown.wait(self.start_pause)
        try:
            result = self.job(self.hooks(), self.stop_event)
        except Cancelled:
            self.cancelled.emit()
        except StudioError as exc:
            self.failed.emit(error_text(exc))
        except MemoryError:
            self.failed.emit(self.tr("Out of memory. Lower the vocabulary size, sequence length or batch size and try again."))
        except Exception as exc:  # noqa: BLE001 - a bug must not take the app down with it
            log.error("Unexpected error in the worker:\n%s", traceback.format_exc())
            self.failed.emit(self.tr("Unexpected error ({kind}): {reason}").format(kind=type(exc).__name__, reason=exc))
        else:
            self.finished.emit(result)
        finally:
            self.ended.emit()

    # --- hooks (run in the worker thread) ---------------------------------

    def _check_stop(self) -> None:
        if self.stop_event.is_set():
            raise Cancelled()

    def interrupt_first_batch(self) -> bool:
        """End the job now if it is still in its first training batch; True if it was told to.

        The first batch traces the training step in Python: a second or more,
        with no batch end at which a Stop could be seen. When the window
        closes that is too long to wait for a model with nothing learnt, so
        :class:`Cancelled` is raised in the job's thread (it is abandoned;
        nothing is kept). Later batches end within milliseconds: a Stop waits
        for them and keeps the model.
        """
        if self.ran_on is None or self.phase_name != "training" or self.counters.batches:
            return False
        return raise_in_thread(self.ran_on, Cancelled)

    def _on_phase(self, name: str) -> None:
        self.phase_name = name
        if name in _CANCELLABLE_PHASES:
            self._check_stop()
        self.phase.emit(name)

    def _on_download(self, done: int, total: int) -> None:
        self._check_stop()
        self.download.emit(int(done), int(total))

    def _on_reading(self, done: int, total: int) -> None:
        self._check_stop()
        self.reading.emit(int(done), int(total))

    def _on_encoding(self, done: int, total: int) -> None:
        self._check_stop()  # a Stop while the vocabulary is built is seen after the next chunk

    def _on_batch(self, epoch: int, step: int, steps: int, logs: dict) -> None:
        self.counters.batches += 1
        self.batch.emit(epoch, step, steps, _plain(logs))

    def _on_epoch(self, epoch: int, logs: dict) -> None:
        self.counters.epochs += 1
        self.epoch_shown.clear()
        self.epoch.emit(epoch, _plain(logs))
        if self.epoch_pause > 0 and not self.stop_event.is_set():
            self.epoch_shown.wait(self.epoch_pause)


def _plain(logs: dict) -> dict[str, float]:
    """Logs as plain floats (Keras may hand numpy or tensor scalars)."""
    out = {}
    for key, value in (logs or {}).items():
        try:
            out[str(key)] = float(value)
        except (TypeError, ValueError):
            continue
    return out


class _LoopThread(QThread):
    """A QThread whose event loop runs inside one Python call.

    Qt's own ``run`` calls Python only for each slot, and PySide gives every
    such call a fresh Python thread state, deleted when it returns. pybind11
    (TensorFlow's bindings) remembers the thread state of the thread that
    first imported it, here this one; with a per-call state that memory
    dangles from the next task on, and the first exception that crosses
    pybind11 waits for the GIL this very thread holds: a hang. Running the
    loop from Python keeps one thread state for the thread's whole life.
    """

    def run(self) -> None:
        self.exec()


class WorkerThread(QObject):
    """One long-lived QThread on which :class:`TaskWorker` s run, one after another.

    The owner keeps the running worker until its ``ended`` signal; a worker
    started while another runs waits its turn. :meth:`shutdown` (the owner
    is closing, or the application quits) lets the current task end, quits
    the thread and waits for it.
    """

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.thread: QThread | None = None
        #: Workers whose C++ object still lives (see :meth:`start`).
        self._alive: list[TaskWorker] = []
        app = QCoreApplication.instance()
        if app is not None:
            # A window destroyed without closing must not destroy a running QThread (Qt aborts).
            app.aboutToQuit.connect(self.shutdown)

    def start(self, worker: TaskWorker) -> None:
        """Run ``worker`` on the thread; the caller connects its slots first."""
        if self.thread is None:
            self.thread = _LoopThread(self)
            self.thread.setObjectName(self.name)
            self.thread.finished.connect(self.thread.deleteLater)
            self.thread.start()
        worker.moveToThread(self.thread)
        # One delete path only: deleteLater, on the worker's thread. A worker
        # made in Python belongs to its Python object, and the last reference
        # going away (the owner's, at ``ended``, or a collection) would delete
        # it from the GUI thread while its deleteLater is still on the way: a
        # double delete, a segfault in ~QObject. So a reference is kept here
        # until the object is gone.
        self._alive.append(worker)
        worker.destroyed.connect(self._forget_deleted)
        worker.ended.connect(worker.deleteLater)
        QMetaObject.invokeMethod(worker, "run", Qt.ConnectionType.QueuedConnection)

    def _forget_deleted(self) -> None:
        """Drop the workers whose C++ object is gone (queued from their ``destroyed``)."""
        self._alive = [worker for worker in self._alive if Shiboken.isValid(worker)]

    def is_running(self) -> bool:
        return self.thread is not None

    def shutdown(self, wait_ms: int = 3000) -> bool:
        """Quit once the current task has ended and wait up to ``wait_ms``; True if the thread has ended.

        The caller sets the task's stop event first. On False the thread is
        still quitting; call again later.
        """
        if self.thread is None:
            return True
        self.thread.quit()
        if not self.thread.wait(QDeadlineTimer(wait_ms)):
            return False
        self.thread = None  # deleted by its finished signal
        return True
