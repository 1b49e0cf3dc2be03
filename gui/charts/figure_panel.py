"""A standalone Matplotlib figure in a Qt canvas, with Matplotlib's navigation toolbar.

As in Matplotlib's ``embedding_in_qt`` example: a ``Figure`` of its own
(never pyplot, whose global state does not belong in an app), drawn by a
``FigureCanvasQTAgg`` under a ``NavigationToolbar2QT`` for zoom and pan.

The figure follows the Qt palette (``gui.theme.style_figure``, again on
every palette change) and the language: subclasses put their texts in
:meth:`retranslate_ui`, which runs at start and on ``LanguageChange``, and
their palette-dependent colours in :meth:`restyle`.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg, NavigationToolbar2QT
from matplotlib.figure import Figure
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRectF, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from gui.i18n import configure_chart_fonts, context_tr
from gui.theme import style_figure, style_legend

#: Matplotlib's toolbar texts and tooltips, for lupdate; the toolbar's actions are translated from them.
TOOLBAR_TEXTS = (
    QT_TRANSLATE_NOOP("FigurePanel", "Home"),
    QT_TRANSLATE_NOOP("FigurePanel", "Reset original view"),
    QT_TRANSLATE_NOOP("FigurePanel", "Back"),
    QT_TRANSLATE_NOOP("FigurePanel", "Back to previous view"),
    QT_TRANSLATE_NOOP("FigurePanel", "Forward"),
    QT_TRANSLATE_NOOP("FigurePanel", "Forward to next view"),
    QT_TRANSLATE_NOOP("FigurePanel", "Pan"),
    QT_TRANSLATE_NOOP("FigurePanel", "Left button pans, Right button zooms\nx/y fixes axis, CTRL fixes aspect"),
    QT_TRANSLATE_NOOP("FigurePanel", "Zoom"),
    QT_TRANSLATE_NOOP("FigurePanel", "Zoom to rectangle\nx/y fixes axis"),
    QT_TRANSLATE_NOOP("FigurePanel", "Subplots"),
    QT_TRANSLATE_NOOP("FigurePanel", "Configure subplots"),
    QT_TRANSLATE_NOOP("FigurePanel", "Customize"),
    QT_TRANSLATE_NOOP("FigurePanel", "Edit axis, curve and image parameters"),
    QT_TRANSLATE_NOOP("FigurePanel", "Save"),
    QT_TRANSLATE_NOOP("FigurePanel", "Save the figure"),
)


def translate_toolbar(toolbar, originals: dict) -> None:
    """Set each toolbar action's text and tooltip from its English original (kept in ``originals``)."""
    for action in toolbar.actions():
        if action not in originals:
            if not action.text():
                continue
            originals[action] = (action.text(), action.toolTip())
        text, tip = originals[action]
        action.setText(QCoreApplication.translate("FigurePanel", text))
        action.setToolTip(QCoreApplication.translate("FigurePanel", tip) if tip else "")


#: After a hidden canvas is shown, how long its page's layout gets to settle before the draw it owes.
SETTLE_MS = 50


