"""The controller's one way to the engine: a request goes in, plain messages come out.

:class:`EngineLink` runs each request as a job (:mod:`gui.workers.jobs`) on
one long-lived worker thread (:class:`~gui.workers.worker_thread.WorkerThread`)
and relays what the job reports as the plain values of
:mod:`gui.workers.messages`, through its one ``received`` signal, in the GUI
thread. The engine's objects (a model, a corpus) stay behind
:class:`~gui.workers.messages.Handle` s until someone ``take`` s them.

This is the in-process link. An engine in its own process would offer the
same methods and the same signal: requests and messages are picklable, and
``take`` would hand over a proxy where this one hands over the object.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from gui.workers.jobs import JOBS, EngineJob, preload_engine
from gui.workers.messages import Abandoned, Batch, Download, Ended, Epoch, Failed, Handle, Member, Phase, Reading, TrainBegin
from gui.workers.worker_thread import TaskWorker, WorkerThread

#: How long the worker waits, after each epoch, for the chart to draw it
#: (:attr:`TaskWorker.epoch_pause`): a draw takes about 50 ms alone.
EPOCH_DRAW_PAUSE_S = 0.25


#: How long a request waits, before it starts, for the GUI to draw what the click
#: changed (:meth:`EngineLink.start_ack`); the draw, alone, takes about 100 ms.
START_DRAW_PAUSE_S = 0.3


class EngineLink(QObject):
    """Runs one request at a time and reports it as messages; see :mod:`gui.workers.messages`."""

    #: A message of the running request (GUI thread); :class:`Ended` comes last.
    received = Signal(object)
    #: The background import of TensorFlow has ended (see :meth:`preload`).
    preloaded = Signal()

    def __init__(self, parent: QObject | None = None, batch_interval: float = 0.05, epoch_pause: float = EPOCH_DRAW_PAUSE_S):
        super().__init__(parent)
        #: Runs every job (TensorFlow always sees the same thread); started on first use.
        self.worker_thread = WorkerThread("studio-worker", self)
        self.worker: TaskWorker | None = None  # the running request's worker
        self.stop_event = threading.Event()
        #: Seconds between per-batch progress messages (<= 20 a second by default).
        self.batch_interval = batch_interval
        self.epoch_pause = epoch_pause
        #: How long a request waits, before it starts, for :meth:`start_ack` (the click's own draw).
        self.start_pause = START_DRAW_PAUSE_S
        self._job: EngineJob | Callable | None = None
        self._discard = threading.Event()
        self._preload_worker: TaskWorker | None = None
        #: The id of the thread the last request ran on, once it has ended.
        self.job_thread: int | None = None
        #: The id of the thread that imported TensorFlow (see :meth:`preload`), once it has.
        self.preload_thread: int | None = None
        self._objects: dict[int, object] = {}
        self._keys = itertools.count(1)
        self._lock = threading.Lock()

    # --- requests ------------------------------------------------------------

    def submit(self, request, wait_for_draw: bool = False) -> None:
        """Run ``request`` after any running one; a plain ``job(hooks, stop)`` callable also runs, in this process only.

        ``wait_for_draw``: the job starts once :meth:`start_ack` is called, or after :attr:`start_pause`.
        """
        self.stop_event, self._discard = threading.Event(), threading.Event()
        builder = JOBS.get(type(request))
        self._job = builder.from_request(request, self.take, self._discard) if builder is not None else request
        worker = TaskWorker(self._job, self.stop_event, batch_interval=self.batch_interval, epoch_pause=self.epoch_pause)
        worker.start_pause = self.start_pause if wait_for_draw else 0.0
        worker.phase.connect(self._on_phase)
        worker.download.connect(self._on_download)
        worker.reading.connect(self._on_reading)
        worker.train_begin.connect(self._on_train_begin)
        worker.member.connect(self._on_member)
        worker.batch.connect(self._on_batch)
        worker.epoch.connect(self._on_epoch)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        worker.ended.connect(self._on_ended)
        self.worker = worker
        self.worker_thread.start(worker)

    def is_busy(self) -> bool:
        return self.worker is not None

    def stop(self, discard: bool = False) -> None:
        """Stop after the current batch (the event is set at once, not queued behind the work).

        ``discard``: nobody will see the result (the window is closing).
        """
        if discard:
            self._discard.set()
        self.stop_event.set()

    def interrupt(self) -> bool:
        """After :meth:`stop`: end at once a training still in its first batch (see ``TaskWorker.interrupt_first_batch``)."""
        worker = self.worker
        return worker is not None and worker.interrupt_first_batch()

    def start_ack(self) -> Callable[[], None]:
        """What to call once the GUI has drawn what starting the request changed: the job starts at once."""
        worker = self.worker
        return worker.shown.set if worker is not None else (lambda: None)

    def epoch_ack(self) -> Callable[[], None]:
        """What to call once the last epoch is drawn: lets the running job go on at once."""
        worker = self.worker
        return worker.epoch_shown.set if worker is not None else (lambda: None)

    def preload(self) -> bool:
        """Import TensorFlow on the worker thread while nothing runs; False if it cannot start now."""
        if self.is_busy() or self._preload_worker is not None:
            return False
        worker = TaskWorker(preload_engine)
        worker.finished.connect(self._on_preload_finished)
        worker.ended.connect(self._on_preload_ended)
        self._preload_worker = worker
        self.worker_thread.start(worker)
        return True

    def is_preloading(self) -> bool:
        return self._preload_worker is not None

    def deliver_pending(self) -> None:
        """Relay, now, the messages an ended worker left queued for this link."""
        QCoreApplication.sendPostedEvents(self)

    def shutdown(self, wait_ms: int) -> bool:
        """End the worker thread once its job has ended, waiting up to ``wait_ms``; True if it has ended.

        Call :meth:`stop` first. Once True, the link is idle; the ended job's
        queued messages still arrive, harmlessly.
        """
        if not self.worker_thread.shutdown(wait_ms):
            return False
        self.worker = None
        return True

    # --- handles -------------------------------------------------------------

    def share(self, thing) -> Handle | None:
        """A handle a request can carry for ``thing`` (None for None)."""
        if thing is None:
            return None
        with self._lock:
            handle = Handle(next(self._keys))
            self._objects[handle.key] = thing
        return handle

    def held(self) -> int:
        """How many objects wait to be taken (none once every message has been handled)."""
        with self._lock:
            return len(self._objects)

    def take(self, handle: Handle | None):
        """The object ``handle`` names, handed over (a handle is taken once); None for None."""
        if handle is None:
            return None
        with self._lock:
            return self._objects.pop(handle.key)

    # --- the worker's signals, in the GUI thread -------------------------------

    @Slot(str)
    def _on_phase(self, name: str) -> None:
        self.received.emit(Phase(name))

    @Slot("qlonglong", "qlonglong")
    def _on_download(self, done: int, total: int) -> None:
        self.received.emit(Download(done, total))

    @Slot("qlonglong", "qlonglong")
    def _on_reading(self, done: int, total: int) -> None:
        self.received.emit(Reading(done, total))

    @Slot(int, int)
    def _on_train_begin(self, epochs: int, steps: int) -> None:
        self.received.emit(TrainBegin(epochs, steps))

    @Slot(int, int, str)
    def _on_member(self, index: int, count: int, name: str) -> None:
        self.received.emit(Member(index, count, name))

    @Slot(int, int, int, object)
    def _on_batch(self, epoch: int, step: int, steps: int, logs: dict) -> None:
        self.received.emit(Batch(epoch, step, steps, logs))

    @Slot(int, object)
    def _on_epoch(self, epoch: int, logs: dict) -> None:
        self.received.emit(Epoch(epoch, logs))

    @Slot(object)
    def _on_finished(self, model) -> None:
        job = self._job
        self.received.emit(job.finished(model, self.share) if isinstance(job, EngineJob) else EngineJob().finished(model, self.share))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.received.emit(Failed(message))

    @Slot()
    def _on_cancelled(self) -> None:
        self.received.emit(Abandoned())

    @Slot()
    def _on_ended(self) -> None:
        self.job_thread = self.worker.ran_on if self.worker is not None else None
        self.worker = None
        self._job = None
        self.received.emit(Ended())

    @Slot(object)
    def _on_preload_finished(self, thread_id) -> None:
        self.preload_thread = thread_id

    @Slot()
    def _on_preload_ended(self) -> None:
        self._preload_worker = None
        self.preloaded.emit()
