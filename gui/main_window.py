"""The main window: data and hyperparameters, Train and Stop, the live chart, results, classify.

The window runs one task at a time (train, evaluate or open a model) on
its one long-lived worker thread (:class:`~gui.training_worker.WorkerThread`),
and keeps the task's worker as an attribute until the worker has ended. Every widget change happens in slots of this window, which
live in the GUI thread; the worker only emits signals. TensorFlow is never
imported here: the worker imports it, so the window paints first.

Dialogs go through :meth:`MainWindow.show_error` (non-blocking, and the
message is kept in ``last_error``) and :meth:`MainWindow.ask` (answered by
``auto_answer`` when set, or when Qt runs without a screen), so tests drive
every path without a modal loop.
"""

from __future__ import annotations

import csv
import gc
import os
import threading
import time
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
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
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.data import DOWNLOAD
from core.errors import ConfigError, StudioError
from core.model_file import read_metadata

from .batch_view import BatchView
from .classify_panel import ClassifyPanel
from .config_form import ConfigForm
from .data_source import DataSourcePanel
from .data_summary import describe_source
from .evaluation_view import EvaluationView
from .run_history import Run, RunStore
from .runs_view import RunsView
from .settings import StudioSettings
from .training_chart import TrainingChart
from .training_worker import EvaluateJob, OpenJob, TaskWorker, TrainJob, WorkerThread

