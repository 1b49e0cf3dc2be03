"""The main window: the panels, laid out, and what they show as the task controller reports.

The window runs nothing itself. Train, Evaluate and Open become tasks
(:mod:`gui.tasks`) that the :class:`~gui.controller.TaskController` runs on
its worker; the panels learn how a task goes through the controller's
signals, all in the GUI thread. TensorFlow is never imported here: the
worker imports it, so the window paints first.

Errors and questions go through ``dialogs`` (:class:`~gui.dialogs.Dialogs`),
which never block, so tests drive every path without a modal loop.

Every text is translated (``tr``, context "MainWindow"; the engine's
messages through ``gui.i18n.error_text``); View > Language switches the
language of the open window (``retranslate_ui`` on ``LanguageChange``) and
the settings remember it.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from core.data.loading import DOWNLOAD
from core.errors import ConfigError, StudioError
from core.models.model_file import read_metadata
from gui.charts.figure_panel import LazyCanvas
from gui.controller import TaskController
from gui.dialogs import DISCARD, KEEP, STAY, Dialogs
from gui.file_actions import FileActions
from gui.i18n import LanguageChangeInTurns, context_tr, current_language, error_text
from gui.menus import MainMenus
from gui.panels.classify_panel import ClassifyPanel
from gui.panels.setup_column import SetupColumn
from gui.panels.workspace_tabs import WorkspaceTabs
from gui.run_store import RunStore
from gui.settings import APPLICATION, StudioSettings
from gui.tasks import Task
from gui.workers.explain_runner import explainer_for
from gui.workers.off_thread import call_off_gui_thread

APP_TITLE = APPLICATION
#: Milliseconds closeEvent waits for the workers before hiding and finishing later.
CLOSE_WAIT_MS = 3000
#: After the first paint, how long the window idles before TensorFlow is imported in the background.
PRELOAD_DELAY_MS = 1500


class MainWindow(QMainWindow):
    """IMDB Sentiment Studio's one window."""

    #: The task has ended and the window is idle again: the task's kind ("train", "evaluate", "open", "export").
    task_ended = Signal(str)
    #: The window painted for the first time (startup benchmark).
    first_painted = Signal()
    #: Progress the window has shown (GUI thread): epoch, step, steps per epoch.
    batch_shown = Signal(int, int, int)
    #: The running task's phase reached the window (GUI thread): "loading data", "training", ...
    phase_shown = Signal(str)

    tr = context_tr("MainWindow")

    def __init__(self, settings: StudioSettings | None = None, parent: QWidget | None = None, runs_folder: str | os.PathLike | None = None):
        """``runs_folder`` holds the run list and its models (default: the app's AppDataLocation)."""
        super().__init__(parent)
        #: How long closing waits for the workers to end before the window hides and closes when they do.
        self.close_wait_ms = CLOSE_WAIT_MS
        self.settings = settings or StudioSettings()
        self.runs = RunStore(runs_folder, self)
        self.controller = TaskController(self.runs, self)
        self.dialogs = Dialogs(self)
        self._close_when_idle = False
        self._closed = False
        self._painted = self._painting_ahead = False

        self.setWindowTitle(APP_TITLE)
        self._build_widgets()
        self.files = FileActions(self)
        self.menus = MainMenus(self)
        self._connect()
        self._set_tab_order()
        self.retranslate_ui()
        self._restore_settings()
        self._set_busy(False)
        self._show_ready()

    @property
    def model(self):
        """The current model (``core.models.sentiment_model.SentimentModel``), or None."""
        return self.controller.model

    def is_busy(self) -> bool:
        return self.controller.is_busy()

    def _show_ready(self) -> None:
        self._ready_text = self.tr("Ready. Choose the data and the hyperparameters, then click Train.")
        self.statusBar().showMessage(self._ready_text)

    # ------------------------------------------------------------------ UI

    def _build_widgets(self) -> None:
        self.setup = setup = SetupColumn()
        self.data_panel, self.form, self.run_panel, self.results = setup.data_panel, setup.form, setup.run_panel, setup.results
        self.train_button, self.stop_button, self.evaluate_button = (
            self.run_panel.train_button, self.run_panel.stop_button, self.run_panel.evaluate_button)
        self.tabs = WorkspaceTabs(self.runs, data_request=lambda: (self.data_panel.source(), self.data_panel.options()))
        self.chart, self.evaluation_view, self.runs_view, self.batch_view = (
            self.tabs.chart, self.tabs.evaluation_view, self.tabs.runs_view, self.tabs.batch_view)
        # The empty chart spans the epochs the form will train.
        self.form.changed.connect(lambda: self.chart.expect_epochs(self.form.values().get("epochs")))
        self.chart.expect_epochs(self.form.values().get("epochs"))
        self.classify_panel = ClassifyPanel()
        right = self._splitter(Qt.Orientation.Vertical, (self.tabs, 3), (self.classify_panel, 2))
        main = self._splitter(Qt.Orientation.Horizontal, (setup, 0), (right, 1))
        self.splitters = {"main": main, "right": right, "training": self.tabs.training_tab}
        self.setCentralWidget(main)
        #: A language switch reaches the pages and the classify panel on later turns than the window's own texts.
        self.language_turns = LanguageChangeInTurns([*self.tabs.pages, self.classify_panel], self)
        #: The language the window's own texts are in.
        self._texts_in = current_language()

    @staticmethod
    def _splitter(orientation: Qt.Orientation, *parts: tuple[QWidget, int]) -> QSplitter:
        splitter = QSplitter(orientation)
        for index, (widget, stretch) in enumerate(parts):
            splitter.addWidget(widget)
            splitter.setStretchFactor(index, stretch)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _connect(self) -> None:
        """The panels' requests to the window, and the controller's reports to the panels."""
        self.train_button.clicked.connect(self.start_training)
        self.stop_button.clicked.connect(self.stop)
        self.evaluate_button.clicked.connect(self.evaluate_model)
        self.evaluation_view.review_chosen.connect(self.classify_panel.show_review)  # classify and explain it
        self.evaluation_view.evaluate_requested.connect(self.evaluate_model)
        self.runs_view.open_requested.connect(self.open_model)
        self.runs_view.combine_requested.connect(self.controller.combine)
        self.runs_view.error.connect(self.dialogs.show_error)
        self.setup.unlocked.connect(self._fit_left_pane)
        self.runs.failed.connect(lambda message: self.dialogs.show_error(self.tr("Cannot keep the run list"), message))
        self.batch_view.error.connect(self.dialogs.show_error)
        self.batch_view.ended.connect(lambda _outcome: self._close_if_waiting())
        self.tune_view = self.tabs.tune_view
        self.tune_view.ended.connect(self._close_if_waiting)
        self.tune_view.best_config.connect(self._show_best_config)
        self.run_panel.status.connect(self.statusBar().showMessage)
        self.run_panel.batch_shown.connect(self.batch_shown)
        controller = self.controller
        controller.phase.connect(self.phase_shown)
        controller.member.connect(self.tabs.show_member)
        self.run_panel.follow(controller)
        controller.started.connect(self._on_started)
        controller.epoch.connect(self._on_epoch)
        controller.finished.connect(self._on_finished)
        controller.failed.connect(self._on_failed)
        controller.abandoned.connect(self._on_abandoned)
        controller.ended.connect(self._on_ended)

    def _set_tab_order(self) -> None:
        """Data, hyperparameters, the run buttons, the tabs, then the review: the way the work goes."""
        chain = [*self.setup.focus_chain(), self.tabs]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.tabs, self.classify_panel.text_edit)

    def retranslate_ui(self) -> None:
        """Every static text of the window; dynamic ones (metrics, model info) are shown again."""
        # Here rather than on their own LanguageChange (which comes after the window's), so the
        # left column is fitted to their new texts and the menus name the tabs as they are now.
        for panel in (self.setup, self.tabs, self.menus):
            panel.retranslate_ui()
        if not self.is_busy():
            self._show_idle_texts()

    def _show_idle_texts(self) -> None:
        """The texts that depend on the model, in the current language."""
        if self.model is not None:
            self._show_model_texts(self.model)
        else:
            self.results.show_no_model()
        self.run_panel.show_idle(self.chart.epoch_count() if self.model is not None else None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # Installing two translators can bring the window a second LanguageChange: its texts are already in that language.
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "menus") and self._texts_in != current_language():
            self._texts_in = current_language()
            self.retranslate_ui()
            self._set_busy(self.is_busy())  # hints and enabled states in the new language; fits the left column
            if self.statusBar().currentMessage() == getattr(self, "_ready_text", None):
                self._show_ready()
        super().changeEvent(event)

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
        left_width = self.setup.needed_width()
        self.splitters["main"].setSizes([left_width, width - left_width])
        self.splitters["right"].setSizes([500, 270])
        self.splitters["training"].setSizes([360, 140])

    def _fit_left_pane(self) -> None:
        """Widen the left column if its texts (a new language) no longer fit."""
        sizes = self.splitters["main"].sizes()
        needed = self.setup.needed_width()
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

    # -------------------------------------------------------------- running

    def _set_busy(self, busy: bool) -> None:
        task = self.controller.task
        stoppable = busy and task is not None and task.stoppable
        has_model = self.model is not None
        self.run_panel.set_busy(busy, stoppable, has_model)
        self.menus.set_busy(busy, stoppable, has_model)
        self.setup.set_busy(busy)
        self._fit_left_pane()
        self.tabs.set_busy(busy, self.model)
        if busy:
            self.classify_panel.set_predictor(None, self.tr("Classify is available again when the current task ends."))
        elif has_model:
            self.classify_panel.set_predictor(self._predict, explainer=explainer_for(self.model))
        else:
            self.classify_panel.set_predictor(None)

    def _predict(self, texts):
        return self.model.predict(list(texts))

    def start_training(self) -> bool:
        """Train a new model with the form's settings; False if it could not start."""
        if self.is_busy():
            return False
        try:
            config = self.form.config()
        except ConfigError as exc:
            self.dialogs.show_error(self.tr("Invalid hyperparameters"), error_text(exc))
            return False
        source = self.data_panel.source()
        if not source:
            self.dialogs.show_error(self.tr("No data chosen"), self.tr("Choose the data in the Data panel: the aclImdb folder or its "
                                                                       ".tar.gz, Download, a CSV file, a folder with pos/ and neg/, or Keras's IMDB dataset."))
            return False
        self.data_panel.save(self.settings)
        self.settings.set_config(config)
        self.chart.reset(config.epochs)
        self.tabs.setCurrentIndex(0)  # the Training tab: watch the curves
        # The panel's read of this source is reused (waited for if it is still running): one read per run.
        data = self.data_panel
        started = self.controller.train(config, None if source == DOWNLOAD else source, data.options(), data.choice().key(), data.load_for_run())
        if started:  # the job starts once the emptied chart is drawn and painted: they have the GIL to themselves
            ack = self.controller.start_ack()
            self.chart.canvas.after_next_draw(lambda: QTimer.singleShot(0, ack))
        return started

    def stop(self) -> None:
        """Stop after the current batch (Stop, Esc)."""
        if self.controller.stop():
            self.menus.stop_action.setEnabled(False)
            self.run_panel.show_stopping()

    def evaluate_model(self) -> bool:
        """Compute the current model's test metrics on the worker thread."""
        if self.is_busy() or self.model is None:
            return False
        source = self.data_panel.source() or self.model.source.get("path") or ""
        if not source:
            self.dialogs.show_error(self.tr("No data chosen"), self.tr("Choose the data to evaluate on: the aclImdb folder, its .tar.gz, or Download."))
            return False
        data, panel_source = self.data_panel, bool(self.data_panel.source())  # else the model's own data
        return self.controller.evaluate(None if source == DOWNLOAD else source, data.options() if panel_source else None,
                                        data.choice().key(), data.load_for_run if panel_source else None)

    def open_model(self, path: str | os.PathLike) -> bool:
        """Open a model file: checked here at once, loaded on the worker thread."""
        if self.is_busy():
            return False
        path = Path(path).expanduser()
        try:
            # No TensorFlow: a bad file fails before the slow part. Off the GUI thread: reading and
            # checking every stored test prediction took 80 ms.
            call_off_gui_thread(lambda: read_metadata(path))
        except StudioError as exc:
            self.dialogs.show_error(self.tr("Cannot open the model"), error_text(exc))
            return False
        self.settings.set_last_folder(str(path.parent))
        return self.controller.open(path)

    # ------------------------------------------------- the controller's reports

    def _on_started(self, task: Task) -> None:
        self._set_busy(True)
        self.statusBar().showMessage(task.starting_text())

    def _on_epoch(self, epoch: int, logs: dict) -> None:
        self.chart.add_epoch(epoch, logs)
        self.chart.canvas.after_next_draw(self.controller.epoch_ack())

    def _on_finished(self, task: Task, model, keep_error: str) -> None:
        if task.config_from_model is not None:
            self.setup.show_config(model.config if task.config_from_model else None, task.config_from_model)
        self._show_model(model)
        if task.selects_run and self.controller.current_run is not None:
            self.runs_view.select_runs([self.controller.current_run])
        if keep_error:
            self.dialogs.show_error(self.tr("Run not fully kept"), keep_error)
        self.statusBar().showMessage(task.done_text(model))

    def _on_failed(self, task: Task, message: str) -> None:
        self._restore_model_view()
        self.dialogs.show_error(task.failed_title(), message)

    def _on_abandoned(self, task: Task) -> None:
        self._restore_model_view()
        self.statusBar().showMessage(task.abandoned_text())

    def _restore_model_view(self) -> None:
        """After a failed or abandoned task, show the previous model again."""
        if self.model is not None:
            self._show_model(self.model)
        else:
            self.tabs.show_model(None)

    def _on_ended(self, task: Task, seconds: float) -> None:
        self._set_busy(False)
        self.task_ended.emit(task.kind)
        self._close_if_waiting()

    def _close_if_waiting(self) -> None:
        """A close that had to wait for a worker: try again now that one has ended."""
        if self._close_when_idle and not self._closed:
            self.close()

    def _show_model(self, model) -> None:
        self.tabs.show_model(model)
        self.run_panel.show_epochs(self.chart.epoch_count())
        self._show_model_texts(model)

    def _show_model_texts(self, model) -> None:
        """The model's texts in the current language: metrics, training info, summary total, title."""
        self.run_panel.show_epoch_count(self.chart.epoch_count())
        self.results.show_model(model)
        self.tabs.model_summary.show_total(model)
        self.show_title(model.path)

    def show_title(self, path: str | os.PathLike | None) -> None:
        """The model's file name (or "unsaved model") in the title bar."""
        title = Path(path).name if path else self.tr("unsaved model")
        self.setWindowTitle(f"{title} – {APP_TITLE}")

    def _show_best_config(self, config) -> None:
        """The Tune tab's best trial, in the form, ready to train (a new run, unless a task runs)."""
        if self.is_busy():
            return
        self.setup.show_config(config, from_model=False)
        self.setup.set_busy(False)

    # ------------------------------------------------------------- closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        answer = self.dialogs.ask_quit(self.controller.task) if self.is_busy() and not self._close_when_idle else DISCARD
        if answer == STAY:
            event.ignore()
            return
        # Stop both workers, then give them close_wait_ms together.
        self.controller.abandon(keep=answer == KEEP)
        self.batch_view.cancel()
        deadline = QDeadlineTimer(self.close_wait_ms)
        ended = self.controller.shutdown(deadline.remainingTime())
        ended = self.batch_view.shutdown(deadline.remainingTime()) and ended
        ended = self.tune_view.shutdown(deadline.remainingTime()) and ended
        if not ended:
            # Still busy (e.g. importing TensorFlow): hide now, close when the task ends.
            self._close_when_idle = True
            self.hide()
            event.ignore()
            return
        if answer == KEEP:
            self.controller.keep_what_ended()  # the stopped training joins the run list
        # The threads have ended; the workers' queued signals still arrive, harmlessly.
        self.classify_panel.shutdown()
        self.data_panel.shutdown()
        self._closed = True
        self.controller.close()
        self.save_settings()
        self.dialogs.close()
        event.accept()

    def paint_ahead(self) -> None:
        """Lay out and paint the window once off screen, and draw the charts it will show (behind the splash).

        The first paint on screen then copies what is drawn: done there, it
        held the GUI thread for 200 ms, and the chart's draw for 120 more.
        """
        self._painting_ahead = True
        try:
            self.grab()  # lays the window out at its size and warms the fonts' and the style's caches
        finally:
            self._painting_ahead = False
        for canvas in self.findChildren(LazyCanvas):
            if canvas.isVisibleTo(self):
                canvas.draw_unseen()

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted and not self._painting_ahead:
            self._painted = True
            self.first_painted.emit()
            QTimer.singleShot(PRELOAD_DELAY_MS, self.controller.preload)
        return result
