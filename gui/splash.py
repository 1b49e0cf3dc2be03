"""The start-up splash: painted at once, shown while TensorFlow loads, gone when the window takes input.

Importing TensorFlow freezes whichever process does it for up to a second
at a time: Python loads its C extensions with the GIL held, and no thread
of the process can run meanwhile (``docs/performance.md``, "Where
TensorFlow loads"). So the app loads it before the main window takes
input, on the worker thread that will run it, while this splash is up:
the first thing on screen paints within a few hundred milliseconds, and
the window never freezes under the user's first click.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen

from gui.i18n import context_tr
from gui.settings import APPLICATION

WIDTH, HEIGHT = 420, 150


class StartupSplash(QSplashScreen):
    """A plain card with the app's name and what it is doing; says when it has painted."""

    #: The splash has painted for the first time.
    painted = Signal()

    tr = context_tr("StartupSplash")

    def __init__(self):
        super().__init__(self._card(), Qt.WindowType.WindowStaysOnTopHint)
        self._painted = False
        self.showMessage(self.tr("Loading TensorFlow…"), Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter, QColor("#e6e6e6"))

    @staticmethod
    def _card() -> QPixmap:
        ratio = QApplication.primaryScreen().devicePixelRatio() if QApplication.primaryScreen() else 1.0
        pixmap = QPixmap(round(WIDTH * ratio), round(HEIGHT * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor("#2b2d30"))
        painter = QPainter(pixmap)
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRect(0, 30, WIDTH, 50), Qt.AlignmentFlag.AlignCenter, APPLICATION)
        painter.end()
        return pixmap

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.ignore()  # a click does not hide it: the window is not ready yet

    def wait_for(self, ready: Signal, is_ready) -> None:
        """Keep the event loop (and this splash) running until ``ready`` is emitted, unless ``is_ready()`` already."""
        if is_ready():
            return
        loop = QEventLoop()
        ready.connect(loop.quit)
        loop.exec()
        ready.disconnect(loop.quit)
