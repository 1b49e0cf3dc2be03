"""The real main window, offscreen, driven with pytest-qt: real widgets, real trainings.

Each window gets its own settings file; the data is the small corpus we
wrote and the config is tiny, so a training takes a few seconds. Any Qt
warning fails a test (``qt_log_level_fail`` in pyproject.toml).
"""

from __future__ import annotations

import csv
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread

from core.models.config import PRESETS, TrainingConfig
from core.models.families.recurrent import RecurrentConfig
from gui.main_window import MainWindow
from gui.panels.classify_panel import EMPTY_REVIEW_HINT
from gui.settings import StudioSettings

ROOT = Path(__file__).resolve().parent.parent
TRAIN_TIMEOUT = 90_000
REVIEW = "A wonderful film, moving and beautifully acted. I loved every minute."
SERIES = ("accuracy", "val_accuracy", "loss", "val_loss")


@pytest.fixture
def make_window(qtbot, tmp_path, small_corpus_dir, tiny_config):
    """A shown MainWindow on the small corpus with the tiny config; answers its own questions."""

    def make(settings_file: str = "settings.ini", config: TrainingConfig | None = None) -> MainWindow:
        window = MainWindow(StudioSettings.in_file(str(tmp_path / settings_file)), runs_folder=tmp_path / "runs")
        window.dialogs.auto_answer = True
        qtbot.addWidget(window)
        window.data_panel.set_source(str(small_corpus_dir))
        window.form.set_config(config or tiny_config)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), f"{widget.text()} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def train(qtbot, window: MainWindow):
    """Click Train and wait until the task has ended."""
    with qtbot.waitSignal(window.task_ended, timeout=TRAIN_TIMEOUT) as ended:
        click(qtbot, window.train_button)
    assert ended.args == ["train"]
    return window.model


def chart_points(window: MainWindow, key: str) -> tuple[list[float], list[float]]:
    line = window.chart.lines[key]
    return [float(x) for x in line.get_xdata()], [float(y) for y in line.get_ydata()]


def assert_chart_shows(window: MainWindow, history: dict) -> None:
    """Exactly one point per epoch on each line, equal to the history."""
    epochs = len(history["loss"])
    for key in SERIES:
        xs, ys = chart_points(window, key)
        assert xs == [float(e) for e in range(1, epochs + 1)], key
        assert ys == history[key], key


def test_the_chart_says_when_an_epoch_has_been_drawn(qtbot):
    """What the worker's pause after each epoch waits for (TaskWorker.epoch_pause)."""
    from gui.charts.training_chart import TrainingChart

    chart = TrainingChart()
    qtbot.addWidget(chart)
    called: list[str] = []
    chart.canvas.after_next_draw(lambda: called.append("hidden"))
    assert called == ["hidden"]  # a hidden canvas does not draw: at once
    chart.show()
    qtbot.waitExposed(chart)
    chart.add_epoch(1, {"loss": 0.6, "accuracy": 0.7, "val_loss": 0.5, "val_accuracy": 0.75})
    chart.canvas.after_next_draw(lambda: called.append("drawn"))
    assert called == ["hidden"]  # draw_idle: the draw comes from the event loop
    qtbot.waitUntil(lambda: called == ["hidden", "drawn"], timeout=5000)


def test_a_new_run_keeps_the_charts_layout_unless_the_epoch_labels_widen(qtbot):
    """The Train click's draw skips the constrained layout (about half of it), but not when 9 epochs become 10."""
    from gui.charts.training_chart import TrainingChart

    chart = TrainingChart()
    qtbot.addWidget(chart)
    chart.resize(720, 330)
    chart.show()
    qtbot.waitExposed(chart)
    engine = chart.figure.get_layout_engine()
    layouts: list[int] = []
    execute = engine.execute
    engine.execute = lambda figure: (layouts.append(1), execute(figure))[1]

    def draws_with_layout(action) -> bool:
        drawn: list[int] = []
        layouts.clear()
        action()
        chart.canvas.after_next_draw(lambda: drawn.append(1))
        qtbot.waitUntil(lambda: drawn == [1], timeout=5000)
        return bool(layouts)

    logs = {"loss": 0.6, "accuracy": 0.7, "val_loss": 0.5, "val_accuracy": 0.75}
    assert draws_with_layout(lambda: chart.reset(5))  # the first draw at this size lays out
    assert not draws_with_layout(lambda: chart.add_epoch(1, logs))
    assert draws_with_layout(lambda: chart.finish(1, False))  # a new note: laid out again
    assert not draws_with_layout(lambda: chart.reset(8))
    assert chart.epoch_count() == 0 and chart.note.get_text() == ""
    assert draws_with_layout(lambda: chart.reset(12))  # "12" is wider than "8"
    assert not draws_with_layout(lambda: chart.reset(10))