APP_TITLE = "IMDB Sentiment Studio"
#: Milliseconds closeEvent waits for the worker before hiding and finishing later.
CLOSE_WAIT_MS = 3000
PHASE_TEXT = {
    "loading data": "Loading data…",
    "building vocabulary": "Building vocabulary…",
    "vectorising": "Vectorising reviews…",
    "training": "Training…",
    "evaluating": "Evaluating on the test reviews…",
    "opening model": "Opening the model (TensorFlow loads on first use)…",
}
METRIC_LABELS = (("loss", "Loss"), ("accuracy", "Accuracy"), ("precision", "Precision"), ("recall", "Recall"), ("f1", "F1"), ("roc_auc", "ROC AUC"))
HISTORY_COLUMNS = ("loss", "accuracy", "val_loss", "val_accuracy", "seconds")


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _explainer_for(model):
    """Text -> Explanation with ``model``; runs on the classify panel's thread (TensorFlow is loaded)."""

    def explain_text(text: str):
        from core.explain import explain

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

    def __init__(self, settings: StudioSettings | None = None, parent: QWidget | None = None, runs_folder: str | os.PathLike | None = None):
        """``runs_folder`` holds the run list and its models (default: the app's AppDataLocation)."""
        super().__init__(parent)
        self.settings = settings or StudioSettings()
        self.runs = RunStore(runs_folder, self)
        self.current_run: Run | None = None  # the run of the current model
        self.model = None  # core.sentiment_model.SentimentModel, once there is one
        self.stop_event = threading.Event()
        #: Runs every task (TensorFlow always sees the same thread); started on first use.
        self.worker_thread = WorkerThread("studio-worker", self)
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

        self.setWindowTitle(APP_TITLE)
        self._build_widgets()
        self._build_menus()
        self._restore_settings()
        self._set_busy(False)
        self.statusBar().showMessage("Ready. Choose the data and the hyperparameters, then click Train.")

    # ------------------------------------------------------------------ UI

    def _build_widgets(self) -> None:
        self.data_panel = DataSourcePanel()

        self.form = ConfigForm()
        self.unlock_button = QPushButton("Edit for a new run")
        self.unlock_button.setToolTip("The form shows the opened model's configuration; edit it to train a new model")
        self.unlock_button.clicked.connect(self.unlock_form)
        self.unlock_button.hide()
        config_group = QGroupBox("Hyperparameters")
        config_layout = QVBoxLayout(config_group)
        config_layout.addWidget(self.form)
        self.form.header.insertWidget(2, self.unlock_button)

        self.train_button = QPushButton("Train")
        self.train_button.setToolTip("Train a new model with these settings (Ctrl+T)")
        self.train_button.setDefault(True)
        self.train_button.clicked.connect(self.start_training)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setToolTip("Stop after the current batch and keep the model trained so far (Esc)")
        self.stop_button.clicked.connect(self.stop)
        self.evaluate_button = QPushButton("Evaluate")
        self.evaluate_button.setToolTip("Compute the test metrics of the current model")
        self.evaluate_button.clicked.connect(self.evaluate_model)
        buttons = QHBoxLayout()
        for button in (self.train_button, self.stop_button, self.evaluate_button):
            button.setMinimumWidth(96)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.epoch_bar = QProgressBar()
        self.epoch_bar.setFormat("Epochs")
        self.batch_bar = QProgressBar()
        self.batch_bar.setFormat("Batches")
        self.eta_label = QLabel(" ")
        run_group = QGroupBox("Run")
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
        chart_group = QGroupBox("Learning curves")
        chart_layout = QVBoxLayout(chart_group)
        chart_layout.setContentsMargins(6, 6, 6, 6)
        chart_layout.addWidget(self.chart)

        self.results_group = QGroupBox("Test results")
        results_layout = QVBoxLayout(self.results_group)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.metric_values: dict[str, QLabel] = {}
        value_font = QFont(self.font())
        value_font.setBold(True)
        for index, (key, text) in enumerate(METRIC_LABELS):
            row, column = divmod(index, 3)
            value = QLabel("–")
            value.setFont(value_font)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.metric_values[key] = value
            grid.addWidget(QLabel(text), row, column * 2)
            grid.addWidget(value, row, column * 2 + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        self.metrics_note = QLabel("No model yet.")
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

        self.summary_group = QGroupBox("Model summary")
        summary_layout = QVBoxLayout(self.summary_group)
        self.summary_table = QTableWidget(0, 4)
        self.summary_table.setHorizontalHeaderLabels(["Layer", "Type", "Output shape", "Params"])
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
        self._left_width = left.sizeHint().width() + 20

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
        self.runs.failed.connect(lambda message: self.show_error("Cannot keep the run list", message))
        self.batch_view = BatchView()
        self.batch_view.error.connect(self.show_error)
        self.batch_view.ended.connect(lambda _outcome: self._close_if_waiting())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(training_tab, "Training")
        self.tabs.addTab(self.evaluation_view, "Evaluation")
        self.tabs.addTab(self.runs_view, "Runs")
        self.tabs.addTab(self.batch_view, "Batch")
        self.tabs.setTabToolTip(1, "Confusion matrix, ROC curve, threshold and the worst mistakes on the test reviews")
        self.tabs.setTabToolTip(2, "Every run and opened model, compared")
        self.tabs.setTabToolTip(3, "Classify a file of reviews")

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
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._action(file_menu, "&Open model…", QKeySequence.StandardKey.Open, self.choose_and_open_model)
        self.save_action = self._action(file_menu, "&Save model", QKeySequence.StandardKey.Save, self.save_model)
        self.save_as_action = self._action(file_menu, "Save model &as…", QKeySequence.StandardKey.SaveAs, self.save_model_as)
        file_menu.addSeparator()
        self.export_chart_action = self._action(file_menu, "Export chart as &PNG…", None, self.choose_and_export_chart)
        self.export_csv_action = self._action(file_menu, "Export history as &CSV…", None, self.choose_and_export_history)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        run_menu = self.menuBar().addMenu("&Training")
        self.train_action = self._action(run_menu, "&Train", QKeySequence("Ctrl+T"), self.start_training)
        self.stop_action = self._action(run_menu, "&Stop", QKeySequence("Esc"), self.stop)
        self.evaluate_action = self._action(run_menu, "&Evaluate on the test set", QKeySequence("Ctrl+E"), self.evaluate_model)
        run_menu.addSeparator()
        presets = run_menu.addMenu("&Preset")
        for action in self.form.preset_menu.actions():
            presets.addAction(action)
        self.presets_menu = presets
        self.reset_action = self._action(run_menu, "&Reset to defaults", None, self.form.reset_to_defaults)

        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About", None, self._about)

    def _action(self, menu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"<b>{APP_TITLE}</b><p>Train a Keras LSTM on the IMDB reviews, watch it learn, and use it.</p>"
            f"<p>Settings are kept in {self.settings.store.fileName()}</p>",
        )

    # ------------------------------------------------------------ settings

    def _restore_settings(self) -> None:
        self.data_panel.restore(self.settings)
        self.form.set_config(self.settings.config())
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        width = max(self.width(), 1000)
        self.splitters["main"].setSizes([self._left_width, width - self._left_width])
        self.splitters["right"].setSizes([500, 270])
        self.splitters["training"].setSizes([360, 140])

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
        self.presets_menu.setEnabled(not busy)
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
            self.classify_panel.set_predictor(None, "Classify is available again when the current task ends.")
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
        worker = TaskWorker(job, self.stop_event, batch_interval=self.batch_interval)
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
            self.show_error("Invalid hyperparameters", str(exc))
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
        self.epoch_bar.setFormat("Epoch 0 of %m")
        self.batch_bar.setRange(0, 1)
        self.batch_bar.setValue(0)
        self.batch_bar.setFormat("Batches")
        self.eta_label.setText(" ")
        # The panel's read of this source is reused (waited for if it is still running): one read per run.
        job = TrainJob(None if source == DOWNLOAD else source, config, corpus=self.data_panel.load_for_run())
        self._start("train", job, "Loading data…")
        return True

    def stop(self) -> None:
        """Stop after the current batch (sets the event directly, not via a queued signal)."""
        if self.task not in ("train", "evaluate"):
            return
        self.stop_event.set()
        self.stop_button.setEnabled(False)
        self.stop_action.setEnabled(False)
        self.statusBar().showMessage("Stopping after the current batch…")

    def evaluate_model(self) -> bool:
        """Compute the current model's test metrics on the worker thread."""
        if self.is_busy() or self.model is None:
            return False
        source = self.data_panel.source() or self.model.source.get("path") or ""
        if not source:
            self.show_error("No data chosen", "Choose the data to evaluate on: the aclImdb folder, its .tar.gz, or Download.")
            return False
        corpus = None
        if self.data_panel.source():
            reuse = self._corpus is not None and self._corpus_key == self.data_panel.choice().key()
            corpus = self._corpus if reuse else self.data_panel.load_for_run()
        self._start("evaluate", EvaluateJob(self.model, None if source == DOWNLOAD else source, corpus), "Evaluating…")
        return True

    def open_model(self, path: str | os.PathLike) -> bool:
        """Open a model file: checked here at once, loaded on the worker thread."""
        if self.is_busy():
            return False
        path = Path(path).expanduser()
        try:
            read_metadata(path)  # no TensorFlow: a bad file fails before the slow part
        except StudioError as exc:
            self.show_error("Cannot open the model", str(exc))
            return False
        self.settings.set_last_folder(str(path.parent))
        self._start("open", OpenJob(path), f"Opening {path.name}…")
        return True

    # ------------------------------------------------------ worker signals

    def _on_phase(self, name: str) -> None:
        self.phase_shown.emit(name)
        if name == "done":
            return
        self.statusBar().showMessage(PHASE_TEXT.get(name, name.capitalize() + "…"))
        if name in ("building vocabulary", "vectorising", "evaluating", "opening model"):
            self.batch_bar.setRange(0, 0)  # busy indicator: no steps to count
            self.batch_bar.setFormat(PHASE_TEXT.get(name, name))

    def _show_fraction(self, text: str, done: int, total: int) -> None:
        self.batch_bar.setRange(0, 1000)
        self.batch_bar.setValue(int(1000 * done / total) if total else 0)
        self.batch_bar.setFormat(f"{text} %p%")

    def _on_download(self, done: int, total: int) -> None:
        self._show_fraction("Downloading", done, total)
        size = f"{done / 1e6:.1f} of {total / 1e6:.0f} MB" if total else f"{done / 1e6:.1f} MB"
        self.statusBar().showMessage(f"Downloading the IMDB reviews: {size}")

    def _on_reading(self, done: int, total: int) -> None:
        self._show_fraction("Reading reviews", done, total)

    def _on_train_begin(self, epochs: int, steps: int) -> None:
        self._epochs_planned = epochs
        self._train_started = time.monotonic()
        self.epoch_bar.setRange(0, epochs)
        self.epoch_bar.setValue(0)
        self.batch_bar.setRange(0, steps)
        self.batch_bar.setValue(0)
        self.batch_bar.setFormat("Batch %v of %m")
        self.statusBar().showMessage(f"Training epoch 1/{epochs}")

    def _on_batch(self, epoch: int, step: int, steps: int, logs: dict) -> None:
        epochs = self._epochs_planned or 1
        self.batch_bar.setRange(0, steps)
        self.batch_bar.setValue(step)
        self.epoch_bar.setFormat(f"Epoch {epoch} of {epochs}")
        done = (epoch - 1 + step / steps) / epochs
        elapsed = time.monotonic() - getattr(self, "_train_started", self._run_started)
        eta = f" · about {format_duration(elapsed * (1 - done) / done)} left" if done > 0 else ""
        self.eta_label.setText(f"Elapsed {format_duration(elapsed)}{eta}")
        metrics = "  ".join(f"{key} {logs[key]:.4f}" for key in ("loss", "accuracy") if key in logs)
        if not self.stop_event.is_set():
            self.statusBar().showMessage(f"Training epoch {epoch}/{epochs}   {metrics}")
        self.batch_shown.emit(epoch, step, steps)

    def _on_epoch(self, epoch: int, logs: dict) -> None:
        self.epoch_bar.setValue(epoch)
        self.chart.add_epoch(epoch, logs)

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
            self.current_run, error = self.runs.add_model(model, "trained")
        elif task == "open":
            self.current_run = self.runs.run_for_path(model.path)
            if self.current_run is None:
                self.current_run, error = self.runs.add_model(model, str(model.path))
        elif task == "evaluate" and self.current_run is not None and self.runs.get(self.current_run.id) is not None:
            error = self.runs.update_model(self.current_run, model)
        if self.current_run is not None and task in ("train", "open"):
            self.runs_view.select_runs([self.current_run])
        if error:
            self.show_error("Run not fully kept", error)

    def _done_message(self, task: str | None, model) -> str:
        name = Path(model.path).name if model.path else "the model"
        training = model.training or {}
        if task == "open":
            return f"Opened {name}."
        if task == "evaluate":
            return "Evaluated on the test reviews."
        if training.get("stopped"):
            return f"Stopped after {training.get('epochs_done', 0)} epoch(s); the model is kept. Evaluate, save or use it."
        return f"Done in {format_duration(training.get('seconds', 0))}."

    def _on_failed(self, message: str) -> None:
        titles = {"train": "Training failed", "evaluate": "Evaluation failed", "open": "Cannot open the model"}
        self._restore_model_view()
        self.show_error(titles.get(self.task or "", "Error"), message)

    def _on_cancelled(self) -> None:
        self._restore_model_view()
        what = {"train": "Training", "evaluate": "Evaluation", "open": "Opening"}.get(self.task or "", "The task")
        self.statusBar().showMessage(f"{what} stopped before it produced anything; nothing changed.")

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
        self.batch_bar.setFormat("Batches")
        if task == "train":
            self.eta_label.setText(f"Finished after {format_duration(time.monotonic() - self._run_started)}")
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
        self.epoch_bar.setFormat(f"{epochs} epoch(s) trained")
        self._show_metrics(model)
        self._show_summary(model)
        self.data_info.setText(describe_source(model.source))
        self.evaluation_view.set_model(model)
        title = Path(model.path).name if model.path else "unsaved model"
        self.setWindowTitle(f"{title} – {APP_TITLE}")

    def _show_metrics(self, model) -> None:
        metrics = model.test_metrics
        for key, label in self.metric_values.items():
            label.setText(f"{metrics[key]:.4f}" if metrics and key in metrics else "–")
        if metrics:
            (tn, fp), (fn, tp) = metrics["confusion_matrix"]
            self.metrics_note.setText(
                f"On {metrics['count']:,} test reviews. Confusion: {tn:,} true negatives, {fp:,} false positives, "
                f"{fn:,} false negatives, {tp:,} true positives."
            )
        else:
            self.metrics_note.setText("Test metrics not computed (training was stopped). Click Evaluate to compute them.")
        training = model.training or {}
        parts = []
        if training.get("seconds") is not None:
            parts.append(f"Training time {format_duration(training['seconds'])}")
        if training.get("epochs_done") is not None:
            parts.append(f"{training['epochs_done']} of {model.config.epochs} epochs")
        if training.get("stopped"):
            parts.append("stopped by you")
        if training.get("best_epoch"):
            best = f"best validation epoch {training['best_epoch']}"
            if training.get("restored_best"):
                best += " (its weights were restored)"
            parts.append(best)
        parts.append(model.config.describe())
        self.training_info.setText(" · ".join(parts))

    def _show_summary(self, model) -> None:
        try:
            from core.model_builder import summary_rows  # TensorFlow is loaded once a model exists

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
        self.summary_total.setText(f"Total trainable parameters: {total:,}" if total is not None else model.summary())

    def unlock_form(self) -> None:
        """Let the user edit an opened model's configuration for a new run."""
        self._config_from_model = False
        self._set_busy(self.is_busy())

    # ----------------------------------------------------------------- files

    def _dialog_folder(self) -> str:
        return self.settings.last_folder() or str(Path.home())

    def choose_and_open_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open model", self._dialog_folder(), "Keras models (*.keras)")
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
            self, "Save model", str(suggested), "Keras models (*.keras)", options=QFileDialog.Option.DontConfirmOverwrite
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
        if target.is_file() and not own and not self.ask("Replace the file?", f"{target.name} already exists in {target.parent}. Replace it?"):
            self.statusBar().showMessage(f"Not saved; {target.name} is unchanged.", 10_000)
            return False
        try:
            saved = self.model.save(path)
        except StudioError as exc:
            self.show_error("Cannot save the model", str(exc))
            return False
        self.settings.set_last_folder(str(Path(saved).parent))
        self.setWindowTitle(f"{Path(saved).name} – {APP_TITLE}")
        self.statusBar().showMessage(f"Saved {saved}", 10_000)
        return True

    def choose_and_export_chart(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export chart", str(Path(self._dialog_folder()) / "learning-curves.png"), "PNG images (*.png)")
        if path:
            self.export_chart(path if path.lower().endswith(".png") else path + ".png")

    def export_chart(self, path: str | os.PathLike) -> bool:
        try:
            self.chart.save_png(str(path))
        except (OSError, ValueError) as exc:
            self.show_error("Cannot export the chart", f"Could not write {path}: {exc}")
            return False
        self.statusBar().showMessage(f"Chart exported to {path}", 10_000)
        return True

    def choose_and_export_history(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export history", str(Path(self._dialog_folder()) / "history.csv"), "CSV files (*.csv)")
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
            self.show_error("Cannot export the history", f"Could not write {path}: {exc.strerror or exc}")
            return False
        self.statusBar().showMessage(f"History exported to {path}", 10_000)
        return True

    # ------------------------------------------------------------- closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.is_busy() and not self._close_when_idle and not self.ask("Quit while working?", "A task is running. Stop it and quit?"):
            event.ignore()
            return
        # Stop both workers, then give them CLOSE_WAIT_MS together.
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
        self.save_settings()
        if self.error_box is not None:
            try:
                self.error_box.close()
            except RuntimeError:
                pass
        event.accept()

    # ---------------------------------------------------------- first paint

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return result
