"""The live learning curves: accuracy and loss per epoch, training and validation.

Built as in Matplotlib's ``embedding_in_qt`` example: a standalone
``Figure`` (never pyplot, which keeps global state and its own windows) in a
``FigureCanvasQTAgg`` with the navigation toolbar, so the curves can be
zoomed and panned while training runs. The four lines are created once;
each epoch appends one point with ``set_data`` and asks for a ``draw_idle``,
which coalesces redraws in the Qt event loop.

Titles, axis labels and legends are translated (``chart_tr``: English when
the language needs a CJK font that is not installed), and the colours come
from the Qt palette.

Before the first epoch the chart already has its frame: epochs 1 to N (the
planned epochs, else the form's), accuracy 0.5 to 1 (a coin flip to
perfect), loss 0 to 1, and a hint above it saying what will appear.
"""

from __future__ import annotations

from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, MaxNLocator
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from core.models.config import TrainingConfig
from gui.charts.figure_panel import FigurePanel
from gui.i18n import chart_tr, context_tr

#: History keys drawn, by axes.
METRICS = ("accuracy", "loss")
SERIES = ("accuracy", "val_accuracy", "loss", "val_loss")
#: The axes that carries the legend.
LEGEND_AXES = "accuracy"
TITLES = {"accuracy": QT_TRANSLATE_NOOP("TrainingChart", "Accuracy"), "loss": QT_TRANSLATE_NOOP("TrainingChart", "Loss")}
#: The y range of each axes while it has no points: accuracy from a coin flip to perfect.
EMPTY_LIMITS = {"accuracy": (0.5, 1.0), "loss": (0.0, 1.0)}
EMPTY_HINT = QT_TRANSLATE_NOOP("TrainingChart", "Click Train to watch the model learn")
#: Up to this many epochs, each one has its tick.
MARKED_EPOCHS = 10


