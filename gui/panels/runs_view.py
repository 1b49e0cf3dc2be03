"""The Runs tab: every run and opened model in a list, and a chart comparing the selected ones.

The list is a view of :class:`gui.run_store.RunStore`: it is rebuilt when
the store changes, a name is renamed in place (double-click or Rename),
Delete forgets runs and their files, Open loads a run's model as the
current one, and Open log folder shows a trained run's TensorBoard logs in
the system's file manager. Selecting rows redraws the comparison chart. Above the list, a
notice says what the store could not do with the list itself (a damaged
index and where it was kept, model files named outside the runs folder).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.training.run_logs import has_logs
from gui.charts.run_compare_chart import RunCompareChart
from gui.i18n import RetranslatesOnLanguageChange, context_tr
from gui.run_store import Run, RunStore

COLUMNS = (
    QT_TRANSLATE_NOOP("RunsView", "Name"),
    QT_TRANSLATE_NOOP("RunsView", "Model"),
    QT_TRANSLATE_NOOP("RunsView", "Epochs"),
    QT_TRANSLATE_NOOP("RunsView", "Duration"),
    QT_TRANSLATE_NOOP("RunsView", "Val. accuracy"),
    QT_TRANSLATE_NOOP("RunsView", "Test accuracy"),
    QT_TRANSLATE_NOOP("RunsView", "F1"),
    QT_TRANSLATE_NOOP("RunsView", "Created"),
)
RUN_ID = Qt.ItemDataRole.UserRole + 1

#: Shows a folder in the system's file manager. The one thing tests replace (with a recorder), so no file manager starts.
open_url = QDesktopServices.openUrl


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(round(seconds))
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _number(value: float | None) -> str:
    return f"{value:.4f}" if value is not None else "–"


class _SortableItem(QTableWidgetItem):
    """Sorts by the value stored in UserRole (numbers) rather than by the text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if mine is None or theirs is None:
            return (mine is None) and (theirs is not None)
        return mine < theirs


