"""The first rows of a table, as the data panel shows them before anything is trained.

Read-only, one line per row; long cells are cut (the tooltip holds the whole
text) and the columns a load would use are in bold.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

#: Characters of a cell shown in the preview (the tooltip has them all).
CELL_CHARS = 120
#: The widest a column starts, in pixels.
COLUMN_WIDTH = 320


class TablePreviewView(QTableWidget):
    """The header and first rows of a :class:`core.data.preview.TablePreview`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 0, parent)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)
        row_height = self.fontMetrics().height() + 6
        self.verticalHeader().setDefaultSectionSize(row_height)
        self.setMaximumHeight(row_height * 6 + 8)  # the header and five rows
        self.hide()

    def show_preview(self, preview) -> None:
        """Fill the table from ``preview``; shown when it has columns."""
        self.clear()
        self.setColumnCount(len(preview.columns))
        self.setRowCount(len(preview.rows))
        self.setHorizontalHeaderLabels(preview.columns)
        bold = QFont(self.font())
        bold.setBold(True)
        for column, name in enumerate(preview.columns):
            if name in (preview.text_column, preview.label_column):
                self.horizontalHeaderItem(column).setFont(bold)
        for row, cells in enumerate(preview.rows):
            for column in range(len(preview.columns)):
                value = cells[column] if column < len(cells) else ""
                item = QTableWidgetItem(value if len(value) <= CELL_CHARS else value[:CELL_CHARS] + "…")
                item.setToolTip(value[:2000])
                self.setItem(row, column, item)
        self.resizeColumnsToContents()
        for column in range(self.columnCount()):
            self.setColumnWidth(column, min(self.columnWidth(column), COLUMN_WIDTH))
        self.setVisible(bool(preview.columns))
