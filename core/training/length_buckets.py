"""Batches of reviews of similar length, with their shared padding trimmed.

A recurrent layer spends one sequential step per position, padding
included, and on a CPU those steps are the cost of training. Sorting
reviews into batches of similar length lets each batch drop the columns
that are padding in every one of its rows: the leading ones of rows padded
in front, the trailing ones of rows padded at the end (each batch keeps
its padding side). Lengths are rounded up to a multiple of ``round_to`` so
that XLA compiles only a handful of shapes.
"""

from __future__ import annotations

import math

import keras
import numpy as np
import tensorflow as tf

from core.text.ragged_ids import RaggedIds
from core.text.tokens import PAD_INDEX


def review_lengths(x: np.ndarray, padding: str = "pre") -> np.ndarray:
    """Tokens per row of a padded array: from the first non-padding position ("pre"), or up to the last ("post")."""
    nonzero = x != PAD_INDEX
    if padding == "post":
        nonzero = nonzero[:, ::-1]
    first = np.where(nonzero.any(axis=1), nonzero.argmax(axis=1), x.shape[1])
    return x.shape[1] - first


class LengthBuckets(keras.utils.PyDataset):
    """(x, y) batches grouped by length; reshuffled every epoch when ``shuffle``.

    ``x`` is word ids padded as ``padding`` says ("pre": in front, "post": at
    the end), or :class:`RaggedIds` (a bag of n-gram ids, whose batches are
    padded at the end to their longest row).
    """

    def __init__(self, x: np.ndarray | RaggedIds, y: np.ndarray, batch_size: int, shuffle: bool, seed: int = 0, round_to: int = 32,
                 padding: str = "pre"):
        super().__init__(workers=1, use_multiprocessing=False)
        self.x, self.y = x, np.asarray(y)
        self.batch_size, self.shuffle, self.round_to, self.padding = batch_size, shuffle, round_to, padding
        self.lengths = x.lengths if isinstance(x, RaggedIds) else review_lengths(x, padding)
        self.rng = np.random.default_rng(seed)
        self._batches = self._make_batches()

    def _make_batches(self) -> list[np.ndarray]:
        jitter = self.rng.random(len(self.x)) if self.shuffle else np.zeros(len(self.x))
        order = np.lexsort((jitter, self.lengths))  # by length, random among equals
        batches = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        if self.shuffle:
            self.rng.shuffle(batches)
        return batches

    def __len__(self) -> int:
        return math.ceil(len(self.x) / self.batch_size)

    def __getitem__(self, index: int):
        rows = self._batches[index]
        longest = max(int(self.lengths[rows].max()), 1)
        width = math.ceil(longest / self.round_to) * self.round_to
        if isinstance(self.x, RaggedIds):
            return self.x.padded(rows, width), self.y[rows]
        width = min(self.x.shape[1], width)
        columns = slice(None, width) if self.padding == "post" else slice(-width, None)
        return self.x[rows, columns], self.y[rows]

    def on_epoch_end(self) -> None:
        if self.shuffle:
            self._batches = self._make_batches()


def bucketed_dataset(buckets: LengthBuckets, prefetch: int = 2) -> tf.data.Dataset:
    """The buckets as a ``tf.data`` pipeline whose batches may have any width.

    Keras guesses a fixed shape from the first batches of a PyDataset, which
    breaks when later buckets are wider; here the width is declared variable.
    Each pass over the dataset (each epoch) draws a new batch order.
    """
    passes = [0]

    def batches():
        if passes[0]:
            buckets.on_epoch_end()
        passes[0] += 1
        for index in range(len(buckets)):
            yield buckets[index]

    signature = (
        tf.TensorSpec(shape=(None, None), dtype=tf.as_dtype(buckets.x.dtype)),
        tf.TensorSpec(shape=(None,), dtype=tf.as_dtype(buckets.y.dtype)),
    )
    dataset = tf.data.Dataset.from_generator(batches, output_signature=signature)
    # A known length lets Keras count the steps of an epoch (its progress, and no "ran out of data" warning).
    return dataset.apply(tf.data.experimental.assert_cardinality(len(buckets))).prefetch(prefetch)
