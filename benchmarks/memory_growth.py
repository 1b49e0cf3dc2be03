"""Memory across repeated trainings in one process, as a long app session does them.

    python benchmarks/memory_growth.py [--runs 5] [--epochs 2] [--data PATH]

Like ``main.py``, it first limits glibc's heap arenas
(``core.training.memory.limit_heap_arenas``; ``--arenas-unlimited`` leaves
them, for comparison). Each run is a whole ``core.training.trainer.train`` on the full data (vocabulary,
vectors, model, fit, test evaluation). ``train`` itself starts by clearing
the Keras session and giving freed heap pages back (``core.training.memory``), as
in the app; the RSS is read after the same release.
Reports the resident set size after each run and the growth from the first
to the last.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import data_path, save, table  # noqa: E402


def rss_mb() -> float:
    """Current resident set size (not the peak), from /proc."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--arenas-unlimited", action="store_true", help="leave glibc's arenas as they are (the app limits them)")
    args = parser.parse_args()

    from core.training.memory import limit_heap_arenas

    if not args.arenas_unlimited:
        limit_heap_arenas()  # as main.py does, before any thread starts
    from core.data.loading import load_corpus
    from core.models.config import TrainingConfig
    from core.training.memory import release_memory
    from core.training.trainer import train

    corpus = load_corpus(data_path(args.data))
    rows = []
    for run in range(1, args.runs + 1):
        start = time.perf_counter()
        model = train(corpus, TrainingConfig(epochs=args.epochs, seed=run))
        accuracy = model.test_metrics["accuracy"]
        del model
        release_memory()
        rows.append({"run": run, "rss_mb": rss_mb(), "seconds": time.perf_counter() - start, "accuracy": accuracy})
        print(f"run {run}: RSS {rows[-1]['rss_mb']:.0f} MB, {rows[-1]['seconds']:.0f} s, test accuracy {accuracy:.4f}", flush=True)
    growth = rows[-1]["rss_mb"] - rows[0]["rss_mb"]
    print()
    print(table(rows, [("run", "run", "d"), ("rss_mb", "RSS MB", ".0f"), ("seconds", "seconds", ".0f"), ("accuracy", "test acc", ".4f")]))
    print(f"\nRSS growth from run 1 to run {args.runs}: {growth:+.0f} MB")
    if args.runs > 2:
        per_run = (rows[-1]["rss_mb"] - rows[1]["rss_mb"]) / (args.runs - 2)
        print(f"per run after the second: {per_run:+.1f} MB (load average {os.getloadavg()[0]:.2f})")
    print(f"results in {save('memory_growth', {'rows': rows, 'growth_mb': growth, 'epochs': args.epochs, 'arenas_limited': not args.arenas_unlimited})}")


if __name__ == "__main__":
    main()
