"""The evaluation tab's most confidently wrong reviews, as a Qt item model.

A ``QTableWidget`` makes three items per row and, with columns sized to
their contents, measures every cell again as each one is set: filling 100
rows froze the window for seconds. This model hands the view only the rows
it paints, and the view measures a few of them to size its columns.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

#: The label of each class, by value, in the "EvaluationView" context (the tab's matrix uses them too).
CLASSES = (QT_TRANSLATE_NOOP("EvaluationView", "negative"), QT_TRANSLATE_NOOP("EvaluationView", "positive"))


def _one_line(text: str) -> str:
    return " ".join(str(text).replace("<br />", " ").split())


class WrongReviewsModel(QAbstractTableModel):
    """True label, P(positive) and the review, one row per wrong review (``TestPredictions.wrong``)."""

    HEADERS = (QT_TRANSLATE_NOOP("EvaluationView", "True label"), QT_TRANSLATE_NOOP("EvaluationView", "P(positive)"),
               QT_TRANSLATE_NOOP("EvaluationView", "Review"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def text(self, row: int) -> str:
        """The full text of the review in ``row``."""
        return str(self.rows[row]["text"])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("EvaluationView", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return QCoreApplication.translate("EvaluationView", CLASSES[int(item["label"])])
            if column == 1:
                return f"{float(item['probability']):.3f}"
            return _one_line(item["text"])[:300]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return _one_line(item["text"])[:1000]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        """Header and label texts in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))
