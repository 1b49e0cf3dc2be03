"""The Qt worker driven directly: its run() called in this thread, its signals collected.

Connections from a signal to a plain callable in the same thread are
direct, so every emitted signal lands in the lists before run() returns.
Real trainings on the small corpus; no part of our code is replaced.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QThread, Slot

from gui.workers.jobs import EvaluateJob, OpenJob, TrainJob
from gui.workers.worker_thread import TaskWorker, WorkerThread

SIGNALS = ("phase", "download", "reading", "train_begin", "batch", "epoch", "finished", "failed", "cancelled", "ended")


def collect(worker: TaskWorker) -> dict[str, list]:
    """Every signal of ``worker`` as a list of argument tuples."""
    seen: dict[str, list] = {name: [] for name in SIGNALS}
    for name in SIGNALS:
        getattr(worker, name).connect(lambda *args, _name=name: seen[_name].append(args))
    return seen


def test_training_reports_every_phase_batch_and_epoch(qapp, small_corpus_dir, tiny_config):
    worker = TaskWorker(TrainJob(str(small_corpus_dir), tiny_config), batch_interval=0.0)
    seen = collect(worker)
    worker.run()

    assert seen["failed"] == [] and seen["cancelled"] == []
    assert len(seen["finished"]) == 1 and len(seen["ended"]) == 1
    model = seen["finished"][0][0]
    assert [p for (p,) in seen["phase"]] == ["loading data", "building vocabulary", "vectorising", "training", "evaluating", "done"]
    assert seen["reading"] and seen["reading"][-1][0] == seen["reading"][-1][1]  # reading ends complete
    (epochs, steps), = seen["train_begin"]
    assert epochs == 2 and steps == 5  # 48 train reviews, 20% held out, batches of 8
    assert len(seen["batch"]) == epochs * steps == worker.counters.batches
    assert [(e, s) for e, s, _, _ in seen["batch"]][:steps] == [(1, s) for s in range(1, steps + 1)]
    assert all(isinstance(logs["loss"], float) for *_, logs in seen["batch"])
    # One epoch signal per finished epoch, carrying exactly the values of the history.
    assert [e for e, _ in seen["epoch"]] == [1, 2]
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        assert [logs[key] for _, logs in seen["epoch"]] == model.history[key]
    assert model.test_metrics is not None and model.test_metrics["count"] == 16
    assert 0.0 <= float(model.predict(["a wonderful film"])[0]) <= 1.0


def test_stop_during_training_keeps_the_model_without_metrics(qapp, small_corpus_dir, tiny_config):
    worker = TaskWorker(TrainJob(str(small_corpus_dir), tiny_config.replace(epochs=20)), batch_interval=0.0)
    seen = collect(worker)
    stop_at: list[int] = []

    def stop_in_epoch_two(epoch, step, steps, logs):
        if epoch == 2 and not stop_at:
            stop_at.append(worker.counters.batches)
            worker.stop_event.set()  # what the Stop button does

    worker.batch.connect(stop_in_epoch_two)
    worker.run()

    assert seen["failed"] == [] and len(seen["finished"]) == 1
    model = seen["finished"][0][0]
    assert worker.counters.batches - stop_at[0] <= 1  # stopped after the batch it was in
    assert model.training["stopped"] is True and model.training["epochs_done"] == 1
    assert len(model.history["loss"]) == 1 and len(seen["epoch"]) == 1
    assert model.test_metrics is None  # the test set was not evaluated after a Stop
    assert "evaluating" not in [p for (p,) in seen["phase"]]

    # The stopped model can still be evaluated (what the Evaluate button runs).
    evaluator = TaskWorker(EvaluateJob(model, str(small_corpus_dir)))
    evaluated = collect(evaluator)
    evaluator.run()
    assert evaluated["failed"] == [] and evaluated["finished"][0][0] is model
    assert model.test_metrics["count"] == 16


def test_stop_before_training_abandons_the_run(qapp, small_corpus_dir, tiny_config):
    stop = threading.Event()
    stop.set()
    worker = TaskWorker(TrainJob(str(small_corpus_dir), tiny_config), stop)
    seen = collect(worker)
    worker.run()
    assert seen["cancelled"] == [()] and seen["finished"] == [] and seen["failed"] == []
    assert seen["ended"] == [()]
    assert seen["batch"] == [] and seen["train_begin"] == []


def test_missing_data_is_reported_as_a_message(qapp, tmp_path, tiny_config):
    missing = tmp_path / "no-such-folder"
    worker = TaskWorker(TrainJob(str(missing), tiny_config))
    seen = collect(worker)
    worker.run()
    assert seen["finished"] == [] and seen["ended"] == [()]
    (message,), = seen["failed"]
    assert str(missing) in message and "does not exist" in message


def test_an_unexpected_exception_becomes_a_message_not_a_crash(qapp):
    def broken_job(hooks, stop):
        hooks.phase("loading data")
        raise RuntimeError("disk on fire")

    worker = TaskWorker(broken_job)
    seen = collect(worker)
    worker.run()
    assert seen["failed"] == [("Unexpected error (RuntimeError): disk on fire",)]
    assert seen["ended"] == [()]


def test_after_each_epoch_the_worker_waits_until_the_gui_has_shown_it(qapp):
    """The chart's draw then has the GIL to itself (TaskWorker.epoch_pause)."""
    went_on = threading.Event()

    def job(hooks, stop):
        hooks.epoch_end(1, {"loss": 0.5})
        went_on.set()

    worker = TaskWorker(job, epoch_pause=60.0)
    runner = threading.Thread(target=worker.run)
    runner.start()
    assert not went_on.wait(0.5)  # waiting for the GUI
    worker.epoch_shown.set()  # what the window does once the chart has drawn the epoch
    assert went_on.wait(10)
    runner.join(10)


