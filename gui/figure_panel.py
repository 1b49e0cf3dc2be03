"""A standalone Matplotlib figure in a Qt canvas, with Matplotlib's navigation toolbar.

As in Matplotlib's ``embedding_in_qt`` example: a ``Figure`` of its own
(never pyplot, whose global state does not belong in an app), drawn by a
``FigureCanvasQTAgg`` under a ``NavigationToolbar2QT`` for zoom and pan.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg, NavigationToolbar2QT
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget


class FigurePanel(QWidget):
    """The figure, its canvas and toolbar, laid out top to bottom."""

    def __init__(self, figsize: tuple[float, float], min_height: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.figure = Figure(figsize=figsize, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(min_height)
        self.toolbar = NavigationToolbar2QT(self.canvas, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.canvas)
