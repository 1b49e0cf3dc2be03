"""The first window on a fresh machine: charts that say what will appear, and a classify hint that reads in a line or two."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QRect, Qt

from gui.main_window import MainWindow
from gui.settings import StudioSettings


@pytest.fixture
def fresh_window(qtbot, tmp_path, monkeypatch):
    """The main window as a new user first sees it: fresh settings, no runs, no IMDB_DATA, the size of a small screen."""
    monkeypatch.delenv("IMDB_DATA", raising=False)
    window = MainWindow(StudioSettings.in_file(str(tmp_path / "settings.ini")), runs_folder=tmp_path / "runs")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_empty_charts_say_what_will_appear_on_sensible_axes(fresh_window):
    chart = fresh_window.chart
    epochs = fresh_window.form.values()["epochs"]
    assert chart.note.get_text() == "Click Train to watch the model learn"
    accuracy, loss = chart.axes["accuracy"], chart.axes["loss"]
    assert accuracy.get_ylim() == (0.5, 1.0) and loss.get_ylim() == (0.0, 1.0)
    for ax in (accuracy, loss):
        assert ax.get_xlim() == (0.5, epochs + 0.5)
        assert list(ax.get_xticks()) == list(range(1, epochs + 1))

    fresh_window.form.widgets["epochs"].setValue(4)  # the empty chart follows the form
    assert accuracy.get_xlim() == (0.5, 4.5) and list(accuracy.get_xticks()) == [1, 2, 3, 4]

    chart.reset(3)  # a run has started: no hint, its epochs
    assert chart.note.get_text() == "" and accuracy.get_xlim() == (0.5, 3.5)
    chart.add_epoch(1, {"loss": 0.65, "accuracy": 0.31, "val_loss": 0.7, "val_accuracy": 0.42})
    assert accuracy.get_ylim()[0] < 0.31  # points below a coin flip are still shown


def test_the_classify_hint_reads_in_one_or_two_lines(fresh_window):
    hint = fresh_window.classify_panel.hint
    assert hint.isVisible() and "Open model" in hint.text()
    metrics = hint.fontMetrics()
    needed = metrics.boundingRect(QRect(0, 0, hint.width(), 10_000), int(Qt.TextFlag.TextWordWrap), hint.text()).height()
    assert math.ceil(needed / metrics.lineSpacing()) <= 2, f"{hint.width()} px wide: {needed} px of text"
