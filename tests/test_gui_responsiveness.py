"""Where the slow work runs: TensorFlow's import before the window takes input, end-of-run work on the worker.

These check mechanisms only; how long anything takes is for
``benchmarks/responsiveness.py --from-launch`` to measure.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtWidgets import QApplication

from gui.app import GIL_SWITCH_S, make_application, open_main_window
from gui.main_window import MainWindow
from gui.settings import StudioSettings
from gui.workers.off_thread import call_off_gui_thread


def test_the_app_has_other_threads_hand_the_gil_back_to_the_gui_thread_sooner_than_python_would(qtbot):
    before = sys.getswitchinterval()
    try:
        make_application([])
        assert sys.getswitchinterval() == GIL_SWITCH_S < 0.005  # Python's default: 5 ms
    finally:
        sys.setswitchinterval(before)  # the other tests' threads keep Python's default


def test_the_window_takes_input_only_once_tensorflow_is_imported_on_the_worker(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("IMDB_DATA", raising=False)
    seen: dict = {}

    def splash_painted() -> None:
        seen["splash"] = True

    def window_painted() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen["loaded at first paint"] = window.controller.engine_loaded
        seen["shown at first paint"] = window.isVisible()
        seen["chart draws at first paint"] = window.chart.canvas._draws

    window = open_main_window(StudioSettings.in_file(str(tmp_path / "settings.ini")), runs_folder=str(tmp_path / "runs"),
                              on_first_paint=window_painted, on_splash_paint=splash_painted)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "loaded at first paint" in seen, timeout=10_000)
    assert seen["splash"] is True  # the splash painted first
    assert seen["loaded at first paint"] is True  # the window painted (took input) only once TensorFlow was in
    importer = window.controller.link.preload_thread
    assert importer is not None and importer != threading.main_thread().ident  # imported on the worker, not the GUI thread
    # The chart was drawn behind the splash: the first paint is on screen, not the off-screen one, and owes no draw.
    assert seen["shown at first paint"] is True and seen["chart draws at first paint"] == 1
    qtbot.wait(300)
    assert window.chart.canvas._draws == 1
    window.close()


def test_the_end_of_a_run_is_prepared_on_the_worker_and_the_gui_gets_a_decimated_curve_and_rows(qtbot, window, small_corpus_dir, tiny_config, tmp_path):
    window.data_panel.set_source(str(small_corpus_dir))
    window.form.set_config(tiny_config)
    with qtbot.waitSignal(window.task_ended, timeout=120_000):
        assert window.start_training()
    model = window.model
    assert model is not None and model.test_predictions is not None
    data = model.test_predictions.view_data
    # The evaluation tab's data and the layer table were made on the worker, before the GUI saw the model.
    assert data is not None and data.built_on == window.controller.link.job_thread
    assert data.built_on != threading.main_thread().ident
    assert getattr(model, "layer_table_cache", None) is not None and model.layer_table_cache[0]
    view = window.evaluation_view
    assert view.data is data  # drawn as it came, not built again
    assert list(view.roc_line.get_xdata()) == list(data.roc_fpr)
    # The wrong reviews are rows of an item model, not widgets.
    assert view.wrong_table.model() is view.wrong_model and view.wrong_model.rowCount() == len(model.test_predictions.wrong)
    if model.test_predictions.wrong:
        first = view.wrong_model.index(0, 2)
        assert view.wrong_model.data(first).startswith(" ".join(model.test_predictions.wrong[0]["text"].split())[:20])

    # Saving runs off the GUI thread too, and is done when save_model_to returns.
    target = tmp_path / "saved.keras"
    assert window.files.save_model_to(target) and target.is_file()
    assert call_off_gui_thread.last_thread not in (None, threading.main_thread().ident)

    # So do Classify's prediction and the checks of a model file before it opens.
    call_off_gui_thread.last_thread = None
    window.classify_panel.text_edit.setPlainText("A wonderful film, I loved every minute.")
    assert window.classify_panel.classify() is not None
    assert call_off_gui_thread.last_thread not in (None, threading.main_thread().ident)
    call_off_gui_thread.last_thread = None
    with qtbot.waitSignal(window.task_ended, timeout=120_000):
        assert window.open_model(target)
    assert call_off_gui_thread.last_thread not in (None, threading.main_thread().ident)


def _messages(link) -> list:
    received: list = []
    link.received.connect(received.append)
    return received


def test_closing_during_the_first_batch_ends_a_job_that_never_looks_at_stop(qtbot):
    from gui.workers.engine_link import EngineLink
    from gui.workers.messages import Abandoned, Ended, Phase

    link = EngineLink()
    escape = threading.Event()  # lets the job end if the interrupt did not, so a failure cannot hang the suite

    def tracing(hooks, stop):
        hooks.phase("training")
        while not escape.is_set():  # Python work that never sees the stop event, as tracing a training step
            sum(range(1000))

    received = _messages(link)
    link.submit(tracing)
    qtbot.waitUntil(lambda: any(isinstance(m, Phase) and m.name == "training" for m in received), timeout=10_000)
    link.stop(discard=True)
    try:
        assert link.interrupt()
        qtbot.waitUntil(lambda: any(isinstance(m, Ended) for m in received), timeout=10_000)
    finally:
        escape.set()
    assert any(isinstance(m, Abandoned) for m in received)  # nothing kept
    assert link.shutdown(5_000)


def test_after_the_first_batch_a_close_waits_for_the_batch_end_and_keeps_the_model(qtbot):
    from gui.workers.engine_link import EngineLink
    from gui.workers.messages import Ended, Finished

    link = EngineLink()
    received = _messages(link)

    def training(hooks, stop):
        hooks.phase("training")
        hooks.batch_end(1, 1, 10, {"loss": 0.7})
        stop.wait(10)
        return "the model so far"

    link.submit(training)
    qtbot.waitUntil(lambda: len(received) >= 2, timeout=10_000)
    link.stop()
    assert not link.interrupt()  # a batch has ended: no interrupt, the Stop is seen at the next one
    qtbot.waitUntil(lambda: any(isinstance(m, Ended) for m in received), timeout=10_000)
    finished = [m for m in received if isinstance(m, Finished)]
    assert finished and link.take(finished[0].model) == "the model so far"
    assert link.shutdown(5_000)
