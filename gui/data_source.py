"""Where the reviews come from: a local aclImdb copy (folder or .tar.gz) or the download.

The value is the string ``core.data.load_corpus`` takes: a path, or
``"download"``. The window remembers it in QSettings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from core.data import DOWNLOAD


class DataSourcePanel(QGroupBox):
    """A local copy chosen with a file or folder dialog, or "download" (cached by Keras)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Data", parent)
        self.local_radio = QRadioButton("Local copy")
        self.local_radio.setToolTip("The aclImdb folder, a folder holding it, or its .tar.gz (read in place)")
        self.download_radio = QRadioButton("Download (84 MB, once, into the Keras cache)")
        group = QButtonGroup(self)
        group.addButton(self.local_radio)
        group.addButton(self.download_radio)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("aclImdb folder or aclImdb_v1.tar.gz")
        self.path_edit.setClearButtonEnabled(True)
        self.file_button = QPushButton("File…")
        self.file_button.setToolTip("Choose the .tar.gz archive")
        self.folder_button = QPushButton("Folder…")
        self.folder_button.setToolTip("Choose the unpacked aclImdb folder")
        self.file_button.clicked.connect(self._choose_file)
        self.folder_button.clicked.connect(self._choose_folder)
        self.local_radio.toggled.connect(self._update)
        self.path_edit.textChanged.connect(self._emit_changed)
        self.path_edit.textChanged.connect(self.path_edit.setToolTip)

        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.file_button)
        row.addWidget(self.folder_button)
        layout = QGridLayout(self)
        layout.addWidget(self.local_radio, 0, 0)
        layout.addLayout(row, 0, 1)
        layout.addWidget(self.download_radio, 1, 0, 1, 2)
        layout.setColumnStretch(1, 1)
        self.local_radio.setChecked(True)

    def source(self) -> str:
        """``"download"``, or the path typed (possibly empty)."""
        if self.download_radio.isChecked():
            return DOWNLOAD
        return self.path_edit.text().strip()

    def set_source(self, value: str | None) -> None:
        value = (value or "").strip()
        if value == DOWNLOAD:
            self.download_radio.setChecked(True)
        else:
            self.local_radio.setChecked(True)
            self.path_edit.setText(value)
        self._update()

    def _update(self, *_args) -> None:
        local = self.local_radio.isChecked()
        for widget in (self.path_edit, self.file_button, self.folder_button):
            widget.setEnabled(local)
        self._emit_changed()

    def _emit_changed(self, *_args) -> None:
        self.changed.emit()

    def _start_folder(self) -> str:
        current = Path(self.path_edit.text().strip() or ".").expanduser()
        return str(current if current.is_dir() else current.parent)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose the IMDB archive", self._start_folder(), "IMDB archive (*.tar.gz *.tgz);;All files (*)")
        if path:
            self.path_edit.setText(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Choose the aclImdb folder", self._start_folder())
        if path:
            self.path_edit.setText(path)
