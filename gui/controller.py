"""The task controller: runs the window's tasks one at a time and says what happens, touching no widget.

:class:`TaskController` owns what a task needs beyond the panels: the
:class:`~gui.workers.engine_link.EngineLink` (the worker thread and the stop
event), the running task (:mod:`gui.tasks`), the current model and its run,
the last corpus read (reused by Evaluate), the run list's keeping of finished
tasks, the background import of TensorFlow and the garbage collection in the
GUI thread. Panels learn everything through its signals, all emitted in the
GUI thread; the window decides what they show.

Its link to the engine is narrow: a task's plain request goes in, and plain
messages come back (:mod:`gui.workers.messages` lists them and their order):

- progress: ``Phase``, ``Download``, ``Reading``, ``TrainBegin``, ``Batch``,
  ``Epoch``, re-emitted as :attr:`TaskController.phase` ... :attr:`TaskController.epoch`;
- the outcome: ``Finished`` (the model and the corpus as handles, the run
  list's copy as a path), ``Failed`` (a message) or ``Abandoned``, re-emitted
  as :attr:`finished`, :attr:`failed` or :attr:`abandoned`;
- ``Ended``, re-emitted as :attr:`ended` once the controller is idle again.

So the engine can move to its own process (another link with the same
methods and signal) without a change here or in the panels.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from gui.run_store import Run, RunStore
from gui.tasks import CombineTask, EvaluateTask, ExportTask, OpenTask, Task, TrainTask
from gui.workers.engine_link import EngineLink
from gui.workers.garbage_collection import GuiThreadCollector
from gui.workers.messages import Abandoned, Batch, Download, Ended, Epoch, Failed, Finished, Handle, Member, Phase, Reading, TrainBegin

#: After a task ends, how long the window gets to draw its results before the garbage search starts.
COLLECT_AFTER_TASK_MS = 500


class TaskController(QObject):
    """One task at a time on the engine; its progress and outcome as signals (GUI thread)."""

    #: A task was started: the task. The controller is busy until :attr:`ended`.
    started = Signal(object)
    #: The task's phase: "loading data", "building vocabulary", ..., "done".
    phase = Signal(str)
    download = Signal("qlonglong", "qlonglong")  # bytes so far, total (0 if unknown)
    reading = Signal("qlonglong", "qlonglong")  # files or bytes read, total
    train_begin = Signal(int, int)  # epochs, steps per epoch
    member = Signal(int, int, str)  # an ensemble's run: member index (from 1), count, preset name; its epochs follow
    batch = Signal(int, int, int, object)  # epoch, step, steps per epoch, logs (str -> float)
    epoch = Signal(int, object)  # epoch, logs (str -> float); call epoch_ack()() once it is drawn
    #: The task's model is now the current one, and its run is kept: task, model,
    #: and why the run's file could not be kept ("" if it was).
    finished = Signal(object, object, str)
    #: The task failed and nothing changed: task, a message fit to show.
    failed = Signal(object, str)
    #: The task was stopped before it produced anything; nothing changed: task.
    abandoned = Signal(object)
    #: The task has ended and the controller is idle again: task, seconds it took.
    ended = Signal(object, float)
    #: A model became current (trained, opened or evaluated).
    model_changed = Signal(object)
    #: TensorFlow's background import (:meth:`preload`) has ended.
    engine_ready = Signal()

    def __init__(self, runs: RunStore, parent: QObject | None = None):
        super().__init__(parent)
        self.runs = runs
        self.link = EngineLink(self)
        self.link.received.connect(self._on_message)
        self.link.preloaded.connect(self._on_preloaded)
        #: Garbage is collected here, in the GUI thread, never on a worker (see gui.workers.garbage_collection).
        self.collector = GuiThreadCollector(self)
        self.collector.start()
        self.task: Task | None = None  # while it runs, until ended
        self.model = None  # core.models.sentiment_model.SentimentModel, once there is one
        self.current_run: Run | None = None  # the run of the current model
        self.corpus = None  # the last corpus read, reused by Evaluate
        self.corpus_key: tuple | None = None  # the data choice it was read for
        self._started = 0.0
        self._closed = False
        #: TensorFlow has been imported by :meth:`preload` (or it was tried and failed: a run will say why).
        self.engine_loaded = False
        self._handlers: dict[type, Callable] = {
            Phase: lambda m: self.phase.emit(m.name),
            Download: lambda m: self.download.emit(m.done, m.total),
            Reading: lambda m: self.reading.emit(m.done, m.total),
            TrainBegin: lambda m: self.train_begin.emit(m.epochs, m.steps),
            Member: lambda m: self.member.emit(m.index, m.count, m.name),
            Batch: lambda m: self.batch.emit(m.epoch, m.step, m.steps, m.logs),
            Epoch: self._on_epoch,
            Finished: self._on_finished,
            Failed: lambda m: self.failed.emit(self.task, m.message),
            Abandoned: lambda m: self.abandoned.emit(self.task),
            Ended: self._on_ended,
        }

    # --- running -------------------------------------------------------------

    def is_busy(self) -> bool:
        return self.link.is_busy()

    def start(self, task: Task) -> bool:
        """Run ``task``; False if another one runs."""
        if self.is_busy():
            return False
        started = time.monotonic()
        self.link.submit(task.request, wait_for_draw=task.waits_for_draw)
        self.task, self._started = task, started
        self.collector.young_only = True
        self.started.emit(task)
        return True

    def train(self, config, source: str | None, options, data_key: tuple, read) -> bool:
        """Train a new model on ``read`` (a corpus, or the data panel's read of it); its copy goes to the run list."""
        if self.is_busy():
            return False
        return self.start(TrainTask.of(config, source, options, self.share(read), self.runs.new_model_file(), data_key))

    def evaluate(self, source: str | None, options, data_key: tuple, read: Callable[[], object] | None) -> bool:
        """Compute the current model's test metrics: on the last corpus if it was read for ``data_key``,
        else on what ``read()`` gives (None: ``source`` is read, the model's own data)."""
        if self.is_busy() or self.model is None:
            return False
        corpus = None if read is None else self.cached_corpus(data_key)
        if corpus is None and read is not None:
            corpus = read()
        return self.start(EvaluateTask.of(self.share(self.model), source, options, self.share(corpus), data_key))

    def open(self, path) -> bool:
        """Load the model file at ``path``."""
        return self.start(OpenTask.of(path))

    def combine(self, runs: list) -> bool:
        """Combine the models of ``runs`` (two or more, each with its file) into an ensemble: a new run."""
        paths = [self.runs.model_path(run) for run in runs]
        if self.is_busy() or len(runs) < 2 or None in paths:
            return False
        return self.start(CombineTask.of(runs, paths, self.runs.new_model_file()))
    def export_for_serving(self, out) -> bool:
        """Write the current model as a SavedModel into the new or empty folder ``out``, on the worker."""
        if self.is_busy() or self.model is None:
            return False
        return self.start(ExportTask.of(self.share(self.model), out))

    def stop(self) -> bool:
        """Stop the task after the current batch; False if it cannot be stopped."""
        if self.task is None or not self.task.stoppable or not self.is_busy():
            return False
        self.link.stop()
        return True

    def share(self, thing) -> Handle | None:
        """A handle for a request to carry (the current model, a corpus or the data panel's read)."""
        return self.link.share(thing)

    def cached_corpus(self, key: tuple):
        """The last corpus read, if it was read for the data choice ``key``; else None."""
        return self.corpus if self.corpus is not None and self.corpus_key == key else None

    def start_ack(self) -> Callable[[], None]:
        """What to call once the started task's first change is drawn: its job then starts (it waits a moment for that)."""
        return self.link.start_ack()

    def epoch_ack(self) -> Callable[[], None]:
        """What to call once the last epoch is drawn: the run goes on at once (it waits a moment for that)."""
        return self.link.epoch_ack()

    # --- closing and start-up -------------------------------------------------

    def abandon(self, keep: bool = False) -> None:
        """The window is closing: stop whatever runs. ``keep``: a training keeps the model trained so far
        as a run (call :meth:`keep_what_ended` once the worker has ended); else nobody sees its result."""
        self.link.stop(discard=not keep)
        self.link.interrupt()  # a first batch still tracing has nothing to keep: it ends now, not in seconds

    def keep_what_ended(self) -> None:
        """The worker has ended while the window closes: handle its outcome now (a stopped training's run
        is kept), not in an event loop that may never run again."""
        self.link.deliver_pending()

    def shutdown(self, wait_ms: int) -> bool:
        """End the worker thread once its task has ended (:meth:`abandon` first), within ``wait_ms``; True once ended."""
        return self.link.shutdown(wait_ms)

    def close(self) -> None:
        """The window has closed: no more background work; collection is automatic again."""
        self._closed = True
        self.collector.stop()

    def preload(self) -> None:
        """Import TensorFlow on the worker thread while nothing runs (see ``gui.workers.jobs.preload_engine``)."""
        if self._closed or self.is_busy() or self.link.is_preloading() or self.engine_loaded:
            return
        self.collector.paused = True
        self.link.preload()

    @Slot()
    def _on_preloaded(self) -> None:
        # What the import made lives for good: freeze it out of the collector's
        # reach rather than collect (a full collection here took 220 ms).
        gc.freeze()
        self.collector.paused = False
        self.engine_loaded = True
        self.engine_ready.emit()

    # --- messages --------------------------------------------------------------

    @Slot(object)
    def _on_message(self, message) -> None:
        self._handlers[type(message)](message)

    def _on_epoch(self, message: Epoch) -> None:
        self.epoch.emit(message.epoch, message.logs)

    def _on_finished(self, message: Finished) -> None:
        task = self.task
        self.model = model = self.link.take(message.model)
        corpus = self.link.take(message.corpus)
        if corpus is not None:
            self.corpus, self.corpus_key = corpus, task.data_key
        self.current_run, error = task.keep(self.runs, self.current_run, model, message)
        self.finished.emit(task, model, error or "")
        self.model_changed.emit(model)

    def _on_ended(self, message: Ended) -> None:
        task, self.task = self.task, None
        self.collector.young_only = False
        # A run leaves Keras models, traced functions and tf.data pipelines in
        # reference cycles, and with them TensorFlow's native thread pools (four
        # tf_Compute threads and two more per run); only the cyclic collector
        # frees them. Collect once the results are drawn: the search on a helper
        # thread, the freeing in the GUI thread (where Qt objects may die).
        self.collector.collect_in_background(after_ms=COLLECT_AFTER_TASK_MS)
        self.ended.emit(task, time.monotonic() - self._started)
