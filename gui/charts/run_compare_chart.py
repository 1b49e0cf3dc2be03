"""Validation accuracy and loss of several runs on one pair of axes, labelled by what differs.

The legend names each run by its config differences ("GRU, 64 units" from
``TrainingConfig.describe()``, plus fields describe() does not cover such
as "learning_rate 0.01"), so a comparison reads as an experiment; where
the runs' model families differ, each description starts with its family
and only the common fields are compared beside it.
Configs are compared flat (``TrainingConfig.flat_dict()``), so a run
saved before families compares field by field with a new one. Lines
change with the selection (one per run per axis), so they are rebuilt on
each change; there are only a handful.
"""

from __future__ import annotations

import json

from matplotlib.ticker import MaxNLocator
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from core.models.config import TrainingConfig, common_fields, described_fields
from core.models.families import FAMILIES
from gui.charts.figure_panel import FigurePanel
from gui.field_labels import label_for
from gui.i18n import chart_tr, charts_in_english, describe_config

#: Fields TrainingConfig.describe() names, in some family.
DESCRIBED = frozenset(name for family in FAMILIES for name in described_fields(family))
#: Fields every family has.
COMMON = frozenset(f.name for f in common_fields())
#: Fields that do not change what is learnt.
IGNORED = ("jit_compile", "bucket_by_length")
AXES = (("val_accuracy", QT_TRANSLATE_NOOP("RunCompareChart", "Validation accuracy")), ("val_loss", QT_TRANSLATE_NOOP("RunCompareChart", "Validation loss")))


def _parsed(config: dict) -> TrainingConfig | None:
    try:
        return TrainingConfig.from_dict(config)
    except Exception:  # noqa: BLE001 - an odd config still gets a label
        return None


def _describe(parsed: TrainingConfig | None, with_family: bool) -> str:
    if parsed is None:
        return chart_tr("RunCompareChart", "unknown configuration")
    return parsed.describe(with_family) if charts_in_english() else describe_config(parsed, with_family)


def _field_name(key: str, family: str) -> str:
    return key if charts_in_english() else label_for(key, family)


def _value(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def run_labels(runs) -> list[str]:
    """One legend label per run, from what differs between their configs."""
    if not runs:
        return []
    parsed = [_parsed(run.config) for run in runs]
    configs = [p.flat_dict() if p is not None else dict(run.config) for p, run in zip(parsed, runs)]
    keys = sorted({key for config in configs for key in config})
    differing = [key for key in keys if key not in IGNORED and len({json.dumps(c.get(key), sort_keys=True) for c in configs}) > 1]
    describe_differs = any(key in DESCRIBED for key in differing) or len(runs) == 1
    with_family = "family" in differing
    if with_family:  # fields of different families do not compare: the descriptions stand for them
        differing = [key for key in differing if key in COMMON]
    labels = []
    for config, one in zip(configs, parsed):
        parts = [_describe(one, with_family)] if describe_differs else []
        described = described_fields(one.family) if one is not None else DESCRIBED
        family = one.family if one is not None else next(iter(FAMILIES))
        parts += [f"{_field_name(key, family)} {_value(config.get(key))}" for key in differing if key not in described]
        labels.append((", " if charts_in_english() else chart_tr("RunCompareChart", ", ")).join(parts))
    # Same config (or no difference shown): the run's name tells them apart.
    for index, run in enumerate(runs):
        if not labels[index] or labels.count(labels[index]) > 1:
            labels[index] = f"{run.name}: {labels[index]}" if labels[index] else run.name
    return labels


class RunCompareChart(FigurePanel):
    """Two axes (validation accuracy, validation loss) with one curve per selected run."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__((7, 2.8), 110, parent)
        self.axes = {}
        for ax, (key, _title) in zip(self.figure.subplots(1, 2), AXES):
            ax.grid(True, alpha=0.3)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            self.axes[key] = ax
        self.hint = self.figure.text(0.5, 0.5, "", ha="center", va="center", fontsize=10, gid="accent")
        self.lines: dict[str, list] = {key: [] for key in self.axes}
        self.labels: list[str] = []
        self.runs: list = []
        self.apply_palette()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        for key, title in AXES:
            self.axes[key].set_title(chart_tr("RunCompareChart", title), fontsize=10)
            self.axes[key].set_xlabel(chart_tr("RunCompareChart", "epoch"))
        self._plot(self.runs)

    def restyle(self) -> None:
        self.hint.set_color(self.colours["muted"])
        self.style_legend(self.axes["val_loss"].get_legend())

    def set_runs(self, runs) -> None:
        """Draw ``runs`` (gui.run_store.Run), one curve each on both axes, unless they are drawn already."""
        if list(runs) != self.runs:
            self._plot(runs)

    def _plot(self, runs) -> None:
        self.runs = list(runs)
        for key, ax in self.axes.items():
            for line in self.lines[key]:
                line.remove()
            self.lines[key] = []
            if ax.get_legend() is not None:
                ax.get_legend().remove()
        self.labels = run_labels(runs)
        colours = [f"C{i % 10}" for i in range(len(runs))]
        for run, label, colour in zip(runs, self.labels, colours):
            for key, ax in self.axes.items():
                values = [float(v) for v in run.history.get(key) or []]
                (line,) = ax.plot(range(1, len(values) + 1), values, "o-", color=colour, markersize=3.5, linewidth=1.6, label=label)
                self.lines[key].append(line)
        for ax in self.axes.values():
            ax.relim()
            ax.autoscale_view()
        if runs:
            self.style_legend(self.axes["val_loss"].legend(loc="best", fontsize=8))
        no_validation = runs and not any(len(line.get_xdata()) for line in self.lines["val_accuracy"])
        self.hint.set_text(
            chart_tr("RunCompareChart", "Select runs in the list to compare them.") if not runs
            else chart_tr("RunCompareChart", "These runs have no validation data.") if no_validation else ""
        )
        self.canvas.draw_idle()

    def save_png(self, path: str) -> None:
        self.figure.savefig(path, dpi=150)
