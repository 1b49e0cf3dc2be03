"""Drive one training through the real main window, offscreen, for the GUI benchmarks.

``run_in_window`` builds the window exactly as the app does, fills the data
field and the form, clicks Train and spins the Qt event loop until the run
ends. With ``heartbeat`` it also runs a 10 ms QTimer in the GUI thread and
records the gap between every two ticks: a stalled GUI thread shows up as a
long gap.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run_in_window(data: str, config, heartbeat: bool = False, cold: bool = False) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.settings import StudioSettings

    app = QApplication.instance() or QApplication([])
    settings_file = os.path.join(tempfile.mkdtemp(), "settings.ini")
    window = MainWindow(StudioSettings.in_file(settings_file))
    window.dialogs.auto_answer = True
    window.data_panel.set_source(data)
    window.form.set_config(config)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    if not cold:
        # As a user would: Train once the window is ready, that is once the
        # data panel has read the data and TensorFlow has been imported in
        # the background (``--cold`` clicks at once instead).
        deadline = time.perf_counter() + 120
        while time.perf_counter() < deadline and not (
            window.data_panel.corpus() is not None and "core.training.trainer" in sys.modules and not window.controller.link.is_preloading()
        ):
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.02)

    gaps: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setInterval(10)
    last = [0]

    stalls: list[tuple[float, float, str]] = []  # (seconds into the run, gap ms, status bar text)

    def tick() -> None:
        now = clock.nsecsElapsed()
        gap = (now - last[0]) / 1e6
        gaps.append(gap)
        if gap > 50:
            stalls.append((now / 1e9, gap, window.statusBar().currentMessage()))
        last[0] = now

    if heartbeat:
        timer.timeout.connect(tick)

    loop = QEventLoop()
    window.task_ended.connect(lambda task: loop.quit())
    start = time.perf_counter()
    clock.start()
    if heartbeat:
        timer.start()
    if not window.start_training():
        raise RuntimeError(f"training did not start: {window.dialogs.last_error}")
    loop.exec()
    seconds = time.perf_counter() - start
    timer.stop()
    model = window.model
    if model is None or window.dialogs.last_error:
        raise RuntimeError(f"training failed: {window.dialogs.last_error}")
    result = {
        "run_seconds": seconds,
        "fit_seconds": model.training["seconds"],
        "epoch_seconds": model.history["seconds"],
        "test_accuracy": (model.test_metrics or {}).get("accuracy"),
        "gaps_ms": gaps,
        "stalls": stalls,
    }
    window.close()
    app.processEvents()
    return result
