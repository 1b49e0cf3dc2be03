"""How the window tells and asks: a warning that does not block, and a yes/no question.

:meth:`Dialogs.show_error` opens its box with ``QMessageBox.open`` (no modal
loop), keeps the message in ``last_error`` and repeats it in the status bar;
:meth:`Dialogs.ask` is answered by ``auto_answer`` when set, or Yes when Qt
runs without a screen. So tests and scripts drive every path without a
modal loop.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

#: What to do with a running task when the window closes.
KEEP, DISCARD, STAY = "keep", "discard", "stay"


class Dialogs(QObject):
    """The dialogs of ``window``; at most one error box is open at a time."""

    #: An error dialog was shown, with its message.
    error_shown = Signal(str)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        #: When not None, ask() returns it without a dialog (tests, scripts).
        self.auto_answer: bool | None = None
        self.last_error: str | None = None
        self.error_box: QMessageBox | None = None

    def show_error(self, title: str, message: str) -> None:
        """Tell the user what went wrong, without blocking (QMessageBox.open)."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.close()
        self.error_box = box
        box.open()
        self.window.statusBar().showMessage(f"{title}: {message}", 15_000)
        self.error_shown.emit(message)

    def ask(self, title: str, question: str) -> bool:
        """A yes/no question; answered by ``auto_answer`` or without a screen."""
        if self.auto_answer is not None:
            return self.auto_answer
        if QApplication.platformName() in ("offscreen", "minimal"):
            return True
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return QMessageBox.question(self.window, title, question, buttons, QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    def choose(self, title: str, question: str, choices: list[tuple[str, str, QMessageBox.ButtonRole]], default: str, cancel: str) -> str:
        """The key of the button chosen among ``choices`` (key, text, role); Escape gives ``cancel``.

        Answered without a dialog as :meth:`ask` is: ``auto_answer`` True gives
        ``default``, False gives ``cancel``; no screen gives ``default``.
        """
        if self.auto_answer is not None:
            return default if self.auto_answer else cancel
        if QApplication.platformName() in ("offscreen", "minimal"):
            return default
        box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, self.window)
        buttons = {key: box.addButton(text, role) for key, text, role in choices}
        box.setDefaultButton(buttons[default])
        box.setEscapeButton(buttons[cancel])
        box.exec()
        return next((key for key, button in buttons.items() if box.clickedButton() is button), cancel)

    def ask_quit(self, task) -> str:
        """KEEP what the running ``task`` made so far (a training's model, the default), DISCARD it, or STAY."""
        if task is not None and task.keeps_model_on_quit:
            role = QMessageBox.ButtonRole
            return self.choose(
                self.tr("Quit while training?"),
                self.tr("Stop training and quit? The model trained so far will be kept in the Runs tab."),
                [(KEEP, self.tr("Stop, keep the model and quit"), role.AcceptRole),
                 (DISCARD, self.tr("Discard the model and quit"), role.DestructiveRole),
                 (STAY, self.tr("Go on training"), role.RejectRole)],
                default=KEEP, cancel=STAY)
        return DISCARD if self.ask(self.tr("Quit while working?"), self.tr("A task is running. Stop it and quit?")) else STAY

    def close(self) -> None:
        """Close the error box, if one is open."""
        if self.error_box is not None:
            try:
                self.error_box.close()
            except RuntimeError:
                pass  # already deleted