def test_a_draw_that_needs_a_layout_lays_out_in_one_turn_and_draws_in_the_next(qtbot):
    """Together they held the GUI thread for over 100 ms: the Evaluation tab first shown, a run's end, a language switch."""
    from PySide6.QtWidgets import QTabWidget, QWidget

    from gui.charts.training_chart import TrainingChart

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    chart = TrainingChart()
    tabs.addTab(QWidget(), "first")
    tabs.addTab(chart, "chart")
    tabs.resize(720, 360)
    tabs.show()
    qtbot.waitExposed(tabs)
    events: list[tuple[str, int]] = []
    engine = chart.figure.get_layout_engine()
    execute, draw_figure = engine.execute, chart.figure.draw
    engine.execute = lambda figure: (events.append(("layout", chart.canvas._draws)), execute(figure))[1]
    chart.figure.draw = lambda renderer: (events.append(("render", chart.canvas._draws)), draw_figure(renderer))[1]

    def next_draw(action) -> list[tuple[str, int]]:
        events.clear()
        action()
        qtbot.waitUntil(lambda: any(kind == "render" for kind, _ in events), timeout=5000)
        return events[:2]

    chart.finish(3, False)  # changed while hidden: the draw is owed until the tab shows
    assert events == []
    (first, call), (then, next_call) = next_draw(lambda: tabs.setCurrentIndex(1))
    assert (first, then) == ("layout", "render") and next_call == call + 1  # two draw calls, a turn apart
    chart.finish(12, True)  # a new note at the same size
    events.clear()
    chart.canvas.repaint()  # a paint before the draw's turn shows the last image and leaves the draw to its turn
    assert events == []
    (first, call), (then, next_call) = next_draw(lambda: None)
    assert (first, then) == ("layout", "render") and next_call == call + 1
    (first, call), (then, next_call) = next_draw(lambda: tabs.resize(760, 380))  # a resize too
    assert (first, then) == ("layout", "render") and next_call == call + 1
    chart.finish(5, True)
    events.clear()
    tabs.resize(700, 340)
    chart.canvas.repaint()  # resized, not drawn yet: the last image, stretched
    assert events == []


