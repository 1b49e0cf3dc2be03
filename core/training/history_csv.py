"""A run's history as a CSV file: one row per finished epoch."""

from __future__ import annotations

import csv
import os

#: The columns written, in this order, where the history has them.
HISTORY_COLUMNS = ("loss", "accuracy", "val_loss", "val_accuracy", "seconds")


def write_history_csv(history: dict | None, path: str | os.PathLike) -> None:
    """``epoch`` then each of :data:`HISTORY_COLUMNS` the history holds; a shorter column leaves its cells empty.

    Raises ``OSError`` when the file cannot be written.
    """
    history = history or {}
    columns = [key for key in HISTORY_COLUMNS if history.get(key)]
    rows = max((len(history[key]) for key in columns), default=0)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["epoch", *columns])
        for index in range(rows):
            writer.writerow([index + 1, *(history[key][index] if index < len(history[key]) else "" for key in columns)])
