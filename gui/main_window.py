"""The main window: data and hyperparameters, Train and Stop, the live chart, results, classify.

The window runs one task at a time (train, evaluate or open a model) on
its one long-lived worker thread (:class:`~gui.workers.tasks.WorkerThread`),
and keeps the task's worker as an attribute until the worker has ended. Every widget change happens in slots of this window, which
live in the GUI thread; the worker only emits signals. TensorFlow is never
imported here: the worker imports it, so the window paints first.

Dialogs go through :meth:`MainWindow.show_error` (non-blocking, and the
message is kept in ``last_error``) and :meth:`MainWindow.ask` (answered by
``auto_answer`` when set, or when Qt runs without a screen), so tests drive
every path without a modal loop.

Every text is translated (``tr``, context "MainWindow"; the engine's
messages through ``gui.i18n.error_text``); View > Language switches the
language of the open window (``retranslate_ui`` on ``LanguageChange``) and
the settings remember it.
"""

from __future__ import annotations

import csv
import gc
import os
import threading
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDeadlineTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.data.loading import DOWNLOAD
from core.errors import ConfigError, StudioError
from core.models.model_file import read_metadata
from gui.charts.training_chart import TrainingChart
from gui.i18n import LANGUAGES, context_tr, describe_config, error_text, missing_font_warning, set_language
from gui.panels.batch_view import BatchView
from gui.panels.classify_panel import ClassifyPanel
from gui.panels.config_form import ConfigForm
from gui.panels.data_source import DataSourcePanel
from gui.panels.data_summary import describe_source
from gui.panels.evaluation_view import EvaluationView
from gui.panels.runs_view import RunsView
from gui.run_store import Run, RunStore
from gui.settings import StudioSettings
from gui.workers.garbage_collection import GuiThreadCollector
from gui.workers.tasks import EvaluateJob, OpenJob, TaskWorker, TrainJob, WorkerThread, preload_engine

APP_TITLE = "IMDB Sentiment Studio"
#: Milliseconds closeEvent waits for the worker before hiding and finishing later.
CLOSE_WAIT_MS = 3000
#: After the first paint, how long the window idles before TensorFlow is imported in the background.
PRELOAD_DELAY_MS = 1500
#: How long the worker waits, after each epoch, for the chart to draw it
#: (:attr:`TaskWorker.epoch_pause`): a draw takes about 50 ms alone.
EPOCH_DRAW_PAUSE_S = 0.25
PHASE_TEXT = {
    "loading data": QT_TRANSLATE_NOOP("MainWindow", "Loading data…"),
    "building vocabulary": QT_TRANSLATE_NOOP("MainWindow", "Building vocabulary…"),
    "vectorising": QT_TRANSLATE_NOOP("MainWindow", "Vectorising reviews…"),
    "training": QT_TRANSLATE_NOOP("MainWindow", "Training…"),
    "evaluating": QT_TRANSLATE_NOOP("MainWindow", "Evaluating on the test reviews…"),
    "opening model": QT_TRANSLATE_NOOP("MainWindow", "Opening the model (TensorFlow loads on first use)…"),
}
METRIC_LABELS = (
    ("loss", QT_TRANSLATE_NOOP("MainWindow", "Loss")),
    ("accuracy", QT_TRANSLATE_NOOP("MainWindow", "Accuracy")),
    ("precision", QT_TRANSLATE_NOOP("MainWindow", "Precision")),
    ("recall", QT_TRANSLATE_NOOP("MainWindow", "Recall")),
    ("f1", QT_TRANSLATE_NOOP("MainWindow", "F1")),
    ("roc_auc", QT_TRANSLATE_NOOP("MainWindow", "ROC AUC")),
)
TAB_NAMES = (
    QT_TRANSLATE_NOOP("MainWindow", "Training"),
    QT_TRANSLATE_NOOP("MainWindow", "Evaluation"),
    QT_TRANSLATE_NOOP("MainWindow", "Runs"),
    QT_TRANSLATE_NOOP("MainWindow", "Batch"),
)
HISTORY_COLUMNS = ("loss", "accuracy", "val_loss", "val_accuracy", "seconds")


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _explainer_for(model):
    """Text -> Explanation with ``model``; runs on the classify panel's thread (TensorFlow is loaded)."""

    def explain_text(text: str):
        from core.insight.explain import explain

        return explain(model, text)

    return explain_text


