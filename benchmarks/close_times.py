"""How long closing the window takes in each phase of a full-data training.

    python benchmarks/close_times.py [--data PATH]

For each phase (reading the data, building the vocabulary, vectorising,
training, evaluating) a fresh window starts a one-epoch training on the full
data and is closed as soon as the phase shows. Reports the time from the
close request to the window being closed and its worker thread ended. The
tests check that closing ends the worker in every phase, on the small corpus,
without timing it (a shared machine would make that a test of the machine);
this gives the figures on the real data.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import data_path, save, table  # noqa: E402

PHASES = ("loading data", "building vocabulary", "vectorising", "training", "evaluating")


def close_in(phase: str, data: str) -> dict:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from core.models.config import TrainingConfig
    from gui.main_window import MainWindow
    from gui.settings import StudioSettings

    app = QApplication.instance() or QApplication([])
    window = MainWindow(StudioSettings.in_file(os.path.join(tempfile.mkdtemp(), "settings.ini")), runs_folder=tempfile.mkdtemp())
    window.dialogs.auto_answer = True
    window.data_panel.set_source(data)
    window.form.set_config(TrainingConfig(epochs=1))
    window.show()
    seen: list[str] = []
    window.phase_shown.connect(seen.append)
    window.start_training()
    deadline = time.perf_counter() + 300
    while phase not in seen and window.is_busy() and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    reached = phase in seen
    start = time.perf_counter()
    closed_at_once = window.close()
    while window.controller.link.worker_thread.is_running() or window.isVisible():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        if not window.isVisible() and not window.controller.link.worker_thread.is_running():
            break
    seconds = time.perf_counter() - start
    window.deleteLater()
    app.processEvents()
    return {"phase": phase, "reached": reached, "closed_at_once": closed_at_once, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = str(data_path(args.data))
    rows = [close_in(phase, data) for phase in PHASES]
    print(table(rows, [("phase", "phase", ""), ("reached", "phase reached", ""), ("closed_at_once", "closed within 3 s", ""), ("seconds", "close to thread end s", ".2f")]))
    print(f"\nresults in {save('close_times', {'rows': rows})}")


if __name__ == "__main__":
    main()