def test_train_draws_one_point_per_epoch_shows_metrics_and_enables_classify(qtbot, make_window, tmp_path):
    window = make_window()
    assert not window.classify_panel.classify_button.isEnabled()
    assert window.classify_panel.hint.isVisible() and "Open model" in window.classify_panel.hint.text()

    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    during: list[tuple] = []
    threads = set()
    window.batch_shown.connect(lambda *_: threads.add(QThread.currentThread()))
    window.batch_shown.connect(
        lambda *args: during.append(
            (window.train_button.isEnabled(), window.form.is_read_only(), window.form.widgets["units"].isEnabled(), window.stop_button.isEnabled())
        )
    )
    model = train(qtbot, window)

    assert model is not None and window.dialogs.last_error is None
    # While it ran: Train disabled, the form read-only, Stop available.
    assert during and set(during) == {(False, True, False, True)}
    assert threads == {QThread.currentThread()}  # progress reached the widgets in the GUI thread
    # The status bar walked through the phases.
    for expected in ("Loading data…", "Building vocabulary…", "Training epoch 1/2", "Training epoch 2/2", "Evaluating on the test reviews…"):
        assert any(m.startswith(expected) for m in messages), expected
    assert window.statusBar().currentMessage().startswith("Done in")

    assert len(model.history["loss"]) == 2
    assert_chart_shows(window, model.history)
    assert window.chart.best_epoch == model.training["best_epoch"]
    assert window.run_panel.epoch_bar.value() == 2

    for key, label in window.results.metric_values.items():
        assert label.text() == f"{model.test_metrics[key]:.4f}"
    assert "16 test reviews" in window.results.metrics_note.text()
    assert "Training time" in window.results.training_info.text()
    assert [window.tabs.model_summary.table.item(r, 1).text() for r in range(window.tabs.model_summary.table.rowCount())] == ["Embedding", "LSTM", "Dense"]

    # Idle again: the form is editable, and Classify works, by button and by Ctrl+Enter.
    assert window.train_button.isEnabled() and not window.form.is_read_only()
    panel = window.classify_panel
    assert panel.is_ready() and not panel.classify_button.isEnabled()  # nothing typed yet
    assert panel.hint.isVisible() and panel.hint.text() == EMPTY_REVIEW_HINT
    panel.text_edit.setPlainText(" \n\t  ")  # whitespace is no review either
    assert not panel.classify_button.isEnabled() and panel.hint.text() == EMPTY_REVIEW_HINT
    panel.text_edit.setPlainText(REVIEW)
    assert panel.classify_button.isEnabled() and not panel.hint.isVisible()
    with qtbot.waitSignal(panel.classified, timeout=5_000) as classified:
        click(qtbot, panel.classify_button)
    expected = float(model.predict([REVIEW])[0])
    assert classified.args[0] == pytest.approx(expected, abs=1e-6)
    assert panel.verdict.text() == ("Positive" if expected >= 0.5 else "Negative")
    assert panel.bar.value() == round(expected * 1000)
    panel.clear_result()
    window.activateWindow()
    panel.text_edit.setFocus()
    qtbot.waitUntil(panel.text_edit.hasFocus, timeout=2_000)
    with qtbot.waitSignal(panel.classified, timeout=5_000):
        qtbot.keyClick(panel.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.probability == pytest.approx(expected, abs=1e-6)
    # An example review is one click away.
    with qtbot.waitSignal(panel.classified, timeout=5_000):
        click(qtbot, panel.example_buttons[1])
    assert panel.text_edit.toPlainText() == panel.examples[1]["text"]

    # Export: the history as CSV (one row per epoch) and the chart as PNG.
    assert window.files.export_history(tmp_path / "history.csv")
    rows = list(csv.DictReader(open(tmp_path / "history.csv", encoding="utf-8")))
    assert [int(r["epoch"]) for r in rows] == [1, 2]
    assert [float(r["val_loss"]) for r in rows] == model.history["val_loss"]
    assert window.files.export_chart(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_stop_ends_within_two_batches_and_keeps_a_usable_model(qtbot, make_window, tiny_config):
    window = make_window(config=tiny_config.replace(epochs=40))
    window.controller.link.batch_interval = 0.0  # report every batch, so the count below is exact
    clicked: dict = {}

    def stop_in_epoch_two(epoch, step, steps):
        if epoch >= 2 and not clicked:
            clicked["counters"] = window.controller.link.worker.counters
            clicked["batches"] = window.controller.link.worker.counters.batches
            click(qtbot, window.stop_button)

    window.batch_shown.connect(stop_in_epoch_two)
    model = train(qtbot, window)

    assert clicked, "training ended before Stop was clicked"
    assert clicked["counters"].batches - clicked["batches"] <= 2
    assert window.controller.link.worker is None and not window.is_busy()
    assert model.training["stopped"] is True
    done = model.training["epochs_done"]
    assert 1 <= done < 40 and len(model.history["loss"]) == done
    assert_chart_shows(window, model.history)
    assert model.test_metrics is None
    assert all(label.text() == "–" for label in window.results.metric_values.values())
    assert "Evaluate" in window.results.metrics_note.text()
    assert window.statusBar().currentMessage().startswith("Stopped after")

    # The stopped model classifies...
    panel = window.classify_panel
    panel.text_edit.setPlainText(REVIEW)
    probability = panel.classify()
    assert probability == pytest.approx(float(model.predict([REVIEW])[0]), abs=1e-6)
    # ...and can be evaluated on the worker thread.
    with qtbot.waitSignal(window.task_ended, timeout=TRAIN_TIMEOUT) as ended:
        click(qtbot, window.evaluate_button)
    assert ended.args == ["evaluate"] and window.model is model
    assert model.test_metrics["count"] == 16
    assert window.results.metric_values["accuracy"].text() == f"{model.test_metrics['accuracy']:.4f}"


def test_save_then_open_in_a_fresh_window_restores_everything(qtbot, make_window, tmp_path, tiny_config):
    config = tiny_config.replace(units=6, epochs=2, cell="gru")
    first = make_window("first.ini", config=config)
    model = train(qtbot, first)
    path = tmp_path / "saved.keras"
    assert first.files.save_model_to(path) and path.exists()
    assert first.windowTitle().startswith("saved.keras")
    # Ctrl+S now saves to the same file without asking.
    before = path.stat().st_mtime_ns
    time.sleep(0.01)
    first.menus.save_action.trigger()
    assert path.stat().st_mtime_ns > before and first.dialogs.last_error is None
    first.classify_panel.text_edit.setPlainText(REVIEW)
    probability = first.classify_panel.classify()

    fresh = make_window("fresh.ini")
    with qtbot.waitSignal(fresh.task_ended, timeout=TRAIN_TIMEOUT) as ended:
        assert fresh.open_model(path)
    assert ended.args == ["open"] and fresh.dialogs.last_error is None
    opened = fresh.model
    assert opened is not model and Path(opened.path) == path
    fresh.classify_panel.text_edit.setPlainText(REVIEW)
    assert fresh.classify_panel.classify() == pytest.approx(probability, abs=1e-6)
    # The chart, the metrics and the config come back from the file.
    assert_chart_shows(fresh, model.history)
    assert fresh.results.metric_values["f1"].text() == f"{model.test_metrics['f1']:.4f}"
    assert fresh.form.config() == config
    assert fresh.form.is_read_only() and fresh.setup.unlock_button.isVisible()
    assert fresh.train_button.isEnabled()
    click(qtbot, fresh.setup.unlock_button)
    assert not fresh.form.is_read_only() and fresh.form.widgets["units"].isEnabled()


def test_bad_data_path_shows_an_error_then_the_app_is_idle_and_trains(qtbot, make_window, tmp_path, small_corpus_dir):
    window = make_window()
    model = train(qtbot, window)
    history = {key: list(values) for key, values in model.history.items()}

    missing = tmp_path / "nowhere" / "aclImdb"
    window.data_panel.set_source(str(missing))
    with qtbot.waitSignal(window.task_ended, timeout=TRAIN_TIMEOUT):
        with qtbot.waitSignal(window.dialogs.error_shown, timeout=TRAIN_TIMEOUT) as shown:
            click(qtbot, window.train_button)
    assert str(missing) in shown.args[0] and "does not exist" in shown.args[0]
    box = window.dialogs.error_box
    assert box is not None and box.isVisible() and str(missing) in box.text()
    assert box.windowTitle() == "Training failed"
    # Idle, with the previous model and its curves intact.
    assert not window.is_busy() and window.train_button.isEnabled() and not window.form.is_read_only()
    assert window.model is model
    assert_chart_shows(window, history)
    assert window.classify_panel.is_ready()
    box.close()

    window.data_panel.set_source(str(small_corpus_dir))
    second = train(qtbot, window)
    assert second is not model and second.test_metrics is not None


def test_quitting_during_training_keeps_the_model_trained_so_far_as_a_run(qtbot, make_window, tmp_path, tiny_config):
    window = make_window(config=tiny_config.replace(epochs=500))
    window.close_wait_ms = 60_000  # long enough for any machine; what is checked is the run that is kept
    epochs: list[int] = []
    window.controller.epoch.connect(lambda epoch, _logs: epochs.append(epoch))
    click(qtbot, window.train_button)
    qtbot.waitUntil(lambda: len(epochs) >= 2, timeout=TRAIN_TIMEOUT)
    assert window.close()  # the default answer: stop, keep the model, quit

    again = MainWindow(StudioSettings.in_file(str(tmp_path / "again.ini")), runs_folder=tmp_path / "runs")
    qtbot.addWidget(again)
    runs = again.runs.runs
    assert len(runs) == 1 and again.runs_view.table.rowCount() == 1
    assert runs[0].epochs_done is not None and runs[0].epochs_done >= 2
    assert again.runs.model_path(runs[0]).is_file()


def test_close_during_training_asks_then_ends_the_thread_within_3_s(qtbot, qtlog, make_window, tiny_config):
    window = make_window(config=tiny_config.replace(epochs=500))
    with qtbot.waitSignal(window.batch_shown, timeout=TRAIN_TIMEOUT):
        click(qtbot, window.train_button)
    thread = window.controller.link.worker_thread.thread
    assert thread is not None and thread.isRunning()

    window.dialogs.auto_answer = False  # "No": the window stays and training goes on
    assert not window.close()
    assert window.isVisible() and thread.isRunning() and not window.controller.link.stop_event.is_set()

    window.dialogs.auto_answer = True
    finished: list[bool] = []
    thread.finished.connect(lambda: finished.append(True))
    start = time.monotonic()
    assert window.close()
    elapsed = time.monotonic() - start
    assert elapsed < 3.0
    assert not window.isVisible() and window.controller.link.worker_thread.thread is None
    qtbot.waitUntil(lambda: bool(finished), timeout=1_000)
    qtbot.wait(50)  # let the queued signals of the ended worker arrive
    warnings = [r for r in qtlog.records if not r.ignored and r.type.name in ("QtWarningMsg", "QtCriticalMsg", "QtFatalMsg")]
    assert warnings == []


def test_invalid_combination_is_reported_with_the_engines_message(qtbot, make_window):
    window = make_window()
    window.form.widgets["early_stopping"].setChecked(True)
    window.form.widgets["validation_split"].setValue(0.0)
    message = "early_stopping needs validation data: set validation_split above 0."
    assert window.form.error_label.isVisible() and window.form.error_label.text() == message
    with qtbot.waitSignal(window.dialogs.error_shown, timeout=2_000) as shown:
        click(qtbot, window.train_button)
    assert shown.args == [message] and not window.is_busy()
    window.dialogs.error_box.close()


def test_presets_come_from_core_and_reset_restores_the_tutorial(qtbot, make_window):
    window = make_window()
    assert [a.text() for a in window.form.preset_menu.actions()] == list(PRESETS)
    assert [a.text() for a in window.menus.presets_menu.actions()] == list(PRESETS)
    for name, overrides in PRESETS.items():
        action = next(a for a in window.form.preset_menu.actions() if a.text() == name)
        action.trigger()
        assert window.form.config() == TrainingConfig.from_dict(overrides)
    assert not window.form.widgets["patience"].isEnabled()  # the last preset is an ensemble: its members take their own
    window.form.set_config(TrainingConfig.from_dict(PRESETS["Convolutional"]))
    assert window.form.widgets["patience"].isEnabled()  # a preset with early stopping
    click(qtbot, window.form.reset_button)
    assert window.form.config() == TrainingConfig()
    assert not window.form.widgets["patience"].isEnabled()
    # Ranges come from the field metadata.
    assert (window.form.widgets["units"].minimum(), window.form.widgets["units"].maximum()) == (1, 1024)
    assert window.form.widgets["cell"].count() == 2


def test_settings_remember_data_config_and_geometry(qtbot, make_window, tmp_path, small_corpus_dir, tiny_config, monkeypatch):
    window = make_window("kept.ini")
    window.form.set_config(tiny_config.replace(units=12, cell="gru"))
    window.resize(790, 590)  # the offscreen screen is 800x600; restoreGeometry keeps windows on it
    qtbot.waitUntil(lambda: window.width() == 790, timeout=2_000)
    window.close()

    again = MainWindow(StudioSettings.in_file(str(tmp_path / "kept.ini")))
    qtbot.addWidget(again)
    assert again.data_panel.source() == str(small_corpus_dir)
    assert again.form.config() == tiny_config.replace(units=12, cell="gru")
    assert (again.width(), again.height()) == (790, 590)

    # An empty setting starts from IMDB_DATA.
    monkeypatch.setenv("IMDB_DATA", "/data/aclImdb_v1.tar.gz")
    blank = MainWindow(StudioSettings.in_file(str(tmp_path / "blank.ini")))
    qtbot.addWidget(blank)
    assert blank.data_panel.source() == "/data/aclImdb_v1.tar.gz"
    assert blank.form.config() == TrainingConfig()


def test_open_and_save_errors_show_a_dialog(qtbot, make_window, tmp_path):
    window = make_window()
    damaged = tmp_path / "damaged.keras"
    damaged.write_bytes(b"PK\x03\x04 this is not really a zip")
    with qtbot.waitSignal(window.dialogs.error_shown, timeout=2_000) as shown:
        assert not window.open_model(damaged)
    assert "damaged.keras" in shown.args[0] and window.model is None and not window.is_busy()
    assert window.dialogs.error_box.windowTitle() == "Cannot open the model"
    assert not window.menus.save_action.isEnabled()  # nothing to save yet
    window.dialogs.error_box.close()


def test_save_failure_keeps_the_model_and_says_why(qtbot, make_window, tmp_path):
    window = make_window(config=TrainingConfig(vocab_size=200, max_length=40, model=RecurrentConfig(embedding_dim=8, units=8), epochs=1, batch_size=8))
    model = train(qtbot, window)
    with qtbot.waitSignal(window.dialogs.error_shown, timeout=5_000) as shown:
        assert not window.files.save_model_to(tmp_path / "missing-folder" / "m.keras")
    assert "does not exist" in shown.args[0]
    window.dialogs.error_box.close()
    # A folder in the way of the target: the rename fails, nothing there changes.
    blocker = tmp_path / "taken.keras"
    blocker.mkdir()
    (blocker / "keep.txt").write_text("mine")
    with qtbot.waitSignal(window.dialogs.error_shown, timeout=30_000) as shown:
        assert not window.files.save_model_to(blocker)
    assert "taken.keras" in shown.args[0]
    assert (blocker / "keep.txt").read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial.keras")] == []
    assert window.model is model and window.classify_panel.is_ready()
    window.dialogs.error_box.close()


def test_creating_the_window_does_not_import_tensorflow():
    script = textwrap.dedent(
        """
        import os, sys, tempfile
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from gui.main_window import MainWindow
        from gui.settings import StudioSettings
        window = MainWindow(StudioSettings.in_file(os.path.join(tempfile.mkdtemp(), "s.ini")))
        window.show()
        app.processEvents()
        heavy = sorted(m for m in ("tensorflow", "keras", "core.training.trainer", "core.models.sentiment_model") if m in sys.modules)
        print("HEAVY:" + ",".join(heavy))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "HEAVY:\n" in result.stdout or result.stdout.strip().endswith("HEAVY:")


def test_animated_artists_are_redrawn_alone_over_the_last_drawing(qtbot):
    from matplotlib.figure import Figure

    from gui.charts.figure_panel import LazyCanvas

    canvas = LazyCanvas(Figure(figsize=(4, 3)))
    qtbot.addWidget(canvas)
    axes = canvas.figure.subplots()
    axes.plot([0, 1], [0, 1])
    (point,) = axes.plot([0.2], [0.2], "o")
    canvas.animate([point])
    assert not canvas.redraw_animated()  # nothing drawn yet: a whole draw is needed
    canvas.resize(400, 300)
    canvas.show()
    qtbot.waitExposed(canvas)
    qtbot.waitUntil(canvas.shows_last_drawing, timeout=5000)
    draws, before = canvas._draws, bytes(canvas.buffer_rgba())
    point.set_data([0.8], [0.8])
    assert canvas.redraw_animated()
    assert canvas._draws == draws and bytes(canvas.buffer_rgba()) != before  # the point moved, with no whole draw
    point.set_data([0.2], [0.2])
    assert canvas.redraw_animated() and bytes(canvas.buffer_rgba()) == before  # over the kept picture, not the last blit
