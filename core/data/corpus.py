"""The labelled reviews every source ends in, and the record of where they came from.

Every source ends in the same :class:`Corpus`: train and test texts with
labels (positive 1, negative 0), shuffled with a fixed seed the way
``keras.datasets.imdb`` shuffles them, so that Keras's ``validation_split``
(which takes the *last* fraction of the arrays) holds both classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

#: keras.datasets.imdb shuffles with this seed; so do we.
SHUFFLE_SEED = 113

#: progress(done, total): bytes or files so far, and the total (0 if unknown).
Progress = Callable[[int, int], None]


@dataclass
class Corpus:
    """Labelled reviews, split into train and test."""

    train_texts: list[str]
    train_labels: np.ndarray
    test_texts: list[str]
    test_labels: np.ndarray
    #: Where the reviews came from and what they hold, saved with the model.
    source: dict = field(default_factory=dict)
    #: Files that were not valid UTF-8 and were decoded with replacement.
    undecodable_files: int = 0
    #: A word that stands for "out of vocabulary" in the texts and must never
    #: enter the vocabulary (Keras's pre-tokenised IMDB arrays have one).
    oov_token: str | None = None

    def summary(self) -> str:
        def balance(labels: np.ndarray) -> str:
            pos = int(labels.sum())
            return f"{pos:,} positive / {len(labels) - pos:,} negative"

        return (
            f"train {len(self.train_texts):,} ({balance(self.train_labels)}), "
            f"test {len(self.test_texts):,} ({balance(self.test_labels)})"
        )


def record_source(corpus: Corpus, name: str, kind: str, path: str) -> Corpus:
    """Record where the reviews came from and what they hold; saved with the model."""
    corpus.source = {
        "name": name,
        "kind": kind,
        "path": path,
        "train_count": len(corpus.train_texts),
        "test_count": len(corpus.test_texts),
        "train_positive": int(corpus.train_labels.sum()),
        "test_positive": int(corpus.test_labels.sum()),
    }
    return corpus
