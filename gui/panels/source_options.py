"""The options a kind of data source reads, as rows of controls in the data panel.

A kind lists the options it reads (``core.data.sources.OPTIONS``: the text
and label columns, a test set split off with a share and a seed or read from
a second file or folder, Keras's ``num_words``); :meth:`SourceOptionRows.show_kind`
shows the controls of those and hides the rest, and :meth:`SourceOptionRows.values`
hands every control's value to ``SourceKind.options_from``, which keeps the kind's own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.data.registry import FALLBACK
from core.data.sources import LABEL_COLUMN, NUM_WORDS, SEED, TEST_PATH, TEST_SPLIT, TEXT_COLUMN, SourceKind, SourceOptions
from gui.i18n import RetranslatesOnLanguageChange, context_tr, tr_core


def core_text(text: str) -> str:
    """A kind's text (marked in core) in the current language; empty stays empty."""
    return tr_core(text) if text else ""


def file_filter(kind: SourceKind) -> str:
    """A file dialog's filter for a kind: its files ("Tables (*.csv *.tsv *.tab)"), then all files."""
    patterns = " ".join("*" + suffix for suffix in kind.suffixes)
    everything = QCoreApplication.translate("SourceOptionRows", "All files (*)")
    return f"{core_text(kind.file_types)} ({patterns});;{everything}"


