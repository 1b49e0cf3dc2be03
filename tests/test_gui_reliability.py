"""The window under stress: twenty Train/Stop cycles, closing in every phase, fields that stay in range."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from dataclasses import fields

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QSpinBox

from core.config import TrainingConfig, field_info
from gui.main_window import MainWindow
from gui.settings import StudioSettings

TIMEOUT = 90_000


@pytest.fixture
def window(qtbot, tmp_path, small_corpus_dir, tiny_config):
    window = MainWindow(StudioSettings.in_file(str(tmp_path / "settings.ini")), runs_folder=tmp_path / "runs")
    window.auto_answer = True
    qtbot.addWidget(window)
    window.data_panel.set_source(str(small_corpus_dir))
    window.form.set_config(tiny_config.replace(epochs=200))
    window.show()
    qtbot.waitExposed(window)
    return window


def os_threads() -> int:
    """Threads of this process as the OS counts them (TensorFlow's pools included)."""
    return len(os.listdir("/proc/self/task"))


def thread_names() -> Counter:
    names: Counter = Counter()
    for task in os.listdir("/proc/self/task"):
        try:
            names[open(f"/proc/self/task/{task}/comm").read().strip()] += 1
        except OSError:
            pass  # ended meanwhile
    return names


def python_thread_names() -> list[str]:
    """Threads Python knows (a foreign thread that called Python stays listed as Dummy-N)."""
    return sorted(t.name for t in threading.enumerate())


def qt_warnings(qtlog) -> list:
    return [r for r in qtlog.records if not r.ignored and r.type.name in ("QtWarningMsg", "QtCriticalMsg", "QtFatalMsg")]


def train_then_stop(qtbot, window) -> None:
    with qtbot.waitSignal(window.batch_shown, timeout=TIMEOUT):
        qtbot.mouseClick(window.train_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT):
        qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
    assert window.worker is None and not window.is_busy()


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through /proc")
def test_twenty_train_stop_cycles_leave_no_thread_behind(qtbot, qtlog, window):
    for _ in range(3):  # the first runs start TensorFlow's and Qt's thread pools, which stay
        train_then_stop(qtbot, window)
    qtbot.wait(500)
    baseline, names = os_threads(), thread_names()
    python_threads = python_thread_names()
    worker_thread = window.worker_thread.thread
    for _ in range(17):
        train_then_stop(qtbot, window)
        assert window.model is not None and window.model.training["stopped"]
        assert window.worker_thread.thread is worker_thread  # every run on the window's one worker thread
    # Qt's pooled threads may still be expiring; nothing is waiting for the cyclic collector.
    try:
        qtbot.waitUntil(lambda: os_threads() <= baseline, timeout=30_000)
    except Exception:
        raise AssertionError(f"threads left behind: {thread_names() - names}; python threads: {python_thread_names()}") from None
    assert python_thread_names() == python_threads  # no record of a foreign thread piles up either
    probability = window.model.predict(["The film was wonderful."])[0]
    assert 0 <= probability <= 1
    assert qt_warnings(qtlog) == []


@pytest.mark.parametrize("phase", ["loading data", "building vocabulary", "vectorising", "training", "evaluating"])
def test_closing_during_each_phase_ends_within_3_s(qtbot, qtlog, window, phase, tiny_config):
    if phase == "evaluating":
        window.form.set_config(tiny_config.replace(epochs=1))
    seen: list[str] = []
    window.phase_shown.connect(seen.append)
    window.train_button.click()
    qtbot.waitUntil(lambda: phase in seen or not window.is_busy(), timeout=TIMEOUT)
    start = time.monotonic()
    assert window.close()
    assert time.monotonic() - start < 3.0
    assert window.worker_thread.thread is None  # the worker thread has ended
    qtbot.wait(50)
    assert qt_warnings(qtlog) == []


def test_closing_during_a_batch_classification_ends_within_3_s(qtbot, qtlog, window, tmp_path, trained_small_model):
    window.model = trained_small_model
    window.batch_view.set_model(trained_small_model)
    reviews = tmp_path / "many.txt"
    reviews.write_text("The film was wonderful. I loved it.\n" * 200_000, encoding="utf-8")
    assert window.batch_view.start(reviews)
    qtbot.wait(300)
    assert window.batch_view.is_running()
    start = time.monotonic()
    assert window.close()
    assert time.monotonic() - start < 3.0
    assert window.batch_view.worker_thread.thread is None  # its thread has ended
    qtbot.wait(50)
    assert qt_warnings(qtlog) == []


def test_every_field_widget_keeps_values_inside_the_configs_range(window):
    for f in fields(TrainingConfig):
        widget = window.form.widgets[f.name]
        info = field_info(f.name)
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            low, high = info["range"]
            assert (widget.minimum(), widget.maximum()) == pytest.approx((low, high)), f.name
            if high < 2**31 - 1:
                widget.setValue(high * 10 + 1)
                assert widget.value() == pytest.approx(high)
            widget.setValue(low - 1)
            assert widget.value() == pytest.approx(low)
        elif isinstance(widget, QComboBox):
            assert [widget.itemData(i) or widget.itemText(i) for i in range(widget.count())] == list(info["choices"])
    window.form.config().validate()  # whatever the widgets hold is a valid config
