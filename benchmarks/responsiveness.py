"""Does the window stay fluid while it trains? A 10 ms heartbeat in the GUI thread, through a full-data run.

    python benchmarks/responsiveness.py [--epochs 3] [--data PATH]
    python benchmarks/responsiveness.py --from-launch [--epochs 3] [--data PATH]

A QTimer fires every 10 ms in the GUI thread for the whole run (reading the
data, the vocabulary, the vectors, every epoch with its chart update, the
test evaluation). Every gap between two ticks is recorded; a gap much
longer than 10 ms is a stall a user would feel. Reports the max and the
99th percentile of the gaps, and their excess over the 10 ms interval.

The first gap holds the Train click itself (reading the form, clearing the
chart and drawing it): it is reported on its own, as the click's response
time, and left out of the max and p99, which are about the run.

``--from-launch`` measures a new user's whole path instead
(:mod:`user_path`): the app starts as ``main.py`` starts it, Train is
clicked 0.2 s after the window's first paint, then the Evaluation tab, the
threshold, an explained wrong review, Classify and "Classify as I type", an
opened model, a 1,000-line batch, the language and the theme, and the close.
The max and p99 cover every gap from the window's first paint on (the
window takes input from then); the gaps before it (start-up, a splash) are
reported apart. The five worst gaps are printed with their phase and the
Python code the watchdog found running (:mod:`heartbeat`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import data_path, save, table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="click Train at once, before the data is read and TensorFlow imported")
    parser.add_argument("--from-launch", action="store_true", help="the whole user path, from launch (see the module's docstring)")
    args = parser.parse_args()
    if args.from_launch:
        from_launch(data_path(args.data), args.epochs)
        return

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


def from_launch(data: str, epochs: int) -> None:
    import numpy as np
    from user_path import walk

    load_before = os.getloadavg()
    result = walk(data, epochs)
    load_after = os.getloadavg()
    gaps = result["gaps"]
    first_paint = result["first_paint_s"]
    after = [gap for gap in gaps if gap.at_s > first_paint]
    before = [gap for gap in gaps if gap.at_s <= first_paint]
    click = next((gap for gap in after if gap.at_s >= result["click_at_s"]), None)
    phases: dict[str, list[float]] = {}
    for gap in after:
        phases.setdefault(gap.phase, []).append(gap.ms)
    rows = [{"phase": name, "ticks": len(ms), "max_ms": max(ms), "p99_ms": float(np.percentile(ms, 99))} for name, ms in phases.items()]
    everything = np.array([gap.ms for gap in after])
    rows.append({"phase": "WHOLE PATH (from first paint)", "ticks": len(everything), "max_ms": everything.max(), "p99_ms": float(np.percentile(everything, 99))})
    print(table(rows, [("phase", "phase", ""), ("ticks", "ticks", "d"), ("max_ms", "max gap ms", ".0f"), ("p99_ms", "p99 gap ms", ".1f")]))
    worst = sorted(after, key=lambda gap: gap.ms, reverse=True)[:5]
    print("\nthe five worst gaps (from the first paint on):")
    for gap in worst:
        print(f"  {gap.ms:6.0f} ms at {gap.at_s:6.1f} s  [{gap.phase}]  ({gap.split()})  {gap.culprit()}")
    over = [f"{gap.ms:.0f} [{gap.phase} @{gap.at_s:.0f}s; {gap.split()}]" for gap in after if gap.ms > 50]
    print(f"every gap over 50 ms ({len(over)}): {', '.join(over)}")
    if all(gap.queued_ms is not None for gap in after):
        # A gap the GUI thread spent mostly waiting for a CPU is the machine's load, not the app.
        own = np.array([gap.ms - gap.queued_ms for gap in after])
        print(f"the same gaps less the time the GUI thread waited for a CPU: max {own.max():.0f} ms, p99 {np.percentile(own, 99):.1f} ms")
    start_worst = max(before, key=lambda gap: gap.ms, default=None)
    age = result["process_age_at_start_s"]
    print(f"\nprocess start to the QApplication: {age:.2f} s; then to the window's first paint: {first_paint:.2f} s"
          f" (TensorFlow {'loaded' if result['tensorflow_at_first_paint'] else 'not loaded'} at the first paint)")
    if result["splash_paint_s"] is not None:
        print(f"splash painted at {result['splash_paint_s']:.2f} s after the QApplication")
    if start_worst is not None:
        print(f"worst gap before the first paint: {start_worst.ms:.0f} ms [{start_worst.phase}] {start_worst.culprit()}")
    if click is not None:
        print(f"the Train click: {click.ms:.0f} ms from the tick before it to the next tick (the click's own call: {result['click_call_ms']:.0f} ms)")
    print(f"Classify's call: {result['classify_call_ms']:.0f} ms; close: {result['close_s']:.2f} s; peak RSS {result['peak_rss_mb']:.0f} MB;"
          f" test accuracy {result['test_accuracy']:.4f}")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min)")
    payload = {
        "from_launch": True, "epochs": epochs, "rows": rows,
        "worst": [{"ms": g.ms, "at_s": g.at_s, "phase": g.phase, "code": g.culprit(), "split": g.split()} for g in worst],
        "over_50_ms": [{"ms": g.ms, "at_s": g.at_s, "phase": g.phase, "ran_ms": g.ran_ms, "queued_ms": g.queued_ms} for g in after if g.ms > 50],
        "click_ms": click.ms if click else None, "first_paint_s": first_paint, "process_age_at_start_s": age,
        "splash_paint_s": result["splash_paint_s"], "tensorflow_at_first_paint": result["tensorflow_at_first_paint"],
        "startup_worst_ms": start_worst.ms if start_worst else None, "classify_call_ms": result["classify_call_ms"],
        "close_s": result["close_s"], "peak_rss_mb": result["peak_rss_mb"], "load_before": load_before, "load_after": load_after,
    }
    print(f"results in {save('responsiveness_from_launch', payload)}")
    sys.stdout.flush()
    os._exit(0)  # the window and its threads are closed; skip the interpreter's slow teardown of TensorFlow


if __name__ == "__main__":
    main()
