"""A study at a glance: each trial's value and the best so far, parameter importances, and value against one parameter.

Three axes in one standalone figure (:class:`~gui.charts.figure_panel.FigurePanel`,
following the palette and the language). The points and the best-so-far
line are created once and fed with ``set_data``; the importance bars,
as many as the parameters, are redrawn when the importances change.
"""

from __future__ import annotations

import math

from matplotlib.ticker import MaxNLocator
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from gui.charts.figure_panel import FigurePanel
from gui.i18n import chart_tr, context_tr

TITLES = {
    "history": QT_TRANSLATE_NOOP("TuneCharts", "Optimisation history"),
    "importance": QT_TRANSLATE_NOOP("TuneCharts", "Parameter importance"),
    "parameter": QT_TRANSLATE_NOOP("TuneCharts", "Value against {parameter}"),
}


class TuneCharts(FigurePanel):
    """History (trial values and best so far), importances, and value against a chosen parameter."""

    tr = context_tr("TuneCharts")

    def __init__(self, parent: QWidget | None = None):
        super().__init__((9, 3.0), 110, parent)
        history, importance, parameter = self.figure.subplots(1, 3)
        self.axes = {"history": history, "importance": importance, "parameter": parameter}
        for ax in (history, parameter):
            ax.grid(True, alpha=0.3)
        history.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        (self.points,) = history.plot([], [], "o", markersize=4, linestyle="none")
        (self.best_line,) = history.plot([], [], "-", drawstyle="steps-post", linewidth=1.5)
        (self.parameter_points,) = parameter.plot([], [], "o", markersize=4, linestyle="none")
        self.bars = None
        self.rows: list = []
        self.direction = "maximize"
        self.importances: dict[str, float] = {}
        self.parameter: str | None = None
        self.apply_palette()
        self.retranslate_ui()

    # --- feeding it -------------------------------------------------------

    def set_trials(self, rows: list, importances: dict[str, float], direction: str) -> None:
        self.rows, self.direction = rows, direction
        if importances != self.importances:
            self.importances = importances
            self._draw_importances()
        self._refresh()

    def set_parameter(self, name: str | None) -> None:
        self.parameter = name
        self.retranslate_ui()

    def valued(self) -> list:
        """Finished trials with a value, in order."""
        return [row for row in self.rows if row.value is not None and row.state == "complete" and math.isfinite(row.value)]

    def _refresh(self) -> None:
        valued = self.valued()
        numbers = [row.number for row in valued]
        values = [row.value for row in valued]
        self.points.set_data(numbers, values)
        best, running = [], None
        for value in values:
            running = value if running is None else (max(running, value) if self.direction == "maximize" else min(running, value))
            best.append(running)
        self.best_line.set_data(numbers, best)
        chosen = [(row.params[self.parameter], row.value) for row in valued if self.parameter in row.params]
        parameter_ax = self.axes["parameter"]
        xs = [x for x, _ in chosen]
        if xs and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in xs):
            parameter_ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
            positions = xs
            if len(xs) > 1 and min(xs) > 0 and max(xs) / min(xs) > 20:
                parameter_ax.set_xscale("log")
            else:
                parameter_ax.set_xscale("linear")
        else:
            labels = sorted({str(x) for x in xs})
            parameter_ax.set_xscale("linear")
            parameter_ax.set_xticks(range(len(labels)), labels)
            positions = [labels.index(str(x)) for x in xs]
        self.parameter_points.set_data(positions, [value for _, value in chosen])
        for ax in (self.axes["history"], parameter_ax):
            ax.relim()
            ax.autoscale_view()
        if not numbers:  # no trial yet: trial numbers from 0, values from 0 to 1, not matplotlib's +-0.05 around nothing
            self.axes["history"].set_xlim(-0.5, 4.5)
            for ax in (self.axes["history"], parameter_ax):
                ax.set_ylim(0, 1)
        self.canvas.draw_idle()

    def _draw_importances(self) -> None:
        ax = self.axes["importance"]
        if self.bars is not None:
            self.bars.remove()
            self.bars = None
        names = sorted(self.importances, key=self.importances.get)
        ax.set_yticks(range(len(names)), names)
        if names:
            self.bars = ax.barh(range(len(names)), [self.importances[name] for name in names], color=self.colours.get("train"))
        ax.relim()
        ax.autoscale_view()

    # --- language and colours ---------------------------------------------

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.axes["history"].set_title(chart_tr("TuneCharts", TITLES["history"]), fontsize=10)
        self.axes["history"].set_xlabel(chart_tr("TuneCharts", "Trial"))
        self.axes["importance"].set_title(chart_tr("TuneCharts", TITLES["importance"]), fontsize=10)
        self.axes["parameter"].set_title(chart_tr("TuneCharts", TITLES["parameter"]).format(parameter=self.parameter or "-"), fontsize=10)
        self.points.set_label(chart_tr("TuneCharts", "Trial value"))
        self.best_line.set_label(chart_tr("TuneCharts", "Best so far"))
        legend = self.axes["history"].legend(loc="best", fontsize=8)
        self.style_legend(legend)
        self._refresh()

    def restyle(self) -> None:
        colours = self.colours
        self.points.set_color(colours["train"])
        self.parameter_points.set_color(colours["train"])
        self.best_line.set_color(colours["best"])
        if self.bars is not None:
            for bar in self.bars:
                bar.set_color(colours["train"])
        legend = self.axes["history"].get_legend()
        self.style_legend(legend)
