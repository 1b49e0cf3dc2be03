"""The Tune tab's live table of trials: one row per trial, one column per searched parameter.

A :class:`QAbstractTableModel` over the poller's rows
(:class:`core.tuning.trials.TrialRow`), sortable through a proxy by each
column's value (numbers as numbers), so trials from every worker can be
ranked while the search runs.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from gui.i18n import context_tr, format_duration

FIXED = (
    QT_TRANSLATE_NOOP("TrialsModel", "Trial"),
    QT_TRANSLATE_NOOP("TrialsModel", "State"),
    QT_TRANSLATE_NOOP("TrialsModel", "Value"),
    QT_TRANSLATE_NOOP("TrialsModel", "Epochs"),
    QT_TRANSLATE_NOOP("TrialsModel", "Duration"),
    QT_TRANSLATE_NOOP("TrialsModel", "Worker"),
)
STATES = {
    "running": QT_TRANSLATE_NOOP("TrialsModel", "running"),
    "complete": QT_TRANSLATE_NOOP("TrialsModel", "complete"),
    "pruned": QT_TRANSLATE_NOOP("TrialsModel", "pruned"),
    "fail": QT_TRANSLATE_NOOP("TrialsModel", "failed"),
    "waiting": QT_TRANSLATE_NOOP("TrialsModel", "waiting"),
}
#: The role that sorts: the raw value of a cell.
SORT_ROLE = Qt.ItemDataRole.UserRole


class TrialsModel(QAbstractTableModel):
    tr = context_tr("TrialsModel")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.parameters: list[str] = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.parameters = sorted({name for row in rows for name in row.params})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(FIXED) + len(self.parameters)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr(FIXED[section]) if section < len(FIXED) else self.parameters[section - len(FIXED)]

    def raw(self, row, column: int):
        if column >= len(FIXED):
            return row.params.get(self.parameters[column - len(FIXED)])
        return (row.number, row.state, row.value, row.epochs, row.seconds, row.worker)[column]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        value = self.raw(row, index.column())
        if role == SORT_ROLE:
            return value if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and row.reason:
            return row.reason
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if value is None:
            return ""
        if index.column() == 1:
            return self.tr(STATES.get(value, value))
        if index.column() == 4:
            return format_duration(value)
        if isinstance(value, float):
            return f"{value:.4g}"
        return str(value)


def sortable(model: TrialsModel) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy
