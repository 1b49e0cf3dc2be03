"""The File menu's work: open, save and save as a model, export the chart, the history, and a model for serving.

:class:`FileActions` asks for the files (``QFileDialog``), writes them, and
reports through the window it serves: its dialogs (``show_error``, ``ask``),
its status bar and its title. Saving replaces a file only after the user
says Yes, and atomically (``SentimentModel.save``). Export for serving
checks the folder here and leaves the writing, which traces a TensorFlow
graph for seconds, to the controller's worker.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from core.errors import StudioError
from core.export.serving_folder import check_serving_folder
from core.training.history_csv import write_history_csv
from gui.i18n import context_tr, error_text
from gui.workers.off_thread import call_off_gui_thread


class FileActions(QObject):
    """Model files and exports for ``window`` (a :class:`~gui.main_window.MainWindow`)."""

    tr = context_tr("FileActions")

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def _folder(self) -> str:
        return self.window.settings.last_folder() or str(Path.home())

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10_000)

    def choose_and_open_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open model"), self._folder(), self.tr("Keras models (*.keras)"))
        if path:
            self.window.open_model(path)

    def save_model(self) -> bool:
        """Save to the model's own file, or ask for one (Ctrl+S)."""
        model = self.window.model
        if model is None:
            return False
        if model.path:
            return self.save_model_to(model.path)
        return self.save_model_as()

    def save_model_as(self) -> bool:
        model = self.window.model
        if model is None:
            return False
        suggested = Path(self._folder()) / (Path(model.path).name if model.path else "sentiment.keras")
        # save_model_to asks before replacing a file (also one the ".keras" below lands on).
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save model"), str(suggested), self.tr("Keras models (*.keras)"), options=QFileDialog.Option.DontConfirmOverwrite
        )
        if not path:
            return False
        if not path.endswith(".keras"):
            path += ".keras"
        return self.save_model_to(path)

    def save_model_to(self, path: str | os.PathLike) -> bool:
        """Save atomically; on failure show why (any file already there is unchanged).

        A file already at ``path``, other than the model's own, is replaced
        only after the user says Yes.
        """
        window, model = self.window, self.window.model
        if model is None or window.is_busy():
            return False
        target = Path(path).expanduser()
        own = model.path is not None and target.resolve() == Path(model.path).resolve()
        if target.is_file() and not own and not window.dialogs.ask(
            self.tr("Replace the file?"), self.tr("{name} already exists in {folder}. Replace it?").format(name=target.name, folder=target.parent)
        ):
            self._say(f"Not saved; {target.name} is unchanged.")
            return False
        try:
            saved = call_off_gui_thread(lambda: model.save(path))  # the window keeps painting meanwhile
        except StudioError as exc:
            window.dialogs.show_error(self.tr("Cannot save the model"), error_text(exc))
            return False
        window.settings.set_last_folder(str(Path(saved).parent))
        window.show_title(saved)
        self._say(self.tr("Saved {path}").format(path=saved))
        return True

    def choose_and_export_chart(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export chart"), str(Path(self._folder()) / "learning-curves.png"), self.tr("PNG images (*.png)")
        )
        if path:
            self.export_chart(path if path.lower().endswith(".png") else path + ".png")

    def export_chart(self, path: str | os.PathLike) -> bool:
        try:
            self.window.chart.save_png(str(path))
        except (OSError, ValueError) as exc:
            self.window.dialogs.show_error(self.tr("Cannot export the chart"), self.tr("Could not write {path}: {reason}").format(path=path, reason=exc))
            return False
        self._say(self.tr("Chart exported to {path}").format(path=path))
        return True

    def choose_and_export_history(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export history"), str(Path(self._folder()) / "history.csv"), self.tr("CSV files (*.csv)"))
        if path:
            self.export_history(path if path.lower().endswith(".csv") else path + ".csv")

    def export_history(self, path: str | os.PathLike) -> bool:
        """One row per finished epoch: loss, accuracy, val_loss, val_accuracy, seconds."""
        model = self.window.model
        if model is None:
            return False
        try:
            write_history_csv(model.history, path)
        except OSError as exc:
            reason = exc.strerror or exc
            self.window.dialogs.show_error(self.tr("Cannot export the history"), self.tr("Could not write {path}: {reason}").format(path=path, reason=reason))
            return False
        self._say(self.tr("History exported to {path}").format(path=path))
        return True

    def choose_and_export_for_serving(self) -> None:
        """File > Export for serving…: a new or empty folder, such as ``serving/sentiment/1``."""
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export for serving: a new or empty folder"), self._folder())
        if folder:
            self.export_for_serving(folder)

    def export_for_serving(self, folder: str | os.PathLike) -> bool:
        """Write the model as a TensorFlow SavedModel into ``folder`` on the worker; False if it did not start.

        A folder that holds anything is refused here, before the worker starts.
        The status bar names the folder once it is written (``ExportTask``).
        """
        window = self.window
        if window.model is None or window.is_busy():
            return False
        try:
            target = check_serving_folder(folder)
        except StudioError as exc:
            window.dialogs.show_error(self.tr("Cannot export for serving"), error_text(exc))
            return False
        window.settings.set_last_folder(str(target.parent))
        return window.controller.export_for_serving(target)
