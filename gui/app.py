"""Starting the desktop app: the QApplication, its names for QSettings, and the command line.

``python main.py [--open MODEL.keras] [--review TEXT] [--tab TAB] [--lang CODE]
[--theme THEME]`` lands in :func:`run_app`. The language is ``--lang``, else
``IMDB_STUDIO_LANG``, else the one chosen in View > Language, else the
system's; the theme is ``--theme``, else ``IMDB_STUDIO_THEME``, else the
platform's. With ``IMDB_STUDIO_FIRST_PAINT=1`` in the environment the
app prints ``first-paint <time.monotonic()> tensorflow=<loaded?>`` at its
first paint and quits; ``benchmarks/startup.py`` uses that.

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

from gui.i18n import LANGUAGES, missing_font_warning, set_language
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


def make_application(argv: list[str]) -> QApplication:
    """The QApplication, named so that QSettings finds the app's settings."""
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app


def run_app(argv: list[str]) -> int:
    """Open the main window; returns the exit code (1, with a message, where Qt could not open one)."""
    if QApplication.instance() is None:
        problem = platform_problem(argv)
        if problem is not None:  # Qt would abort with a core dump
            sys.stderr.write(f"error: {problem}\nThe command line needs no display: python main.py --help\n")
            return 1
    app = make_application(argv)
    args = build_parser().parse_args(app.arguments()[1:])  # Qt has taken its own options

    from gui.main_window import MainWindow  # after the QApplication: widgets need it

    apply_theme(app, args.theme or os.environ.get(THEME_ENV))
    settings = StudioSettings()
    session_language = args.lang or os.environ.get(LANGUAGE_ENV, "")
    set_language(session_language if session_language in LANGUAGES else settings.language())
    window = MainWindow(settings)
    if session_language in LANGUAGES:
        window.menus.check_language(session_language)
    warning = missing_font_warning()
    if warning:
        window.statusBar().showMessage(warning, 15_000)
    if os.environ.get(FIRST_PAINT_ENV):
        def report_first_paint() -> None:
            stamp = time.monotonic()
            loaded = "tensorflow" in sys.modules
            print(f"first-paint {stamp:.6f} tensorflow={'yes' if loaded else 'no'}", flush=True)
            QTimer.singleShot(0, app.quit)

        window.first_painted.connect(report_first_paint)
    if args.review:
        window.classify_panel.text_edit.setPlainText(args.review)
        # Once a model is ready and the window idle (Classify enabled), classify it.
        window.task_ended.connect(lambda _task: window.classify_panel.classify() if window.model is not None else None)
    if args.tab:
        window.tabs.setCurrentIndex(TABS.index(args.tab))
    window.show()
    if args.open:
        QTimer.singleShot(0, lambda: window.open_model(args.open))
    return app.exec()