class RunsView(RetranslatesOnLanguageChange, QWidget):
    """The run list with Rename, Delete and Open, over the comparison chart."""

    #: Open this run's model as the current model: its model file path.
    open_requested = Signal(str)
    #: Combine the selected runs' models into an ensemble: the runs (two or more, each with a model file).
    combine_requested = Signal(list)
    #: A message for the window's error dialog: title, message.
    error = Signal(str, str)

    tr = context_tr("RunsView")

    def __init__(self, store: RunStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(70)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header.setSortIndicator(COLUMNS.index("Created"), Qt.SortOrder.AscendingOrder)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemDoubleClicked.connect(self._on_double_click)

        self.rename_button = QPushButton()
        self.rename_button.clicked.connect(self.edit_selected_name)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_selected)
        self.combine_button = QPushButton()
        self.combine_button.setObjectName("combineButton")
        self.combine_button.clicked.connect(self._combine_selected)
        self.logs_button = QPushButton()
        self.logs_button.clicked.connect(self.open_selected_logs)
        self.where = QLabel("")
        self.where.setStyleSheet("color: palette(dark); font-size: 8.5pt;")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel("")
        self.notice.setObjectName("runsNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setStyleSheet("QLabel#runsNotice { color: #b00020; font-weight: 600; }")
        self.notice.hide()
        buttons = QHBoxLayout()
        self.hint = hint = QLabel()
        hint.setWordWrap(True)
        buttons.addWidget(hint, 1)
        for button in (self.open_button, self.combine_button, self.logs_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)

        self.chart = RunCompareChart()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.notice)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.where)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.open_enabled = True
        store.changed.connect(self.refresh)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.setAccessibleName(self.tr("Runs"))
        self.rename_button.setText(self.tr("Re&name"))
        self.rename_button.setToolTip(self.tr("Rename the selected run (or double-click its name, or press F2)"))
        self.rename_button.setAccessibleName(self.tr("Rename"))
        self.delete_button.setText(self.tr("De&lete"))
        self.delete_button.setToolTip(self.tr("Forget the selected runs and delete their saved models"))
        self.delete_button.setAccessibleName(self.tr("Delete"))
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Make the selected run's model the current one"))
        self.open_button.setAccessibleName(self.tr("Open"))
        self.combine_button.setText(self.tr("Combine into &ensemble"))
        self.combine_button.setToolTip(self.tr("One model that averages the probabilities of the selected runs' models (select two or more)"))
        self.combine_button.setAccessibleName(self.tr("Combine into ensemble"))
        self.hint.setText(self.tr("Select runs to compare or combine them (Ctrl/Shift-click)."))
        self.logs_button.setText(self.tr("Open lo&g folder"))
        self.logs_button.setToolTip(self.tr("Show the selected run's TensorBoard logs in the file manager "
                                            "(tensorboard --logdir on the folder above it compares the runs)"))
        self.logs_button.setAccessibleName(self.tr("Open log folder"))
        self.hint.setText(self.tr("Select runs to compare them (Ctrl/Shift-click)."))
        self.refresh()

    # --- the list -----------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the rows from the store, keeping the selection."""
        selected = {run.id for run in self.selected_runs()}
        with QSignalBlocker(self.table):
            self.table.setSortingEnabled(False)
            self.table.setRowCount(len(self.store.runs))
            for row, run in enumerate(self.store.runs):
                self._fill_row(row, run)
            self.table.setSortingEnabled(True)
            self.table.clearSelection()
            for row in range(self.table.rowCount()):
                if self.table.item(row, 0).data(RUN_ID) in selected:
                    self._add_row_to_selection(row)
        self.where.setText(self.tr("{count} run(s), kept in {folder}").format(count=len(self.store.runs), folder=self.store.folder))
        notices = self.store.notices()
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        self._on_selection()

    def _fill_row(self, row: int, run: Run) -> None:
        metrics = run.metrics or {}
        values = (
            (run.name, run.name),
            (run.description(), run.description()),
            (str(run.epochs_done or 0) + (self.tr(" (stopped)") if run.stopped else ""), run.epochs_done or 0),
            (_duration(run.seconds), run.seconds),
            (_number(run.final("val_accuracy")), run.final("val_accuracy")),
            (_number(metrics.get("accuracy")), metrics.get("accuracy")),
            (_number(metrics.get("f1")), metrics.get("f1")),
            (run.created.replace("T", " ")[:16], run.created),
        )
        for column, (text, key) in enumerate(values):
            item = _SortableItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setData(RUN_ID, run.id)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
            if column == 0:
                flags |= Qt.ItemFlag.ItemIsEditable
                item.setToolTip(self.tr("From {origin}").format(origin=run.origin) if run.origin != "trained" else self.tr("Trained in this app"))
            elif column >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setFlags(flags)
            self.table.setItem(row, column, item)

    def _add_row_to_selection(self, row: int) -> None:
        index = self.table.model().index(row, 0)
        self.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)

    def selected_runs(self) -> list[Run]:
        """The selected runs, in the table's order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        runs = [self.store.get(self.table.item(row, 0).data(RUN_ID)) for row in rows if self.table.item(row, 0) is not None]
        return [run for run in runs if run is not None]

    def select_runs(self, runs: list[Run]) -> None:
        """Select exactly ``runs`` (and so compare them)."""
        ids = {run.id for run in runs}
        with QSignalBlocker(self.table):
            self.table.clearSelection()
            for row in range(self.table.rowCount()):
                if self.table.item(row, 0).data(RUN_ID) in ids:
                    self._add_row_to_selection(row)
        self._on_selection()

    def row_of(self, run: Run) -> int:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(RUN_ID) == run.id:
                return row
        return -1

    # --- actions --------------------------------------------------------------

    def set_open_enabled(self, enabled: bool) -> None:
        """The window allows Open only while it is idle."""
        self.open_enabled = enabled
        self._enable_buttons(self.selected_runs())

    def edit_selected_name(self) -> None:
        runs = self.selected_runs()
        if len(runs) == 1:
            self.table.editItem(self.table.item(self.row_of(runs[0]), 0))

    def rename(self, run: Run, name: str) -> None:
        self.store.rename(run, name)

    def delete_selected(self) -> None:
        runs = self.selected_runs()
        if runs:
            self.store.delete(runs)

    def _open_selected(self) -> None:
        runs = self.selected_runs()
        if len(runs) == 1 and self.store.model_path(runs[0]) is not None:
            self.open_requested.emit(str(self.store.model_path(runs[0])))

    def _combine_selected(self) -> None:
        runs = self._combinable()
        if runs:
            self.combine_requested.emit(runs)

    def _combinable(self) -> list[Run]:
        """The selected runs if an ensemble can be made of them now: two or more, each with its model file."""
        runs = self.selected_runs()
        if self.open_enabled and len(runs) >= 2 and all(self.store.model_path(run) is not None for run in runs):
            return runs
        return []
    def selected_log_folder(self):
        """The one selected run's TensorBoard log folder, if it has logs (a trained run); else None."""
        runs = self.selected_runs()
        if len(runs) != 1:
            return None
        folder = self.store.log_folder(runs[0])
        return folder if has_logs(folder) else None

    def open_selected_logs(self) -> bool:
        """Show the selected run's log folder in the file manager; False (and why, if it failed) if not."""
        folder = self.selected_log_folder()
        if folder is None:
            return False
        if not open_url(QUrl.fromLocalFile(str(folder))):
            self.error.emit(self.tr("Cannot open the log folder"),
                            self.tr("No file manager could show {folder}. Open it yourself, or run: tensorboard --logdir \"{folder}\"").format(folder=folder))
            return False
        return True

    def _on_double_click(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            run = self.store.get(item.data(RUN_ID))
            if run is not None and self.store.model_path(run) is not None and self.open_enabled:
                self.open_requested.emit(str(self.store.model_path(run)))

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        run = self.store.get(item.data(RUN_ID))
        if run is None:
            return
        if item.text().strip():
            self.store.rename(run, item.text())
        else:
            self.refresh()  # an empty name: put the old one back

    def _on_selection(self) -> None:
        runs = self.selected_runs()
        self._enable_buttons(runs)
        self.chart.set_runs(runs)

    def _enable_buttons(self, runs: list[Run]) -> None:
        self.rename_button.setEnabled(len(runs) == 1)
        self.delete_button.setEnabled(bool(runs))
        self.open_button.setEnabled(self.open_enabled and len(runs) == 1 and self.store.model_path(runs[0]) is not None)
        self.combine_button.setEnabled(bool(self._combinable()))
        self.logs_button.setEnabled(self.selected_log_folder() is not None)
