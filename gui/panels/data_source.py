"""Where the reviews come from, and what they hold, seen before Train is pressed.

The panel offers every source ``core.data.loading.load_corpus`` reads: Stanford's
aclImdb copy (folder or .tar.gz), its download, a CSV/TSV file (text and label
columns chosen from the file's header), a folder with ``pos/`` and ``neg/``,
and Keras's own IMDB arrays. A CSV or a folder is tested on a second file or
folder, or on a stratified split with a fraction and a seed.

Shortly after a choice settles, the data is read on the :class:`DataLoader`'s
thread with a progress bar; the panel then shows the row counts, the class
balance and, for a table, its first rows, or the engine's message when the
data is bad. The training run reuses that read (:meth:`DataSourcePanel.load_for_run`).
Downloads are not started on their own: Train (or Read now) starts them.

Texts are set in :meth:`DataSourcePanel.retranslate_ui`, again on every
``LanguageChange``; the engine's messages are translated (``error_text``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.data.loading import DOWNLOAD
from core.data.sources import KERAS_IMDB, SourceOptions
from gui.i18n import context_tr, error_text
from gui.panels.data_summary import balance_text, origin_text
from gui.workers.data_loading import (
    ACLIMDB,
    CLASSES,
    DOWNLOAD_KIND,
    KERAS,
    TABLE,
    DataChoice,
    DataLoader,
    SharedLoad,
    is_cached,
    kind_of,
)

#: Quiet time after the last edit before the data is read, in milliseconds.
INSPECT_DELAY_MS = 400
#: Characters of a cell shown in the preview (the tooltip has them all).
CELL_CHARS = 120


def _row(*widgets, stretch: int | None = None) -> QWidget:
    """A widget holding ``widgets`` side by side; ``stretch`` is the index that takes the room."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for index, widget in enumerate(widgets):
        if isinstance(widget, str):
            widget = QLabel(widget)
        layout.addWidget(widget, 1 if index == stretch else 0)
    if stretch is None:
        layout.addStretch(1)
    return holder


