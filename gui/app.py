"""Starting the desktop app: the QApplication, its names for QSettings, and the command line.

``python main.py [--open MODEL.keras] [--review TEXT] [--tab TAB] [--lang CODE]
[--theme THEME]`` lands in :func:`run_app`. The language is ``--lang``, else
``IMDB_STUDIO_LANG``, else the one chosen in View > Language, else the
system's; the theme is ``--theme``, else ``IMDB_STUDIO_THEME``, else the
platform's. With ``IMDB_STUDIO_FIRST_PAINT=1`` in the environment the
app prints ``first-paint <time.monotonic()> tensorflow=<loaded?>`` when its
splash paints, ``input-ready ...`` when the main window paints (it takes
input from then), and quits; ``benchmarks/startup.py`` uses that.

Before the QApplication starts, :func:`gui.platform_check.platform_problem`
asks whether Qt can open a window here; if not, the app says why (no
display, or the missing libraries and the ``apt install`` line) and exits
with 1, where Qt would abort with a core dump.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui.i18n import LANGUAGES, installed_chart_fonts, missing_font_warning, set_language
from gui.platform_check import platform_problem
from gui.settings import APPLICATION, ORGANIZATION, StudioSettings
from gui.theme import THEME_ENV, THEMES, apply_theme

FIRST_PAINT_ENV = "IMDB_STUDIO_FIRST_PAINT"
TABS = ("training", "evaluation", "runs", "batch", "tune")
LANGUAGE_ENV = "IMDB_STUDIO_LANG"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="imdb-sentiment-studio",
        description="IMDB Sentiment Studio: train, watch, save, open and use a sentiment model.",
        epilog="Commands train, evaluate and classify run the command line instead (main.py train --help).",
    )
    parser.add_argument("--open", metavar="MODEL.keras", help="open this model at start")
    parser.add_argument("--review", metavar="TEXT", help="put this review in the classify box (classified once a model is ready)")
    parser.add_argument("--tab", choices=TABS, help="show this tab of the right-hand side at start")
    parser.add_argument("--lang", choices=tuple(LANGUAGES), help=f"language for this session (default: ${LANGUAGE_ENV}, View > Language, or the system's)")
    parser.add_argument("--theme", choices=THEMES, help=f"light or dark palette (default: ${THEME_ENV}, or the platform's)")
    return parser


#: Seconds a thread may keep the GIL while another waits for it (Python's default is 5 ms).
GIL_SWITCH_S = 0.001


def make_application(argv: list[str]) -> QApplication:
    """The QApplication, named so that QSettings finds the app's settings.

    The GUI thread takes the GIL back for every Python call from Qt (an
    event, a paint, a slot), each time waiting up to the switch interval
    while the worker or a reading thread runs Python: a shorter interval
    shortens those waits.
    """
    sys.setswitchinterval(GIL_SWITCH_S)
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app


def _report_paint(what: str) -> None:
    """``benchmarks/startup.py`` reads this line: what painted, when, and whether TensorFlow was loaded."""
    print(f"{what} {time.monotonic():.6f} tensorflow={'yes' if 'tensorflow' in sys.modules else 'no'}", flush=True)


def run_app(argv: list[str]) -> int:
    """Open the main window; returns the exit code (1, with a message, where Qt could not open one)."""
    if QApplication.instance() is None:
        problem = platform_problem(argv)
        if problem is not None:  # Qt would abort with a core dump
            sys.stderr.write(f"error: {problem}\nThe command line needs no display: python main.py --help\n")
            return 1
    app = make_application(argv)
    args = build_parser().parse_args(app.arguments()[1:])  # Qt has taken its own options

    apply_theme(app, args.theme or os.environ.get(THEME_ENV))
    settings = StudioSettings()
    session_language = args.lang or os.environ.get(LANGUAGE_ENV, "")
    set_language(session_language if session_language in LANGUAGES else settings.language())
    on_splash_paint = on_first_paint = None
    if os.environ.get(FIRST_PAINT_ENV):
        def on_splash_paint() -> None:
            _report_paint("first-paint")

        def on_first_paint() -> None:
            _report_paint("input-ready")
            QTimer.singleShot(0, app.quit)

    window = open_main_window(settings, on_first_paint=on_first_paint, on_splash_paint=on_splash_paint)
    if session_language in LANGUAGES:
        window.menus.check_language(session_language)
    warning = missing_font_warning()
    if warning:
        window.statusBar().showMessage(warning, 15_000)
    if args.review:
        window.classify_panel.text_edit.setPlainText(args.review)
        # Once a model is ready and the window idle (Classify enabled), classify it.
        window.task_ended.connect(lambda _task: window.classify_panel.classify() if window.model is not None else None)
    if args.tab:
        window.tabs.setCurrentIndex(TABS.index(args.tab))
    if args.open:
        QTimer.singleShot(0, lambda: window.open_model(args.open))
    return app.exec()


def open_main_window(settings: StudioSettings, runs_folder: str | None = None, show: bool = True, on_first_paint=None,
                     splash: bool = True, on_splash_paint=None):
    """Build the main window and, with ``show``, show it once TensorFlow is loaded.

    With ``splash`` (and ``show``) a splash paints at once (``on_splash_paint``
    is called then), TensorFlow is imported on the window's worker thread
    meanwhile (:meth:`gui.controller.TaskController.preload`), and the window
    shows, taking input, only once it is loaded: the import's freezes (the
    GIL held while its C extensions load) fall before the first click.
    ``on_first_paint`` is called at the window's first paint.
    """
    from gui.splash import StartupSplash

    card = None
    if show and splash:
        card = StartupSplash()
        if on_splash_paint is not None:
            card.painted.connect(on_splash_paint)
        card.show()
        card.repaint()
        QApplication.processEvents()

    from gui.main_window import MainWindow  # after the QApplication: widgets need it

    window = MainWindow(settings, runs_folder=runs_folder)
    if on_first_paint is not None:
        window.first_painted.connect(on_first_paint)
    if card is not None:
        controller = window.controller
        controller.preload()
        # Matplotlib's font list may read the system's CJK fonts (~150 ms): now, not at the first switch to Chinese.
        installed_chart_fonts()
        card.wait_for(controller.engine_ready, lambda: controller.engine_loaded)
        if show:
            window.paint_ahead()
            QApplication.processEvents()  # a turn of its own: the window's first paint is not held up by it
    if show:
        window.show()
    if card is not None:
        card.finish(window)
    return window