def row(*widgets, stretch: int | None = None) -> QWidget:
    """A widget holding ``widgets`` side by side; ``stretch`` is the index that takes the room."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if index == stretch else 0)
    if stretch is None:
        layout.addStretch(1)
    return holder


class SourceOptionRows(RetranslatesOnLanguageChange, QWidget):
    """Rows of controls for the options a kind reads; :attr:`changed` fires on every edit."""

    changed = Signal()

    tr = context_tr("SourceOptionRows")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._kind = FALLBACK
        self.text_combo = QComboBox()
        self.label_combo = QComboBox()
        for combo in (self.text_combo, self.label_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._on_changed)
        self.text_column_label, self.label_column_label = QLabel(), QLabel()
        self.text_column_label.setBuddy(self.text_combo)
        self.label_column_label.setBuddy(self.label_combo)
        self.columns_row = row(self.text_column_label, self.text_combo, self.label_column_label, self.label_combo)

        self.split_radio = QRadioButton()
        self.test_file_radio = QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.split_radio)
        group.addButton(self.test_file_radio)
        self.split_radio.setChecked(True)
        self.fraction_spin = QDoubleSpinBox()
        self.fraction_spin.setRange(0.01, 0.9)
        self.fraction_spin.setSingleStep(0.05)
        self.fraction_spin.setDecimals(2)
        self.fraction_spin.setValue(SourceOptions.test_fraction)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(SourceOptions.split_seed)
        self.test_path_edit = QLineEdit()
        self.test_path_edit.setClearButtonEnabled(True)
        self.test_browse_button = QPushButton()  # the panel opens its dialog, near the data's path
        self.seed_label = QLabel()
        self.seed_label.setBuddy(self.seed_spin)
        self.split_row = row(self.split_radio, self.fraction_spin, self.seed_label, self.seed_spin)
        self.test_path_row = row(self.test_file_radio, self.test_path_edit, self.test_browse_button, stretch=1)
        self.split_radio.toggled.connect(self._on_changed)
        self.fraction_spin.valueChanged.connect(self._on_changed)
        self.seed_spin.valueChanged.connect(self._on_changed)
        self.test_path_edit.textChanged.connect(self._on_changed)

        self.words_spin = QSpinBox()
        self.words_spin.setRange(100, 100_000)
        self.words_spin.setSingleStep(1000)
        self.words_spin.setValue(SourceOptions.num_words)
        self.words_spin.valueChanged.connect(self._on_changed)
        self.words_label = QLabel("num_words")  # the argument's name in Keras: the same in every language
        self.words_label.setBuddy(self.words_spin)
        self.words_row = row(self.words_label, self.words_spin)

        # The controls of each option; a row shows while any of its options is read.
        self._controls = {
            TEXT_COLUMN: (self.text_column_label, self.text_combo),
            LABEL_COLUMN: (self.label_column_label, self.label_combo),
            TEST_SPLIT: (self.split_radio, self.fraction_spin),
            SEED: (self.seed_label, self.seed_spin),
            TEST_PATH: (self.test_file_radio, self.test_path_edit, self.test_browse_button),
            NUM_WORDS: (self.words_label, self.words_spin),
        }
        self._rows = ((self.columns_row, (TEXT_COLUMN, LABEL_COLUMN)), (self.split_row, (TEST_SPLIT, SEED)),
                      (self.test_path_row, (TEST_PATH,)), (self.words_row, (NUM_WORDS,)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget, _options in self._rows:
            layout.addWidget(widget)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.text_column_label.setText(self.tr("Te&xt column"))
        self.label_column_label.setText(self.tr("La&bel column"))
        self.text_combo.setToolTip(self.tr("The column holding the review text"))
        self.text_combo.setAccessibleName(self.tr("Text column"))
        self.label_combo.setToolTip(self.tr("The column holding the label: 0/1, pos/neg, positive/negative or true/false"))
        self.label_combo.setAccessibleName(self.tr("Label column"))
        for combo in (self.text_combo, self.label_combo):
            combo.setPlaceholderText(self.tr("(choose)"))
        self.split_radio.setText(self.tr("&Split off"))
        self.split_radio.setToolTip(self.tr("Hold out this share of each class for testing (stratified)"))
        self.split_radio.setAccessibleName(self.tr("Split off a test set"))
        self.test_file_radio.setText(self.tr("Test data fro&m"))
        self.test_file_radio.setToolTip(self.tr("Test on a second file or folder of the same kind"))
        self.test_file_radio.setAccessibleName(self.tr("Test data from a file or folder"))
        self.fraction_spin.setToolTip(self.tr("Share of the reviews held out for the test set"))
        self.fraction_spin.setAccessibleName(self.tr("Test share"))
        self.seed_label.setText(self.tr("seed"))
        self.seed_spin.setToolTip(self.tr("Seed of the split; the same seed gives the same split"))
        self.seed_spin.setAccessibleName(self.tr("Split seed"))
        self.test_path_edit.setPlaceholderText(self.tr("a second file or folder of the same kind"))
        self.test_path_edit.setToolTip(self.tr("The test file or folder"))
        self.test_path_edit.setAccessibleName(self.tr("Test data path"))
        self.test_browse_button.setText(self.tr("Bro&wse…"))
        self.test_browse_button.setToolTip(self.tr("Choose the test file or folder"))
        self.test_browse_button.setAccessibleName(self.tr("Choose the test data"))
        self.words_spin.setToolTip(self.tr("load_data(num_words=...): rarer words become the out-of-vocabulary mark"))
        self.words_spin.setAccessibleName(self.tr("Number of words"))

    # --- the kind and its values ------------------------------------------------

    def show_kind(self, kind: SourceKind) -> None:
        """Show the controls of the options ``kind`` reads, and only those."""
        self._kind = kind
        for option, controls in self._controls.items():
            for control in controls:
                control.setVisible(option in kind.options)
        for widget, options in self._rows:
            widget.setVisible(any(option in kind.options for option in options))

    def reads_columns(self) -> bool:
        """The kind reads columns chosen from the file's header (a table)."""
        return bool({TEXT_COLUMN, LABEL_COLUMN} & set(self._kind.options))

    def values(self) -> dict:
        """Every option's value, by option name (the kind keeps those it reads)."""
        test_path = self.test_path_edit.text().strip() if self.test_file_radio.isChecked() else ""
        return {
            TEXT_COLUMN: self.text_combo.currentText() or None,
            LABEL_COLUMN: self.label_combo.currentText() or None,
            TEST_PATH: test_path or None,
            TEST_SPLIT: round(self.fraction_spin.value(), 4),
            SEED: self.seed_spin.value(),
            NUM_WORDS: self.words_spin.value(),
        }

    def set_options(self, options: SourceOptions) -> None:
        """Show ``options`` (the columns as wanted until the file's header is read)."""
        self.set_columns(self.text_combo, [c for c in (options.text_column,) if c], options.text_column)
        self.set_columns(self.label_combo, [c for c in (options.label_column,) if c], options.label_column)
        self.test_path_edit.setText(options.test_path or "")
        (self.test_file_radio if options.test_path else self.split_radio).setChecked(True)
        self.fraction_spin.setValue(options.test_fraction)
        self.seed_spin.setValue(options.split_seed)
        self.words_spin.setValue(options.num_words)
        self._on_changed()

    @staticmethod
    def set_columns(combo: QComboBox, columns: list[str], current: str | None) -> None:
        """Offer ``columns`` in ``combo`` with ``current`` chosen, without a signal."""
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(columns)
        combo.setCurrentIndex(columns.index(current) if current in columns else -1)
        combo.blockSignals(False)

    def _on_changed(self, *_args) -> None:
        self.test_path_edit.setEnabled(self.test_file_radio.isChecked())
        self.test_browse_button.setEnabled(self.test_file_radio.isChecked())
        self.fraction_spin.setEnabled(self.split_radio.isChecked())
        self.seed_spin.setEnabled(self.split_radio.isChecked())
        self.changed.emit()