def test_the_wait_after_an_epoch_ends_at_its_limit_or_at_once_after_stop(qapp):
    def job(hooks, stop):
        hooks.epoch_end(1, {"loss": 0.5})

    nobody_draws = TaskWorker(job, epoch_pause=0.2)  # no GUI ever sets epoch_shown
    seen = collect(nobody_draws)
    nobody_draws.run()
    assert len(seen["finished"]) == 1 and seen["epoch"] == [(1, {"loss": 0.5})]

    stop = threading.Event()
    stop.set()
    stopped = TaskWorker(job, stop, epoch_pause=600.0)
    seen = collect(stopped)
    stopped.run()  # returns without waiting ten minutes
    assert len(seen["finished"]) == 1


def test_opening_a_damaged_file_fails_with_the_engines_message(qapp, tmp_path):
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"not a zip at all")
    worker = TaskWorker(OpenJob(bad))
    seen = collect(worker)
    worker.run()
    (message,), = seen["failed"]
    assert "bad.keras" in message and "not a .keras model file" in message


class Receiver(QObject):
    """Lives in the GUI thread, so signals from the worker's thread are queued to it."""

    def __init__(self):
        super().__init__()
        self.epochs: list[int] = []
        self.results: list = []
        self.threads: set = set()

    @Slot(int, object)
    def on_epoch(self, epoch, logs):
        self.threads.add(QThread.currentThread())
        self.epochs.append(epoch)

    @Slot(object)
    def on_finished(self, result):
        self.threads.add(QThread.currentThread())
        self.results.append(result)


def test_tasks_run_one_after_another_on_one_thread_and_report_to_the_gui_thread(qtbot, small_corpus_dir, tiny_config):
    runner = WorkerThread("test-worker")
    receiver = Receiver()
    ran_on: list[int] = []

    def recording(job):
        def run(hooks, stop):
            ran_on.append(threading.get_ident())
            return job(hooks, stop)

        return run

    workers = [TaskWorker(recording(TrainJob(str(small_corpus_dir), tiny_config.replace(epochs=1)))) for _ in range(2)]
    for worker in workers:
        worker.epoch.connect(receiver.on_epoch)
        worker.finished.connect(receiver.on_finished)
        runner.start(worker)  # the second waits for the first
    thread = runner.thread
    qtbot.waitUntil(lambda: len(receiver.results) == 2, timeout=60_000)
    assert [r.training["epochs_done"] for r in receiver.results] == [1, 1] and receiver.epochs == [1, 1]
    assert receiver.threads == {QThread.currentThread()}  # slots ran in the GUI thread
    assert len(set(ran_on)) == 1 and ran_on[0] != threading.get_ident()  # both on the one worker thread
    assert thread.isRunning()  # long-lived: it waits for the next task

    assert runner.shutdown(3_000)
    assert thread.isFinished() and runner.thread is None


def test_a_worker_is_deleted_on_its_own_thread_even_when_the_gui_drops_it_first(qtbot):
    """One delete path: the worker's deleteLater on the worker thread.

    The owner drops its reference (and collects) as soon as ``ended`` reaches
    the GUI thread, often before the worker thread has run the deleteLater.
    If that last reference deleted the C++ object from the GUI thread, the two
    deletes could race: a segfault in ~QObject on the worker thread, seen in
    the test suite. Here the worker thread is held busy by a second task, so
    the drop surely comes first.
    """
    import gc

    runner = WorkerThread("test-delete")
    receiver = Receiver()
    queued, release = threading.Event(), threading.Event()
    deleted_on: list[int] = []
    # The first task ends only once the second is queued behind it, so the
    # first's deleteLater waits behind the second, which waits for release.
    first = TaskWorker(lambda hooks, stop: queued.wait(10) and "first")
    second = TaskWorker(lambda hooks, stop: release.wait(10) and "second")
    first.destroyed.connect(lambda *_: deleted_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection)
    try:
        for worker in (first, second):
            worker.finished.connect(receiver.on_finished)
            runner.start(worker)
        queued.set()
        qtbot.waitUntil(lambda: receiver.results == ["first"], timeout=10_000)
        del first, worker
        gc.collect()  # as the window does when a task ends
        assert deleted_on == []  # not from here: its thread has not reached the deleteLater yet
        release.set()
        qtbot.waitUntil(lambda: receiver.results == ["first", "second"], timeout=10_000)
        qtbot.waitUntil(lambda: len(deleted_on) == 1, timeout=5_000)
        assert deleted_on[0] != threading.get_ident()  # on the worker thread
    finally:
        queued.set()
        release.set()
        assert runner.shutdown(5_000)