class LazyCanvas(FigureCanvasQTAgg):
    """A canvas that draws only while it can be seen.

    A figure in a hidden tab is drawn when the tab is shown, not at
    start-up or on every change meanwhile: a constrained-layout draw costs
    a few hundred milliseconds of the GUI thread.
    """

    _stale_while_hidden = False
    #: Callables waiting for the next draw to finish (see :meth:`after_next_draw`).
    _after_draw: list | None = None
    #: Set by a caller whose change moves no text (a new epoch's points):
    #: the next draw keeps the last layout, computed at this size. The
    #: constrained layout is about half of a draw's cost.
    keep_layout = False
    _laid_out_at = None
    #: Draws made so far, and their number when the canvas was last shown with a draw owed.
    _draws = 0
    _draws_at_show = 0

    #: A new layout and its drawing together held the GUI thread for over
    #: 100 ms, so a draw that needs a layout makes it in one event-loop turn
    #: and draws in the next; paints in between show the last image.
    _drawing_next_turn = False
    #: The size of the last drawing, and the renderer that holds it.
    _drawn_at = None
    _shown_renderer = None
    #: What :meth:`redraw_animated` draws over the kept picture of the last whole draw.
    _animated: tuple = ()
    _background = None

    def draw(self) -> None:
        self._draws += 1
        figure = self.figure
        engine = figure.get_layout_engine()
        size = (self.width(), self.height())
        reuse = self.keep_layout and engine is not None and self._laid_out_at == size
        self.keep_layout = False
        if not reuse and engine is not None and self.isVisible():
            engine.execute(figure)  # positions only (at a new size, in a new renderer); the drawing keeps them
            self._laid_out_at = size
            self.keep_layout = True
            self._drawing_next_turn = True
            self._draw_pending = False
            self.draw_idle()
            return
        self._drawing_next_turn = False
        try:
            if not reuse:
                super().draw()
                self._laid_out_at = size
                return
            figure.set_layout_engine("none")  # the axes keep the positions the last layout gave them
            try:
                super().draw()
            finally:
                figure.set_layout_engine(engine)
        finally:
            self._drawn_at = size
            self._shown_renderer = getattr(self, "renderer", None)
            self._run_after_draw()

    def draw_unseen(self) -> None:
        """Draw now at the current size, though not yet shown (a window drawn behind its splash).

        The first paint then shows the drawing, and showing owes no draw
        (nor does a draw asked for while ``QWidget.grab`` made it look shown).
        """
        self._stale_while_hidden = self._draw_pending = False
        self.draw()

    def shows_last_drawing(self) -> bool:
        """The last drawing is at the canvas's size and no draw is due: artists can be blitted over it."""
        return self.isVisible() and self._drawn_at == (self.width(), self.height()) and not (
            self._draw_pending or self._drawing_next_turn or self._stale_while_hidden)

    def animate(self, artists: list) -> None:
        """Draw ``artists`` over the rest of the figure, so that :meth:`redraw_animated` can change them alone.

        A whole draw leaves them out (Matplotlib never leaves out an image:
        it is drawn twice, harmlessly) and keeps its picture; they are drawn
        over it then, and again over the kept picture by each
        :meth:`redraw_animated`. A saved figure draws them as any others.
        """
        if not self._animated:
            self.mpl_connect("draw_event", self._keep_background)
        self._animated = tuple(artists)
        for artist in self._animated:
            artist.set_animated(True)
        self._background = None

    def redraw_animated(self) -> bool:
        """Only the animated artists, over the last whole drawing (blitting); False if that needs a whole draw."""
        if self._background is None or not self.shows_last_drawing():
            return False
        self.restore_region(self._background)
        self._draw_animated()
        self.blit(self.figure.bbox)
        return True

    def _keep_background(self, _event) -> None:
        if self.is_saving():  # a saved figure draws its animated artists itself, at its own size
            return
        self._background = self.copy_from_bbox(self.figure.bbox)
        self._draw_animated()

    def _draw_animated(self) -> None:
        for artist in self._animated:
            self.figure.draw_artist(artist)

    def after_next_draw(self, callback) -> None:
        """Call ``callback`` once the draw asked for has been made, or now if none will be.

        A hidden canvas does not draw, so it calls back at once.
        """
        if not self.isVisible():
            callback()
            return
        if self._after_draw is None:
            self._after_draw = []
        self._after_draw.append(callback)

    def _run_after_draw(self) -> None:
        waiting, self._after_draw = self._after_draw, None
        for callback in waiting or ():
            callback()

    def draw_idle(self) -> None:
        """Draw on a later turn of the event loop, once the canvas can be seen.

        On a 1 ms timer, not Matplotlib's zero one: Qt runs that as a posted
        event, in the same turn as the code that asked for the draw and
        before the timers and input already waiting.
        """
        if not self.isVisible():
            self._stale_while_hidden = True
        elif not (self._draw_pending or getattr(self, "_is_drawing", False)):
            self._draw_pending = True
            QTimer.singleShot(1, self._draw_idle)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale_while_hidden:
            self._stale_while_hidden = False
            self._draws_at_show = self._draws
            QTimer.singleShot(SETTLE_MS, self._draw_once_laid_out)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Paint the last image, stretched if the canvas was resized since; a pending draw comes on its own turn.

        Matplotlib's canvas draws here first if a draw is pending, in the
        same turn as the window's paint and as whatever asked for the draw.
        """
        if self._drawn_at == (self.width(), self.height()):
            pending, self._draw_pending = self._draw_pending, False
            try:
                super().paintEvent(event)
            finally:
                self._draw_pending = self._draw_pending or pending
            return
        painter = QPainter(self)
        try:
            renderer = self._shown_renderer
            if renderer is None:  # nothing drawn yet: the figure's background
                painter.fillRect(event.rect(), QColor.fromRgbF(*self.figure.get_facecolor()))
            else:
                image = QImage(renderer.buffer_rgba(), int(renderer.width), int(renderer.height), QImage.Format.Format_RGBA8888)
                painter.drawImage(QRectF(self.rect()), image)
        finally:
            painter.end()

    def _draw_once_laid_out(self) -> None:
        """The draw a newly shown canvas owes, once its page's layout has settled.

        Drawn at once, a tab's figure was drawn at its size before the
        layout's pending requests ran, then again (laid out again) at its
        final size: two draws of 80 to 160 ms where one will do. If the
        settling resized it, that resize has drawn it already.
        """
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if self.isVisible() and self._draws == self._draws_at_show:  # a resize has not drawn it meanwhile
            self.draw_idle()


class FigurePanel(QWidget):
    """The figure, its canvas and toolbar, laid out top to bottom."""

    tr = context_tr("FigurePanel")

    def __init__(self, figsize: tuple[float, float], min_height: int, parent: QWidget | None = None):
        super().__init__(parent)
        configure_chart_fonts()
        self.figure = Figure(figsize=figsize, layout="constrained")
        self.canvas = LazyCanvas(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(min_height)
        self.toolbar = NavigationToolbar2QT(self.canvas, self)
        self._toolbar_texts: dict = {}
        #: The palette's chart colours (gui.theme.chart_colours), set by apply_palette.
        self.colours: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.canvas)

    # --- language and palette ----------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_palette()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """The toolbar's texts; subclasses add their titles, labels and legends, then redraw."""
        translate_toolbar(self.toolbar, self._toolbar_texts)

    def apply_palette(self) -> None:
        """Figure and axes colours from the widget's palette, then the subclass's own colours."""
        self.colours = style_figure(self.figure, self.palette())
        self.restyle()
        self.canvas.draw_idle()

    def restyle(self) -> None:
        """Colours of the subclass's own artists (lines, marks, notes) from ``self.colours``."""

    def style_legend(self, legend) -> None:
        if self.colours:
            style_legend(legend, self.colours)
