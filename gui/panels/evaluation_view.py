"""The Evaluation tab: confusion matrix, ROC curve, metrics, a threshold, and the worst mistakes.

Everything here comes from the model's ``test_predictions`` (labels and
probabilities of the test reviews, kept in the model file), so moving the
threshold only recomputes NumPy counts: no model call, no data. The
Matplotlib artists (heat map, its four labels, the ROC line and the
threshold's point) are created once and updated with ``set_data`` /
``set_text``; a threshold move draws the ones it changes over the last
drawing (blitting), a new model redraws the figure.

Texts are translated (the figure's with ``chart_tr``), and the figure takes
its colours from the Qt palette.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.insight.evaluation_view_data import view_data
from gui.charts.figure_panel import LazyCanvas
from gui.i18n import chart_tr, configure_chart_fonts, context_tr
from gui.panels.wrong_reviews_model import CLASSES, WrongReviewsModel
from gui.theme import style_figure

#: The slider's steps per unit of threshold.
STEPS = 1000
ROC_TICKS = (0.0, 0.5, 1.0)
#: Rows measured to size the label and probability columns (all of them look alike).
MEASURED_ROWS = 20
NO_MODEL_TEXT = QT_TRANSLATE_NOOP("EvaluationView", "Train a model or open one to see how it does on the test reviews.")
NO_PREDICTIONS_TEXT = QT_TRANSLATE_NOOP(
    "EvaluationView",
    "This model has no per-review test results: its training was stopped before the test, "
    "or its file predates them. Evaluate it on the test reviews to fill this tab.",
)
METRICS = (
    ("accuracy", QT_TRANSLATE_NOOP("EvaluationView", "Accuracy")),
    ("precision", QT_TRANSLATE_NOOP("EvaluationView", "Precision")),
    ("recall", QT_TRANSLATE_NOOP("EvaluationView", "Recall")),
    ("f1", QT_TRANSLATE_NOOP("EvaluationView", "F1")),
)


class EvaluationView(QWidget):
    """How the current model does on the test set, at a threshold the user picks."""

    #: A wrong review was clicked: its full text.
    review_chosen = Signal(str)
    #: The empty state's Evaluate button was clicked.
    evaluate_requested = Signal()
    #: The shown metrics changed (threshold moved or a new model): the metrics dict.
    metrics_shown = Signal(object)

    tr = context_tr("EvaluationView")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.predictions = None  # core.insight.metrics.TestPredictions
        self.data = None  # core.insight.evaluation_view_data.EvaluationViewData: what is drawn
        self.metrics: dict | None = None
        self.wrong: list[dict] = []
        self._empty_text = NO_MODEL_TEXT
        configure_chart_fonts()

        # --- empty state
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.evaluate_button = QPushButton()
        self.evaluate_button.clicked.connect(self.evaluate_requested)
        self.evaluate_button.hide()
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.evaluate_button)
        row.addStretch(1)
        empty_layout.addLayout(row)
        empty_layout.addStretch(2)

        # --- the figure: confusion matrix and ROC curve
        self.figure = Figure(figsize=(7, 3), layout="constrained")
        self.canvas = LazyCanvas(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(120)
        self.matrix_ax, self.roc_ax = self.figure.subplots(1, 2, width_ratios=(1, 1.15))
        self.image = self.matrix_ax.imshow(np.zeros((2, 2)), cmap="Blues", vmin=0.0, vmax=1.0)
        self.cell_texts = [[self.matrix_ax.text(c, r, "", ha="center", va="center", fontsize=9) for c in range(2)] for r in range(2)]
        (self.diagonal,) = self.roc_ax.plot([0, 1], [0, 1], linestyle="--", linewidth=1)
        (self.roc_line,) = self.roc_ax.plot([], [], linewidth=1.8)
        (self.roc_point,) = self.roc_ax.plot([], [], "o", markersize=7)
        self.roc_ax.set_xlim(-0.01, 1.01)
        self.roc_ax.set_ylim(-0.01, 1.01)
        # Fixed ticks: working out automatic ones was a third of a draw.
        self.roc_ax.set_xticks(ROC_TICKS, [f"{tick:g}" for tick in ROC_TICKS])
        self.roc_ax.set_yticks(ROC_TICKS, [f"{tick:g}" for tick in ROC_TICKS])
        self.roc_ax.set_aspect("equal")
        self.roc_ax.grid(True, alpha=0.3)
        #: What a threshold move changes. A move draws them over the rest of the last drawing
        #: (blitting): a whole draw of the figure took 50-60 ms a move.
        self.canvas.animate([self.image, *(text for row in self.cell_texts for text in row), self.roc_point])

        # --- metrics and threshold
        self.threshold_slider = QSlider(Qt.Orientation.Horizontal)
        self.threshold_slider.setRange(1, STEPS - 1)
        self.threshold_slider.setValue(STEPS // 2)
        self.threshold_slider.setPageStep(50)
        self.threshold_slider.valueChanged.connect(self._on_threshold)
        self.threshold_label = QLabel("0.500")
        self.threshold_label.setMinimumWidth(40)
        self.reset_threshold = QPushButton("0.5")
        self.reset_threshold.setMaximumWidth(44)
        self.reset_threshold.clicked.connect(lambda: self.set_threshold(0.5))
        self.threshold_name = QLabel()
        self.threshold_name.setBuddy(self.threshold_slider)
        slider_row = QHBoxLayout()
        slider_row.addWidget(self.threshold_name)
        slider_row.addWidget(self.threshold_slider, 1)
        slider_row.addWidget(self.threshold_label)
        slider_row.addWidget(self.reset_threshold)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.metric_values: dict[str, QLabel] = {}
        self.metric_names: dict[str, QLabel] = {}
        for index, (key, _text) in enumerate(METRICS):
            value = QLabel("–")
            value.setStyleSheet("font-weight: bold;")
            self.metric_values[key] = value
            self.metric_names[key] = name = QLabel()
            grid.addWidget(name, 0, index * 2)
            grid.addWidget(value, 0, index * 2 + 1)
        self.auc_label = QLabel("")
        self.count_label = QLabel("")
        grid.addWidget(self.auc_label, 0, len(METRICS) * 2)
        grid.setColumnStretch(len(METRICS) * 2 + 1, 1)
        grid.addWidget(self.count_label, 0, len(METRICS) * 2 + 1)

        # --- the most confidently wrong reviews
        self.wrong_title = QLabel()
        self.wrong_title.setWordWrap(True)
        self.wrong_model = WrongReviewsModel(self)
        self.wrong_table = QTableView()
        self.wrong_table.setModel(self.wrong_model)
        self.wrong_table.verticalHeader().hide()
        self.wrong_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.wrong_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.wrong_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.wrong_table.setWordWrap(False)
        self.wrong_table.setMinimumHeight(60)
        self.wrong_table.verticalHeader().setDefaultSectionSize(22)
        header = self.wrong_table.horizontalHeader()
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.wrong_table.clicked.connect(self._on_wrong_clicked)
        self.wrong_table.activated.connect(self._on_wrong_clicked)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.canvas, 1)
        top_layout.addLayout(slider_row)
        top_layout.addLayout(grid)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        bottom_layout.addWidget(self.wrong_title)
        bottom_layout.addWidget(self.wrong_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)
        self.apply_palette()
        self.retranslate_ui()

    # --- language and palette -------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_palette()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.empty_label.setText(self.tr(self._empty_text))
        self.evaluate_button.setText(self.tr("E&valuate on the test reviews"))
        self.evaluate_button.setToolTip(self.tr("Compute the test metrics and per-review results of the current model (Ctrl+E)"))
        self.evaluate_button.setAccessibleName(self.tr("Evaluate on the test reviews"))
        classes = [chart_tr("EvaluationView", name) for name in CLASSES]
        self.matrix_ax.set_xticks([0, 1], classes)
        self.matrix_ax.set_yticks([0, 1], classes, rotation=90, va="center")
        self.matrix_ax.set_xlabel(chart_tr("EvaluationView", "predicted"))
        self.matrix_ax.set_ylabel(chart_tr("EvaluationView", "true"))
        self.matrix_ax.set_title(chart_tr("EvaluationView", "Confusion matrix"), fontsize=10)
        self.roc_ax.set_xlabel(chart_tr("EvaluationView", "false positive rate"))
        self.roc_ax.set_ylabel(chart_tr("EvaluationView", "true positive rate"))
        self.roc_ax.set_title(chart_tr("EvaluationView", "ROC curve"), fontsize=10)
        self.roc_point.set_label(chart_tr("EvaluationView", "threshold"))
        self.threshold_name.setText(self.tr("Decision &threshold"))
        self.threshold_slider.setToolTip(self.tr("Reviews with a probability at or above this are called positive"))
        self.threshold_slider.setAccessibleName(self.tr("Decision threshold"))
        self.reset_threshold.setToolTip(self.tr("Back to the default threshold"))
        self.reset_threshold.setAccessibleName(self.tr("Reset the threshold to 0.5"))
        for key, text in METRICS:
            self.metric_names[key].setText(self.tr(text))
            self.metric_values[key].setAccessibleName(self.tr(text))
        self.wrong_model.retranslate()
        self.wrong_table.setAccessibleName(self.tr("Most confidently wrong test reviews"))
        self.wrong_table.setToolTip(self.tr("Click a review, or select it and press Enter, to explain it in the classify panel"))
        if self.predictions is not None:
            self._show_wrong_title()
            self._update()
        else:
            self.wrong_title.setText(self.tr("Most confidently wrong test reviews (click one to explain it)"))
            self.canvas.draw_idle()

    def apply_palette(self) -> None:
        """Figure, axes and text colours from the palette; the matrix keeps its blues."""
        self.colours = colours = style_figure(self.figure, self.palette())
        self.diagonal.set_color(colours["diagonal"])
        self.roc_line.set_color(colours["train"])
        self.roc_point.set_color(colours["val"])
        self.canvas.draw_idle()

    # --- feeding it -------------------------------------------------------

    def set_model(self, model) -> None:
        """Show ``model``'s test results, or the empty state saying what to do."""
        predictions = getattr(model, "test_predictions", None) if model is not None else None
        self.predictions = predictions
        # Built on the worker at the end of a run or an open (gui.workers.jobs); here only if it was not.
        self.data = view_data(model) if predictions is not None else None
        if predictions is None:
            self.metrics = None
            self.wrong = []
            self.wrong_model.set_rows([])
            self._empty_text = NO_MODEL_TEXT if model is None else NO_PREDICTIONS_TEXT
            self.empty_label.setText(self.tr(self._empty_text))
            self.evaluate_button.setVisible(model is not None)
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.roc_line.set_data(self.data.roc_fpr, self.data.roc_tpr)  # a few hundred points, not one per review
        self.wrong = self.data.wrong
        self.wrong_model.set_rows(self.wrong)
        self._show_wrong_title()
        self._update(same_layout=True)  # new numbers in the same texts: the last layout holds

    def has_results(self) -> bool:
        return self.predictions is not None

    def threshold(self) -> float:
        return self.threshold_slider.value() / STEPS

    def set_threshold(self, value: float) -> None:
        self.threshold_slider.setValue(round(value * STEPS))

    def confusion(self) -> list[list[int]] | None:
        """The shown matrix, ``[[tn, fp], [fn, tp]]``."""
        return self.metrics["confusion_matrix"] if self.metrics else None

    # --- drawing ------------------------------------------------------------

    def _on_threshold(self, _value: int) -> None:
        self.threshold_label.setText(f"{self.threshold():.3f}")
        if self.predictions is not None:
            self._update(same_layout=True)

    def _update(self, same_layout: bool = False) -> None:
        """Recount and redraw at the current threshold; ``same_layout``: only numbers changed, the layout is kept."""
        metrics = self.data.metrics(self.threshold())
        self.metrics = metrics
        matrix = np.asarray(metrics["confusion_matrix"], dtype="float64")
        rows = matrix.sum(axis=1, keepdims=True)
        rates = np.divide(matrix, rows, out=np.zeros_like(matrix), where=rows > 0)
        self.image.set_data(rates)
        names = (("true negatives", "false positives"), ("false negatives", "true positives"))
        for r in range(2):
            for c in range(2):
                text = self.cell_texts[r][c]
                text.set_text(f"{int(matrix[r, c]):,}\n{rates[r, c]:.1%}")
                text.set_color("white" if rates[r, c] > 0.55 else "#222222")
                text.set_gid(names[r][c])
        (tn, fp), (fn, tp) = metrics["confusion_matrix"]
        fpr = fp / (fp + tn) if fp + tn else 0.0
        tpr = tp / (tp + fn) if tp + fn else 0.0
        self.roc_point.set_data([fpr], [tpr])
        auc = metrics["roc_auc"]
        if auc == auc:
            title = chart_tr("EvaluationView", "ROC curve · AUC {auc:.3f}").format(auc=auc)
        else:
            title = chart_tr("EvaluationView", "ROC curve (one class only)")
        self.roc_ax.set_title(title, fontsize=10)
        for key, label in self.metric_values.items():
            label.setText(f"{metrics[key]:.3f}")
        self.auc_label.setText(self.tr("ROC AUC <b>{auc:.3f}</b>").format(auc=auc) if auc == auc else "")
        self.count_label.setText(self.tr("on {count:,} test reviews").format(count=metrics["count"]))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not (same_layout and self.canvas.redraw_animated()):
            self.canvas.keep_layout = same_layout
            self.canvas.draw_idle()
        self.metrics_shown.emit(metrics)

    def _show_wrong_title(self) -> None:
        self.wrong_title.setText(
            self.tr("The {count} most confidently wrong test reviews (click one to explain it)").format(count=len(self.wrong))
            if self.wrong else self.tr("No wrong test reviews.")
        )

    def _on_wrong_clicked(self, index) -> None:
        if index.isValid() and 0 <= index.row() < len(self.wrong):
            self.review_chosen.emit(self.wrong_model.text(index.row()))
