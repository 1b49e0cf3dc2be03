"""The hyperparameter form, generated from ``core.models.config``'s field metadata.

Every field of :class:`~core.models.config.TrainingConfig` gets a widget from its
type and metadata (a spin box with the field's range, a combo box for
choices, a check box for booleans, the help text as tooltip), so a field
the engine adds later shows up without a change here. The preset menu is
built from ``core.models.config.PRESETS`` for the same reason. The form never
validates on its own: it asks ``TrainingConfig`` and shows its message.

Labels, help texts, preset names and the engine's messages are translated;
the values (``values()``, ``config()``) are the engine's own.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.errors import ConfigError
from core.models.config import PRESETS, TrainingConfig, field_info
from gui.field_labels import CHOICE_LABELS, LABELS, label_for
from gui.i18n import RetranslatesOnLanguageChange, context_tr, describe_config, error_text, tr_core

#: Fields shown in the right-hand column; the rest go left, in declaration order.
TRAINING_FIELDS = (
    "optimizer",
    "learning_rate",
    "epochs",
    "batch_size",
    "validation_split",
    "early_stopping",
    "patience",
    "min_delta",
    "restore_best_weights",
    "seed",
)
#: Spin box steps of the decimal fields that 0.05 would overshoot.
FINE_STEPS = {"min_delta": 0.001, "ema_momentum": 0.001}
#: Fields that only matter with early stopping.
EARLY_STOPPING_FIELDS = ("patience", "min_delta", "restore_best_weights")


class _DecimalSpinBox(QDoubleSpinBox):
    """A double spin box that shows 0.001, not 0.001000."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        text = f"{value:.{self.decimals()}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text


def _is_type(f, kind: type) -> bool:
    return f.type in (kind, kind.__name__)


class ConfigForm(RetranslatesOnLanguageChange, QWidget):
    """Editable hyperparameters with presets, reset, and the engine's own validation."""

    #: The values changed (by the user, a preset, reset or set_config).
    changed = Signal()

    tr = context_tr("ConfigForm")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._read_only = False

        header = QHBoxLayout()
        self.preset_button = QPushButton()
        self.preset_menu = QMenu(self.preset_button)
        self.preset_actions: dict[str, object] = {}
        for index, name in enumerate(PRESETS):
            action = self.preset_menu.addAction(name)
            action.setData(name)
            if index < 9:  # the keyboard's way to a preset: Alt+1 to Alt+9
                action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.triggered.connect(lambda _checked=False, n=name: self.apply_preset(n))
            self.preset_actions[name] = action
        self.preset_button.setMenu(self.preset_menu)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_to_defaults)
        self.description = QLabel()
        self.description.setStyleSheet("color: palette(mid);")
        self.header = header
        header.addWidget(self.preset_button)
        header.addWidget(self.reset_button)
        header.addStretch(1)
        header.addWidget(self.description)

        columns = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            form.setVerticalSpacing(5)
            columns.addLayout(form)
        columns.setSpacing(16)
        for f in fields(TrainingConfig):
            widget = self._make_widget(f)
            widget.setObjectName(f"field_{f.name}")
            self.widgets[f.name] = widget
            label = QLabel()
            label.setBuddy(widget)
            self.labels[f.name] = label
            if f.name in TRAINING_FIELDS:
                column = right
            elif f.name in LABELS:
                column = left
            else:  # a field the engine added later: keep the columns even
                column = left if left.rowCount() <= right.rowCount() else right
            column.addRow(label, widget)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addLayout(columns)
        layout.addWidget(self.error_label)

        self.changed.connect(self._update_feedback)
        self.retranslate_ui()
        self.set_config(TrainingConfig())

    # --- language -----------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.preset_button.setText(self.tr("&Presets"))
        self.preset_button.setToolTip(self.tr("Start from a named recipe"))
        self.preset_button.setAccessibleName(self.tr("Presets"))
        self.reset_button.setText(self.tr("&Reset to defaults"))
        self.reset_button.setToolTip(self.tr("The Keras tutorial's recipe"))
        self.reset_button.setAccessibleName(self.tr("Reset to defaults"))
        for name, action in self.preset_actions.items():
            action.setText(tr_core(name))
        for f in fields(TrainingConfig):
            widget, label = self.widgets[f.name], self.labels[f.name]
            info = field_info(f.name)
            tip = tr_core(info.get("help", ""))
            if "range" in info:
                low, high = info["range"]
                tip += self.tr(" ({low:g} to {high:g})").format(low=low, high=high)
            widget.setToolTip(tip)
            widget.setAccessibleName(label_for(f.name))
            widget.setAccessibleDescription(tip)
            label.setText(label_for(f.name))
            label.setToolTip(tip)
            if isinstance(widget, QComboBox):
                for index in range(widget.count()):
                    value = widget.itemData(index)
                    widget.setItemText(index, self.tr(CHOICE_LABELS.get(value, value)))
        self._update_feedback()

    # --- building ---------------------------------------------------------

    def _make_widget(self, f) -> QWidget:
        info = field_info(f.name)
        if _is_type(f, bool):
            widget = QCheckBox()
            widget.toggled.connect(self._emit_changed)
        elif "choices" in info:
            widget = QComboBox()
            for choice in info["choices"]:
                widget.addItem(str(choice), str(choice))
            widget.currentIndexChanged.connect(self._emit_changed)
        elif _is_type(f, int):
            widget = QSpinBox()
            low, high = info.get("range", (0, 2**31 - 1))
            widget.setRange(int(low), int(high))
            widget.setGroupSeparatorShown(high >= 10_000 and f.name != "seed")
            widget.valueChanged.connect(self._emit_changed)
        else:
            widget = _DecimalSpinBox()
            low, high = info.get("range", (0.0, 1.0))
            widget.setDecimals(6 if 0 < low < 0.01 else 3)
            widget.setRange(float(low), float(high))
            if 0 < low < 0.01:
                widget.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
            else:
                widget.setSingleStep(FINE_STEPS.get(f.name, 0.05))
            widget.valueChanged.connect(self._emit_changed)
        if isinstance(widget, QAbstractSpinBox):
            widget.setMinimumWidth(100)
            widget.setKeyboardTracking(False)
        elif isinstance(widget, QComboBox):
            widget.setMinimumWidth(100)
        return widget

    def _emit_changed(self, *_args) -> None:
        self.changed.emit()

    # --- values -----------------------------------------------------------

    def values(self) -> dict:
        """The raw values of the widgets, by field name."""
        values = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QCheckBox):
                values[name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentData()
            else:
                values[name] = widget.value()
        return values

    def config(self) -> TrainingConfig:
        """The config the form shows; raises ConfigError with the engine's message."""
        return TrainingConfig.from_dict(self.values())

    def set_config(self, config: TrainingConfig) -> None:
        for name, value in config.to_dict().items():
            widget = self.widgets.get(name)
            if widget is None:
                continue
            widget.blockSignals(True)
            try:
                if isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
                elif isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(0, widget.findData(str(value))))
                else:
                    widget.setValue(value)
            finally:
                widget.blockSignals(False)
        self.changed.emit()

    def apply_preset(self, name: str) -> None:
        from core.models.config import preset

        self.set_config(preset(name))

    def reset_to_defaults(self) -> None:
        self.set_config(TrainingConfig())

    # --- state ------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """While training (or showing an opened model's config) nothing can be edited."""
        self._read_only = read_only
        self.preset_button.setEnabled(not read_only)
        self.reset_button.setEnabled(not read_only)
        self._update_feedback()

    def is_read_only(self) -> bool:
        return self._read_only

    def validation_error(self) -> str | None:
        try:
            self.config()
        except ConfigError as exc:
            return error_text(exc)
        return None

    def _update_feedback(self) -> None:
        values = self.values()
        early = bool(values.get("early_stopping"))
        for name, widget in self.widgets.items():
            enabled = not self._read_only and (early or name not in EARLY_STOPPING_FIELDS)
            widget.setEnabled(enabled)
        error = self.validation_error()
        self.error_label.setText(error or "")
        self.error_label.setVisible(bool(error))
        if error is None:
            self.description.setText(describe_config(self.config()))
        else:
            self.description.setText("")

    # --- for the main window (public calls, so it needs none of the form's internals) ---

    _header_widgets: tuple[QWidget, ...] = ()

    def add_header_widget(self, widget: QWidget) -> None:
        """Put ``widget`` in the header after Preset and Reset (the window's "Edit for a new run")."""
        self.header.insertWidget(2 + len(self._header_widgets), widget)
        self._header_widgets = (*self._header_widgets, widget)

    def focus_chain(self) -> list[QWidget]:
        """The form's inputs in the order Tab visits them: the header's buttons, then the fields."""
        return [self.preset_button, self.reset_button, *self._header_widgets, *self.widgets.values()]