class DataSourcePanel(QGroupBox):
    """Choose a source and its options; see its counts, balance and first rows."""

    #: The source or its options changed.
    changed = Signal()
    #: The data was read: the :class:`SharedLoad`, with its corpus (and preview for a table).
    inspected = Signal(object)
    #: The data could not be read: the engine's message.
    inspection_failed = Signal(str)

    tr = context_tr("DataSourcePanel")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._paths: dict[str, str] = {}
        self._kind = ACLIMDB
        self.loader = DataLoader(self)
        self.loader.previewed.connect(self._show_preview)
        self.loader.progressed.connect(self._show_progress)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(INSPECT_DELAY_MS)
        self.timer.timeout.connect(self.inspect)
        self._build()
        self.retranslate_ui()
        self._apply_kind(ACLIMDB)

    # ------------------------------------------------------------------ UI

    def _build(self) -> None:
        self.kind_combo = QComboBox()
        for kind in (ACLIMDB, DOWNLOAD_KIND, TABLE, CLASSES, KERAS):
            self.kind_combo.addItem("", kind)
        self.kind_combo.currentIndexChanged.connect(lambda _index: self._apply_kind(self.kind()))

        self.path_edit = QLineEdit()
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.textChanged.connect(self._on_path_edited)
        self.path_edit.textChanged.connect(lambda text: self.path_edit.setToolTip(text or self.tr("The path of the data")))
        self.file_button = QPushButton()
        self.folder_button = QPushButton()
        self.file_button.clicked.connect(self._choose_file)
        self.folder_button.clicked.connect(self._choose_folder)
        self.path_row = _row(self.path_edit, self.file_button, self.folder_button, stretch=0)

        self.text_combo = QComboBox()
        self.label_combo = QComboBox()
        for combo in (self.text_combo, self.label_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._option_changed)
        self.text_column_label, self.label_column_label = QLabel(), QLabel()
        self.text_column_label.setBuddy(self.text_combo)
        self.label_column_label.setBuddy(self.label_combo)
        self.columns_row = _row(self.text_column_label, self.text_combo, self.label_column_label, self.label_combo)

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
        self.test_browse_button = QPushButton()
        self.test_browse_button.clicked.connect(self._choose_test_path)
        self.seed_label = QLabel()
        self.seed_label.setBuddy(self.seed_spin)
        self.split_row = _row(self.split_radio, self.fraction_spin, self.seed_label, self.seed_spin)
        self.test_path_row = _row(self.test_file_radio, self.test_path_edit, self.test_browse_button, stretch=1)
        self.split_radio.toggled.connect(self._option_changed)
        self.fraction_spin.valueChanged.connect(self._option_changed)
        self.seed_spin.valueChanged.connect(self._option_changed)
        self.test_path_edit.textChanged.connect(self._option_changed)

        self.words_spin = QSpinBox()
        self.words_spin.setRange(100, 100_000)
        self.words_spin.setSingleStep(1000)
        self.words_spin.setValue(SourceOptions.num_words)
        self.words_spin.valueChanged.connect(self._option_changed)
        self.words_label = QLabel("num_words")  # the argument's name in Keras: the same in every language
        self.words_label.setBuddy(self.words_spin)
        self.words_row = _row(self.words_label, self.words_spin)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.read_button = QPushButton()
        self.read_button.clicked.connect(lambda: self.inspect(force=True))
        self.read_button.hide()

        self.preview_table = QTableWidget(0, 0)
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview_table.setAlternatingRowColors(True)
        self.preview_table.verticalHeader().hide()
        self.preview_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        self.preview_table.setWordWrap(False)
        row_height = self.preview_table.fontMetrics().height() + 6
        self.preview_table.verticalHeader().setDefaultSectionSize(row_height)
        self.preview_table.setMaximumHeight(row_height * 6 + 8)  # the header and five rows
        self.preview_table.hide()

        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.kind_combo)
        for widget in (self.path_row, self.columns_row, self.split_row, self.test_path_row, self.words_row, self.hint):
            layout.addWidget(widget)
        status_row = QGridLayout()
        status_row.addWidget(self.status, 0, 0)
        status_row.addWidget(self.read_button, 0, 1, Qt.AlignmentFlag.AlignTop)
        status_row.setColumnStretch(0, 1)
        layout.addWidget(self.progress)
        layout.addLayout(status_row)
        layout.addWidget(self.preview_table)

    # ---------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "kind_combo"):
            self.retranslate_ui()
            self._kind_texts(self.kind())
            self._show_state()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Every fixed text; the kind's own texts are in :meth:`_kind_texts`."""
        self.setTitle(self.tr("Data"))
        kinds = {
            ACLIMDB: self.tr("IMDB reviews: local aclImdb copy (folder or .tar.gz)"),
            DOWNLOAD_KIND: self.tr("IMDB reviews: download (84 MB, once, into the Keras cache)"),
            TABLE: self.tr("Your reviews: a CSV or TSV file"),
            CLASSES: self.tr("Your reviews: a folder with pos/ and neg/"),
            KERAS: self.tr("Keras's IMDB dataset (keras.datasets.imdb)"),
        }
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, kinds[self.kind_combo.itemData(index)])
        self.kind_combo.setToolTip(self.tr("Where the labelled reviews come from"))
        self.kind_combo.setAccessibleName(self.tr("Kind of data"))
        self.path_edit.setAccessibleName(self.tr("Data path"))
        if not self.path_edit.text():
            self.path_edit.setToolTip(self.tr("The path of the data"))
        self.file_button.setText(self.tr("F&ile…"))
        self.file_button.setAccessibleName(self.tr("Choose a file"))
        self.folder_button.setText(self.tr("Fol&der…"))
        self.folder_button.setAccessibleName(self.tr("Choose a folder"))
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
        self.read_button.setToolTip(self.tr("Read the data now to see its counts and balance (downloads it if needed)"))
        self.read_button.setAccessibleName(self.tr("Read the data"))
        self.progress.setAccessibleName(self.tr("Reading progress"))
        self.status.setAccessibleName(self.tr("What the data holds"))
        self.preview_table.setAccessibleName(self.tr("First rows of the file"))

    def _kind_texts(self, kind: str) -> None:
        """Placeholder, tooltips and hint of a kind, in the current language."""
        placeholders = {
            ACLIMDB: self.tr("aclImdb folder or aclImdb_v1.tar.gz"),
            TABLE: self.tr("a .csv or .tsv file with a header row"),
            CLASSES: self.tr("a folder with pos/ and neg/ subfolders of .txt files"),
        }
        self.path_edit.setPlaceholderText(placeholders.get(kind, ""))
        self.file_button.setToolTip(self.tr("Choose the .tar.gz archive") if kind == ACLIMDB else self.tr("Choose the CSV or TSV file"))
        self.folder_button.setToolTip(self.tr("Choose the unpacked aclImdb folder") if kind == ACLIMDB else self.tr("Choose the folder holding pos/ and neg/"))
        hints = {
            DOWNLOAD_KIND: self.tr("Stanford's aclImdb_v1.tar.gz: 25,000 reviews to train, 25,000 to test."),
            KERAS: self.tr("The tutorial's keras.datasets.imdb, decoded back to words. Needs the internet on first use."),
        }
        self.hint.setText(hints.get(kind, ""))
        self.hint.setVisible(kind in hints)

    def _show_state(self) -> None:
        """The status line again (a new language): the current read, or what to do."""
        load = self.current_load()
        if load is not None:
            self._show_load(load)
        elif not self.source():
            if self.status.text():
                self._clear(self.tr("Choose the data to train on."))
        elif self.read_button.isVisible() and not is_cached(self.kind()):
            self.inspect()

    # ------------------------------------------------------------ values

    def kind(self) -> str:
        return self.kind_combo.currentData() or ACLIMDB

    def source(self) -> str:
        """The string ``core.data.loading.load_corpus`` takes: a path, "download" or "keras-imdb" (a path may be empty)."""
        kind = self.kind()
        if kind == DOWNLOAD_KIND:
            return DOWNLOAD
        if kind == KERAS:
            return KERAS_IMDB
        return self.path_edit.text().strip()

    def set_source(self, value: str | None) -> None:
        """Show ``value``, choosing the kind that reads it."""
        value = (value or "").strip()
        kind = kind_of(value)
        if kind in (ACLIMDB, TABLE, CLASSES):
            self._paths[kind] = value
        self._set_kind(kind)
        if kind in (ACLIMDB, TABLE, CLASSES):
            self.path_edit.setText(value)

    def options(self) -> SourceOptions:
        """How to read the source; the defaults for the aclImdb copy and the download."""
        kind = self.kind()
        if kind == KERAS:
            return SourceOptions(num_words=self.words_spin.value())
        if kind not in (TABLE, CLASSES):
            return SourceOptions()
        test_path = self.test_path_edit.text().strip() if self.test_file_radio.isChecked() else ""
        return SourceOptions(
            text_column=(self.text_combo.currentText() or None) if kind == TABLE else None,
            label_column=(self.label_combo.currentText() or None) if kind == TABLE else None,
            test_path=test_path or None,
            test_fraction=round(self.fraction_spin.value(), 4),
            split_seed=self.seed_spin.value(),
        )

    def set_options(self, options: SourceOptions) -> None:
        """Show ``options`` (the columns as wanted until the file's header is read)."""
        self._set_columns([c for c in (options.text_column,) if c], options.text_column, self.text_combo)
        self._set_columns([c for c in (options.label_column,) if c], options.label_column, self.label_combo)
        self.test_path_edit.setText(options.test_path or "")
        (self.test_file_radio if options.test_path else self.split_radio).setChecked(True)
        self.fraction_spin.setValue(options.test_fraction)
        self.seed_spin.setValue(options.split_seed)
        self.words_spin.setValue(options.num_words)
        self._option_changed()

    def choice(self) -> DataChoice:
        return DataChoice.of(self.source(), self.options())

    def restore(self, settings) -> None:
        """The last choice from :class:`gui.settings.StudioSettings`."""
        self.set_source(settings.data_source())
        self.set_options(settings.data_options())

    def save(self, settings) -> None:
        settings.set_data_source(self.source())
        settings.set_data_options(self.options())

    # ---------------------------------------------------------- reading

    def current_load(self) -> SharedLoad | None:
        """The panel's load, if it is of the current choice."""
        load = self.loader.current
        return load if load is not None and load.matches(self.choice()) else None

    def corpus(self):
        """The corpus read for the current choice, or None (not read yet, or bad)."""
        load = self.current_load()
        return load.corpus if load is not None and load.succeeded() else None

    def load_for_run(self) -> SharedLoad | None:
        """The read a run should use: the panel's own if it is of this choice, else one started now.

        A failed read is tried again (the file may have been fixed, or the
        internet come back). None when no source is chosen.
        """
        if not self.source():
            return None
        self.timer.stop()
        load = self.loader.load(self.choice(), again=True)
        self._show_load(load)
        return load

    def inspect(self, force: bool = False) -> None:
        """Read the current choice on the loader's thread (downloads only when ``force``)."""
        self.timer.stop()
        kind = self.kind()
        if not self.source():
            self.loader.cancel()
            self._clear(self.tr("Choose the data to train on."))
            return
        if not force and not is_cached(kind):
            self.loader.cancel()
            what = self.tr("The IMDB archive (84 MB)") if kind == DOWNLOAD_KIND else self.tr("Keras's IMDB dataset")
            self._clear(self.tr("{what} is not downloaded yet: Train downloads it once into the Keras cache, "
                                "or click Read now to see its counts first.").format(what=what))
            self.read_button.setText(self.tr("Read n&ow"))
            self.read_button.show()
            return
        self._show_load(self.loader.load(self.choice(), again=force))

    def shutdown(self) -> None:
        """Stop reading (before the window closes)."""
        self.timer.stop()
        self.loader.shutdown()

    # ------------------------------------------------------------ slots

    def _set_kind(self, kind: str) -> None:
        index = self.kind_combo.findData(kind)
        if index != self.kind_combo.currentIndex():
            self.kind_combo.setCurrentIndex(index)  # calls _apply_kind
        else:
            self._apply_kind(kind)

    def _apply_kind(self, kind: str) -> None:
        """Show the rows this kind needs; each kind keeps its own path."""
        if self._kind in (ACLIMDB, TABLE, CLASSES):
            self._paths[self._kind] = self.path_edit.text().strip()
        previous, self._kind = self._kind, kind
        local = kind in (ACLIMDB, TABLE, CLASSES)
        self.path_row.setVisible(local)
        self.columns_row.setVisible(kind == TABLE)
        self.split_row.setVisible(kind in (TABLE, CLASSES))
        self.test_path_row.setVisible(kind in (TABLE, CLASSES))
        self.words_row.setVisible(kind == KERAS)
        self.file_button.setVisible(kind in (ACLIMDB, TABLE))
        self.folder_button.setVisible(kind in (ACLIMDB, CLASSES))
        self._kind_texts(kind)
        if local and previous != kind:
            self.path_edit.setText(self._paths.get(kind, ""))
        self._source_changed()

    def _on_path_edited(self, _text: str) -> None:
        if self.kind() == TABLE:  # another file: its own columns, guessed again
            self._set_columns([], None, self.text_combo)
            self._set_columns([], None, self.label_combo)
        self._source_changed()

    def _source_changed(self) -> None:
        self.changed.emit()
        self._schedule()

    def _option_changed(self, *_args) -> None:
        self.test_path_edit.setEnabled(self.test_file_radio.isChecked())
        self.test_browse_button.setEnabled(self.test_file_radio.isChecked())
        self.fraction_spin.setEnabled(self.split_radio.isChecked())
        self.seed_spin.setEnabled(self.split_radio.isChecked())
        self.changed.emit()
        self._schedule()

    def _schedule(self) -> None:
        load = self.current_load()
        if load is not None:
            self.timer.stop()
            self._show_load(load)
        else:
            self.timer.start()

    @staticmethod
    def _set_columns(columns: list[str], current: str | None, combo: QComboBox) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(columns)
        combo.setCurrentIndex(columns.index(current) if current in columns else -1)
        combo.blockSignals(False)

    # ---------------------------------------------------------- showing

    def _clear(self, message: str = "") -> None:
        self.progress.hide()
        self.preview_table.hide()
        self.read_button.hide()
        self._set_status(message)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setProperty("error", error)

    def _show_load(self, load: SharedLoad) -> None:
        """The state of ``load``: reading, read, or failed."""
        if load.preview is not None:
            self._show_preview(load.preview)
        else:
            self.preview_table.hide()  # until this load's preview arrives
        if load.succeeded():
            self._show_loaded(load)
        elif load.done() and not load.abandoned():
            self._show_failed(error_text(load.error))
        else:
            self.read_button.hide()
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Reading…"))
            self.progress.show()
            self._set_status(self.tr("Reading {source}…").format(source=self.source()))

    def _show_preview(self, preview) -> None:
        if self.kind() == TABLE:
            self._set_columns(preview.columns, preview.text_column, self.text_combo)
            self._set_columns(preview.columns, preview.label_column, self.label_combo)
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(preview.columns))
        table.setRowCount(len(preview.rows))
        table.setHorizontalHeaderLabels(preview.columns)
        bold = QFont(table.font())
        bold.setBold(True)
        for column, name in enumerate(preview.columns):
            if name in (preview.text_column, preview.label_column):
                table.horizontalHeaderItem(column).setFont(bold)
        for row, cells in enumerate(preview.rows):
            for column in range(len(preview.columns)):
                value = cells[column] if column < len(cells) else ""
                item = QTableWidgetItem(value if len(value) <= CELL_CHARS else value[:CELL_CHARS] + "…")
                item.setToolTip(value[:2000])
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        for column in range(table.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), 320))
        table.setVisible(bool(preview.columns))

    def _show_progress(self, kind: str, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * done / total) if total else 0)
        self.progress.setFormat(self.tr("Downloading %p%") if kind == "download" else self.tr("Reading %p%"))

    def _on_loaded(self, load: SharedLoad) -> None:
        self._show_loaded(load)
        self.inspected.emit(load)

    def _on_failed(self, message: str) -> None:
        self._show_failed(message)
        self.inspection_failed.emit(message)

    def _show_loaded(self, load: SharedLoad) -> None:
        self.progress.hide()
        self.read_button.hide()
        corpus = load.corpus
        source = corpus.source
        lines = [self.tr("Source: {origin}").format(origin=origin_text(source))]
        lines.append(self.tr("Train: {balance}").format(balance=balance_text(len(corpus.train_texts), int(corpus.train_labels.sum()))))
        lines.append(self.tr("Test: {balance}").format(balance=balance_text(len(corpus.test_texts), int(corpus.test_labels.sum()))))
        if corpus.undecodable_files:
            lines.append(self.tr("{count} file(s) were not valid UTF-8 and were decoded with replacement characters.")
                         .format(count=corpus.undecodable_files))
        self._set_status("\n".join(lines))

    def _show_failed(self, message: str) -> None:
        self.progress.hide()
        self.read_button.setText(self.tr("Read a&gain"))
        self.read_button.show()
        self._set_status(message, error=True)

    # ---------------------------------------------------------- dialogs

    def _start_folder(self, text: str = "") -> str:
        current = Path(text or self.path_edit.text().strip() or ".").expanduser()
        return str(current if current.is_dir() else current.parent)

    def _choose_file(self) -> None:
        if self.kind() == TABLE:
            title, filters = self.tr("Choose a CSV or TSV file"), self.tr("Tables (*.csv *.tsv *.tab);;All files (*)")
        else:
            title, filters = self.tr("Choose the IMDB archive"), self.tr("IMDB archive (*.tar.gz *.tgz);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(self, title, self._start_folder(), filters)
        if path:
            self.path_edit.setText(path)

    def _choose_folder(self) -> None:
        title = self.tr("Choose the aclImdb folder") if self.kind() == ACLIMDB else self.tr("Choose the folder with pos/ and neg/")
        path = QFileDialog.getExistingDirectory(self, title, self._start_folder())
        if path:
            self.path_edit.setText(path)

    def _choose_test_path(self) -> None:
        start = self._start_folder(self.test_path_edit.text().strip())
        if self.kind() == TABLE:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the test file"), start, self.tr("Tables (*.csv *.tsv *.tab);;All files (*)"))
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose the test folder"), start)
        if path:
            self.test_path_edit.setText(path)

    # --- for the main window (public calls, so it needs none of the panel's widgets) ---

    def focus_chain(self) -> list[QWidget]:
        """The panel's inputs in the order Tab visits them."""
        return [
            self.kind_combo, self.path_edit, self.file_button, self.folder_button, self.text_combo, self.label_combo,
            self.split_radio, self.fraction_spin, self.seed_spin, self.test_file_radio, self.test_path_edit,
            self.test_browse_button, self.words_spin, self.read_button,
        ]

    def focus_source(self) -> None:
        """Put the cursor in the data path (or on the kind of data, where there is no path)."""
        (self.path_edit if self.path_edit.isVisibleTo(self) else self.kind_combo).setFocus(Qt.FocusReason.ShortcutFocusReason)