class TrainingChart(FigurePanel):
    """Two axes (accuracy, loss) with training and validation curves, one point per epoch."""

    tr = context_tr("TrainingChart")

    def __init__(self, parent: QWidget | None = None):
        super().__init__((8, 3.6), 220, parent)

        self.axes = {}
        self.lines = {}
        self.best_markers = {}
        self.best_points = {}
        #: False when the legend must be built again (new labels or colours).
        self._legend_current = False
        #: The legend's key for the best-epoch marker, which is hidden until there is a best epoch.
        self.best_key = Line2D([], [], linestyle="--", linewidth=1.2)
        axes = self.figure.subplots(1, 2)
        for ax, metric in zip(axes, METRICS):
            self.axes[metric] = ax
            ax.grid(True, alpha=0.3)
            # Few tick labels: text is most of a draw's cost, and a draw comes every epoch.
            ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
            ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
            # No y label: a fixed place spares Matplotlib measuring the tick labels for it each draw.
            ax.yaxis.set_label_coords(-0.1, 0.5)
            (self.lines[metric],) = ax.plot([], [], "o-", markersize=4)
            (self.lines["val_" + metric],) = ax.plot([], [], "o-", markersize=4)
            self.best_markers[metric] = ax.axvline(1, linestyle="--", linewidth=1.2, visible=False)
            (self.best_points[metric],) = ax.plot([], [], "*", markersize=14, zorder=5)
        self.note = self.figure.suptitle("", fontsize=10, gid="accent")
        #: Data of each line, by history key (one value per finished epoch).
        self.data: dict[str, list[float]] = {key: [] for key in SERIES}
        self.epochs_planned = 0
        #: The epochs the empty chart spans when no run has planned any (the form's).
        self.epochs_expected = TrainingConfig().epochs
        self.best_epoch: int | None = None
        self.restored_best = False
        #: A line before the note: which of an ensemble's members the curves are.
        self.heading = ""
        self.apply_palette()
        self.retranslate_ui()

    # --- feeding it -------------------------------------------------------

    def reset(self, epochs_planned: int = 0) -> None:
        """Clear the curves for a new run of ``epochs_planned`` epochs."""
        # The Train click's own draw: an emptied chart moves no text that
        # needs room, unless the epoch labels gain a digit (9 -> 10).
        digits = len(str(max(self.epochs_planned, self.epoch_count(), 1)))
        self.canvas.keep_layout = digits == len(str(max(epochs_planned, 1)))
        self.data = {key: [] for key in SERIES}
        self.epochs_planned = epochs_planned
        self.best_epoch = None
        self.restored_best = False
        self.heading = ""
        self.note.set_text("")
        self._refresh()

    def add_epoch(self, epoch: int, logs: dict) -> None:
        """One point per series from an epoch's logs; the best epoch so far is marked."""
        for key in SERIES:
            if key in logs:
                self.data[key].append(float(logs[key]))
        self.best_epoch = self._best_by_val_loss()
        self.canvas.keep_layout = True  # new points, same texts: no new layout needed
        self._refresh()

    def set_history(self, history: dict, best_epoch: int | None = None, restored_best: bool = False) -> None:
        """Show a whole history at once (an opened model, or the end of a run)."""
        self.data = {key: [float(v) for v in history.get(key) or []] for key in SERIES}
        self.epochs_planned = max(len(v) for v in self.data.values())
        self.best_epoch = best_epoch if best_epoch is not None else self._best_by_val_loss()
        self.restored_best = bool(restored_best)
        self.heading = ""
        self._refresh()

    def set_heading(self, text: str) -> None:
        """Say whose curves these are (an ensemble's member), above the note on the best epoch."""
        self.heading = text
        self._refresh()

    def finish(self, best_epoch: int | None, restored_best: bool) -> None:
        """End of a run: mark the engine's best epoch and say if its weights were restored."""
        if best_epoch is not None:
            self.best_epoch = best_epoch
        self.restored_best = bool(restored_best)
        self._refresh()

    def expect_epochs(self, epochs: int | None) -> None:
        """The epochs the next run will train (the form's value): the span of the empty chart."""
        if isinstance(epochs, int) and epochs > 0 and epochs != self.epochs_expected:
            self.epochs_expected = epochs
            if not self.epochs_planned and not self.epoch_count():
                self._refresh()

    def epoch_count(self) -> int:
        return max(len(v) for v in self.data.values())

    def save_png(self, path: str) -> None:
        self.figure.savefig(path, dpi=150)

    # --- language and colours ----------------------------------------------

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self._legend_current = False
        self.best_key.set_label(chart_tr("TrainingChart", "best epoch"))
        for metric, ax in self.axes.items():
            # An explicit y spares Matplotlib from placing the title clear of top
            # ticks (there are none) on every draw: a quarter of an epoch's draw.
            ax.set_title(chart_tr("TrainingChart", TITLES[metric]), fontsize=11, y=1.0)
            ax.set_xlabel(chart_tr("TrainingChart", "epoch"))
            self.lines[metric].set_label(chart_tr("TrainingChart", "training"))
            self.lines["val_" + metric].set_label(chart_tr("TrainingChart", "validation"))
        self._refresh()

    def restyle(self) -> None:
        colours = self.colours
        self._legend_current = False
        self.best_key.set_color(colours["best"])
        for metric in self.axes:
            self.lines[metric].set_color(colours["train"])
            self.lines["val_" + metric].set_color(colours["val"])
            self.best_markers[metric].set_color(colours["best"])
            self.best_points[metric].set_color(colours["best"])
        self.note.set_color(colours["note"])
        self._refresh()  # legends are rebuilt with the palette's colours

    # --- drawing ------------------------------------------------------------

    def _best_by_val_loss(self) -> int | None:
        values = self.data["val_loss"]
        if not values:
            return None
        return min(range(len(values)), key=values.__getitem__) + 1

    def _refresh(self) -> None:
        count = self.epoch_count()
        right = max(self.epochs_planned or (0 if count else self.epochs_expected), count, 1)
        for metric, ax in self.axes.items():
            for key in (metric, "val_" + metric):
                values = self.data[key]
                self.lines[key].set_data(range(1, len(values) + 1), values)
            best = self.best_epoch
            marker = self.best_markers[metric]
            point = self.best_points[metric]
            val = self.data["val_" + metric]
            if best is not None and 1 <= best <= len(val):
                marker.set_xdata([best, best])
                marker.set_visible(True)
                point.set_data([best], [val[best - 1]])
            else:
                marker.set_visible(False)
                point.set_data([], [])
            if metric == LEGEND_AXES and (ax.get_legend() is None or not self._legend_current):
                # One legend, the same keys from the start (an empty chart
                # says what its colours will mean), built again only when
                # the labels or colours change: text is most of a draw.
                handles = [self.lines[metric], self.lines["val_" + metric], self.best_key]
                self.style_legend(ax.legend(handles=handles, loc="best", fontsize=8))
                self._legend_current = True
            ax.set_xlim(0.5, right + 0.5)
            # Every epoch marked while they fit (1 to N from the start), else about five.
            ax.xaxis.set_major_locator(FixedLocator(range(1, right + 1)) if right <= MARKED_EPOCHS else MaxNLocator(nbins=5, integer=True))
            if count:
                ax.relim(visible_only=True)
                ax.autoscale_view(scalex=False)
            else:
                ax.set_ylim(*EMPTY_LIMITS[metric], auto=None)  # autoscaling stays on for the first points
        if self.best_epoch is not None and self.restored_best:
            text = chart_tr("TrainingChart", "Early stopping restored the weights of epoch {epoch}, the best validation loss.")
            self.note.set_text(text.format(epoch=self.best_epoch))
        elif self.best_epoch is not None:
            self.note.set_text(chart_tr("TrainingChart", "Best validation loss at epoch {epoch}.").format(epoch=self.best_epoch))
        elif count == 0 and not self.epochs_planned:  # no run yet: say what will appear here
            self.note.set_text(chart_tr("TrainingChart", EMPTY_HINT))
        else:
            self.note.set_text("")
        if self.heading:
            self.note.set_text(f"{self.heading}\n{self.note.get_text()}".strip())
        self.canvas.draw_idle()
