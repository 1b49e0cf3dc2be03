"""The task controller on its own, without a window: real trainings on the small corpus, real messages.

Every message the engine sends is pickled and unpickled here, as a pipe to
an engine process would; the controller's own signals are checked against
what the messages said.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from gui.controller import TaskController
from gui.run_store import RunStore
from gui.tasks import EvaluateTask, OpenTask, TrainTask
from gui.workers.messages import Abandoned, Batch, Ended, Epoch, Failed, Finished, Handle, Phase, TrainBegin

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 90_000
PLAIN = (str, int, float, bool, type(None), Handle)


def assert_plain(value) -> None:
    """Only strings, numbers, None, handles, and dicts, lists, tuples and dataclasses of them."""
    if is_dataclass(value):
        for f in fields(value):
            assert_plain(getattr(value, f.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            assert_plain(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            assert_plain(item)
    else:
        assert isinstance(value, PLAIN), f"{type(value).__name__} is not a plain value: {value!r}"


@pytest.fixture
def controller(qtbot, tmp_path):
    """A controller with its run list in ``tmp_path``; its worker thread is ended afterwards."""
    controller = TaskController(RunStore(tmp_path / "runs"))
    controller.link.batch_interval = 0.0  # every batch, so the counts below are exact
    yield controller
    controller.abandon()
    assert controller.shutdown(10_000)
    controller.close()


@pytest.fixture
def received(controller) -> list:
    """Every message the controller receives from the engine, pickled and unpickled on the way."""
    messages: list = []

    def keep(message) -> None:
        copy = pickle.loads(pickle.dumps(message))
        assert copy == message and type(copy) is type(message)
        messages.append(copy)

    controller.link.received.connect(keep)
    return messages


def run(qtbot, controller, start) -> tuple:
    """Start a task with ``start()`` and wait until the controller is idle again; the ended signal's task."""
    with qtbot.waitSignal(controller.ended, timeout=TIMEOUT) as ended:
        assert start()
        assert controller.is_busy()
    assert not controller.is_busy() and controller.task is None
    return ended.args[0]


def of_type(messages: list, kind: type) -> list:
    return [m for m in messages if isinstance(m, kind)]


def test_a_training_sends_plain_picklable_messages_in_order_and_keeps_its_run(qtbot, controller, received, small_corpus_dir, tiny_config):
    assert controller.findChildren(QWidget) == []  # widget-free
    phases, epochs, finished = [], [], []
    controller.phase.connect(phases.append)
    controller.epoch.connect(lambda epoch, logs: epochs.append((epoch, logs)))
    controller.finished.connect(lambda task, model, error: finished.append((task, model, error)))

    task = run(qtbot, controller, lambda: controller.train(tiny_config, str(small_corpus_dir), None, ("small",), None))

    for message in received:
        assert_plain(message)
    assert isinstance(task, TrainTask) and task.kind == "train"
    assert isinstance(received[-1], Ended) and of_type(received, Ended) == [Ended()]
    (outcome,) = [m for m in received if isinstance(m, (Finished, Failed, Abandoned))]
    assert isinstance(outcome, Finished) and received.index(outcome) == len(received) - 2
    assert [m.name for m in of_type(received, Phase)] == ["loading data", "building vocabulary", "vectorising", "training", "evaluating", "done"]
    assert phases == [m.name for m in of_type(received, Phase)]
    assert of_type(received, TrainBegin) == [TrainBegin(epochs=2, steps=5)]  # 48 reviews, 20% held out, batches of 8
    assert [(b.epoch, b.step) for b in of_type(received, Batch)] == [(e, s) for e in (1, 2) for s in range(1, 6)]

    model = controller.model
    assert finished == [(task, model, "")]
    assert [m.epoch for m in of_type(received, Epoch)] == [1, 2] == [e for e, _ in epochs]
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        assert [m.logs[key] for m in of_type(received, Epoch)] == model.history[key]
    assert model.test_metrics["count"] == 16
    # The run list kept it, with the copy the worker saved; the corpus is kept for Evaluate.
    (kept,) = controller.runs.runs
    assert controller.current_run is kept and Path(outcome.kept).name == kept.model_file
    assert (controller.runs.models_folder / kept.model_file).is_file()
    assert controller.corpus is not None and controller.corpus_key == ("small",)
    assert controller.link.held() == 0  # every handle was taken


