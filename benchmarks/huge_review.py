"""Does a 10 MB review freeze the window? A 10 ms heartbeat in the GUI thread while it is classified and explained.

    python benchmarks/huge_review.py [--megabytes 10] [--max-length 250] [--runs 3]

A small model (the tutorial's shape at ``--max-length`` tokens, embeddings
and units of 16) is trained on the small corpus of ``tests/data`` and
opened in the real main window, offscreen, with a temporary settings file
and runs folder. The review is the small corpus's reviews repeated, one
per line, up to ``--megabytes``. It is put in the classify box first (Qt's
own ``setPlainText`` and layout of it are timed and reported apart: they
happen on a paste, before any classification), then, with a QTimer ticking
every 10 ms in the GUI thread:

- **Classify**: Classify is clicked with live classification off, until
  the verdict and the explanation are shown;
- **live**: with "Classify as I type" on, one character is typed at the end
  of the review, until the live verdict and explanation are shown.

Every gap between two ticks is recorded: a gap much longer than 10 ms is a
stall a user would feel. Reports the longest gap and the time to the
explanation, per scenario, over ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, save, table  # noqa: E402

SMALL = ROOT / "tests" / "data" / "small_reviews"


def small_model(max_length: int, folder: str) -> Path:
    """A model trained for real on the small corpus, saved in ``folder``."""
    from core.data.loading import load_corpus
    from core.models.config import TrainingConfig
    from core.training.trainer import train

    config = TrainingConfig(vocab_size=400, max_length=max_length, embedding_dim=16, units=16, epochs=3, batch_size=8)
    path = Path(folder) / "small.keras"
    train(load_corpus(SMALL), config).save(path)
    return path


def huge_review(megabytes: float) -> str:
    """The small corpus's reviews, one per line, repeated up to ``megabytes`` (10^6 characters each)."""
    reviews = [path.read_text(encoding="utf-8").replace("\n", " ") for path in sorted(SMALL.glob("*/*/*.txt"))]
    lines, size, index = [], 0, 0
    while size < megabytes * 1_000_000:
        line = reviews[index % len(reviews)]
        lines.append(line)
        size += len(line) + 1
        index += 1
    return "\n".join(lines)


class Heartbeat:
    """A 10 ms QTimer in the GUI thread; records the gap between every two ticks."""

    def __init__(self):
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self.last = 0

    def start(self) -> None:
        self.gaps = []
        self.clock.start()
        self.last = 0
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        self._tick()  # the time since the last tick counts too
        return self.gaps

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        self.gaps.append((now - self.last) / 1e6)
        self.last = now


def wait_for(app, condition, timeout: float = 300) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError("timed out")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


def settle(app, seconds: float = 0.3) -> None:
    """Let the event loop run (layout, paints) for a while."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def measure(app, panel, heartbeat: Heartbeat, action) -> dict:
    """Run ``action`` under the heartbeat until the panel shows a new explanation."""
    shown: list = []
    panel.explained.connect(shown.append)
    start = time.perf_counter()
    heartbeat.start()
    action()
    wait_for(app, lambda: bool(shown))
    seconds = time.perf_counter() - start
    settle(app, 0.2)  # the explanation's paint
    gaps = heartbeat.stop()
    panel.explained.disconnect(shown.append)
    explanation = shown[0]
    return {"max_gap_ms": max(gaps), "seconds": seconds, "words": len(explanation.words), "grey_runs": len(panel.explanation_view.unseen_runs()),
            "shown_chars": len(panel.explanation_view.toPlainText())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=10)
    parser.add_argument("--max-length", type=int, default=250)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.settings import StudioSettings

    app = QApplication.instance() or QApplication([])
    folder = tempfile.mkdtemp()
    model_path = small_model(args.max_length, folder)
    window = MainWindow(StudioSettings.in_file(os.path.join(folder, "settings.ini")), runs_folder=os.path.join(folder, "runs"))
    window.auto_answer = True
    window.resize(1280, 800)
    window.show()
    settle(app)
    window.open_model(model_path)
    wait_for(app, lambda: window.model is not None and not window.is_busy())
    panel = window.classify_panel
    review = huge_review(args.megabytes)
    heartbeat = Heartbeat()

    rows, pastes = [], []
    for run in range(args.runs):
        panel.live_check.setChecked(False)
        panel.text_edit.clear()
        settle(app)
        start = time.perf_counter()
        panel.text_edit.setPlainText(review)
        set_seconds = time.perf_counter() - start
        settle(app, 0.0)
        pastes.append({"set_ms": set_seconds * 1000, "layout_ms": (time.perf_counter() - start - set_seconds) * 1000})
        settle(app)
        rows.append({"run": run + 1, "scenario": "Classify", **measure(app, panel, heartbeat, panel.classify_button.click)})
        panel.live_check.setChecked(True)
        settle(app)

        def type_one_character() -> None:
            panel.text_edit.moveCursor(panel.text_edit.textCursor().MoveOperation.End)
            panel.text_edit.insertPlainText("!")

        rows.append({"run": run + 1, "scenario": "live", **measure(app, panel, heartbeat, type_one_character)})

    columns = [("run", "run", "d"), ("scenario", "scenario", "s"), ("max_gap_ms", "longest GUI gap ms", ".0f"),
               ("seconds", "to explanation s", ".2f"), ("words", "words listed", "d"), ("grey_runs", "grey runs", "d"),
               ("shown_chars", "characters shown", "d")]
    print(f"review: {len(review):,} characters, {review.count(chr(10)) + 1:,} lines; model max_length {args.max_length}")
    print(table(rows, columns))
    worst = max(row["max_gap_ms"] for row in rows)
    print(f"\nlongest GUI-thread gap over every run: {worst:.0f} ms")
    print("putting the review in the box (Qt's setPlainText, then its layout; before the heartbeat): "
          + ", ".join(f"{p['set_ms']:.0f} + {p['layout_ms']:.0f} ms" for p in pastes))
    window.close()
    app.processEvents()
    path = save("huge_review", {"characters": len(review), "max_length": args.max_length, "rows": rows, "pastes": pastes, "max_gap_ms": worst})
    print(f"results in {path}")


if __name__ == "__main__":
    main()
