"""Accuracy on the short reviews we wrote (``tests/data/short_reviews.tsv``), kept with each trained model.

A user types one or two sentences; IMDB reviews run to hundreds of words.
The 200 short reviews (negation, ratings, sarcasm, mixed praise) are never
trained on or used to choose anything; each run reports how it reads them,
in ``studio.json`` and so on the model card. Where the file is not there
(an installed package without the tests), nothing is measured.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

SHORT_REVIEWS = Path(__file__).resolve().parents[2] / "tests" / "data" / "short_reviews.tsv"


def read_short_reviews(path: Path = SHORT_REVIEWS) -> tuple[list[str], np.ndarray] | None:
    """The reviews and their labels; None if the file is not there."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except OSError:
        return None
    return [row["review"] for row in rows], np.array([int(row["label"]) for row in rows])


def short_review_accuracy(model, path: Path = SHORT_REVIEWS) -> dict | None:
    """``{"accuracy": ..., "count": ...}`` of ``model`` (a SentimentModel) on the short reviews; None without the file."""
    read = read_short_reviews(path)
    if read is None or not read[0]:
        return None
    texts, labels = read
    probabilities = model.predict(texts)
    return {"accuracy": float(np.mean((probabilities > 0.5) == (labels == 1))), "count": len(texts)}
