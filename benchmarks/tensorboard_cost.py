"""What TensorBoard logging costs a training epoch: the tutorial's recipe with and without it.

One process, one model, the full IMDB data: the tutorial's recipe
(``TrainingConfig()``) trained one epoch per ``core.training.trainer.fit``
call, alternating logging on and off (on/off, then off/on, ...), so the
machine's bursts fall on both alike. Each epoch is the whole ``fit`` call:
with logging that includes creating the writers, the model summary and
train-graph writes, the per-epoch scalars and closing the files, which a
10-epoch run pays once, not every epoch; so the figure is an upper bound.
A first epoch without logging (tracing) is not counted. The end-of-run
HParams summary is timed on its own. Beside the wall time, each epoch's
CPU time (all threads of the process): another program on the same cores
stretches the wall time of an epoch, not its CPU time.

On a busy machine the epochs vary by far more than 2%, so the benchmark
also times the logging itself: every call into the TensorBoard callback
(its writers' creation, the model and graph summaries, the scalars, the
closing) is added up, per logged epoch, and set against the median epoch.

    python benchmarks/tensorboard_cost.py                 # 6 pairs of epochs
    python benchmarks/tensorboard_cost.py --pairs 10
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import data_path, median, save, table  # noqa: E402
from train_speed import vectorised  # noqa: E402


def timed(callback_class):
    """``callback_class`` adding up the seconds spent in each of its Keras hooks (``Timed.seconds[hook]``).

    The first ``on_train_batch_end`` of a fit, which writes the train graph, is counted apart.
    """

    class Timed(callback_class):
        seconds: dict[str, float] = {}

    def timing(name):
        method = getattr(callback_class, name)

        def wrapper(self, *args, **kwargs):
            key = "first_train_batch_end" if name == "on_train_batch_end" and "first_train_batch_end" not in Timed.seconds else name
            start = time.perf_counter()
            try:
                return method(self, *args, **kwargs)
            finally:
                Timed.seconds[key] = Timed.seconds.get(key, 0.0) + time.perf_counter() - start

        return wrapper

    for name in ("set_model", "on_train_begin", "on_train_end", "on_epoch_begin", "on_epoch_end", "on_train_batch_begin",
                 "on_train_batch_end", "on_test_begin", "on_test_end", "on_test_batch_begin", "on_test_batch_end"):
        setattr(Timed, name, timing(name))
    return Timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--pairs", type=int, default=6, help="epochs with logging and without, alternating (default 6 of each)")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    data = data_path(args.data)

    import keras

    from core.models.builder import build_model
    from core.models.config import TrainingConfig
    from core.progress import ProgressHooks
    from core.training import trainer
    from core.training.tensorboard_logs import EpochLogs, final_metrics, write_hparams
    from core.training.trainer import fit

    trainer.EpochLogs = TimedLogs = timed(EpochLogs)  # the trainer's own callback, with a stopwatch on each hook

    config = TrainingConfig(seed=args.seed).replace(epochs=1)  # the tutorial's recipe, one epoch per fit
    x_train, y_train, _, _ = vectorised(data, config.vocab_size, config.max_length)
    keras.utils.set_random_seed(config.seed)
    model = build_model(config)
    # The app's hooks: per-batch progress throttled to 20 a second, and every epoch.
    hooks = ProgressHooks(batch_end=lambda *a: None, epoch_end=lambda *a: None, batch_interval=0.05)
    logs_root = Path(tempfile.mkdtemp(prefix="tensorboard_cost_"))

    warm_up = fit(model, x_train, y_train, config, hooks).seconds
    print(f"warm-up epoch (tracing, not counted): {warm_up:.2f} s", flush=True)
    epochs: list[dict] = []
    for pair in range(args.pairs):
        order = (True, False) if pair % 2 == 0 else (False, True)
        for logging in order:
            load_before = os.getloadavg()[0]
            log_dir = logs_root / f"epoch-{len(epochs)}" if logging else None
            TimedLogs.seconds = {}
            cpu_start = time.process_time()
            seconds = fit(model, x_train, y_train, config, hooks, log_dir=log_dir).seconds
            epochs.append({"logging": logging, "seconds": seconds, "cpu_seconds": time.process_time() - cpu_start,
                           "in_callback": sum(TimedLogs.seconds.values()),
                           "by_hook": dict(TimedLogs.seconds), "load_1min": (load_before + os.getloadavg()[0]) / 2})
            print(f"pair {pair + 1} {'with' if logging else 'without':>7} logging: {seconds:.2f} s ({epochs[-1]['cpu_seconds']:.1f} s CPU), "
                  f"{epochs[-1]['in_callback'] * 1000:.1f} ms in the callback  (load {epochs[-1]['load_1min']:.2f})", flush=True)

    start = time.perf_counter()
    write_hparams(logs_root / "hparams", config.to_dict(), final_metrics({"loss": 0.4, "accuracy": 0.85}), step=9)
    hparams_seconds = time.perf_counter() - start

    rows = []
    for logging in (False, True):
        mine = [e["seconds"] for e in epochs if e["logging"] == logging]
        cpu = [e["cpu_seconds"] for e in epochs if e["logging"] == logging]
        rows.append({"mode": "with logging" if logging else "without", "median_s": median(mine), "fastest_s": min(mine),
                     "slowest_s": max(mine), "cpu_s": median(cpu), "epochs": len(mine)})
    rows[1]["median_ratio"] = rows[1]["median_s"] / rows[0]["median_s"]
    rows[1]["cpu_ratio"] = rows[1]["cpu_s"] / rows[0]["cpu_s"]
    rows[1]["fastest_ratio"] = rows[1]["fastest_s"] / rows[0]["fastest_s"]
    # Each pair ran back to back, so its ratio sees the same machine state.
    pairs = [epochs[i: i + 2] for i in range(0, len(epochs), 2)]
    pair_ratios = [next(e["seconds"] for e in p if e["logging"]) / next(e["seconds"] for e in p if not e["logging"]) for p in pairs]
    print()
    print(table(rows, [("mode", "mode", ""), ("median_s", "median epoch s", ".3f"), ("median_ratio", "x without", ".4f"),
                       ("fastest_s", "fastest s", ".3f"), ("fastest_ratio", "x without", ".4f"), ("slowest_s", "slowest s", ".3f"),
                       ("cpu_s", "median CPU s", ".2f"), ("cpu_ratio", "x without", ".4f"),
                       ("epochs", "epochs", "d")]))
    print(f"\nmedian of the {len(pair_ratios)} pairs' ratios: {median(pair_ratios):.4f} ({', '.join(f'{r:.3f}' for r in pair_ratios)})")
    logged = [e for e in epochs if e["logging"]]
    in_callback = median([e["in_callback"] for e in logged])
    # What a run pays once (writers, model and graph summaries, closing) and what every epoch pays (its scalars).
    once_hooks = ("set_model", "on_train_begin", "first_train_batch_end", "on_train_end")
    once = median([sum(e["by_hook"].get(hook, 0.0) for hook in once_hooks) for e in logged])
    per_epoch = median([e["in_callback"] - sum(e["by_hook"].get(hook, 0.0) for hook in once_hooks) for e in logged])
    reference = rows[0]["median_s"]
    print(f"time in the logging callback per logged 1-epoch fit: median {in_callback * 1000:.1f} ms, "
          f"{100 * in_callback / reference:.2f}% of the median epoch without logging")
    print(f"  each epoch (its scalars, and the hooks of every batch): {per_epoch * 1000:.1f} ms ({100 * per_epoch / reference:.3f}%); "
          f"once per run (writers, model and graph summaries, closing): {once * 1000:.1f} ms")
    print(f"  so a 10-epoch run of the tutorial spends {100 * (once + 10 * per_epoch) / (10 * reference):.2f}% of its epochs' time logging")
    print(f"end-of-run HParams summary: {hparams_seconds * 1000:.1f} ms, once per run")
    print(f"mean 1-minute load during the epochs: {sum(e['load_1min'] for e in epochs) / len(epochs):.2f} on {os.cpu_count()} cores")
    path = save("tensorboard_cost", {"rows": rows, "epochs": epochs, "pair_ratios": pair_ratios, "warm_up_seconds": warm_up,
                                      "callback_seconds_per_logged_fit": in_callback, "callback_seconds_per_epoch": per_epoch,
                                      "callback_seconds_once_per_run": once,
                                      "hparams_seconds": hparams_seconds, "config": config.to_dict()})
    print(f"results in {path}")


if __name__ == "__main__":
    main()
