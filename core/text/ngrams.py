"""Reviews as sets of hashed word n-grams: what the bag-of-n-grams family reads.

The words are the vectorizer's (same lowercasing, same punctuation rules);
runs of one to ``ngrams`` words are hashed into ``buckets`` ids (0 stays
padding), and each review keeps each id once, as a binary bag. Hashing
needs no vocabulary pass, so featurising IMDB is one pass of TensorFlow
string ops that release the GIL; ``benchmarks/ngram_features.py`` compares
it with ``keras.layers.TextVectorization(ngrams=2)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import keras
import numpy as np
import tensorflow as tf

from core.text import vectorizer  # a module import: Keras may be loading it right now (core.models.keras_objects)
from core.text.ragged_ids import RaggedIds


def _ngram_ids(texts: tf.Tensor, ngrams: int, buckets: int) -> tf.RaggedTensor:
    """Each text's distinct hashed n-gram ids (1..buckets), in ascending order."""
    words = vectorizer.split_words(texts)
    grams = tf.strings.ngrams(words, list(range(1, ngrams + 1)), separator=" ")
    ids = tf.strings.to_hash_bucket_fast(grams.flat_values, buckets) + 1
    # One id per review: make (row, id) pairs unique as one int64 key each.
    keys, _ = tf.unique(grams.value_rowids() * (buckets + 1) + ids)
    keys = tf.sort(keys)
    return tf.RaggedTensor.from_value_rowids(keys % (buckets + 1), keys // (buckets + 1), nrows=grams.nrows())


@keras.saving.register_keras_serializable(package="imdb_sentiment_studio")
class TextToNGrams(keras.layers.Layer):
    """Strings in, each review's distinct hashed n-gram ids out (int32, padded with 0 at the end)."""

    #: Hashing has no word list: no word is "out of vocabulary", and none is cut off.
    vocabulary: list[str] = []
    max_length = None

    def __init__(self, ngrams: int = 2, buckets: int = 2**20, **kwargs):
        kwargs.setdefault("trainable", False)
        super().__init__(**kwargs)
        self.ngrams = int(ngrams)
        self.buckets = int(buckets)

    @property
    def vocab_size(self) -> int:
        """Number of ids the next layer must hold: the buckets and padding."""
        return self.buckets + 1

    def call(self, inputs):
        texts = tf.reshape(tf.convert_to_tensor(inputs, dtype=tf.string), [-1])
        return tf.cast(_ngram_ids(texts, self.ngrams, self.buckets).to_tensor(0), tf.int32)

    def compute_output_spec(self, inputs):
        return keras.KerasTensor((inputs.shape[0], None), dtype="int32")

    def get_config(self) -> dict:
        config = super().get_config()
        config.update(ngrams=self.ngrams, buckets=self.buckets)
        return config


def hash_ngrams(
    texts: Sequence[str], ngrams: int, buckets: int, progress: Callable[[int, int], None] | None = None, batch_size: int = 2048
) -> RaggedIds:
    """Every review's distinct n-gram ids, as :class:`TextToNGrams` computes them, kept ragged."""
    parts = []
    for start in range(0, len(texts), batch_size):
        ids = _ngram_ids(vectorizer.as_string_tensor(texts[start : start + batch_size]), ngrams, buckets)
        parts.append(RaggedIds(ids.flat_values.numpy().astype(np.int32), ids.row_lengths().numpy()))
        if progress:
            progress(min(start + batch_size, len(texts)), len(texts))
    return RaggedIds.concatenate(parts)


def log_count_ratios(ids: RaggedIds, labels: np.ndarray, size: int, alpha: float = 1.0) -> np.ndarray:
    """Naive Bayes log-count ratios of every id: log(P(id | positive) / P(id | negative)).

    The weighting of Wang & Manning's NBSVM (2012), from binary counts with
    add-``alpha`` smoothing. Id 0 (padding) gets 0, so it adds nothing.
    """
    rows = np.repeat(np.arange(len(ids)), ids.lengths)
    positive = np.asarray(labels)[rows] == 1
    p = np.bincount(ids.flat[positive], minlength=size) + alpha
    q = np.bincount(ids.flat[~positive], minlength=size) + alpha
    ratios = np.log((p / p.sum()) / (q / q.sum())).astype(np.float32)
    ratios[0] = 0.0
    return ratios