def test_stop_ends_a_training_after_the_current_batch_and_keeps_the_model(qtbot, controller, received, small_corpus_dir, tiny_config):
    assert not controller.stop()  # nothing runs
    stopped_at: list[int] = []

    def stop_in_epoch_two(epoch, step, steps, logs):
        if epoch == 2 and not stopped_at:
            stopped_at.append(controller.link.worker.counters.batches)
            assert controller.stop()

    controller.batch.connect(stop_in_epoch_two)
    run(qtbot, controller, lambda: controller.train(tiny_config.replace(epochs=30), str(small_corpus_dir), None, ("small",), None))

    model = controller.model
    assert stopped_at and model.training["stopped"] is True
    assert model.training["epochs_done"] == len(model.history["loss"]) < 30
    assert model.test_metrics is None
    batches = of_type(received, Batch)
    assert len(batches) - stopped_at[0] <= 2  # the batch it was in, and at most one already on its way
    assert Phase("evaluating") not in received and len(of_type(received, Finished)) == 1

    # Evaluate computes the metrics later, on the corpus kept from the training: nothing is read again.
    reads: list[int] = []
    task = run(qtbot, controller, lambda: controller.evaluate(str(small_corpus_dir), None, ("small",), lambda: reads.append(1)))
    assert isinstance(task, EvaluateTask) and reads == []
    assert controller.model is model and model.test_metrics["count"] == 16
    assert Phase("loading data") not in received[received.index(Ended()) + 1:]


def test_a_stop_before_training_abandons_the_run_and_changes_nothing(qtbot, controller, received, small_corpus_dir, tiny_config):
    abandoned: list = []
    controller.abandoned.connect(abandoned.append)

    def start_and_stop() -> bool:
        started = controller.train(tiny_config, str(small_corpus_dir), None, ("small",), None)
        assert controller.stop()  # before the worker has read anything
        return started

    task = run(qtbot, controller, start_and_stop)
    assert abandoned == [task] and received[-2:] == [Abandoned(), Ended()]
    assert of_type(received, Batch) == [] and of_type(received, Finished) == []
    assert controller.model is None and controller.runs.runs == [] and controller.corpus is None


def test_errors_come_as_messages_and_the_controller_works_on(qtbot, controller, received, tmp_path, small_corpus_dir, tiny_config):
    failures: list = []
    controller.failed.connect(lambda task, message: failures.append((task.kind, message)))

    missing = tmp_path / "no-such-folder"
    run(qtbot, controller, lambda: controller.train(tiny_config, str(missing), None, ("missing",), None))
    (failed,) = of_type(received, Failed)
    assert str(missing) in failed.message and "does not exist" in failed.message
    assert failures == [("train", failed.message)] and received[-1] == Ended()

    damaged = tmp_path / "damaged.keras"
    damaged.write_bytes(b"not a zip at all")
    task = run(qtbot, controller, lambda: controller.open(damaged))
    assert isinstance(task, OpenTask) and failures[-1][0] == "open" and "not a .keras model file" in failures[-1][1]
    assert controller.model is None and controller.runs.runs == []

    run(qtbot, controller, lambda: controller.train(tiny_config.replace(epochs=1), str(small_corpus_dir), None, ("small",), None))
    assert controller.model is not None and len(failures) == 2


def test_requests_are_plain_and_each_task_says_what_it_is(tmp_path, tiny_config):
    train = TrainTask.of(tiny_config, None, None, Handle(3), tmp_path / "m.keras", ("key",))
    evaluate = EvaluateTask.of(Handle(4), "aclImdb", None, None)
    opened = OpenTask.of(tmp_path / "model.keras")
    for task in (train, evaluate, opened):
        assert_plain(task.request)
        assert pickle.loads(pickle.dumps(task.request)) == task.request
    assert [t.kind for t in (train, evaluate, opened)] == ["train", "evaluate", "open"]
    assert [t.stoppable for t in (train, evaluate, opened)] == [True, True, False]
    assert train.epochs == tiny_config.epochs and train.request.config == tiny_config.to_dict()
    assert opened.starting_text() == "Opening model.keras…" and train.ended_text(75) == "Finished after 1:15" and opened.ended_text(75) is None


def test_the_messages_need_neither_qt_nor_tensorflow():
    """What crosses the link can be unpickled by an engine process that never loads Qt."""
    script = "import sys, gui.workers.messages; print(sorted(m for m in ('PySide6', 'tensorflow', 'keras') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"
