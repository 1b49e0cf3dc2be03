"""The window's left column: the data, the hyperparameters, the run controls and the test results.

:class:`SetupColumn` stacks the four panels in a scroll area, keeps the
form read-only while a task runs or while it shows an opened model's
configuration (until "Edit for a new run"), and says how wide it needs to be
for its texts in the current language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QPushButton, QScrollArea, QStyle, QVBoxLayout, QWidget

from gui.i18n import context_tr
from gui.panels.config_form import ConfigForm
from gui.panels.data_source import DataSourcePanel
from gui.panels.results_panel import ResultsPanel
from gui.panels.run_panel import RunPanel


class SetupColumn(QScrollArea):
    """Data, Hyperparameters, Run and Test results, top to bottom."""

    #: "Edit for a new run" was clicked: the form is editable (and the button gone).
    unlocked = Signal()

    tr = context_tr("SetupColumn")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_panel = DataSourcePanel()
        self.form = ConfigForm()
        self.unlock_button = QPushButton()
        self.unlock_button.clicked.connect(self.unlock)
        self.unlock_button.hide()
        self.form.add_header_widget(self.unlock_button)
        self.config_group = QGroupBox()
        QVBoxLayout(self.config_group).addWidget(self.form)
        self.run_panel = RunPanel()
        self.results = ResultsPanel()
        self._inner = QWidget()
        layout = QVBoxLayout(self._inner)
        for panel in (self.data_panel, self.config_group, self.run_panel, self.results):
            layout.addWidget(panel)
        layout.addStretch(1)
        self.setWidget(self._inner)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setMinimumWidth(320)
        self._busy = False
        self._config_from_model = False  # the form shows an opened model's config
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Its static texts and its panels' (the window calls it, then fits the column to them)."""
        self.unlock_button.setText(self.tr("Edit for a new run"))
        self.unlock_button.setToolTip(self.tr("The form shows the opened model's configuration; edit it to train a new model"))
        self.unlock_button.setAccessibleName(self.unlock_button.text())
        self.config_group.setTitle(self.tr("Hyperparameters"))
        self.run_panel.retranslate_ui()
        self.results.retranslate_ui()

    def needed_width(self) -> int:
        """What the column needs for its texts (in the current language) and the scroll bar."""
        return self._inner.sizeHint().width() + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 6

    def focus_chain(self) -> list[QWidget]:
        """Its inputs in the order Tab visits them: the data, the form, then Train, Stop and Evaluate."""
        run = self.run_panel
        return [*self.data_panel.focus_chain(), *self.form.focus_chain(), run.train_button, run.stop_button, run.evaluate_button]

    def set_busy(self, busy: bool) -> None:
        """While a task runs, neither the data nor the hyperparameters can change."""
        self._busy = busy
        self.data_panel.setEnabled(not busy)
        self.form.set_read_only(busy or self._config_from_model)
        self.unlock_button.setVisible(self._config_from_model and not busy)

    def show_config(self, config, from_model: bool) -> None:
        """A finished task's configuration: an opened model's (``from_model``: read-only, with the
        Edit button) or the form's own (``config`` None: the form stays as it is)."""
        self._config_from_model = from_model
        if config is not None:
            self.form.set_config(config)

    def unlock(self) -> None:
        """Let the user edit an opened model's configuration for a new run."""
        self._config_from_model = False
        self.set_busy(self._busy)
        self.unlocked.emit()
