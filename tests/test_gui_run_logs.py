"""The app's runs write TensorBoard logs beside their model, from the worker, and Delete removes them."""

from __future__ import annotations

from core.training.run_logs import has_logs, run_log_dir
from gui.run_store import RunStore
from gui.workers.jobs import TrainJob
from gui.workers.worker_thread import TaskWorker


def test_a_run_of_the_app_logs_beside_its_model_and_delete_removes_both(qapp, tmp_path, small_corpus_dir, tiny_config):
    store = RunStore(tmp_path)
    keep_as = store.new_model_file()
    job = TrainJob(str(small_corpus_dir), tiny_config, keep_as=keep_as)
    finished = []
    worker = TaskWorker(job)
    worker.finished.connect(finished.append)
    worker.run()  # what the worker thread runs; here in the test's thread

    model, = finished
    log_dir = run_log_dir(keep_as)
    assert job.kept == keep_as and keep_as.is_file()
    assert log_dir == keep_as.parent / keep_as.stem and has_logs(log_dir)
    assert {path.name for path in log_dir.iterdir() if path.is_dir()} == {"train", "validation"}
    assert any(path.name.startswith("events.out.tfevents.") for path in log_dir.iterdir())  # the HParams summary

    run, error = store.add_model(model, saved=job.kept)
    assert error is None and store.model_path(run) == keep_as
    store.delete([run])
    assert not keep_as.exists() and not log_dir.exists()


def test_a_run_the_closing_window_discards_keeps_no_logs(qapp, tmp_path, small_corpus_dir, tiny_config):
    keep_as = tmp_path / "runs" / "discarded.keras"
    job = TrainJob(str(small_corpus_dir), tiny_config.replace(epochs=1), keep_as=keep_as)
    job.discard.set()  # as closing the window does
    finished = []
    worker = TaskWorker(job)
    worker.finished.connect(finished.append)
    worker.run()
    assert len(finished) == 1  # trained, then neither kept nor logged
    assert not keep_as.exists() and not run_log_dir(keep_as).exists()
