"""The live learning curves: accuracy and loss per epoch, training and validation.

Built as in Matplotlib's ``embedding_in_qt`` example: a standalone
``Figure`` (never pyplot, which keeps global state and its own windows) in a
``FigureCanvasQTAgg`` with the navigation toolbar, so the curves can be
zoomed and panned while training runs. The four lines are created once;
each epoch appends one point with ``set_data`` and asks for a ``draw_idle``,
which coalesces redraws in the Qt event loop.
"""

from __future__ import annotations

from matplotlib.ticker import MaxNLocator
from PySide6.QtWidgets import QWidget

from .figure_panel import FigurePanel

#: History keys drawn, by axes.
METRICS = ("accuracy", "loss")
SERIES = ("accuracy", "val_accuracy", "loss", "val_loss")
_COLORS = {"train": "#1f77b4", "val": "#d62728"}


class TrainingChart(FigurePanel):
    """Two axes (accuracy, loss) with training and validation curves, one point per epoch."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__((8, 3.6), 220, parent)

        self.axes = {}
        self.lines = {}
        self.best_markers = {}
        self.best_points = {}
        axes = self.figure.subplots(1, 2)
        for ax, metric in zip(axes, METRICS):
            self.axes[metric] = ax
            ax.set_title(metric.capitalize(), fontsize=11)
            ax.set_xlabel("epoch")
            ax.grid(True, alpha=0.3)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            (self.lines[metric],) = ax.plot([], [], "o-", color=_COLORS["train"], markersize=4, label="training")
            (self.lines["val_" + metric],) = ax.plot([], [], "o-", color=_COLORS["val"], markersize=4, label="validation")
            self.best_markers[metric] = ax.axvline(1, color="#2ca02c", linestyle="--", linewidth=1.2, visible=False, label="best epoch")
            (self.best_points[metric],) = ax.plot([], [], "*", color="#2ca02c", markersize=14, zorder=5)
        self.note = self.figure.suptitle("", fontsize=10, color="#2c6e2c")
        #: Data of each line, by history key (one value per finished epoch).
        self.data: dict[str, list[float]] = {key: [] for key in SERIES}
        self.epochs_planned = 0
        self.best_epoch: int | None = None
        self.restored_best = False
        self.reset()

    # --- feeding it -------------------------------------------------------

    def reset(self, epochs_planned: int = 0) -> None:
        """Clear the curves for a new run of ``epochs_planned`` epochs."""
        self.data = {key: [] for key in SERIES}
        self.epochs_planned = epochs_planned
        self.best_epoch = None
        self.restored_best = False
        self.note.set_text("")
        self._refresh()

    def add_epoch(self, epoch: int, logs: dict) -> None:
        """One point per series from an epoch's logs; the best epoch so far is marked."""
        for key in SERIES:
            if key in logs:
                self.data[key].append(float(logs[key]))
        self.best_epoch = self._best_by_val_loss()
        self._refresh()

    def set_history(self, history: dict, best_epoch: int | None = None, restored_best: bool = False) -> None:
        """Show a whole history at once (an opened model, or the end of a run)."""
        self.data = {key: [float(v) for v in history.get(key) or []] for key in SERIES}
        self.epochs_planned = max(len(v) for v in self.data.values())
        self.best_epoch = best_epoch if best_epoch is not None else self._best_by_val_loss()
        self.restored_best = bool(restored_best)
        self._refresh()

    def finish(self, best_epoch: int | None, restored_best: bool) -> None:
        """End of a run: mark the engine's best epoch and say if its weights were restored."""
        if best_epoch is not None:
            self.best_epoch = best_epoch
        self.restored_best = bool(restored_best)
        self._refresh()

    def epoch_count(self) -> int:
        return max(len(v) for v in self.data.values())

    def save_png(self, path: str) -> None:
        self.figure.savefig(path, dpi=150)

    # --- drawing ------------------------------------------------------------

    def _best_by_val_loss(self) -> int | None:
        values = self.data["val_loss"]
        if not values:
            return None
        return min(range(len(values)), key=values.__getitem__) + 1

    def _refresh(self) -> None:
        count = self.epoch_count()
        right = max(self.epochs_planned, count, 1)
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
            shown = [a for a in (self.lines[metric], self.lines["val_" + metric], marker) if a.get_visible() and len(a.get_xdata())]
            if shown:
                ax.legend(handles=shown, loc="best", fontsize=8)
            elif ax.get_legend() is not None:
                ax.get_legend().remove()
            ax.set_xlim(0.5, right + 0.5)
            ax.relim(visible_only=True)
            ax.autoscale_view(scalex=False)
        if self.best_epoch is not None and self.restored_best:
            self.note.set_text(f"Early stopping restored the weights of epoch {self.best_epoch}, the best validation loss.")
        elif self.best_epoch is not None:
            self.note.set_text(f"Best validation loss at epoch {self.best_epoch}.")
        else:
            self.note.set_text("")
        self.canvas.draw_idle()
