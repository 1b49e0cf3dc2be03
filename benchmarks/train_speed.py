"""Training speed: the tutorial's plain Keras script against our trainer, on the same data.

The reference is the tutorial's code, inlined below: ``Sequential(Embedding,
LSTM, Dense)``, ``model.fit(..., epochs=10, batch_size=128,
validation_split=0.2)``, then ``model.evaluate`` on the test set. Ours is
``core.training.trainer.fit`` with a config (the defaults, or a preset such as
"Fast"), called the way the app calls it. Both read the same pre-vectorised
reviews. Runs alternate (tutorial, ours, tutorial, ours, ...), each in its
own process so that peak RSS is its own.

    python benchmarks/train_speed.py                      # tutorial vs default, 10 epochs, 2 rounds
    python benchmarks/train_speed.py --modes tutorial default fast --rounds 1
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RESULTS, data_path, median, peak_rss_mb, run_json, save, table  # noqa: E402

#: Our modes and the preset each trains with.
MODES = {"default": "Tutorial LSTM", "fast": "Fast"}  # one network each; the ensembles are measured by model_zoo.py


def vectorised(data: str, vocab_size: int, max_length: int):
    """The reviews as int arrays, cached beside the results (vocabulary from the training texts)."""
    import numpy as np

    cache = RESULTS / f"vectors_{vocab_size}_{max_length}.npz"
    if not cache.exists():
        from core.data.loading import load_corpus
        from core.text.vectorizer import TextToSequence, build_vocabulary, vectorize

        corpus = load_corpus(data)
        layer = TextToSequence(build_vocabulary(corpus.train_texts, vocab_size), max_length)
        RESULTS.mkdir(parents=True, exist_ok=True)
        np.savez(cache, x_train=vectorize(layer, corpus.train_texts), y_train=corpus.train_labels,
                 x_test=vectorize(layer, corpus.test_texts), y_test=corpus.test_labels)
    arrays = np.load(cache)
    return arrays["x_train"], arrays["y_train"], arrays["x_test"], arrays["y_test"]


def run_tutorial(data: str, epochs: int, seed: int) -> dict:
    import keras

    x_train, y_train, x_test, y_test = vectorised(data, 10_000, 250)
    keras.utils.set_random_seed(seed)
    times: list[float] = []
    timer = keras.callbacks.LambdaCallback(
        on_epoch_begin=lambda epoch, logs: times.append(time.perf_counter()),
        on_epoch_end=lambda epoch, logs: times.__setitem__(-1, time.perf_counter() - times[-1]),
    )
    # --- the tutorial ---
    model = keras.Sequential([
        keras.layers.Embedding(10000, 32),
        keras.layers.LSTM(32),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    start = time.perf_counter()
    model.fit(x_train, y_train, epochs=epochs, batch_size=128, validation_split=0.2, verbose=2, callbacks=[timer])
    fit_seconds = time.perf_counter() - start
    _, accuracy = model.evaluate(x_test, y_test, verbose=0)
    # --- end of the tutorial ---
    return {"epoch_seconds": times, "fit_seconds": fit_seconds, "test_accuracy": float(accuracy), "epochs_run": len(times)}


def run_ours(data: str, preset_name: str, epochs: int | None, seed: int) -> dict:
    import keras

    from core.insight.metrics import classification_metrics
    from core.models.builder import build_model
    from core.models.config import preset
    from core.models.prediction import predict_probabilities
    from core.progress import ProgressHooks
    from core.training.trainer import fit

    config = preset(preset_name)
    if epochs is not None:
        config = config.replace(epochs=epochs)
    config = config.replace(seed=seed)
    x_train, y_train, x_test, y_test = vectorised(data, config.vocab_size, config.max_length)
    keras.utils.set_random_seed(config.seed)
    model = build_model(config)
    # The app's hooks: per-batch progress throttled to 20 a second, and every epoch.
    hooks = ProgressHooks(batch_end=lambda *a: None, epoch_end=lambda *a: None, batch_interval=0.05)
    result = fit(model, x_train, y_train, config, hooks)
    accuracy = classification_metrics(y_test, predict_probabilities(model, x_test))["accuracy"]
    return {"epoch_seconds": result.epoch_seconds, "fit_seconds": result.seconds, "test_accuracy": accuracy,
            "epochs_run": len(result.epoch_seconds), "best_epoch": result.best_epoch, "config": config.to_dict()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--modes", nargs="+", default=["tutorial", "default"], choices=["tutorial", *MODES])
    parser.add_argument("--rounds", type=int, default=2, help="how many times each mode runs (alternating)")
    parser.add_argument("--epochs", type=int, help="override the epochs (default: 10, or the preset's)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = data_path(args.data)

    if args.worker:
        if args.worker == "tutorial":
            result = run_tutorial(data, args.epochs or 10, args.seed)
        else:
            result = run_ours(data, MODES[args.worker], args.epochs, args.seed)
        result.update(mode=args.worker, peak_rss_mb=peak_rss_mb())
        print(json.dumps(result))
        return

    vectorised(data, 10_000, 250)  # build the shared cache once, outside the timed runs
    runs: list[dict] = []
    for round_ in range(args.rounds):
        for mode in args.modes:
            command = [__file__, "--worker", mode, "--data", data, "--seed", str(args.seed + round_)]
            if args.epochs:
                command += ["--epochs", str(args.epochs)]
            run = run_json(command)
            runs.append(run)
            print(f"round {round_ + 1} {mode:>8}: median epoch {median(run['epoch_seconds']):.2f} s, "
                  f"fit {run['fit_seconds']:.1f} s, test accuracy {run['test_accuracy']:.4f}, "
                  f"peak RSS {run['peak_rss_mb']:.0f} MB", flush=True)

    rows = []
    for mode in args.modes:
        mine = [r for r in runs if r["mode"] == mode]
        rows.append({
            "mode": mode,
            "epoch_s": median([s for r in mine for s in r["epoch_seconds"]]),
            # The machine is noisy in bursts (epochs take either ~1x or ~2x); the
            # quickest steady epoch (the first compiles) shows the undisturbed speed.
            "fastest_s": min(s for r in mine for s in r["epoch_seconds"][1:] or r["epoch_seconds"]),
            "fit_s": median([r["fit_seconds"] for r in mine]),
            "epochs": median([r["epochs_run"] for r in mine]),
            "accuracy": median([r["test_accuracy"] for r in mine]),
            "rss_mb": median([r["peak_rss_mb"] for r in mine]),
        })
    reference = rows[0]
    for row in rows:
        row["epoch_ratio"] = row["epoch_s"] / reference["epoch_s"]
        row["fastest_ratio"] = row["fastest_s"] / reference["fastest_s"]
        row["fit_ratio"] = row["fit_s"] / reference["fit_s"]
        row["rss_ratio"] = row["rss_mb"] / reference["rss_mb"]
        row["accuracy_delta"] = row["accuracy"] - reference["accuracy"]
    print()
    print(table(rows, [("mode", "mode", ""), ("epoch_s", "median epoch s", ".2f"), ("epoch_ratio", "x ref", ".2f"),
                       ("fastest_s", "fastest epoch s", ".2f"), ("fastest_ratio", "x ref", ".2f"), ("fit_s", "fit s", ".1f"), ("fit_ratio", "x ref", ".2f"), ("epochs", "epochs", ".0f"),
                       ("accuracy", "test acc", ".4f"), ("accuracy_delta", "vs ref", "+.4f"),
                       ("rss_mb", "peak RSS MB", ".0f"), ("rss_ratio", "x ref", ".2f")]))
    print(f"\nreference: {reference['mode']}; results in {save('train_speed', {'rows': rows, 'runs': runs})}")


if __name__ == "__main__":
    main()
