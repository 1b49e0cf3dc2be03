"""Start-up: process start to the first paint (the splash), and to the window taking input, beside a bare ``import keras``.

All are measured in one run, alternating, as fresh subprocesses. The app
is started with ``IMDB_STUDIO_FIRST_PAINT=1``: when its splash paints it
prints ``first-paint <time.monotonic()> tensorflow=<yes|no>``, when the main
window paints (it takes input from then, TensorFlow loaded) ``input-ready
...``, and quits; the monotonic clock is system-wide, so the parent
subtracts its own reading taken just before starting the process. The
splash must paint before TensorFlow is imported; the script fails if it did
not.

    .venv/bin/python benchmarks/startup.py [--runs 5] [--platform offscreen|xcb]

Prints a table of medians and writes benchmarks/results/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "startup.json"


def first_paint_ms(qt_platform: str, config_home: str) -> tuple[float, float]:
    """Milliseconds from process start to the first paint, and to the window taking input."""
    env = dict(os.environ, IMDB_STUDIO_FIRST_PAINT="1", QT_QPA_PLATFORM=qt_platform, XDG_CONFIG_HOME=config_home)
    start = time.monotonic()
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    stamps = {}
    for line in result.stdout.splitlines():
        what, _, rest = line.partition(" ")
        if what in ("first-paint", "input-ready") and what not in stamps:
            stamps[what] = rest.split()
    if result.returncode != 0 or "first-paint" not in stamps:
        raise SystemExit(f"the app did not report its first paint (exit {result.returncode}):\n{result.stderr[-2000:]}")
    stamp, tensorflow = stamps["first-paint"]
    if tensorflow != "tensorflow=no":
        raise SystemExit("TensorFlow was imported before the first paint")
    ready = stamps.get("input-ready", stamps["first-paint"])[0]
    return (float(stamp) - start) * 1000, (float(ready) - start) * 1000


def import_keras_ms() -> float:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", "import keras"], cwd=tempfile.gettempdir(), env=env, check=True, capture_output=True, timeout=120)
    return (time.monotonic() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measurements of each (alternating)")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for the app (offscreen, or xcb under a display)")
    args = parser.parse_args()

    paint, ready, keras = [], [], []
    with tempfile.TemporaryDirectory() as config_home:  # never touch the user's settings
        first_paint_ms(args.platform, config_home)  # warm the file cache once, not counted
        for _ in range(args.runs):
            painted, took_input = first_paint_ms(args.platform, config_home)
            paint.append(painted)
            ready.append(took_input)
            keras.append(import_keras_ms())

    paint_median, keras_median = statistics.median(paint), statistics.median(keras)
    ratio = paint_median / keras_median
    print(f"{'measure':<38}{'median ms':>10}{'min ms':>10}{'max ms':>10}")
    print(f"{'process start to first paint (splash)':<38}{paint_median:>10.0f}{min(paint):>10.0f}{max(paint):>10.0f}")
    ready_median = statistics.median(ready)
    print(f"{'process start to window taking input':<38}{ready_median:>10.0f}{min(ready):>10.0f}{max(ready):>10.0f}")
    label = 'python -c "import keras"'
    print(f"{label:<38}{keras_median:>10.0f}{min(keras):>10.0f}{max(keras):>10.0f}")
    print(f"first paint / import keras = {ratio:.2f} (TensorFlow not loaded at first paint)")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "runs": args.runs,
                "qt_platform": args.platform,
                "first_paint_ms": paint,
                "input_ready_ms": ready,
                "input_ready_median_ms": ready_median,
                "load_average": os.getloadavg(),
                "import_keras_ms": keras,
                "first_paint_median_ms": paint_median,
                "import_keras_median_ms": keras_median,
                "ratio": ratio,
                "tensorflow_loaded_at_first_paint": False,
                "python": sys.version.split()[0],
                "machine": platform.platform(),
                "cpus": os.cpu_count(),
                "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
            },
            indent=2,
        )
    )
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
