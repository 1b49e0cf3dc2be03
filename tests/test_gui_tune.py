"""The Tune tab: a real 3-trial search on the small corpus fills the table and the charts; Stop, Train with best, closing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.models.config import TrainingConfig
from core.tuning.trials import TrialRow
from gui.main_window import MainWindow
from gui.panels.tune_view import TuneView, spec_text

pytestmark = pytest.mark.qt

#: Tiny ranges: seconds per trial.
RANGES = {"embedding_dim": "4,8", "units": "4..8", "dropout": "", "batch_size": "8", "optimizer": "adam", "learning_rate": "0.001..0.05:log"}


@pytest.fixture
def window(qtbot, tmp_path, small_corpus_dir):
    from core.data.sources import SourceOptions

    window = MainWindow(runs_folder=tmp_path / "runs")
    qtbot.addWidget(window)
    view = window.tune_view
    view.data_request = lambda: (str(small_corpus_dir), SourceOptions())
    return window


def set_tiny_search(view: TuneView, trials: int) -> None:
    for row in range(view.ranges.rowCount()):
        name = view.ranges.item(row, 0).text()
        view.ranges.item(row, 1).setText(RANGES.get(name, ""))
    view.trials_spin.setValue(trials)
    view.pruner_combo.setCurrentIndex(view.pruner_combo.findData("none"))


def tiny_base(monkeypatch_view: TuneView):
    settings = monkeypatch_view.settings

    def small():
        made = settings()
        made.base = made.base.replace(vocab_size=200, max_length=40, epochs=2)
        return made
    monkeypatch_view.settings = small


def test_a_search_fills_the_table_and_charts_then_train_with_best_fills_the_form(qtbot, window):
    view = window.tune_view
    set_tiny_search(view, 3)
    tiny_base(view)
    seen: list[int] = []
    view.model.modelReset.connect(lambda: seen.append(view.model.rowCount()))
    with qtbot.waitSignal(view.ended, timeout=240_000):
        assert view.start()
    # The poller may be a second behind the search's end: wait for its last read.
    qtbot.waitUntil(lambda: sum(row.state == "complete" for row in view.model.rows) == 3, timeout=10_000)
    assert any(0 < count < 3 for count in seen), "the table did not grow while the search ran"
    assert view.model.columnCount() == 6 + 5  # the fixed columns, then the five non-empty ranges (dropout was left empty)
    assert list(view.charts.points.get_xdata()) == [0, 1, 2]
    assert len(view.charts.best_line.get_xdata()) == 3
    # Sortable by value, numerically.
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    values = [view.proxy.index(r, 2).data(Qt.ItemDataRole.UserRole) for r in range(3)]
    assert values == sorted(values, reverse=True)

    assert view.best_button.isEnabled()
    view.best_button.click()
    assert isinstance(view.best, TrainingConfig)
    shown, best = window.form.config().flat_dict(), view.best.flat_dict()
    # Every field as the best trial had it; the form's spin box shows the learning rate to 4 significant digits.
    assert shown == {**best, "learning_rate": pytest.approx(best["learning_rate"], rel=1e-3)}


def test_stop_ends_the_search_and_keeps_the_trial(qtbot, window):
    view = window.tune_view
    set_tiny_search(view, 5)
    tiny_base(view)
    settings = view.settings
    view.settings = lambda: (lambda s: (setattr(s, "base", s.base.replace(epochs=50)), s)[1])(settings())
    assert view.start()
    qtbot.waitUntil(lambda: any(row.epochs >= 1 for row in view.model.rows), timeout=120_000)
    with qtbot.waitSignal(view.ended, timeout=10_000):
        view.stop_button.click()
    qtbot.waitUntil(lambda: view.model.rows and view.model.rows[0].state in ("pruned", "fail"), timeout=5_000)
    assert "stopped by the user" in view.model.rows[0].reason
    assert view.start_button.isEnabled() and not view.stop_button.isEnabled()


def test_closing_mid_search_ends_its_threads(qtbot, window):
    view = window.tune_view
    set_tiny_search(view, 5)
    tiny_base(view)
    window.show()
    assert view.start()
    qtbot.waitUntil(lambda: any(row.state == "running" for row in view.model.rows), timeout=120_000)
    window.close()
    qtbot.waitUntil(lambda: not view.is_running(), timeout=10_000)
    assert not view.poller.isRunning()
    assert view.model.rows[-1].state in ("running", "pruned", "fail", "complete")


def test_bad_ranges_are_named_and_nothing_starts(qtbot, window):
    view = window.tune_view
    view.ranges.item(0, 1).setText("0..5000")
    assert not view.start()
    assert "embedding_dim" in view.status.text() and view.search is None


def test_the_chart_draws_value_against_a_parameter_and_importances(qtbot):
    from gui.charts.tune_charts import TuneCharts

    charts = TuneCharts()
    qtbot.addWidget(charts)
    rows = [TrialRow(n, "complete", {"units": u, "cell": c}, v, 2, 1.0, "w") for n, (u, c, v) in enumerate([(4, "lstm", 0.6), (8, "gru", 0.7), (16, "lstm", 0.65)])]
    charts.set_parameter("cell")
    charts.set_trials(rows, {"units": 0.7, "cell": 0.3}, "maximize")
    assert list(charts.best_line.get_ydata()) == [0.6, 0.7, 0.7]
    assert list(charts.parameter_points.get_xdata()) == [1, 0, 1]  # gru, lstm by name
    assert len(charts.bars) == 2
    assert spec_text({"low": 8, "high": 128, "log": True}) == "8..128:log" and spec_text({"choices": [True, False]}) == "true,false"