class MainWindow(QMainWindow):
    """IMDB Sentiment Studio's one window."""

    #: A model became current (trained, opened or evaluated).
    model_changed = Signal(object)
    #: The task's worker has ended and the window is idle again; the task's kind.
    task_ended = Signal(str)
    #: An error dialog was shown, with its message.
    error_shown = Signal(str)
    #: The window painted for the first time (startup benchmark).
    first_painted = Signal()
    #: Progress the window has shown (GUI thread): epoch, step, steps per epoch.
    batch_shown = Signal(int, int, int)
    #: The running task's phase reached the window (GUI thread): "loading data", "training", ...
    phase_shown = Signal(str)
    #: The language of the window changed (View > Language): its code.
    language_changed = Signal(str)

    tr = context_tr("MainWindow")

    def __init__(self, settings: StudioSettings | None = None, parent: QWidget | None = None, runs_folder: str | os.PathLike | None = None):
        """``runs_folder`` holds the run list and its models (default: the app's AppDataLocation)."""
        super().__init__(parent)
        self.settings = settings or StudioSettings()
        self.runs = RunStore(runs_folder, self)
        self.current_run: Run | None = None  # the run of the current model
        self.model = None  # core.models.sentiment_model.SentimentModel, once there is one
        self.stop_event = threading.Event()
        #: Runs every task (TensorFlow always sees the same thread); started on first use.
        self.worker_thread = WorkerThread("studio-worker", self)
        #: Garbage is collected here, in the GUI thread, never on a worker (see gui.workers.garbage_collection).
        self.collector = GuiThreadCollector(self)
        self.collector.start()
        self.worker: TaskWorker | None = None  # the running task's worker
        self.job = None
        self.task: str | None = None  # "train", "evaluate", "open" while a worker runs
        #: Seconds between per-batch progress signals (<= 20 a second by default).
        self.batch_interval = 0.05
        #: When not None, ask() returns it without a dialog (tests, scripts).
        self.auto_answer: bool | None = None
        self.last_error: str | None = None
        self.error_box: QMessageBox | None = None
        self._corpus = None  # the last corpus read, reused by Evaluate
        self._corpus_key: tuple | None = None  # the data panel's choice it was read for
        self._config_from_model = False  # the form shows an opened model's config
        self._close_when_idle = False
        self._closed = False
        self._run_started = 0.0
        self._epochs_planned = 0
        self._painted = False
        self._preload_worker: TaskWorker | None = None

        self.setWindowTitle(APP_TITLE)
        self._build_widgets()
        self._build_menus()
        self._set_tab_order()
        self.retranslate_ui()
        self._restore_settings()
        self._set_busy(False)
        self._show_ready()

    def _show_ready(self) -> None:
        self._ready_text = self.tr("Ready. Choose the data and the hyperparameters, then click Train.")
        self.statusBar().showMessage(self._ready_text)

    # ------------------------------------------------------------------ UI

    def _build_widgets(self) -> None:
        self.data_panel = DataSourcePanel()

        self.form = ConfigForm()
        self.unlock_button = QPushButton()
        self.unlock_button.clicked.connect(self.unlock_form)
        self.unlock_button.hide()
        self.config_group = config_group = QGroupBox()
        config_layout = QVBoxLayout(config_group)
        config_layout.addWidget(self.form)
        self.form.header.insertWidget(2, self.unlock_button)

        self.train_button = QPushButton()
        self.train_button.setDefault(True)
        self.train_button.clicked.connect(self.start_training)
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop)
        self.evaluate_button = QPushButton()
        self.evaluate_button.clicked.connect(self.evaluate_model)
        buttons = QHBoxLayout()
        for button in (self.train_button, self.stop_button, self.evaluate_button):
            button.setMinimumWidth(96)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.epoch_bar = QProgressBar()
        self.batch_bar = QProgressBar()
        self.eta_label = QLabel(" ")
        self.run_group = run_group = QGroupBox()
        run_layout = QVBoxLayout(run_group)
        run_layout.addLayout(buttons)
        run_layout.addWidget(self.epoch_bar)
        run_layout.addWidget(self.batch_bar)
        run_layout.addWidget(self.eta_label)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.data_panel)
        left_layout.addWidget(config_group)
        left_layout.addWidget(run_group)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.chart = TrainingChart()
        # The empty chart spans the epochs the form will train.
        self.form.changed.connect(lambda: self.chart.expect_epochs(self.form.values().get("epochs")))
        self.chart.expect_epochs(self.form.values().get("epochs"))
        self.chart_group = chart_group = QGroupBox()
        chart_layout = QVBoxLayout(chart_group)
        chart_layout.setContentsMargins(6, 6, 6, 6)
        chart_layout.addWidget(self.chart)

        self.results_group = QGroupBox()
        results_layout = QVBoxLayout(self.results_group)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.metric_values: dict[str, QLabel] = {}
        self.metric_names: dict[str, QLabel] = {}
        value_font = QFont(self.font())
        value_font.setBold(True)
        for index, (key, _text) in enumerate(METRIC_LABELS):
            row, column = divmod(index, 3)
            value = QLabel("–")
            value.setFont(value_font)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.metric_values[key] = value
            self.metric_names[key] = name = QLabel()
            name.setBuddy(value)
            grid.addWidget(name, row, column * 2)
            grid.addWidget(value, row, column * 2 + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        self.metrics_note = QLabel()
        self.metrics_note.setWordWrap(True)
        self.training_info = QLabel("")
        self.training_info.setWordWrap(True)
        results_layout.addLayout(grid)
        results_layout.addWidget(self.metrics_note)
        results_layout.addWidget(self.training_info)
        self.data_info = QLabel("")  # the model's data: name, path or URL, counts, balance
        self.data_info.setWordWrap(True)
        self.data_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        results_layout.addWidget(self.data_info)
        left_layout.insertWidget(3, self.results_group)

        self.summary_group = QGroupBox()
        summary_layout = QVBoxLayout(self.summary_group)
        self.summary_table = QTableWidget(0, 4)
        self.summary_table.verticalHeader().hide()
        self.summary_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.summary_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary_table.setAlternatingRowColors(True)
        self.summary_table.setMinimumHeight(40)
        self.summary_total = QLabel("")
        summary_layout.addWidget(self.summary_table, 1)
        summary_layout.addWidget(self.summary_total)

        self.classify_panel = ClassifyPanel()
        scroll.setMinimumWidth(320)
        self._left = left

        self.chart.canvas.setMinimumHeight(110)  # the tabs share the height with the classify panel
        training_tab = QSplitter(Qt.Orientation.Vertical)
        training_tab.addWidget(chart_group)
        training_tab.addWidget(self.summary_group)
        training_tab.setStretchFactor(0, 3)
        training_tab.setStretchFactor(1, 1)
        training_tab.setChildrenCollapsible(False)
        self.evaluation_view = EvaluationView()
        self.evaluation_view.review_chosen.connect(self._explain_review)
        self.evaluation_view.evaluate_requested.connect(self.evaluate_model)
        self.runs_view = RunsView(self.runs)
        self.runs_view.open_requested.connect(self.open_model)
        self.runs.failed.connect(lambda message: self.show_error(self.tr("Cannot keep the run list"), message))
        self.batch_view = BatchView()
        self.batch_view.error.connect(self.show_error)
        self.batch_view.ended.connect(lambda _outcome: self._close_if_waiting())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (training_tab, self.evaluation_view, self.runs_view, self.batch_view):
            self.tabs.addTab(page, "")

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.tabs)
        right.addWidget(self.classify_panel)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(scroll)
        main.addWidget(right)
        main.setStretchFactor(0, 0)
        main.setStretchFactor(1, 1)
        main.setChildrenCollapsible(False)
        self.splitters = {"main": main, "right": right, "training": training_tab}
        self.setCentralWidget(main)

    def _build_menus(self) -> None:
        """Menus and actions; their texts are set in retranslate_ui. Every action has a shortcut or a mnemonic."""
        self.file_menu = file_menu = self.menuBar().addMenu("")
        self.open_action = self._action(file_menu, QKeySequence.StandardKey.Open, self.choose_and_open_model)
        self.save_action = self._action(file_menu, QKeySequence.StandardKey.Save, self.save_model)
        self.save_as_action = self._action(file_menu, QKeySequence.StandardKey.SaveAs, self.save_model_as)
        file_menu.addSeparator()
        self.export_chart_action = self._action(file_menu, None, self.choose_and_export_chart)
        self.export_csv_action = self._action(file_menu, None, self.choose_and_export_history)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, QKeySequence.StandardKey.Quit, self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.run_menu = run_menu = self.menuBar().addMenu("")
        self.train_action = self._action(run_menu, QKeySequence("Ctrl+T"), self.start_training)
        self.stop_action = self._action(run_menu, QKeySequence("Esc"), self.stop)
        self.evaluate_action = self._action(run_menu, QKeySequence("Ctrl+E"), self.evaluate_model)
        run_menu.addSeparator()
        presets = run_menu.addMenu("")
        for action in self.form.preset_menu.actions():
            presets.addAction(action)
        self.presets_menu = presets
        self.reset_action = self._action(run_menu, None, self.form.reset_to_defaults)

        self.view_menu = view_menu = self.menuBar().addMenu("")
        self.tab_actions = []
        for index in range(self.tabs.count()):
            action = self._action(view_menu, QKeySequence(f"Ctrl+{index + 1}"), lambda i=index: self.tabs.setCurrentIndex(i))
            self.tab_actions.append(action)
        view_menu.addSeparator()
        self.review_action = self._action(view_menu, QKeySequence("Ctrl+L"), self.focus_review)
        self.data_action = self._action(view_menu, QKeySequence("Ctrl+D"), self.focus_data)
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in ("", *LANGUAGES):
            action = QAction(self)
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        # Native names, each with its mnemonic: the same in every language.
        self.language_actions["en"].setText("&English")
        self.language_actions["zh_CN"].setText("简体中文(&C)")
        self.language_actions.get(self.settings.language(), self.language_actions[""]).setChecked(True)

        self.help_menu = help_menu = self.menuBar().addMenu("")
        self.about_action = self._action(help_menu, None, self._about)

    def _action(self, menu, shortcut, slot) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _set_tab_order(self) -> None:
        """Data, hyperparameters, the run buttons, the tabs, then the review: the way the work goes."""
        panel, form = self.data_panel, self.form
        chain = [
            panel.kind_combo, panel.path_edit, panel.file_button, panel.folder_button, panel.text_combo, panel.label_combo,
            panel.split_radio, panel.fraction_spin, panel.seed_spin, panel.test_file_radio, panel.test_path_edit,
            panel.test_browse_button, panel.words_spin, panel.read_button,
            form.preset_button, form.reset_button, self.unlock_button, *form.widgets.values(),
            self.train_button, self.stop_button, self.evaluate_button, self.tabs,
        ]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.tabs, self.classify_panel.text_edit)

    def retranslate_ui(self) -> None:
        """Every static text of the window; dynamic ones (metrics, model info) are shown again."""
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open model…"))
        self.save_action.setText(self.tr("&Save model"))
        self.save_as_action.setText(self.tr("Save model &as…"))
        self.export_chart_action.setText(self.tr("Export chart as &PNG…"))
        self.export_csv_action.setText(self.tr("Export history as &CSV…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.run_menu.setTitle(self.tr("&Training"))
        self.train_action.setText(self.tr("&Train"))
        self.stop_action.setText(self.tr("&Stop"))
        self.evaluate_action.setText(self.tr("&Evaluate on the test set"))
        self.presets_menu.setTitle(self.tr("&Preset"))
        self.reset_action.setText(self.tr("&Reset to defaults"))
        self.view_menu.setTitle(self.tr("&View"))
        for action, name in zip(self.tab_actions, TAB_NAMES):
            action.setText(self.tr("{tab} tab").format(tab=self.tr(name)))
        self.review_action.setText(self.tr("Type a re&view"))
        self.data_action.setText(self.tr("Choose the &data"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions[""].setText(self.tr("&System default"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))

        self.unlock_button.setText(self.tr("Edit for a new run"))
        self.unlock_button.setToolTip(self.tr("The form shows the opened model's configuration; edit it to train a new model"))
        self.config_group.setTitle(self.tr("Hyperparameters"))
        self.train_button.setText(self.tr("Train"))
        self.train_button.setToolTip(self.tr("Train a new model with these settings (Ctrl+T)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the current batch and keep the model trained so far (Esc)"))
        self.evaluate_button.setText(self.tr("Evaluate"))
        self.evaluate_button.setToolTip(self.tr("Compute the test metrics of the current model (Ctrl+E)"))
        for button in (self.unlock_button, self.train_button, self.stop_button, self.evaluate_button):
            button.setAccessibleName(button.text())
        self.run_group.setTitle(self.tr("Run"))
        self.epoch_bar.setAccessibleName(self.tr("Epochs"))
        self.batch_bar.setAccessibleName(self.tr("Batches"))
        self.chart_group.setTitle(self.tr("Learning curves"))
        self.results_group.setTitle(self.tr("Test results"))
        for key, text in METRIC_LABELS:
            self.metric_names[key].setText(self.tr(text))
            self.metric_values[key].setAccessibleName(self.tr(text))
        self.summary_group.setTitle(self.tr("Model summary"))
        self.summary_table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Type"), self.tr("Output shape"), self.tr("Params")])
        self.summary_table.setAccessibleName(self.tr("Model summary"))
        for index, name in enumerate(TAB_NAMES):
            self.tabs.setTabText(index, self.tr(name))
        self.tabs.setTabToolTip(0, self.tr("The learning curves and the model's layers (Ctrl+1)"))
        self.tabs.setTabToolTip(1, self.tr("Confusion matrix, ROC curve, threshold and the worst mistakes on the test reviews (Ctrl+2)"))
        self.tabs.setTabToolTip(2, self.tr("Every run and opened model, compared (Ctrl+3)"))
        self.tabs.setTabToolTip(3, self.tr("Classify a file of reviews (Ctrl+4)"))
        if not self.is_busy():
            self._show_idle_texts()

    def _show_idle_texts(self) -> None:
        """The texts that depend on the model, in the current language."""
        if self.model is not None:
            self._show_model_texts(self.model)
        else:
            self.metrics_note.setText(self.tr("No model yet."))
            self.epoch_bar.setFormat(self.tr("Epochs"))
        self.batch_bar.setFormat(self.tr("Batches"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "file_menu"):
            self.retranslate_ui()
            self._set_busy(self.is_busy())  # hints and enabled states, in the new language
            if self.statusBar().currentMessage() == getattr(self, "_ready_text", None):
                self._show_ready()
            self._fit_left_pane()
        super().changeEvent(event)

    def choose_language(self, code: str) -> str:
        """View > Language: switch the running app, remember the choice ("" follows the system)."""
        self.settings.set_language(code)
        language = set_language(code)
        self.language_actions[code if code in self.language_actions else ""].setChecked(True)
        warning = missing_font_warning()
        self.statusBar().showMessage(warning or self.tr("Language: {name}").format(name=LANGUAGES[language]), 15_000)
        self.language_changed.emit(language)
        return language

    def focus_review(self) -> None:
        """Ctrl+L: put the cursor in the review box."""
        self.classify_panel.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_data(self) -> None:
        """Ctrl+D: put the cursor in the data path (or on the kind of data, where there is no path)."""
        panel = self.data_panel
        (panel.path_edit if panel.path_edit.isVisibleTo(panel) else panel.kind_combo).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About {app}").format(app=APP_TITLE),
            self.tr("<b>{app}</b><p>Train a Keras LSTM on the IMDB reviews, watch it learn, and use it.</p>"
                    "<p>Settings are kept in {file}</p>").format(app=APP_TITLE, file=self.settings.store.fileName()),
        )

    # ------------------------------------------------------------ settings

    def _restore_settings(self) -> None:
        self.data_panel.restore(self.settings)
        self.form.set_config(self.settings.config())
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            # 1280x800, or the whole screen where it is smaller (1280x720, or 200% scaling)
            self.resize(min(1280, screen.width()) if screen else 1280, min(800, screen.height()) if screen else 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        width = max(self.width(), 1000)
        left_width = self._left_width()
        self.splitters["main"].setSizes([left_width, width - left_width])
        self.splitters["right"].setSizes([500, 270])
        self.splitters["training"].setSizes([360, 140])

    def _left_width(self) -> int:
        """What the left column needs for its texts (in the current language) and the scroll bar."""
        return self._left.sizeHint().width() + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 6

    def _fit_left_pane(self) -> None:
        """Widen the left column if its texts (a new language) no longer fit."""
        sizes = self.splitters["main"].sizes()
        needed = self._left_width()
        if len(sizes) == 2 and 0 < sizes[0] < needed and sum(sizes) > needed + 400:
            self.splitters["main"].setSizes([needed, sum(sizes) - needed])

    def save_settings(self) -> None:
        self.data_panel.save(self.settings)
        try:
            self.settings.set_config(self.form.config())
        except ConfigError:
            pass  # keep the last valid hyperparameters
        self.settings.set_window(self.saveGeometry(), self.saveState())
        self.settings.sync()

    # -------------------------------------------------------------- dialogs

    def show_error(self, title: str, message: str) -> None:
        """Tell the user what went wrong, without blocking (QMessageBox.open)."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.error_box is not None:
            try:
                self.error_box.close()
            except RuntimeError:
                pass  # already deleted
        self.error_box = box
        box.open()
        self.statusBar().showMessage(f"{title}: {message}", 15_000)
        self.error_shown.emit(message)

    def ask(self, title: str, question: str) -> bool:
        """A yes/no question; answered by ``auto_answer`` or without a screen."""
        if self.auto_answer is not None:
            return self.auto_answer
        if QApplication.platformName() in ("offscreen", "minimal"):
            return True
        answer = QMessageBox.question(self, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -------------------------------------------------------------- running

    def is_busy(self) -> bool:
        return self.worker is not None

    def _set_busy(self, busy: bool) -> None:
        running_stoppable = busy and self.task in ("train", "evaluate")
        has_model = self.model is not None
        self.train_button.setEnabled(not busy)
        self.train_action.setEnabled(not busy)
        self.stop_button.setEnabled(running_stoppable)
        self.stop_action.setEnabled(running_stoppable)
        self.evaluate_button.setEnabled(not busy and has_model)
        self.evaluate_action.setEnabled(not busy and has_model)
        self.data_panel.setEnabled(not busy)
        self.form.set_read_only(busy or self._config_from_model)
        self.unlock_button.setVisible(self._config_from_model and not busy)
        self._fit_left_pane()
        self.presets_menu.setEnabled(not busy)
        for action in self.presets_menu.actions():  # their shortcuts too (Alt+1…)
            action.setEnabled(not busy)
        self.reset_action.setEnabled(not busy)
        self.open_action.setEnabled(not busy)
        self.save_action.setEnabled(not busy and has_model)
        self.save_as_action.setEnabled(not busy and has_model)
        self.export_chart_action.setEnabled(not busy)
        self.export_csv_action.setEnabled(not busy and has_model)
        self.evaluation_view.evaluate_button.setEnabled(not busy and has_model)
        self.runs_view.set_open_enabled(not busy)
        self.batch_view.set_model(self.model if not busy else None)
        if busy:
            self.classify_panel.set_predictor(None, self.tr("Classify is available again when the current task ends."))
        elif has_model:
            self.classify_panel.set_predictor(self._predict, explainer=_explainer_for(self.model))
        else:
            self.classify_panel.set_predictor(None)

    def _predict(self, texts):
        return self.model.predict(list(texts))

    def _explain_review(self, text: str) -> None:
        """A review chosen elsewhere (the evaluation tab): classify and explain it."""
        self.classify_panel.show_review(text)

    def _start(self, task: str, job, status: str) -> None:
        """Run ``job`` on the worker thread; the window is busy until its worker has ended."""
        self.stop_event = threading.Event()
        worker = TaskWorker(job, self.stop_event, batch_interval=self.batch_interval, epoch_pause=EPOCH_DRAW_PAUSE_S)
        worker.phase.connect(self._on_phase)
        worker.download.connect(self._on_download)
        worker.reading.connect(self._on_reading)
        worker.train_begin.connect(self._on_train_begin)
        worker.batch.connect(self._on_batch)
        worker.epoch.connect(self._on_epoch)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        worker.ended.connect(self._on_task_ended)
        self.task = task
        self.job = job
        self.worker = worker
        self._run_started = time.monotonic()
        self._set_busy(True)
        self.statusBar().showMessage(status)
        self.worker_thread.start(worker)

    def start_training(self) -> bool:
        """Train a new model with the form's settings; False if it could not start."""
        if self.is_busy():
            return False
        try:
            config = self.form.config()
        except ConfigError as exc:
            self.show_error(self.tr("Invalid hyperparameters"), error_text(exc))
            return False
        source = self.data_panel.source()
        if not source:
            self.show_error(self.tr("No data chosen"), self.tr("Choose the data in the Data panel: the aclImdb folder or its "
                                                               ".tar.gz, Download, a CSV file, a folder with pos/ and neg/, or Keras's IMDB dataset."))
            return False
        self.data_panel.save(self.settings)
        self.settings.set_config(config)
        self._epochs_planned = config.epochs
        self.chart.reset(config.epochs)
        self.tabs.setCurrentIndex(0)  # the Training tab: watch the curves
        self.epoch_bar.setRange(0, config.epochs)
        self.epoch_bar.setValue(0)
        self.epoch_bar.setFormat(self.tr("Epoch 0 of %m"))
        self.batch_bar.setRange(0, 1)
        self.batch_bar.setValue(0)
        self.batch_bar.setFormat(self.tr("Batches"))
        self.eta_label.setText(" ")
        # The panel's read of this source is reused (waited for if it is still running): one read per run.
        job = TrainJob(None if source == DOWNLOAD else source, config, corpus=self.data_panel.load_for_run(), keep_as=self.runs.new_model_file())
        self._start("train", job, self.tr("Loading data…"))
        return True

    def stop(self) -> None:
        """Stop after the current batch (sets the event directly, not via a queued signal)."""
        if self.task not in ("train", "evaluate"):
            return
        self.stop_event.set()
        self.stop_button.setEnabled(False)
        self.stop_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Stopping after the current batch…"))

    def evaluate_model(self) -> bool:
        """Compute the current model's test metrics on the worker thread."""
        if self.is_busy() or self.model is None:
            return False
        source = self.data_panel.source() or self.model.source.get("path") or ""
        if not source:
            self.show_error(self.tr("No data chosen"), self.tr("Choose the data to evaluate on: the aclImdb folder, its .tar.gz, or Download."))
            return False
        corpus = None
        if self.data_panel.source():
            reuse = self._corpus is not None and self._corpus_key == self.data_panel.choice().key()
            corpus = self._corpus if reuse else self.data_panel.load_for_run()
        self._start("evaluate", EvaluateJob(self.model, None if source == DOWNLOAD else source, corpus), self.tr("Evaluating…"))
        return True

    def open_model(self, path: str | os.PathLike) -> bool:
        """Open a model file: checked here at once, loaded on the worker thread."""
        if self.is_busy():
            return False
        path = Path(path).expanduser()
        try:
            read_metadata(path)  # no TensorFlow: a bad file fails before the slow part
        except StudioError as exc:
            self.show_error(self.tr("Cannot open the model"), error_text(exc))
            return False
        self.settings.set_last_folder(str(path.parent))
        self._start("open", OpenJob(path), self.tr("Opening {name}…").format(name=path.name))
        return True

    # ------------------------------------------------------ worker signals

    def _on_phase(self, name: str) -> None:
        self.phase_shown.emit(name)
        if name == "done":
            return
        text = self.tr(PHASE_TEXT[name]) if name in PHASE_TEXT else name.capitalize() + "…"
        self.statusBar().showMessage(text)
        if name in ("building vocabulary", "vectorising", "evaluating", "opening model"):
            self.batch_bar.setRange(0, 0)  # busy indicator: no steps to count
            self.batch_bar.setFormat(text)

    def _show_fraction(self, text: str, done: int, total: int) -> None:
        self.batch_bar.setRange(0, 1000)
        self.batch_bar.setValue(int(1000 * done / total) if total else 0)
        self.batch_bar.setFormat(f"{text} %p%")

    def _on_download(self, done: int, total: int) -> None:
        self._show_fraction(self.tr("Downloading"), done, total)
        if total:
            size = self.tr("{done:.1f} of {total:.0f} MB").format(done=done / 1e6, total=total / 1e6)
        else:
            size = self.tr("{done:.1f} MB").format(done=done / 1e6)
        self.statusBar().showMessage(self.tr("Downloading the IMDB reviews: {size}").format(size=size))

    def _on_reading(self, done: int, total: int) -> None:
        self._show_fraction(self.tr("Reading reviews"), done, total)

    def _on_train_begin(self, epochs: int, steps: int) -> None:
        self._epochs_planned = epochs
        self._train_started = time.monotonic()
        self.epoch_bar.setRange(0, epochs)
        self.epoch_bar.setValue(0)
        self.batch_bar.setRange(0, steps)
        self.batch_bar.setValue(0)
        self.batch_bar.setFormat(self.tr("Batch %v of %m"))
        self.statusBar().showMessage(self.tr("Training epoch {epoch}/{epochs}").format(epoch=1, epochs=epochs))

    def _on_batch(self, epoch: int, step: int, steps: int, logs: dict) -> None:
        epochs = self._epochs_planned or 1
        self.batch_bar.setRange(0, steps)
        self.batch_bar.setValue(step)
        self.epoch_bar.setFormat(self.tr("Epoch {epoch} of {epochs}").format(epoch=epoch, epochs=epochs))
        done = (epoch - 1 + step / steps) / epochs
        elapsed = time.monotonic() - getattr(self, "_train_started", self._run_started)
        eta = self.tr(" · about {time} left").format(time=format_duration(elapsed * (1 - done) / done)) if done > 0 else ""
        self.eta_label.setText(self.tr("Elapsed {time}").format(time=format_duration(elapsed)) + eta)
        names = {"loss": self.tr("loss"), "accuracy": self.tr("accuracy")}
        metrics = "  ".join(f"{names[key]} {logs[key]:.4f}" for key in ("loss", "accuracy") if key in logs)
        if not self.stop_event.is_set():
            self.statusBar().showMessage(self.tr("Training epoch {epoch}/{epochs}").format(epoch=epoch, epochs=epochs) + f"   {metrics}")
        self.batch_shown.emit(epoch, step, steps)

    def _on_epoch(self, epoch: int, logs: dict) -> None:
        self.epoch_bar.setValue(epoch)
        self.chart.add_epoch(epoch, logs)
        worker = self.worker
        if worker is not None:
            self.chart.canvas.after_next_draw(worker.epoch_shown.set)

    def _on_finished(self, model) -> None:
        task = self.task
        self.model = model
        if task == "train":
            self._corpus = getattr(self.job, "corpus", None)
            self._corpus_key = self.data_panel.choice().key()
            self._config_from_model = False
        elif task == "open":
            self._config_from_model = True
            self.form.set_config(model.config)
        elif task == "evaluate" and getattr(self.job, "corpus", None) is not None:
            self._corpus = self.job.corpus
            self._corpus_key = self.data_panel.choice().key()
        self._show_model(model)
        self._keep_run(task, model)
        self.statusBar().showMessage(self._done_message(task, model))
        self.model_changed.emit(model)

    def _keep_run(self, task: str | None, model) -> None:
        """Add a trained or opened model to the run list; after Evaluate, update its run."""
        error = None
        if task == "train":
            job = self.job if isinstance(self.job, TrainJob) else None
            saved = job.kept if job is not None else None
            self.current_run, error = self.runs.add_model(model, "trained", saved=saved, save_error=job.keep_error if job is not None else None)
        elif task == "open":
            self.current_run = self.runs.run_for_path(model.path)
            if self.current_run is None:
                self.current_run, error = self.runs.add_model(model, str(model.path))
        elif task == "evaluate" and self.current_run is not None and self.runs.get(self.current_run.id) is not None:
            error = self.runs.update_model(self.current_run, model)
        if self.current_run is not None and task in ("train", "open"):
            self.runs_view.select_runs([self.current_run])
        if error:
            self.show_error(self.tr("Run not fully kept"), error)

    def _done_message(self, task: str | None, model) -> str:
        name = Path(model.path).name if model.path else self.tr("the model")
        training = model.training or {}
        if task == "open":
            return self.tr("Opened {name}.").format(name=name)
        if task == "evaluate":
            return self.tr("Evaluated on the test reviews.")
        if training.get("stopped"):
            return self.tr("Stopped after {epochs} epoch(s); the model is kept. Evaluate, save or use it.").format(epochs=training.get("epochs_done", 0))
        return self.tr("Done in {time}.").format(time=format_duration(training.get("seconds", 0)))

    def _on_failed(self, message: str) -> None:
        titles = {"train": self.tr("Training failed"), "evaluate": self.tr("Evaluation failed"), "open": self.tr("Cannot open the model")}
        self._restore_model_view()
        self.show_error(titles.get(self.task or "", self.tr("Error")), message)

    def _on_cancelled(self) -> None:
        self._restore_model_view()
        texts = {
            "train": self.tr("Training stopped before it produced anything; nothing changed."),
            "evaluate": self.tr("Evaluation stopped before it produced anything; nothing changed."),
            "open": self.tr("Opening stopped before it produced anything; nothing changed."),
        }
        self.statusBar().showMessage(texts.get(self.task or "", self.tr("The task stopped before it produced anything; nothing changed.")))

    def _restore_model_view(self) -> None:
        """After a failed or abandoned task, show the previous model again."""
        if self.model is not None:
            self._show_model(self.model)
        else:
            self.chart.reset()
            self.evaluation_view.set_model(None)

    def _on_task_ended(self) -> None:
        task = self.task or ""
        self.worker = None
        self.job = None
        self.task = None
        # A run leaves Keras models, traced functions and tf.data pipelines in
        # reference cycles, and with them TensorFlow's native thread pools (four
        # tf_Compute threads and two more per run); only the cyclic collector
        # frees them. Collect now, in the GUI thread, where Qt objects may die.
        gc.collect()
        self.batch_bar.setRange(0, 1)
        self.batch_bar.setValue(0)
        self.batch_bar.setFormat(self.tr("Batches"))
        if task == "train":
            self.eta_label.setText(self.tr("Finished after {time}").format(time=format_duration(time.monotonic() - self._run_started)))
        self._set_busy(False)
        self.task_ended.emit(task)
        self._close_if_waiting()

    def _close_if_waiting(self) -> None:
        """A close that had to wait for a worker: try again now that one has ended."""
        if self._close_when_idle and not self._closed:
            self.close()

    # ------------------------------------------------------ showing a model

    def _show_model(self, model) -> None:
        training = model.training or {}
        self.chart.set_history(model.history, training.get("best_epoch"), training.get("restored_best", False))
        epochs = self.chart.epoch_count()
        self.epoch_bar.setRange(0, max(1, self._epochs_planned if self.task == "train" else epochs))
        self.epoch_bar.setValue(epochs)
        self._show_summary(model)
        self.evaluation_view.set_model(model)
        self._show_model_texts(model)

    def _show_model_texts(self, model) -> None:
        """The model's texts in the current language: metrics, training info, summary total, title."""
        self.epoch_bar.setFormat(self.tr("{epochs} epoch(s) trained").format(epochs=self.chart.epoch_count()))
        self._show_metrics(model)
        self._show_summary_total(model)
        self.data_info.setText(describe_source(model.source))
        title = Path(model.path).name if model.path else self.tr("unsaved model")
        self.setWindowTitle(f"{title} – {APP_TITLE}")

    def _show_metrics(self, model) -> None:
        metrics = model.test_metrics
        for key, label in self.metric_values.items():
            label.setText(f"{metrics[key]:.4f}" if metrics and key in metrics else "–")
        if metrics:
            (tn, fp), (fn, tp) = metrics["confusion_matrix"]
            self.metrics_note.setText(
                self.tr("On {count:,} test reviews. Confusion: {tn:,} true negatives, {fp:,} false positives, "
                        "{fn:,} false negatives, {tp:,} true positives.").format(count=metrics["count"], tn=tn, fp=fp, fn=fn, tp=tp)
            )
        else:
            self.metrics_note.setText(self.tr("Test metrics not computed (training was stopped). Click Evaluate to compute them."))
        training = model.training or {}
        parts = []
        if training.get("seconds") is not None:
            parts.append(self.tr("Training time {time}").format(time=format_duration(training["seconds"])))
        if training.get("epochs_done") is not None:
            parts.append(self.tr("{done} of {planned} epochs").format(done=training["epochs_done"], planned=model.config.epochs))
        if training.get("stopped"):
            parts.append(self.tr("stopped by you"))
        if training.get("best_epoch"):
            if training.get("restored_best"):
                parts.append(self.tr("best validation epoch {epoch} (its weights were restored)").format(epoch=training["best_epoch"]))
            else:
                parts.append(self.tr("best validation epoch {epoch}").format(epoch=training["best_epoch"]))
        parts.append(describe_config(model.config))
        self.training_info.setText(" · ".join(parts))

    def _show_summary(self, model) -> None:
        try:
            from core.models.builder import summary_rows  # TensorFlow is loaded once a model exists

            rows = summary_rows(model.classifier)
            total = sum(int(w.numpy().size) for w in model.classifier.trainable_weights)
        except Exception:  # noqa: BLE001 - fall back to the plain-text summary
            rows, total = [], None
        self.summary_table.setRowCount(len(rows))
        for row, (name, kind, shape, params) in enumerate(rows):
            for column, value in enumerate((name, kind, shape, f"{params:,}")):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.summary_table.setItem(row, column, item)
        self._trainable_total = total

    def _show_summary_total(self, model) -> None:
        total = getattr(self, "_trainable_total", None)
        self.summary_total.setText(self.tr("Total trainable parameters: {total:,}").format(total=total) if total is not None else model.summary())

    def unlock_form(self) -> None:
        """Let the user edit an opened model's configuration for a new run."""
        self._config_from_model = False
        self._set_busy(self.is_busy())

    # ----------------------------------------------------------------- files

    def _dialog_folder(self) -> str:
        return self.settings.last_folder() or str(Path.home())

    def choose_and_open_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), self._dialog_folder(), self.tr("Keras models (*.keras)"))
        if path:
            self.open_model(path)

    def save_model(self) -> bool:
        """Save to the model's own file, or ask for one (Ctrl+S)."""
        if self.model is None:
            return False
        if self.model.path:
            return self.save_model_to(self.model.path)
        return self.save_model_as()

    def save_model_as(self) -> bool:
        if self.model is None:
            return False
        suggested = Path(self._dialog_folder()) / (Path(self.model.path).name if self.model.path else "sentiment.keras")
        # save_model_to asks before replacing a file (also one the ".keras" below lands on).
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save model"), str(suggested), self.tr("Keras models (*.keras)"), options=QFileDialog.Option.DontConfirmOverwrite
        )
        if not path:
            return False
        if not path.endswith(".keras"):
            path += ".keras"
        return self.save_model_to(path)

    def save_model_to(self, path: str | os.PathLike) -> bool:
        """Save atomically; on failure show why (any file already there is unchanged).

        A file already at ``path``, other than the model's own, is replaced
        only after the user says Yes.
        """
        if self.model is None or self.is_busy():
            return False
        target = Path(path).expanduser()
        own = self.model.path is not None and target.resolve() == Path(self.model.path).resolve()
        if target.is_file() and not own and not self.ask(
            self.tr("Replace the file?"), self.tr("{name} already exists in {folder}. Replace it?").format(name=target.name, folder=target.parent)
        ):
            self.statusBar().showMessage(f"Not saved; {target.name} is unchanged.", 10_000)
            return False
        try:
            saved = self.model.save(path)
        except StudioError as exc:
            self.show_error(self.tr("Cannot save the model"), error_text(exc))
            return False
        self.settings.set_last_folder(str(Path(saved).parent))
        self.setWindowTitle(f"{Path(saved).name} – {APP_TITLE}")
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=saved), 10_000)
        return True

    def choose_and_export_chart(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), str(Path(self._dialog_folder()) / "learning-curves.png"), self.tr("PNG images (*.png)"))
        if path:
            self.export_chart(path if path.lower().endswith(".png") else path + ".png")

    def export_chart(self, path: str | os.PathLike) -> bool:
        try:
            self.chart.save_png(str(path))
        except (OSError, ValueError) as exc:
            self.show_error(self.tr("Cannot export the chart"), self.tr("Could not write {path}: {reason}").format(path=path, reason=exc))
            return False
        self.statusBar().showMessage(self.tr("Chart exported to {path}").format(path=path), 10_000)
        return True

    def choose_and_export_history(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export history"), str(Path(self._dialog_folder()) / "history.csv"), self.tr("CSV files (*.csv)"))
        if path:
            self.export_history(path if path.lower().endswith(".csv") else path + ".csv")

    def export_history(self, path: str | os.PathLike) -> bool:
        """One row per finished epoch: loss, accuracy, val_loss, val_accuracy, seconds."""
        if self.model is None:
            return False
        history = self.model.history or {}
        columns = [key for key in HISTORY_COLUMNS if history.get(key)]
        rows = max((len(history[key]) for key in columns), default=0)
        try:
            with open(path, "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["epoch", *columns])
                for index in range(rows):
                    writer.writerow([index + 1, *(history[key][index] if index < len(history[key]) else "" for key in columns)])
        except OSError as exc:
            self.show_error(self.tr("Cannot export the history"), self.tr("Could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc))
            return False
        self.statusBar().showMessage(self.tr("History exported to {path}").format(path=path), 10_000)
        return True

    # ------------------------------------------------------------- closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.is_busy() and not self._close_when_idle and not self.ask(self.tr("Quit while working?"), self.tr("A task is running. Stop it and quit?")):
            event.ignore()
            return
        # Stop both workers, then give them CLOSE_WAIT_MS together.
        if isinstance(self.job, TrainJob):
            self.job.discard = True  # no warm-up, no run-list copy: nobody will see them
        self.stop_event.set()
        self.batch_view.cancel()
        deadline = QDeadlineTimer(CLOSE_WAIT_MS)
        ended = self.worker_thread.shutdown(deadline.remainingTime())
        ended = self.batch_view.shutdown(deadline.remainingTime()) and ended
        if not ended:
            # Still busy (e.g. importing TensorFlow): hide now, close when the task ends.
            self._close_when_idle = True
            self.hide()
            event.ignore()
            return
        # The threads have ended; the workers' queued signals still arrive, harmlessly.
        self.worker = None
        self.classify_panel.shutdown()
        self.data_panel.shutdown()
        self._closed = True
        self.collector.stop()
        self.save_settings()
        if self.error_box is not None:
            try:
                self.error_box.close()
            except RuntimeError:
                pass
        event.accept()

    # ---------------------------------------------------------- first paint

    def _preload_engine(self) -> None:
        """Import TensorFlow on the worker thread while nothing runs (see ``preload_engine``)."""
        if self._closed or self.is_busy() or self._preload_worker is not None:
            return
        worker = TaskWorker(preload_engine)
        worker.ended.connect(self._on_preload_ended)
        self._preload_worker = worker
        self.collector.paused = True
        self.worker_thread.start(worker)

    def _on_preload_ended(self) -> None:
        self._preload_worker = None
        # What the import made lives for good: freeze it out of the collector's
        # reach rather than collect (a full collection here took 220 ms).
        gc.freeze()
        self.collector.paused = False

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
            QTimer.singleShot(PRELOAD_DELAY_MS, self._preload_engine)
        return result
