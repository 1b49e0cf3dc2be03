"""A new user's whole path through the app, from launch, driven in-process with a heartbeat running.

:func:`walk` starts the app the way ``main.py`` does (:func:`gui.app.open_main_window`),
then, as a user would:

1. clicks Train 0.2 s after the window's first paint (full data, the tutorial recipe, 3 epochs);
2. waits for the run to end;
3. shows the Evaluation tab and drags the threshold slider;
4. clicks a wrong review, which is explained in the classify panel;
5. types a review and clicks Classify, then types on with "Classify as I type" on;
6. saves the model and opens it again;
7. batch-classifies a 1,000-line file;
8. switches the language to Chinese and back, and the theme to dark and back;
9. closes the window.

Each step is a phase of the :class:`~heartbeat.Heartbeat`. Timers and the
real widgets drive it (mouse clicks with ``QTest``, keys typed one at a time
60 ms apart), inside a running Qt event loop, so the heartbeat sees what a
user would see.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPED = "the acting was wooden and the plot made no sense, a waste of two hours"
LIVE_TYPED = " but the music was lovely and I smiled at the end"


def _process_age_s() -> float:
    """Seconds since this process started (Linux /proc), else 0."""
    try:
        with open("/proc/self/stat") as stat:
            start_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as uptime:
            up = float(uptime.read().split()[0])
        return up - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


class Driver:
    """Waits inside a real Qt event loop (never sleeps the GUI thread)."""

    def __init__(self, app):
        self.app = app

    def wait_until(self, predicate, timeout_s: float, what: str) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        if predicate():
            return
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(20)
        deadline = time.perf_counter() + timeout_s
        timed_out = []

        def check() -> None:
            if predicate():
                loop.quit()
            elif time.perf_counter() > deadline:
                timed_out.append(True)
                loop.quit()

        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        poll.stop()
        if timed_out:
            raise RuntimeError(f"timed out after {timeout_s:.0f} s waiting for {what}")

    def idle(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        self.wait_until(lambda: time.perf_counter() >= end, seconds + 5, "a pause")

    def type_slowly(self, widget, text: str, every_s: float = 0.06) -> None:
        from PySide6.QtTest import QTest

        for char in text:
            QTest.keyClicks(widget, char)
            self.idle(every_s)

    def click(self, widget, pos=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        if pos is None:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def walk(data: str, epochs: int = 3, click_after_s: float = 0.2) -> dict:
    """Run the path once; returns the gaps and the figures of the launch, the click and the close."""
    process_age_at_start = _process_age_s()
    os.environ["IMDB_DATA"] = data  # the data panel starts from it, as for a new user
    home = tempfile.mkdtemp(prefix="studio-path-")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    os.environ["XDG_DATA_HOME"] = os.path.join(home, "data")

    from heartbeat import Heartbeat
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    heart = Heartbeat()
    heart.start()
    drive = Driver(app)

    from core.models.config import TrainingConfig
    from gui import app as gui_app
    from gui.settings import StudioSettings
    from gui.theme import apply_theme

    gui_app.make_application([])
    settings = StudioSettings.in_file(os.path.join(home, "settings.ini"))
    settings.set_config(TrainingConfig(epochs=epochs))
    painted: list[float] = []
    splash: list[float] = []
    window = gui_app.open_main_window(settings, runs_folder=os.path.join(home, "runs"), on_first_paint=lambda: painted.append(heart.now()),
                                      on_splash_paint=lambda: splash.append(heart.now()))
    window.dialogs.auto_answer = True
    drive.wait_until(lambda: bool(painted), 120, "the first paint")
    first_paint_s = painted[0]
    splash_paint_s = splash[0] if splash else None
    tensorflow_at_paint = "tensorflow" in sys.modules

    # 1. Train, 0.2 s after the first paint
    heart.enter("before the click")
    drive.idle(click_after_s - (heart.now() - first_paint_s))
    heart.enter("train click")
    click_at = heart.now()
    drive.click(window.train_button)
    clicked_at = heart.now()
    if not window.is_busy():
        raise RuntimeError(f"training did not start: {window.dialogs.last_error}")
    heart.enter("training")
    drive.wait_until(lambda: not window.is_busy(), 1800, "the end of the run")
    if window.model is None or window.model.test_predictions is None:
        raise RuntimeError(f"training failed: {window.dialogs.last_error}")
    heart.enter("run ended")
    drive.idle(1.0)

    # 3. the Evaluation tab and its threshold
    heart.enter("evaluation tab")
    window.tabs.setCurrentIndex(1)
    drive.idle(1.0)
    heart.enter("threshold slider")
    slider = window.evaluation_view.threshold_slider
    for value in range(500, 800, 15):
        slider.setValue(value)
        drive.idle(0.05)
    drive.idle(0.5)

    # 4. click a wrong review: it is explained
    heart.enter("explain a wrong review")
    table = window.evaluation_view.wrong_table
    explained = []
    window.classify_panel.explained.connect(explained.append)
    drive.click(table.viewport(), table.visualRect(table.model().index(0, 2)).center())
    drive.wait_until(lambda: bool(explained), 60, "the wrong review's explanation")
    drive.idle(0.5)

    # 5. a typed review, Classify; then Classify as I type
    heart.enter("type and classify")
    panel = window.classify_panel
    panel.live_check.setChecked(False)
    panel.text_edit.clear()
    drive.type_slowly(panel.text_edit, TYPED)
    classified = []
    panel.classified.connect(classified.append)
    classify_start = time.perf_counter()
    drive.click(panel.classify_button)
    classify_ms = (time.perf_counter() - classify_start) * 1000
    drive.wait_until(lambda: bool(classified), 30, "the verdict")
    drive.idle(0.5)
    heart.enter("classify as I type")
    panel.live_check.setChecked(True)
    count = len(explained)
    drive.type_slowly(panel.text_edit, LIVE_TYPED)
    drive.wait_until(lambda: len(explained) > count, 30, "the live explanation")
    drive.idle(0.5)

    # 6. save the model, open it again
    heart.enter("open a saved model")
    saved = os.path.join(home, "saved.keras")
    if not window.files.save_model_to(saved):
        raise RuntimeError(f"could not save: {window.dialogs.last_error}")
    window.open_model(saved)
    drive.wait_until(lambda: not window.is_busy(), 120, "the model to open")
    drive.idle(1.0)

    # 7. batch-classify 1,000 lines
    heart.enter("batch of 1,000 lines")
    lines = Path(home, "reviews.txt")
    texts = [" ".join(text.split()) for text in window.controller.corpus.test_texts[:1000]]
    lines.write_text("\n".join(texts) + "\n", encoding="utf-8")
    window.tabs.setCurrentIndex(3)
    ended = []
    window.batch_view.ended.connect(ended.append)
    window.batch_view.start(lines)
    drive.wait_until(lambda: bool(ended), 300, "the batch")
    drive.idle(1.0)

    # 8. language and theme
    heart.enter("language")
    window.menus.choose_language("zh_CN")
    drive.idle(1.5)
    window.menus.choose_language("en")
    drive.idle(1.5)
    heart.enter("theme")
    apply_theme(app, "dark")
    drive.idle(1.5)
    apply_theme(app, "light")
    drive.idle(1.5)

    # 9. close
    heart.enter("close")
    close_start = time.perf_counter()
    window.close()
    drive.wait_until(lambda: not window.isVisible() and not window.controller.link.worker_thread.is_running(), 60, "the close")
    close_s = time.perf_counter() - close_start
    heart.stop()
    return {
        "gaps": heart.gaps,
        "phases": heart.phase_log,
        "process_age_at_start_s": process_age_at_start,
        "first_paint_s": first_paint_s,
        "splash_paint_s": splash_paint_s,
        "tensorflow_at_first_paint": tensorflow_at_paint,
        "click_at_s": click_at,
        "click_call_ms": (clicked_at - click_at) * 1000,
        "classify_call_ms": classify_ms,
        "close_s": close_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "test_accuracy": window.model.test_metrics.get("accuracy") if window.model and window.model.test_metrics else None,
    }
