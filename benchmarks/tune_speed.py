"""How good and how fast a hyperparameter search is, with 1 worker and with 2 worker processes.

    python benchmarks/tune_speed.py                 # the full data: both searches, 1 and 2 workers
    python benchmarks/tune_speed.py --data tests/data/small_reviews --trials-scale 0.1 --epochs 1   # a quick check

Two searches, each in a fresh SQLite study:

- "Bag of n-grams": 20 trials of the family's default space, around its preset;
- the tutorial LSTM: 12 trials of its own fields (embedding size, units, batch size,
  optimizer, learning rate, dropout), with the median pruner and early stopping.

For each it reports the best validation value, the test accuracy of the best
config retrained from scratch (``main.py train --config best.json``), and the
wall time of the search. With 2 workers, both are processes of this machine: on
2 cores they share the cores, so their wall time shows the cost of sharing, not
of a second machine. The tutorial default's own test accuracy is trained once
for comparison (the searched LSTM should beat it).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import data_path  # noqa: E402

SEARCHES = {
    # name: (trials, the fixed fields (flat config), extra tune flags)
    "ngram": (20, {"family": "ngram", "learning_rate": 0.05, "batch_size": 256, "epochs": 10, "early_stopping": True, "patience": 2,
                   "min_delta": 0.001}, ["--family", "ngram", "--pruner", "median"]),  # the "Bag of n-grams" preset
    # The tutorial's recipe (10 epochs) with early stopping on the validation loss.
    "lstm": (12, {"family": "recurrent", "early_stopping": True, "patience": 2}, ["--family", "recurrent", "--pruner", "median"]),
}


def main_py(*args: str, timeout: float = 6 * 3600) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        sys.exit(f"error: main.py {' '.join(args[:3])}... failed:\n{done.stderr[-2000:]}")
    return done.stdout


def test_accuracy(output: str) -> float:
    return float(re.search(r"accuracy (\d\.\d+)", output).group(1))


def search(name: str, workers: int, data: str, folder: Path, scale: float, epochs: int | None) -> dict:
    from core.models.config import TrainingConfig

    trials, fixed, extra = SEARCHES[name]
    trials = max(2, round(trials * scale))
    storage = f"sqlite:///{folder / f'{name}-{workers}.sqlite3'}"
    base = folder / f"{name}-base.json"
    base.write_text(TrainingConfig.from_dict({**fixed, **({"epochs": epochs} if epochs else {})}).to_json())
    flags = ["tune", "--study", name, "--storage", storage, "--data", data, "--trials", str(trials), "--config", str(base), *extra]
    start = time.perf_counter()
    processes = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), *flags, "--sampler-seed", str(index)], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for index in range(workers)]
    for process in processes:
        output, _ = process.communicate()
        if process.returncode != 0:
            sys.exit(f"error: a tune worker failed:\n{output[-2000:]}")
    wall = time.perf_counter() - start
    best = folder / f"{name}-{workers}-best.json"
    main_py("tune", "--study", name, "--storage", storage, "--best-config", str(best))
    import optuna

    study = optuna.load_study(storage=storage, study_name=name)
    states = [trial.state.name.lower() for trial in study.trials]
    retrained = test_accuracy(main_py("train", "--config", str(best), "--data", data, "--out", str(folder / f"{name}-{workers}.keras")))
    return {"search": name, "workers": workers, "trials": trials, "wall_seconds": round(wall, 1), "best_val": round(study.best_value, 4),
            "objective": study.user_attrs["objective"], "pruned": states.count("pruned"), "test_accuracy_retrained": retrained,
            "best_params": study.best_params}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data")
    parser.add_argument("--searches", nargs="+", choices=list(SEARCHES), default=list(SEARCHES))
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--trials-scale", type=float, default=1.0, help="a fraction of the trials, for a quick check")
    parser.add_argument("--epochs", type=int, help="override the presets' epochs, for a quick check")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    data = data_path(args.data)
    results = []
    with tempfile.TemporaryDirectory(prefix="tune-speed-") as folder:
        folder = Path(folder)
        default_flags = ["train", "--data", data, "--out", str(folder / "default.keras")] + (["--epochs", str(args.epochs)] if args.epochs else [])
        default_accuracy = test_accuracy(main_py(*default_flags))
        print(f"tutorial default (Tutorial LSTM, retrained): test accuracy {default_accuracy:.4f}", flush=True)
        for name in args.searches:
            for workers in args.workers:
                result = search(name, workers, data, folder, args.trials_scale, args.epochs)
                results.append(result)
                print(f"{name:6} {workers} worker(s): {result['trials']} trials ({result['pruned']} pruned) in {result['wall_seconds']:.0f} s; "
                      f"best {result['objective']} {result['best_val']:.4f}; retrained test accuracy {result['test_accuracy_retrained']:.4f}", flush=True)
    if args.json:
        args.json.write_text(json.dumps({"tutorial_default_test_accuracy": default_accuracy, "searches": results}, indent=2))


if __name__ == "__main__":
    main()
