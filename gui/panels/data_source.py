"""Where the reviews come from, and what they hold, seen before Train is pressed.

The panel offers every kind of source in ``core.data.registry``, in its
order: Stanford's aclImdb copy (folder or .tar.gz), its download, a CSV/TSV
file (text and label columns chosen from the file's header), a folder with
``pos/`` and ``neg/``, Keras's own IMDB arrays, and any kind added there. It
knows no kind by name: each kind's options (core.data.sources.OPTIONS) pick
the controls shown, and its texts are translated from the kind.

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
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.data.registry import FALLBACK, kind_by_id, kind_for, kinds
from core.data.sources import SourceKind, SourceOptions
from gui.i18n import context_tr, error_text, tr_core
from gui.panels.data_summary import balance_text, origin_text
from gui.panels.source_options import SourceOptionRows, core_text, file_filter, row
from gui.panels.table_preview import TablePreviewView
from gui.workers.data_loading import DataChoice, DataLoader, SharedLoad

#: Quiet time after the last edit before the data is read, in milliseconds.
INSPECT_DELAY_MS = 400


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
        self._paths: dict[str, str] = {}  # each kind with a path keeps its own
        self._kind = FALLBACK.id
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
        self._apply_kind(FALLBACK.id)

    # ------------------------------------------------------------------ UI

    def _build(self) -> None:
        self.kind_combo = QComboBox()
        for kind in kinds():
            self.kind_combo.addItem("", kind.id)
        self.kind_combo.currentIndexChanged.connect(lambda _index: self._apply_kind(self.kind()))

        self.path_edit = QLineEdit()
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.textChanged.connect(self._on_path_edited)
        self.path_edit.textChanged.connect(lambda text: self.path_edit.setToolTip(text or self.tr("The path of the data")))
        self.file_button = QPushButton()
        self.folder_button = QPushButton()
        self.file_button.clicked.connect(self._choose_file)
        self.folder_button.clicked.connect(self._choose_folder)
        self.path_row = row(self.path_edit, self.file_button, self.folder_button, stretch=0)

        rows = self.option_rows = SourceOptionRows()
        rows.changed.connect(self._source_changed)
        rows.test_browse_button.clicked.connect(self._choose_test_path)
        # The rows' controls, by the names the window and the tests know them by.
        self.columns_row, self.split_row, self.test_path_row, self.words_row = rows.columns_row, rows.split_row, rows.test_path_row, rows.words_row
        self.text_combo, self.label_combo, self.words_spin = rows.text_combo, rows.label_combo, rows.words_spin
        self.split_radio, self.fraction_spin, self.seed_spin = rows.split_radio, rows.fraction_spin, rows.seed_spin
        self.test_file_radio, self.test_path_edit, self.test_browse_button = rows.test_file_radio, rows.test_path_edit, rows.test_browse_button

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

        self.preview_table = TablePreviewView()

        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.kind_combo)
        for widget in (self.path_row, self.option_rows, self.hint):
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
            self._kind_texts(self.source_kind())
            self._show_state()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Every fixed text; the kind's own texts are in :meth:`_kind_texts`."""
        self.setTitle(self.tr("Data"))
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, tr_core(kind_by_id(self.kind_combo.itemData(index)).label))
        self.kind_combo.setToolTip(self.tr("Where the labelled reviews come from"))
        self.kind_combo.setAccessibleName(self.tr("Kind of data"))
        self.path_edit.setAccessibleName(self.tr("Data path"))
        if not self.path_edit.text():
            self.path_edit.setToolTip(self.tr("The path of the data"))
        self.file_button.setText(self.tr("F&ile…"))
        self.file_button.setAccessibleName(self.tr("Choose a file"))
        self.folder_button.setText(self.tr("Fol&der…"))
        self.folder_button.setAccessibleName(self.tr("Choose a folder"))
        self.read_button.setToolTip(self.tr("Read the data now to see its counts and balance (downloads it if needed)"))
        self.read_button.setAccessibleName(self.tr("Read the data"))
        self.progress.setAccessibleName(self.tr("Reading progress"))
        self.status.setAccessibleName(self.tr("What the data holds"))
        self.preview_table.setAccessibleName(self.tr("First rows of the file"))

    def _kind_texts(self, kind: SourceKind) -> None:
        """Placeholder, tooltips and hint of a kind, in the current language."""
        self.path_edit.setPlaceholderText(core_text(kind.placeholder))
        self.file_button.setToolTip(core_text(kind.file_tip) or self.tr("Choose a file"))
        self.folder_button.setToolTip(core_text(kind.folder_tip) or self.tr("Choose a folder"))
        self.hint.setText(core_text(kind.hint))
        self.hint.setVisible(bool(kind.hint))

    def _show_state(self) -> None:
        """The status line again (a new language): the current read, or what to do."""
        load = self.current_load()
        if load is not None:
            self._show_load(load)
        elif not self.source():
            if self.status.text():
                self._clear(self.tr("Choose the data to train on."))
        elif self.read_button.isVisible() and not self.source_kind().is_cached():
            self.inspect()

    # ------------------------------------------------------------ values

    def kind(self) -> str:
        """The id of the chosen kind of source (``core.data.registry``)."""
        return self.kind_combo.currentData() or FALLBACK.id

    def source_kind(self) -> SourceKind:
        """The chosen kind of source."""
        return kind_by_id(self.kind())

    def source(self) -> str:
        """The string ``core.data.loading.load_corpus`` takes: a path, or the kind's word ("download"); a path may be empty."""
        kind = self.source_kind()
        return self.path_edit.text().strip() if kind.has_path else kind.word

    def set_source(self, value: str | None) -> None:
        """Show ``value``, choosing the kind that reads it."""
        value = (value or "").strip()
        kind = kind_for(value)
        if kind.has_path:
            self._paths[kind.id] = value
        self._set_kind(kind.id)
        if kind.has_path:
            self.path_edit.setText(value)

    def options(self) -> SourceOptions:
        """How to read the source: the values of the options its kind reads, the defaults for the others."""
        return self.source_kind().options_from(self.option_rows.values())

    def set_options(self, options: SourceOptions) -> None:
        """Show ``options`` (the columns as wanted until the file's header is read)."""
        self.option_rows.set_options(options)

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
        kind = self.source_kind()
        if not self.source():
            self.loader.cancel()
            self._clear(self.tr("Choose the data to train on."))
            return
        if not force and not kind.is_cached():
            self.loader.cancel()
            what = tr_core(kind.download_name or kind.label)
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

    def _apply_kind(self, kind_id: str) -> None:
        """Show the controls of this kind's options; each kind keeps its own path."""
        if kind_by_id(self._kind).has_path:
            self._paths[self._kind] = self.path_edit.text().strip()
        kind = kind_by_id(kind_id)
        previous, self._kind = self._kind, kind.id
        self.path_row.setVisible(kind.has_path)
        self.option_rows.show_kind(kind)
        self.file_button.setVisible(bool(kind.suffixes))
        self.folder_button.setVisible(kind.folders)
        self._kind_texts(kind)
        if kind.has_path and previous != kind.id:
            self.path_edit.setText(self._paths.get(kind.id, ""))
        self._source_changed()

    def _on_path_edited(self, _text: str) -> None:
        if self.option_rows.reads_columns():  # another file: its own columns, guessed again
            self.option_rows.set_columns(self.text_combo, [], None)
            self.option_rows.set_columns(self.label_combo, [], None)
        self._source_changed()

    def _source_changed(self) -> None:
        self.changed.emit()
        self._schedule()

    def _schedule(self) -> None:
        load = self.current_load()
        if load is not None:
            self.timer.stop()
            self._show_load(load)
        else:
            self.timer.start()

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
        if self.option_rows.reads_columns():
            self.option_rows.set_columns(self.text_combo, preview.columns, preview.text_column)
            self.option_rows.set_columns(self.label_combo, preview.columns, preview.label_column)
        self.preview_table.show_preview(preview)

    def _show_progress(self, phase: str, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * done / total) if total else 0)
        self.progress.setFormat(self.tr("Downloading %p%") if phase == "download" else self.tr("Reading %p%"))

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
        kind = self.source_kind()
        path, _ = QFileDialog.getOpenFileName(self, core_text(kind.file_title), self._start_folder(), file_filter(kind))
        if path:
            self.path_edit.setText(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, core_text(self.source_kind().folder_title), self._start_folder())
        if path:
            self.path_edit.setText(path)

    def _choose_test_path(self) -> None:
        """A second file of the same kind, or a folder for a kind read from folders."""
        start = self._start_folder(self.test_path_edit.text().strip())
        kind = self.source_kind()
        if kind.suffixes:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the test file"), start, file_filter(kind))
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
