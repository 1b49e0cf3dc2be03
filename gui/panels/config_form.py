"""The hyperparameter form, generated from the config's field metadata and the model-family registry.

Every field of :class:`~core.models.config.TrainingConfig` (the common
part and the chosen family's own, :func:`~core.models.config.config_fields`)
gets a widget from its type and metadata (a spin box with the field's
range, a combo box for choices, a check box for booleans, the label, the
help text as tooltip), so a field the engine adds later shows up without a
change here. The first row chooses the model family
(:data:`core.models.families.FAMILIES`); choosing another replaces the
family's rows with the new family's, at their defaults. The preset menu is
built from ``core.models.config.PRESETS`` for the same reason. The form
never validates on its own: it asks ``TrainingConfig`` and shows its message.

Labels, help texts, preset names and the engine's messages are translated;
the values (``values()``, ``config()``) are the engine's own, named flat.
"""

from __future__ import annotations

from dataclasses import Field

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
from core.models.config import PRESETS, TEXT_FIELDS, TrainingConfig, config_fields, preset
from core.models.families import DEFAULT_FAMILY, FAMILIES, model_family
from gui.field_labels import choice_label, family_label, label_for
from gui.i18n import RetranslatesOnLanguageChange, context_tr, describe_config, error_text, tr_core

#: Fields shown in the right-hand column. The text fields and the family's own go left,
#: in declaration order; the other common fields keep the columns even.
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
#: Fields that only matter with early stopping.
EARLY_STOPPING_FIELDS = ("patience", "min_delta", "restore_best_weights")
#: The family chooser's key in ``widgets`` and ``values()`` (as in ``TrainingConfig.flat_dict()``).
FAMILY = "family"


