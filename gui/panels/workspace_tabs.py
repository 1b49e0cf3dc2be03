"""The window's tabs: Training (learning curves and the model's layers), Evaluation, Runs, Batch and Tune.

:class:`WorkspaceTabs` lays the pages out and shows the current model on
those that draw one (:meth:`WorkspaceTabs.show_model`); each page does the
rest of its own work.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from core.models.config import preset
from core.tuning.defaults import DEFAULT_FILE, sqlite_url
from gui.charts.training_chart import TrainingChart
from gui.field_labels import family_label, preset_label
from gui.i18n import context_tr
from gui.panels.batch_view import BatchView
from gui.panels.evaluation_view import EvaluationView
from gui.panels.results_panel import ModelSummaryPanel
from gui.panels.runs_view import RunsView
from gui.panels.tune_view import TuneView
from gui.run_store import RunStore

TAB_NAMES = (
    QT_TRANSLATE_NOOP("WorkspaceTabs", "Training"),
    QT_TRANSLATE_NOOP("WorkspaceTabs", "Evaluation"),
    QT_TRANSLATE_NOOP("WorkspaceTabs", "Runs"),
    QT_TRANSLATE_NOOP("WorkspaceTabs", "Batch"),
    QT_TRANSLATE_NOOP("WorkspaceTabs", "Tune"),
)


class WorkspaceTabs(QTabWidget):
    """The five pages, in the order of Ctrl+1 to Ctrl+5."""

    tr = context_tr("WorkspaceTabs")

    def __init__(self, runs: RunStore, parent: QWidget | None = None, data_request=None):
        """``data_request() -> (source, options)``: the data the window has chosen, for the Tune tab's searches."""
        super().__init__(parent)
        self.setDocumentMode(True)
        self.chart = TrainingChart()
        self.chart.canvas.setMinimumHeight(110)  # the tabs share the height with the classify panel
        self.chart_group = QGroupBox()
        chart_layout = QVBoxLayout(self.chart_group)
        chart_layout.setContentsMargins(6, 6, 6, 6)
        chart_layout.addWidget(self.chart)
        self.model_summary = ModelSummaryPanel()
        self.training_tab = QSplitter(Qt.Orientation.Vertical)
        self.training_tab.addWidget(self.chart_group)
        self.training_tab.addWidget(self.model_summary)
        self.training_tab.setStretchFactor(0, 3)
        self.training_tab.setStretchFactor(1, 1)
        self.training_tab.setChildrenCollapsible(False)
        self.evaluation_view = EvaluationView()
        self.runs_view = RunsView(runs)
        self.batch_view = BatchView()
        # The study database sits beside the run list (by default the app's data folder, where main.py tune looks too).
        self.tune_view = TuneView(data_request, sqlite_url(runs.folder / DEFAULT_FILE))
        self.pages = [self.training_tab, self.evaluation_view, self.runs_view, self.batch_view, self.tune_view]
        for page in self.pages:
            self.addTab(page, "")
        #: Whose curves the chart shows, if an ensemble's member: (index from 1, count, preset name).
        self._member: tuple[int, int, str] | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The tabs' names and hints (the window calls it, before its menus name the tabs)."""
        self.chart_group.setTitle(self.tr("Learning curves"))
        self.model_summary.retranslate_ui()
        for index, name in enumerate(TAB_NAMES):
            self.setTabText(index, self.tr(name))
        self.setTabToolTip(0, self.tr("The learning curves and the model's layers (Ctrl+1)"))
        self.setTabToolTip(1, self.tr("Confusion matrix, ROC curve, threshold and the worst mistakes on the test reviews (Ctrl+2)"))
        self.setTabToolTip(2, self.tr("Every run and opened model, compared (Ctrl+3)"))
        self.setTabToolTip(3, self.tr("Classify a file of reviews (Ctrl+4)"))
        self.setTabToolTip(4, self.tr("Search hyperparameters with Optuna, alone or shared with other machines (Ctrl+5)"))
        self._show_member_heading()

    def show_member(self, index: int, count: int, name: str) -> None:
        """An ensemble's run starts its member ``index`` of ``count`` (preset ``name``): fresh curves, named."""
        self.chart.reset(preset(name).epochs)
        self._member = (index, count, name)
        self._show_member_heading()

    def _show_member_heading(self) -> None:
        if self._member is not None:
            index, count, name = self._member
            self.chart.set_heading(self.tr("Ensemble member {index} of {count}: {name}").format(index=index, count=count, name=preset_label(name)))

    def show_model(self, model) -> None:
        """``model`` 's curves, layers and evaluation; None: no curves and no evaluation."""
        if model is None:
            self.chart.reset()
            self.evaluation_view.set_model(None)
            return
        members = getattr(model, "members", None)
        self._member = None
        shown = members[-1] if members else model  # an ensemble has no curves of its own: its last member's
        training = shown.training or {}
        self.chart.set_history(shown.history, training.get("best_epoch"), training.get("restored_best", False))
        if members:
            self.chart.set_heading(self.tr("Ensemble of {count} models; curves of its last, a {name}").format(
                count=len(members), name=family_label(shown.config.family).lower()))
        self.model_summary.show_model(model)
        self.evaluation_view.set_model(model)

    def set_busy(self, busy: bool, model) -> None:
        """While a task runs, no Evaluate, no Open from the run list and no batch; else the model's."""
        self.evaluation_view.evaluate_button.setEnabled(not busy and model is not None)
        self.runs_view.set_open_enabled(not busy)
        self.batch_view.set_model(model if not busy else None)
