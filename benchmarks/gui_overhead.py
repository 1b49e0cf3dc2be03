"""Does the window slow training down? The same run through the real window and through core.

    python benchmarks/gui_overhead.py [--epochs 3] [--rounds 2] [--data PATH]

Mode ``core`` calls ``load_corpus`` and ``core.training.trainer.train`` directly;
mode ``window`` builds the real main window offscreen, clicks Train and waits
for the run to end (data, vocabulary, vectors, fit, evaluation, with the live
chart and progress bars updating). Each run is its own process; the modes
alternate. Reports the median whole-run and fit times and their ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import data_path, median, run_json, save, table  # noqa: E402


def worker(mode: str, data: str, epochs: int) -> dict:
    from core.models.config import TrainingConfig

    config = TrainingConfig(epochs=epochs)
    if mode == "window":
        from window_runner import run_in_window

        result = run_in_window(data, config)
        result.pop("gaps_ms")
        result.pop("stalls")
        return result
    from core.data.loading import load_corpus
    from core.training.trainer import train

    start = time.perf_counter()
    model = train(load_corpus(data), config)
    return {"run_seconds": time.perf_counter() - start, "fit_seconds": model.training["seconds"],
            "epoch_seconds": model.history["seconds"], "test_accuracy": model.test_metrics["accuracy"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = data_path(args.data)
    if args.worker:
        print(json.dumps({"mode": args.worker, **worker(args.worker, data, args.epochs)}))
        return

    runs = []
    for round_ in range(args.rounds):
        for mode in ("core", "window"):
            run = run_json([__file__, "--worker", mode, "--data", data, "--epochs", str(args.epochs)])
            runs.append(run)
            print(f"round {round_ + 1} {mode:>6}: run {run['run_seconds']:.1f} s, fit {run['fit_seconds']:.1f} s, "
                  f"median epoch {median(run['epoch_seconds']):.2f} s", flush=True)
    rows = []
    for mode in ("core", "window"):
        mine = [r for r in runs if r["mode"] == mode]
        rows.append({"mode": mode, "run_s": median([r["run_seconds"] for r in mine]), "fit_s": median([r["fit_seconds"] for r in mine]),
                     "epoch_s": median([s for r in mine for s in r["epoch_seconds"]])})
    for row in rows:
        for key in ("run_s", "fit_s", "epoch_s"):
            row[key + "_ratio"] = row[key] / rows[0][key]
    print()
    print(table(rows, [("mode", "mode", ""), ("run_s", "whole run s", ".1f"), ("run_s_ratio", "x core", ".3f"),
                       ("fit_s", "fit s", ".1f"), ("fit_s_ratio", "x core", ".3f"),
                       ("epoch_s", "median epoch s", ".2f"), ("epoch_s_ratio", "x core", ".3f")]))
    print(f"\nresults in {save('gui_overhead', {'rows': rows, 'runs': runs, 'epochs': args.epochs})}")


if __name__ == "__main__":
    main()