class _DecimalSpinBox(QDoubleSpinBox):
    """A double spin box that shows 0.001, not 0.001000."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        text = f"{value:.{self.decimals()}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text


def _is_type(f: Field, kind: type) -> bool:
    return f.type in (kind, kind.__name__)


class ConfigForm(RetranslatesOnLanguageChange, QWidget):
    """Editable hyperparameters with a family chooser, presets, reset, and the engine's own validation."""

    #: The values changed (by the user, a preset, reset or set_config).
    changed = Signal()

    tr = context_tr("ConfigForm")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.family = DEFAULT_FAMILY
        self._common: dict[str, QWidget] = {}
        self._own: dict[str, QWidget] = {}  # the family's fields
        self._labels: dict[str, QLabel] = {}
        self._read_only = False

        header = QHBoxLayout()
        self.preset_button = QPushButton()
        self.preset_menu = QMenu(self.preset_button)
        self.preset_actions: dict[str, object] = {}
        for index, name in enumerate(PRESETS):
            action = self.preset_menu.addAction(name)
            action.setData(name)
            if index < 10:  # the keyboard's way to a preset: Alt+1 to Alt+9, then Alt+0
                action.setShortcut(QKeySequence(f"Alt+{(index + 1) % 10}"))
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
        self._left = left

        self.family_combo = QComboBox()
        self.family_combo.setObjectName("field_family")
        self.family_combo.setMinimumWidth(100)
        for name in FAMILIES:
            self.family_combo.addItem(name, name)
        self.family_combo.currentIndexChanged.connect(self._on_family_chosen)
        self._common[FAMILY] = self.family_combo
        self._labels[FAMILY] = self._label_for(self.family_combo)
        left.addRow(self._labels[FAMILY], self.family_combo)

        own = {f.name for f in model_family(self.family).fields()}
        for f in config_fields(self.family):
            widget = self._make_widget(f)
            label = self._label_for(widget)
            if f.name in own:
                self._own[f.name] = widget
                column = left
            else:
                self._common[f.name] = widget
                if f.name in TRAINING_FIELDS:
                    column = right
                elif f.name in TEXT_FIELDS:
                    column = left
                else:  # the other common fields: keep the columns even
                    column = left if left.rowCount() <= right.rowCount() else right
            self._labels[f.name] = label
            column.addRow(label, widget)
        #: Where the family's rows start in the left column: after the chooser and the text fields.
        self._own_row = 1 + len(TEXT_FIELDS)

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

    @property
    def widgets(self) -> dict[str, QWidget]:
        """The input of each field by name (the family chooser under ``"family"``), in the form's order."""
        ordered = {FAMILY: self.family_combo}
        ordered.update((f.name, self._own[f.name] if f.name in self._own else self._common[f.name]) for f in config_fields(self.family))
        return ordered

    @property
    def labels(self) -> dict[str, QLabel]:
        return {name: self._labels[name] for name in self.widgets}

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
        self._name(self.family_combo, self._labels[FAMILY], self.tr("Model family"),
                   self.tr("The kind of network to train; the fields under the text settings are its own"))
        for index in range(self.family_combo.count()):
            self.family_combo.setItemText(index, family_label(self.family_combo.itemData(index)))
        for f in config_fields(self.family):
            self._retranslate_field(f)
        self._update_feedback()

    def _retranslate_field(self, f: Field) -> None:
        widget, info = self.widgets[f.name], f.metadata
        tip = tr_core(info.get("help", ""))
        if "range" in info:
            low, high = info["range"]
            tip += self.tr(" ({low:g} to {high:g})").format(low=low, high=high)
        self._name(widget, self._labels[f.name], label_for(f.name, self.family), tip)
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                widget.setItemText(index, choice_label(f.name, widget.itemData(index), self.family))

    @staticmethod
    def _name(widget: QWidget, label: QLabel, text: str, tip: str) -> None:
        widget.setToolTip(tip)
        widget.setAccessibleName(text)
        widget.setAccessibleDescription(tip)
        label.setText(text)
        label.setToolTip(tip)

    # --- building ---------------------------------------------------------

    @staticmethod
    def _label_for(widget: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(widget)
        return label

    def _make_widget(self, f: Field) -> QWidget:
        info = f.metadata
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
                widget.setSingleStep(info.get("step", 0.05))
            widget.valueChanged.connect(self._emit_changed)
        if isinstance(widget, QAbstractSpinBox):
            widget.setMinimumWidth(100)
            widget.setKeyboardTracking(False)
        elif isinstance(widget, QComboBox):
            widget.setMinimumWidth(100)
        widget.setObjectName(f"field_{f.name}")
        return widget

    def _show_family(self, name: str) -> None:
        """Replace the family's rows with those of family ``name``, at its defaults."""
        if name == self.family:
            return
        family = model_family(name)
        for _ in self._own:
            self._left.removeRow(self._own_row)  # deletes the row's label and widget
        for old in self._own:
            del self._labels[old]
        self.family, self._own = name, {}
        for index, f in enumerate(family.fields()):
            widget = self._make_widget(f)
            _set_value(widget, f.default)
            self._own[f.name] = widget
            self._labels[f.name] = self._label_for(widget)
            self._left.insertRow(self._own_row + index, self._labels[f.name], widget)
        for f in family.fields():
            self._retranslate_field(f)
        chain = list(self.widgets.values())
        for before, after in zip(chain, chain[1:]):
            self.setTabOrder(before, after)

    def _on_family_chosen(self, _index: int) -> None:
        self._show_family(self.family_combo.currentData())
        self.changed.emit()

    def _emit_changed(self, *_args) -> None:
        self.changed.emit()

    # --- values -----------------------------------------------------------

    def values(self) -> dict:
        """The raw values of the widgets, by field name (flat, with the family)."""
        return {name: _value_of(widget) for name, widget in self.widgets.items()}

    def config(self) -> TrainingConfig:
        """The config the form shows; raises ConfigError with the engine's message."""
        return TrainingConfig.from_dict(self.values())

    def set_config(self, config: TrainingConfig) -> None:
        self.family_combo.blockSignals(True)
        try:
            self.family_combo.setCurrentIndex(max(0, self.family_combo.findData(config.family)))
        finally:
            self.family_combo.blockSignals(False)
        self._show_family(config.family)
        widgets = self.widgets
        for name, value in config.flat_dict().items():
            widget = widgets.get(name)
            if widget is not None and widget is not self.family_combo:
                _set_value(widget, value)
        self.changed.emit()

    def apply_preset(self, name: str) -> None:
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
        family = model_family(self.family)
        own = set(family.field_names())
        for name, widget in self.widgets.items():
            used = family.common_fields is None or name in own or name == FAMILY or name in family.common_fields
            enabled = not self._read_only and used and (early or name not in EARLY_STOPPING_FIELDS)
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


def _value_of(widget: QWidget):
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    return widget.value()


def _set_value(widget: QWidget, value) -> None:
    """Show ``value`` without emitting the widget's own change signal."""
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
