"""Where the slow work runs: TensorFlow's import before the window takes input, end-of-run work on the worker.

These check mechanisms only; how long anything takes is for
``benchmarks/responsiveness.py --from-launch`` to measure.
"""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication

from gui.app import open_main_window
from gui.main_window import MainWindow
from gui.settings import StudioSettings


def test_the_window_takes_input_only_once_tensorflow_is_imported_on_the_worker(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("IMDB_DATA", raising=False)
    seen: dict = {}

    def splash_painted() -> None:
        seen["splash"] = True

    def window_painted() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen["loaded at first paint"] = window.controller.engine_loaded

    window = open_main_window(StudioSettings.in_file(str(tmp_path / "settings.ini")), runs_folder=str(tmp_path / "runs"),
                              on_first_paint=window_painted, on_splash_paint=splash_painted)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "loaded at first paint" in seen, timeout=10_000)
    assert seen["splash"] is True  # the splash painted first
    assert seen["loaded at first paint"] is True  # the window painted (took input) only once TensorFlow was in
    importer = window.controller.link.preload_thread
    assert importer is not None and importer != threading.main_thread().ident  # imported on the worker, not the GUI thread
    window.close()
