"""Does the window stay fluid while it trains? A 10 ms heartbeat in the GUI thread, through a full-data run.

    python benchmarks/responsiveness.py [--epochs 3] [--data PATH]

A QTimer fires every 10 ms in the GUI thread for the whole run (reading the
data, the vocabulary, the vectors, every epoch with its chart update, the
test evaluation). Every gap between two ticks is recorded; a gap much
longer than 10 ms is a stall a user would feel. Reports the max and the
99th percentile of the gaps, and their excess over the 10 ms interval.

The first gap holds the Train click itself (reading the form, clearing the
chart and drawing it): it is reported on its own, as the click's response
time, and left out of the max and p99, which are about the run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import data_path, save, table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="click Train at once, before the data is read and TensorFlow imported")
    args = parser.parse_args()

    import numpy as np
    from window_runner import run_in_window

    from core.models.config import TrainingConfig

    result = run_in_window(data_path(args.data), TrainingConfig(epochs=args.epochs), heartbeat=True, cold=args.cold)
    click_ms = result["gaps_ms"][0]  # from the click to the first tick after it
    gaps = np.array(result["gaps_ms"][1:])
    worst = np.sort(gaps)[-10:][::-1]
    rows = [{"ticks": len(gaps), "max_ms": gaps.max(), "p99_ms": np.percentile(gaps, 99), "p50_ms": np.median(gaps),
             "run_s": result["run_seconds"]}]
    print(table(rows, [("ticks", "ticks", "d"), ("max_ms", "max gap ms", ".1f"), ("p99_ms", "p99 gap ms", ".1f"),
                       ("p50_ms", "median gap ms", ".1f"), ("run_s", "run s", ".0f")]))
    print(f"\nthe Train click: {click_ms:.0f} ms until the window answered again")
    print(f"longest gaps (ms): {', '.join(f'{g:.0f}' for g in worst)}")
    print("gaps over 50 ms, with what the status bar said:")
    for at, gap, status in result["stalls"]:
        print(f"  {at:7.1f} s  {gap:6.0f} ms  {status}")
    print(f"results in {save('responsiveness', {**rows[0], 'click_ms': click_ms, 'worst_ms': worst.tolist(), 'stalls': result['stalls'], 'epochs': args.epochs, 'cold': args.cold})}")


if __name__ == "__main__":
    main()
