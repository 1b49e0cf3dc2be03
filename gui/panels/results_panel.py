"""What is known about the current model: its test results, how it was trained, its layers.

:class:`ResultsPanel` ("Test results", under the run controls) shows the
test metrics in a grid, the confusion counts, the training time, epochs and
configuration, and the data it was trained on. :class:`ModelSummaryPanel`
(below the learning curves) lists the layers with their output shapes and
parameters. Both show what the window gives them; they never run anything.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from gui.i18n import context_tr, describe_config, format_duration
from gui.panels.data_summary import describe_source

METRIC_LABELS = (
    ("loss", QT_TRANSLATE_NOOP("ResultsPanel", "Loss")),
    ("accuracy", QT_TRANSLATE_NOOP("ResultsPanel", "Accuracy")),
    ("precision", QT_TRANSLATE_NOOP("ResultsPanel", "Precision")),
    ("recall", QT_TRANSLATE_NOOP("ResultsPanel", "Recall")),
    ("f1", QT_TRANSLATE_NOOP("ResultsPanel", "F1")),
    ("roc_auc", QT_TRANSLATE_NOOP("ResultsPanel", "ROC AUC")),
)


class ResultsPanel(QGroupBox):
    """The test metrics, the training facts and the data of the current model."""

    tr = context_tr("ResultsPanel")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
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
        self.data_info = QLabel("")  # the model's data: name, path or URL, counts, balance
        self.data_info.setWordWrap(True)
        self.data_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addLayout(grid)
        layout.addWidget(self.metrics_note)
        layout.addWidget(self.training_info)
        layout.addWidget(self.data_info)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The static texts (the window calls it, then :meth:`show_model` for the model's)."""
        self.setTitle(self.tr("Test results"))
        for key, text in METRIC_LABELS:
            self.metric_names[key].setText(self.tr(text))
            self.metric_values[key].setAccessibleName(self.tr(text))

    def show_no_model(self) -> None:
        self.metrics_note.setText(self.tr("No model yet."))

    def show_model(self, model) -> None:
        """The model's metrics, training facts and data, in the current language."""
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
        self.training_info.setText(" · ".join(self._training_facts(model)))
        self.data_info.setText(describe_source(model.source))

    def _training_facts(self, model) -> list[str]:
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
        return parts


class ModelSummaryPanel(QGroupBox):
    """The model's layers: name, type, output shape and parameters, and the trainable total."""

    tr = context_tr("ModelSummaryPanel")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(40)
        self.total = QLabel("")
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        self._trainable: int | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Model summary"))
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Type"), self.tr("Output shape"), self.tr("Params")])
        self.table.setAccessibleName(self.tr("Model summary"))

    def show_model(self, model) -> None:
        """The model's layers (Keras is loaded once a model exists); :meth:`show_total` says their total."""
        from core.models.summary import layer_table

        rows, total = layer_table(model)  # built on the worker (gui.workers.jobs), kept on the model
        self.table.setRowCount(len(rows))
        for row, (name, kind, shape, params) in enumerate(rows):
            for column, value in enumerate((name, kind, shape, f"{params:,}")):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._trainable = total

    def show_total(self, model) -> None:
        """The trainable total in the current language (the plain-text summary where it is unknown)."""
        total = self._trainable
        self.total.setText(self.tr("Total trainable parameters: {total:,}").format(total=total) if total is not None else model.summary())
