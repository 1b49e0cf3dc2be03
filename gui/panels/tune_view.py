"""The Tune tab: a hyperparameter search of the current data, live, on this machine or shared by many.

Inputs on the left (family, the ranges of its search space, objective,
budget, pruner, the study's name and database); on the right the live
table of trials and the charts. Start runs one worker of the study on a
thread (:class:`gui.workers.tune_workers.SearchThread`); a poller reads
the study every second on another, so trials from ``main.py tune``
workers on other machines appear too. "Train with best" puts the best
trial's config into the hyperparameter form.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QDeadlineTimer, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import StudioError
from core.models.families import DEFAULT_FAMILY, FAMILIES
from core.tuning.defaults import OBJECTIVE_LABELS, PRUNER_LABELS
from core.tuning.space import default_space, parse_param, tunable_families
from gui.charts.tune_charts import TuneCharts
from gui.i18n import RetranslatesOnLanguageChange, context_tr, error_text, tr_core
from gui.panels.trials_table import TrialsModel, sortable
from gui.workers.tune_workers import SearchRequest, SearchThread, TrialPoller


def spec_text(spec: dict) -> str:
    """A spec as the ranges table (and ``--param``) writes it: ``8..128:log`` or ``adam,rmsprop``."""
    if "choices" in spec:
        return ",".join(str(option).lower() if isinstance(option, bool) else str(option) for option in spec["choices"])
    return f"{spec['low']:g}..{spec['high']:g}" + (":log" if spec.get("log") else "")


class TuneView(RetranslatesOnLanguageChange, QWidget):
    """Inputs, Start/Stop, the trials table and the charts of one study."""

    tr = context_tr("TuneView")
    #: The best trial's config (a TrainingConfig), for the form.
    best_config = Signal(object)
    #: The search thread has ended (finished, stopped or failed).
    ended = Signal()

    def __init__(self, data_request: Callable[[], tuple] | None = None, storage_url: str | None = None, parent: QWidget | None = None):
        """``data_request() -> (source, options)``: the data the window has chosen; ``storage_url``: the default database."""
        super().__init__(parent)
        self.data_request = data_request or (lambda: (None, None))
        self.storage_url = storage_url
        self.search: SearchThread | None = None
        self.poller: TrialPoller | None = None
        self.best = None
        self._status_is_progress = False

        self.family_combo = QComboBox()
        for name in tunable_families():
            self.family_combo.addItem("", name)
        self.ranges = QTableWidget(0, 2)
        self.ranges.verticalHeader().setVisible(False)
        self.ranges.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.objective_combo = QComboBox()
        for name in OBJECTIVE_LABELS:
            self.objective_combo.addItem("", name)
        self.pruner_combo = QComboBox()
        for name in PRUNER_LABELS:
            self.pruner_combo.addItem("", name)
        self.trials_spin = QSpinBox()
        self.trials_spin.setRange(1, 10_000)
        self.trials_spin.setValue(20)
        self.timeout_spin = QSpinBox()
        self.timeout_spin.setRange(0, 7 * 24 * 60)
        self.study_edit = QLineEdit("studio")
        self.storage_label = QLabel()
        self.storage_label.setWordWrap(True)
        self.connect_button = QPushButton()
        self.start_button = QPushButton()
        self.stop_button = QPushButton()
        self.stop_button.setEnabled(False)
        self.best_button = QPushButton()
        self.best_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.form = QFormLayout()
        self.form_labels = []
        for widget in (self.family_combo, self.ranges, self.objective_combo, self.trials_spin, self.timeout_spin,
                       self.pruner_combo, self.study_edit):
            label = QLabel()
            label.setBuddy(widget)
            self.form_labels.append(label)
            if widget is self.ranges:  # the table takes the column's whole width, under its label
                self.form.addRow(label)
                self.form.addRow(widget)
            else:
                self.form.addRow(label, widget)
        inputs = QWidget()
        left = QVBoxLayout(inputs)
        left.addLayout(self.form)
        left.addWidget(self.storage_label)
        left.addWidget(self.connect_button)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.stop_button, self.best_button):
            buttons.addWidget(button)
        left.addLayout(buttons)
        left.addWidget(self.status)

        self.model = TrialsModel(self)
        self.proxy = sortable(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.parameter_combo = QComboBox()
        self.charts = TuneCharts()
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.parameter_combo)
        chart_layout.addWidget(self.charts)
        # Scrolled, so that the inputs never make the window taller than a small screen.
        scroll = QScrollArea()
        scroll.setWidget(inputs)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(scroll)
        top.addWidget(self.table)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        # The three charts get the tab's whole width, under the inputs and the trials.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(chart_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.family_combo.currentIndexChanged.connect(self._show_space)
        self.parameter_combo.currentTextChanged.connect(lambda name: self.charts.set_parameter(name or None))
        self.connect_button.clicked.connect(self.ask_storage)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.best_button.clicked.connect(self.train_with_best)
        self.family_combo.setCurrentIndex(max(0, self.family_combo.findData(DEFAULT_FAMILY)))
        self._show_space()
        self.retranslate_ui()

    # --- inputs -----------------------------------------------------------

    def family(self) -> str:
        return self.family_combo.currentData()

    def _show_space(self) -> None:
        space = default_space(self.family())
        self.ranges.setRowCount(len(space))
        for row, (name, spec) in enumerate(space.items()):
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.ranges.setItem(row, 0, item)
            self.ranges.setItem(row, 1, QTableWidgetItem(spec_text(spec)))
        self.ranges.setMinimumHeight(self.ranges.verticalHeader().length() + self.ranges.horizontalHeader().height() + 4)

    def space(self) -> dict:
        """The ranges table as a space; ConfigError names the first bad row."""
        space = {}
        for row in range(self.ranges.rowCount()):
            name, text = self.ranges.item(row, 0).text(), self.ranges.item(row, 1).text().strip()
            if text:
                key, spec = parse_param(f"{name}={text}", self.family())
                space[key] = spec
        return space

    def settings(self):
        from core.models.config import TrainingConfig  # noqa: PLC0415
        from core.tuning.study import StudySettings  # noqa: PLC0415

        return StudySettings(base=TrainingConfig(family=self.family()), space=self.space(), objective=self.objective_combo.currentData())

    def ask_storage(self) -> None:
        """"Connect to study…": a database URL shared with other workers (empty: this machine's file)."""
        url, accepted = QInputDialog.getText(self, self.tr("Connect to study"),
                                             self.tr("Database URL (e.g. postgresql://user@host/db); empty for this machine's file:"),
                                             QLineEdit.EchoMode.Normal, self.storage_url or "")
        if accepted:
            self.set_storage(url.strip() or None)

    def set_storage(self, url: str | None) -> None:
        self.storage_url = url
        self._show_storage()

    def _show_storage(self) -> None:
        self.storage_label.setText(self.tr("Study database: {url}").format(url=self.storage_url or self.tr("this machine's file")))

    # --- running ----------------------------------------------------------

    def is_running(self) -> bool:
        return self.search is not None and self.search.isRunning()

    def start(self) -> bool:
        """Start a worker of the study named in the form; False (with the reason shown) if the inputs are wrong."""
        if self.is_running():
            return False
        try:
            settings = self.settings()
        except StudioError as exc:
            self.status.setText(error_text(exc))
            return False
        name = self.study_edit.text().strip()
        if not name:
            self.status.setText(self.tr("Name the study."))
            return False
        source, options = self.data_request()
        minutes = self.timeout_spin.value()
        request = SearchRequest(self.storage_url, name, settings, source, options,
                                self.trials_spin.value(), minutes * 60 if minutes else None, self.pruner_combo.currentData())
        self.search = SearchThread(request, self)
        self.search.failed.connect(self._show_error)
        self.search.opened.connect(self._watch)
        self.search.finished.connect(self._search_ended)
        self.model.set_rows([])
        self.charts.set_trials([], {}, settings.direction)
        self.status.setText(self.tr("Searching: study {name}…").format(name=name))
        self._status_is_progress = True
        self._set_running(True)
        self.search.start()
        return True

    def _show_error(self, error) -> None:
        self.status.setText(error_text(error) if isinstance(error, BaseException) else str(error))
        self._status_is_progress = False

    def _watch(self, url: str, name: str) -> None:
        self._stop_poller()
        self.poller = TrialPoller(url, name, parent=self)
        self.poller.polled.connect(self._show_trials)
        self.poller.start()

    def _show_trials(self, rows: list, importances: dict, direction: str) -> None:
        self.model.set_rows(rows)
        names = self.model.parameters
        if [self.parameter_combo.itemText(i) for i in range(self.parameter_combo.count())] != names:
            current = self.parameter_combo.currentText()
            self.parameter_combo.blockSignals(True)
            self.parameter_combo.clear()
            self.parameter_combo.addItems(names)
            self.parameter_combo.setCurrentIndex(max(0, names.index(current)) if current in names else 0)
            self.parameter_combo.blockSignals(False)
            self.charts.set_parameter(self.parameter_combo.currentText() or None)
        self.charts.set_trials(rows, importances, direction)
        complete = [row for row in rows if row.state == "complete" and row.value is not None]
        self.best_button.setEnabled(bool(complete))

    def stop(self) -> None:
        """End the running trial after its current batch (it is recorded as pruned, or failed before its first epoch)."""
        if self.search is not None:
            self.search.stop()
            self.status.setText(self.tr("Stopping after the current batch…"))

    def _search_ended(self) -> None:
        self._set_running(False)
        if self._status_is_progress:  # not an error, which stays
            self.status.setText(self.tr("The search has ended."))
        self.ended.emit()

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        for widget in (self.family_combo, self.ranges, self.objective_combo, self.trials_spin, self.timeout_spin,
                       self.pruner_combo, self.study_edit, self.connect_button):
            widget.setEnabled(not running)

    def train_with_best(self) -> None:
        """The best trial's full config, to the hyperparameter form."""
        import optuna  # noqa: PLC0415

        from core.models.config import TrainingConfig  # noqa: PLC0415
        from core.tuning.search import best_config  # noqa: PLC0415
        from core.tuning.storage import open_storage  # noqa: PLC0415

        try:
            study = optuna.load_study(storage=open_storage(self.storage_url), study_name=self.study_edit.text().strip())
            config = TrainingConfig.from_dict(best_config(study))
        except (StudioError, KeyError) as exc:
            self.status.setText(error_text(exc) if isinstance(exc, StudioError) else self.tr("There is no such study."))
            return
        self.best = config
        self.best_config.emit(config)
        self.status.setText(self.tr("The best trial's configuration is in the form: click Train."))

    # --- closing ----------------------------------------------------------

    def _stop_poller(self) -> None:
        if self.poller is not None:
            self.poller.stop()

    def shutdown(self, wait_ms: int) -> bool:
        """Stop the search and the poller; True if both threads ended within ``wait_ms``."""
        if self.search is not None:
            self.search.stop()
        self._stop_poller()
        deadline = QDeadlineTimer(max(0, wait_ms))
        ended = True
        for thread in (self.search, self.poller):
            if thread is not None:
                ended = thread.wait(deadline) and ended
        return ended

    # --- language ---------------------------------------------------------

    def retranslate_ui(self) -> None:
        for index, name in enumerate(tunable_families()):
            self.family_combo.setItemText(index, tr_core(FAMILIES[name].label))
        for index, label in enumerate(OBJECTIVE_LABELS.values()):
            self.objective_combo.setItemText(index, tr_core(label))
        for index, label in enumerate(PRUNER_LABELS.values()):
            self.pruner_combo.setItemText(index, tr_core(label))
        self.ranges.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Range (LOW..HIGH[:log] or A,B,C)")])
        labels = (self.tr("Model family:"), self.tr("Search space:"), self.tr("Objective:"), self.tr("Trials:"),
                  self.tr("Time limit (minutes, 0: none):"), self.tr("Pruner:"), self.tr("Study name:"))
        tips = (self.tr("The kind of network to search; its default ranges fill the table below"),
                self.tr("Each field's range: LOW..HIGH, LOW..HIGH:log (learning rates, sizes) or choices A,B,C; empty: not searched"),
                self.tr("What a trial's value is: judged on the validation reviews, never the test set"),
                self.tr("Finished trials the study should have in all, whichever machine ran them"),
                self.tr("Start no new trial after this many minutes"),
                self.tr("Stop poor trials early, from their epochs so far"),
                self.tr("Workers with one study name and one database share the search"))
        for label, text, tip in zip(self.form_labels, labels, tips):
            label.setText(text)
            widget = label.buddy()
            widget.setAccessibleName(text.rstrip(":：").split(" (")[0].split("（")[0])
            widget.setToolTip(tip)
        self.timeout_spin.setSpecialValueText(self.tr("none"))
        self.connect_button.setText(self.tr("Connect to study…"))
        self.connect_button.setToolTip(self.tr("Share a study with other machines through a database server"))
        self.start_button.setText(self.tr("Start search"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("End the running trial after its current batch; it is kept as pruned"))
        self.best_button.setText(self.tr("Train with best"))
        self.best_button.setToolTip(self.tr("Put the best trial's configuration into the hyperparameter form"))
        self.parameter_combo.setToolTip(self.tr("The parameter the third chart plots the value against"))
        self.parameter_combo.setAccessibleName(self.tr("Parameter to plot"))
        self.start_button.setToolTip(self.tr("Run trials of the study on this machine until the budget is spent"))
        self._show_storage()
