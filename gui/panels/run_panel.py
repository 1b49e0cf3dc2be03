"""Train, Stop and Evaluate, and how far the running task has come: the epoch and batch bars, the time left.

:class:`RunPanel` shows a task's progress as the task controller reports it
(:meth:`RunPanel.follow`) and says, through its :attr:`~RunPanel.status`
signal, what the status bar should read meanwhile.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from gui.i18n import context_tr, format_duration

PHASE_TEXT = {
    "loading data": QT_TRANSLATE_NOOP("RunPanel", "Loading data…"),
    "building vocabulary": QT_TRANSLATE_NOOP("RunPanel", "Building vocabulary…"),
    "vectorising": QT_TRANSLATE_NOOP("RunPanel", "Vectorising reviews…"),
    "training": QT_TRANSLATE_NOOP("RunPanel", "Training…"),
    "evaluating": QT_TRANSLATE_NOOP("RunPanel", "Evaluating on the test reviews…"),
    "opening model": QT_TRANSLATE_NOOP("RunPanel", "Opening the model (TensorFlow loads on first use)…"),
    "weighing members": QT_TRANSLATE_NOOP("RunPanel", "Weighing the ensemble's members on the validation reviews…"),
    "exporting": QT_TRANSLATE_NOOP("RunPanel", "Exporting for serving (tracing and checking the graph)…"),
}
#: Phases with no steps to count: the batch bar becomes a busy indicator.
UNCOUNTED_PHASES = ("building vocabulary", "vectorising", "evaluating", "opening model", "exporting", "weighing members")


class RunPanel(QGroupBox):
    """The run buttons, the epoch and batch bars, and the elapsed and remaining time."""

    #: What the status bar should say now (a phase, the download, the epoch and its loss).
    status = Signal(str)
    #: A batch's progress has been shown (GUI thread): epoch, step, steps per epoch.
    batch_shown = Signal(int, int, int)

    tr = context_tr("RunPanel")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.train_button = QPushButton()
        self.train_button.setDefault(True)
        self.stop_button = QPushButton()
        self.evaluate_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.train_button, self.stop_button, self.evaluate_button):
            button.setMinimumWidth(96)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.epoch_bar = QProgressBar()
        self.batch_bar = QProgressBar()
        self.eta_label = QLabel(" ")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.epoch_bar)
        layout.addWidget(self.batch_bar)
        layout.addWidget(self.eta_label)
        self._planned = 0  # epochs of the running training, else 0
        self._train_started = 0.0
        self._stopping = False
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Its static texts; the window calls it, before it fits the left column to the new texts."""
        self.setTitle(self.tr("Run"))
        self.train_button.setText(self.tr("Train"))
        self.train_button.setToolTip(self.tr("Train a new model with these settings (Ctrl+T)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the current batch and keep the model trained so far (Esc)"))
        self.evaluate_button.setText(self.tr("Evaluate"))
        self.evaluate_button.setToolTip(self.tr("Compute the test metrics of the current model (Ctrl+E)"))
        for button in (self.train_button, self.stop_button, self.evaluate_button):
            button.setAccessibleName(button.text())
        self.epoch_bar.setAccessibleName(self.tr("Epochs"))
        self.batch_bar.setAccessibleName(self.tr("Batches"))

    def set_busy(self, busy: bool, stoppable: bool, has_model: bool) -> None:
        self.train_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy and stoppable)
        self.evaluate_button.setEnabled(not busy and has_model)

    # --- a task's life ----------------------------------------------------------

    def follow(self, controller) -> None:
        """Show how the tasks of ``controller`` (a :class:`~gui.controller.TaskController`) go."""
        controller.started.connect(lambda task: self.begin(task.epochs))
        controller.phase.connect(self.show_phase)
        controller.download.connect(self.show_download)
        controller.reading.connect(self.show_reading)
        controller.train_begin.connect(self.show_train_begin)
        controller.batch.connect(self.show_batch)
        controller.epoch.connect(lambda epoch, _logs: self.show_epoch(epoch))
        controller.ended.connect(lambda task, seconds: self.show_ended(task.ended_text(seconds)))

    def begin(self, epochs: int) -> None:
        """A task starts; ``epochs`` planned for a training (bars and time reset), else 0."""
        self._planned = epochs
        self._stopping = False
        if not epochs:
            return
        self.epoch_bar.setRange(0, epochs)
        self.epoch_bar.setValue(0)
        self.epoch_bar.setFormat(self.tr("Epoch 0 of %m"))
        self._reset_batches()
        self.eta_label.setText(" ")

    def show_phase(self, name: str) -> None:
        if name == "done":
            return
        text = self.tr(PHASE_TEXT[name]) if name in PHASE_TEXT else name.capitalize() + "…"
        self.status.emit(text)
        if name in UNCOUNTED_PHASES:
            self.batch_bar.setRange(0, 0)  # busy indicator: no steps to count
            self.batch_bar.setFormat(text)

    def show_download(self, done: int, total: int) -> None:
        self._show_fraction(self.tr("Downloading"), done, total)
        if total:
            size = self.tr("{done:.1f} of {total:.0f} MB").format(done=done / 1e6, total=total / 1e6)
        else:
            size = self.tr("{done:.1f} MB").format(done=done / 1e6)
        self.status.emit(self.tr("Downloading the IMDB reviews: {size}").format(size=size))

    def show_reading(self, done: int, total: int) -> None:
        self._show_fraction(self.tr("Reading reviews"), done, total)

    def show_train_begin(self, epochs: int, steps: int) -> None:
        self._planned = epochs
        self._train_started = time.monotonic()
        self.epoch_bar.setRange(0, epochs)
        self.epoch_bar.setValue(0)
        self.batch_bar.setRange(0, steps)
        self.batch_bar.setValue(0)
        self.batch_bar.setFormat(self.tr("Batch %v of %m"))
        self.status.emit(self.tr("Training epoch {epoch}/{epochs}").format(epoch=1, epochs=epochs))

    def show_batch(self, epoch: int, step: int, steps: int, logs: dict) -> None:
        epochs = self._planned or 1
        self.batch_bar.setRange(0, steps)
        self.batch_bar.setValue(step)
        self.epoch_bar.setFormat(self.tr("Epoch {epoch} of {epochs}").format(epoch=epoch, epochs=epochs))
        done = (epoch - 1 + step / steps) / epochs
        elapsed = time.monotonic() - self._train_started
        eta = self.tr(" · about {time} left").format(time=format_duration(elapsed * (1 - done) / done)) if done > 0 else ""
        self.eta_label.setText(self.tr("Elapsed {time}").format(time=format_duration(elapsed)) + eta)
        names = {"loss": self.tr("loss"), "accuracy": self.tr("accuracy")}
        metrics = "  ".join(f"{names[key]} {logs[key]:.4f}" for key in ("loss", "accuracy") if key in logs)
        if not self._stopping:
            self.status.emit(self.tr("Training epoch {epoch}/{epochs}").format(epoch=epoch, epochs=epochs) + f"   {metrics}")
        self.batch_shown.emit(epoch, step, steps)

    def show_epoch(self, epoch: int) -> None:
        self.epoch_bar.setValue(epoch)

    def show_stopping(self) -> None:
        """Stop was pressed: no more Stop, and the status keeps saying so."""
        self._stopping = True
        self.stop_button.setEnabled(False)
        self.status.emit(self.tr("Stopping after the current batch…"))

    def show_ended(self, text: str | None) -> None:
        """The task has ended; ``text`` (the time it took) replaces the time left, if given."""
        self._reset_batches()
        if text is not None:
            self.eta_label.setText(text)

    # --- the model's epochs ------------------------------------------------------

    def show_epochs(self, count: int) -> None:
        """``count`` epochs trained, of those planned while a training runs (the text: :meth:`show_epoch_count`)."""
        self.epoch_bar.setRange(0, max(1, self._planned or count))
        self.epoch_bar.setValue(count)

    def show_epoch_count(self, count: int) -> None:
        self.epoch_bar.setFormat(self.tr("{epochs} epoch(s) trained").format(epochs=count))

    def show_idle(self, epochs: int | None) -> None:
        """Idle: the epochs the model has (None: no model), and the batch bar's name."""
        if epochs is None:
            self.epoch_bar.setFormat(self.tr("Epochs"))
        else:
            self.show_epoch_count(epochs)
        self.batch_bar.setFormat(self.tr("Batches"))

    def _reset_batches(self) -> None:
        self.batch_bar.setRange(0, 1)
        self.batch_bar.setValue(0)
        self.batch_bar.setFormat(self.tr("Batches"))

    def _show_fraction(self, text: str, done: int, total: int) -> None:
        self.batch_bar.setRange(0, 1000)
        self.batch_bar.setValue(int(1000 * done / total) if total else 0)
        self.batch_bar.setFormat(f"{text} %p%")
