"""The Batch tab: classify a whole file of reviews, on a worker, into a sortable table.

A ``.txt`` file holds one review per line; a ``.csv``/``.tsv`` has a header,
and :class:`ColumnDialog` asks for the text column and an optional label
column (from ``core.data.tables.read_columns``, which reads only the header).
Reading and classifying run as a :class:`~gui.workers.worker_thread.TaskWorker`
on the tab's own long-lived :class:`~gui.workers.worker_thread.WorkerThread`
(a batch may run while the window trains), with a progress bar and Cancel. The results live in a
:class:`ResultsModel` over NumPy arrays, so sorting 25,000 rows is one
``argsort``; Export writes them with ``core.data.tables.write_results``. With
labels, the accuracy and the confusion matrix are shown above the table.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.data.tables import TEXT_COLUMN_GUESSES, read_columns
from core.errors import StudioError
from core.insight.metrics import classification_metrics
from gui.i18n import RetranslatesOnLanguageChange, context_tr, error_text
from gui.workers.worker_thread import Cancelled, TaskWorker, WorkerThread

LABEL_COLUMN_GUESSES = ("label", "sentiment", "labels", "class", "target", "polarity")
NO_LABEL = QT_TRANSLATE_NOOP("ColumnDialog", "(none)")
FILE_FILTER = QT_TRANSLATE_NOOP("BatchView", "Reviews (*.txt *.csv *.tsv);;Text files, one review per line (*.txt);;CSV or TSV with a header (*.csv *.tsv)")
#: The predicted and true labels, as the table shows them.
LABEL_NAMES = (QT_TRANSLATE_NOOP("BatchView", "negative"), QT_TRANSLATE_NOOP("BatchView", "positive"))
#: Reviews per model call; smaller chunks move the progress bar more often.
CHUNK = 1024


#: Rows measured to size the label and probability columns (they all look alike).
MEASURED_ROWS = 30


@dataclass
class BatchResult:
    texts: list[str]
    probabilities: np.ndarray
    labels: np.ndarray | None
    path: str
    undecodable: int = 0  # byte sequences that were not UTF-8, read as U+FFFD


class BatchJob:
    """Read the file and classify every review (runs on the worker thread)."""

    def __init__(self, model, path: str, text_column: str | None = None, label_column: str | None = None):
        self.model, self.path, self.text_column, self.label_column = model, str(path), text_column, label_column

    def __call__(self, hooks, stop: threading.Event) -> BatchResult:
        from core.data.tables import read_reviews
        from core.insight.batch_classify import classify_many  # TensorFlow is already loaded: a model exists

        hooks.phase("reading file")
        table = read_reviews(self.path, self.text_column, self.label_column, progress=hooks.reading)
        hooks.phase("classifying")
        probabilities = classify_many(self.model, table.texts, progress=hooks.reading, stop_event=stop, chunk_size=CHUNK)
        if probabilities is None:
            raise Cancelled()
        return BatchResult(table.texts, np.asarray(probabilities, dtype="float32"), table.labels, self.path, table.undecodable)


class ColumnDialog(QDialog):
    """Choose a CSV's text column and, optionally, its label column."""

    tr = context_tr("ColumnDialog")

    def __init__(self, columns: list[str], file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Columns of {name}").format(name=file_name))
        self.text_combo = QComboBox()
        self.text_combo.setAccessibleName(self.tr("Review text column"))
        self.text_combo.setToolTip(self.tr("The column that holds the reviews"))
        self.text_combo.addItems(columns)
        guess = next((c for c in columns if c.strip().lower() in TEXT_COLUMN_GUESSES), columns[0])
        self.text_combo.setCurrentText(guess)
        self.label_combo = QComboBox()
        self.label_combo.addItem(self.tr(NO_LABEL), None)
        for column in columns:
            self.label_combo.addItem(column, column)
        guess = next((c for c in columns if c.strip().lower() in LABEL_COLUMN_GUESSES), None)
        self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(guess)) if guess is not None else 0)
        self.label_combo.setToolTip(self.tr("True labels (0/1, pos/neg, positive/negative, true/false) give the accuracy and a confusion matrix"))
        self.label_combo.setAccessibleName(self.tr("Label column (optional)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Classify"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Review text column"), self.text_combo)
        form.addRow(self.tr("&Label column (optional)"), self.label_combo)
        form.addRow(buttons)

    def text_column(self) -> str:
        return self.text_combo.currentText()

    def label_column(self) -> str | None:
        return self.label_combo.currentData()


class ResultsModel(QAbstractTableModel):
    """Text, predicted label and probability (and the true label) of each review; sortable."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.result: BatchResult | None = None
        self.order = np.zeros(0, dtype="int64")

    def set_result(self, result: BatchResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self.order = np.arange(len(result.texts)) if result is not None else np.zeros(0, dtype="int64")
        self.endResetModel()

    def headers(self) -> list[str]:
        translate = QCoreApplication.translate
        base = [translate("BatchView", "Review"), translate("BatchView", "Label"), translate("BatchView", "P(positive)")]
        return base + [translate("BatchView", "True label")] if self.result is not None and self.result.labels is not None else base

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section < len(self.headers()):
            return self.headers()[section]
        return None

    def row_values(self, row: int) -> tuple:
        """(text, label, probability, true label or None) of the shown row ``row``."""
        i = int(self.order[row])
        probability = float(self.result.probabilities[i])
        label = "positive" if probability >= 0.5 else "negative"
        true = None if self.result.labels is None else ("positive" if self.result.labels[i] else "negative")
        return self.result.texts[i], label, probability, true

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.result is None:
            return None
        text, label, probability, true = self.row_values(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            translate = QCoreApplication.translate
            shown = (translate("BatchView", label), None if true is None else translate("BatchView", true))
            return (" ".join(text.split())[:400], shown[0], f"{probability:.4f}", shown[1])[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return text[:1000]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if self.result is None:
            return
        result = self.result
        if column == 0:
            keys = np.array([text.lower() for text in result.texts], dtype=object)
            base = np.array(sorted(range(len(keys)), key=keys.__getitem__))
        elif column == 3 and result.labels is not None:
            base = np.argsort(result.labels, kind="stable")
        else:  # the label sorts with the probability
            base = np.argsort(result.probabilities, kind="stable")
        self.layoutAboutToBeChanged.emit()
        self.order = base[::-1].copy() if order == Qt.SortOrder.DescendingOrder else base
        self.layoutChanged.emit()


class BatchView(RetranslatesOnLanguageChange, QWidget):
    """Open a file, classify it on a worker with Cancel, read and export the results."""

    #: The worker ended: "done", "cancelled" or "failed".
    ended = Signal(str)
    #: A message for the window's error dialog: title, message.
    error = Signal(str, str)

    tr = context_tr("BatchView")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = None
        self.result: BatchResult | None = None
        self.metrics: dict | None = None
        self.worker_thread = WorkerThread("studio-batch", self)
        self.worker: TaskWorker | None = None  # the running batch's worker
        self.stop_event = threading.Event()
        self.last_folder = str(Path.home())
        self._phase = ""
        self._outcome = "done"

        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.choose_file)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.choose_export)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("")
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.export_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.results = ResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.results)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        # Columns sized from a few rows, not all of them: measuring 1,000 rows froze the window for a second.
        self.table.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._summary_state: tuple = ("idle",)
        self.retranslate_ui()
        self._update_buttons()

    # --- language -------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.open_button.setText(self.tr("Classify a &file…"))
        self.open_button.setToolTip(self.tr("A .txt file (one review per line) or a .csv/.tsv with a header row"))
        self.open_button.setAccessibleName(self.tr("Classify a file"))
        self.cancel_button.setText(self.tr("Cance&l"))
        self.cancel_button.setToolTip(self.tr("Stop classifying the file"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.export_button.setText(self.tr("E&xport CSV…"))
        self.export_button.setToolTip(self.tr("Write the results to a CSV file"))
        self.export_button.setAccessibleName(self.tr("Export CSV"))
        self.progress.setAccessibleName(self.tr("Batch progress"))
        self.table.setAccessibleName(self.tr("Batch results"))
        self.results.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.results.columnCount() - 1))
        if not self.is_running():
            self._show_summary()

    def _show_summary(self) -> None:
        """The summary line for the current state, in the current language."""
        kind = self._summary_state[0]
        if kind == "idle":
            self.summary.setText(self.tr("Train or open a model, then classify a file of reviews."))
        elif kind == "done" and self.result is not None:
            self.summary.setText(self._result_summary(self.result) + self._summary_state[1])
        elif kind == "failed":
            self.summary.setText(self.tr("The file could not be classified."))
        elif kind == "cancelled":
            self.summary.setText(self.tr("Cancelled; the previous results (if any) are kept.") if self.result is not None else self.tr("Cancelled."))

    # --- state --------------------------------------------------------------

    def set_model(self, model) -> None:
        """The model to classify with (None while the window's worker runs)."""
        self.model = model
        self._update_buttons()

    def is_running(self) -> bool:
        return self.worker is not None

    def _update_buttons(self) -> None:
        running = self.is_running()
        self.open_button.setEnabled(self.model is not None and not running)
        self.cancel_button.setEnabled(running)
        self.export_button.setEnabled(self.result is not None and not running)

    # --- running ------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Classify reviews in a file"), self.last_folder, self.tr(FILE_FILTER))
        if not path:
            return
        self.last_folder = str(Path(path).parent)
        text_column = label_column = None
        if Path(path).suffix.lower() in (".csv", ".tsv", ".tab"):
            try:
                columns = read_columns(path)
            except StudioError as exc:
                self.error.emit(self.tr("Cannot read the file"), error_text(exc))
                return
            dialog = ColumnDialog(columns, Path(path).name, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            text_column, label_column = dialog.text_column(), dialog.label_column()
        self.start(path, text_column, label_column)

    def start(self, path: str | Path, text_column: str | None = None, label_column: str | None = None) -> bool:
        """Classify the reviews in ``path`` on a worker thread; False if it cannot start now."""
        if self.model is None or self.is_running():
            return False
        self.stop_event = threading.Event()
        worker = TaskWorker(BatchJob(self.model, str(path), text_column, label_column), self.stop_event)
        worker.phase.connect(self._on_phase)
        worker.reading.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        worker.ended.connect(self._on_worker_ended)
        self.worker = worker
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Reading…"))
        self.summary.setText(self.tr("Classifying the reviews in {name}…").format(name=Path(path).name))
        self.worker_thread.start(worker)
        self._update_buttons()
        return True

    def cancel(self) -> None:
        if self.is_running():
            self.stop_event.set()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Cancelling…"))

    def shutdown(self, wait_ms: int = 3000) -> bool:
        """Stop a running batch and end the tab's thread (the window is closing); True once it has ended."""
        self.stop_event.set()
        return self.worker_thread.shutdown(wait_ms)

    def _on_phase(self, name: str) -> None:
        self._phase = name
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Reading the file…") if name == "reading file" else self.tr("Classifying…"))

    def _on_progress(self, done: int, total: int) -> None:
        if self._phase != "classifying":
            return  # reading reports bytes; the bar counts reviews
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Classified {done:,} of {total:,}").format(done=done, total=total))

    def _on_finished(self, result: BatchResult) -> None:
        self.result = result
        self.results.set_result(result)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.metrics = None
        if result.labels is not None:
            self.metrics = classification_metrics(result.labels, result.probabilities)
        self._summary_state = ("done", "")
        self._show_summary()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat(self.tr("Done"))
        self._outcome = "done"

    def _result_summary(self, result: BatchResult) -> str:
        count = len(result.texts)
        positive = int(np.sum(result.probabilities >= 0.5))
        text = self.tr("<b>{count:,}</b> review(s) from {name}: {positive:,} positive, {negative:,} negative.").format(
            count=count, name=Path(result.path).name, positive=positive, negative=count - positive
        )
        if result.undecodable:
            text += " " + self.tr("{count:,} byte sequence(s) in the file were not valid UTF-8 and were read as \ufffd.").format(
                count=result.undecodable
            )
        if self.metrics is not None:
            (tn, fp), (fn, tp) = self.metrics["confusion_matrix"]
            text += self.tr(" Accuracy <b>{accuracy:.4f}</b> against the file's labels.").format(accuracy=self.metrics["accuracy"])
            text += (
                "<table cellspacing='0' cellpadding='3' style='margin-top:4px'>"
                f"<tr><td></td><td><i>{self.tr('predicted negative')}</i></td><td><i>{self.tr('predicted positive')}</i></td></tr>"
                f"<tr><td><i>{self.tr('true negative')}</i></td><td align='right'>{tn:,}</td><td align='right'>{fp:,}</td></tr>"
                f"<tr><td><i>{self.tr('true positive')}</i></td><td align='right'>{fn:,}</td><td align='right'>{tp:,}</td></tr></table>"
            )
        return text

    def _on_failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self._summary_state = ("failed",)
        self._show_summary()
        self._outcome = "failed"
        self.error.emit(self.tr("Batch classification failed"), message)

    def _on_cancelled(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Cancelled"))
        self._summary_state = ("cancelled",)
        self._show_summary()
        self._outcome = "cancelled"

    def _on_worker_ended(self) -> None:
        self.worker = None
        self._update_buttons()
        self.ended.emit(self._outcome)

    # --- export -------------------------------------------------------------

    def choose_export(self) -> None:
        if self.result is None:
            return
        suggested = str(Path(self.last_folder) / f"{Path(self.result.path).stem}-classified.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results"), suggested, self.tr("CSV files (*.csv)"))
        if path:
            self.export(path if path.lower().endswith(".csv") else path + ".csv")

    def export(self, path: str | Path) -> bool:
        """Write text, label, probability (and the true label) of every review, in file order."""
        if self.result is None:
            return False
        from core.data.tables import write_results

        try:
            write_results(path, self.result.texts, self.result.probabilities, self.result.labels)
        except StudioError as exc:
            self.error.emit(self.tr("Cannot export the results"), error_text(exc))
            return False
        self._summary_state = ("done", self.tr("<br>Exported to {path}.").format(path=path))
        self._show_summary()
        return True
