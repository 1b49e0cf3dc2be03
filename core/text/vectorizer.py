"""Raw review text to the integer sequences the model reads, as the tutorial does it.

One Keras layer, :class:`TextToSequence`, does the whole job in TensorFlow
string ops: lowercase, drop ``<br />`` and punctuation, split on white
space, look words up in the vocabulary (0 is padding, 1 is out of
vocabulary), keep the *last* ``max_length`` tokens and pad at the front,
like ``pad_sequences(padding='pre', truncating='pre')``. With
``padding="post"`` the padding goes at the end instead (a masked model reads
each review up to its last word), and a review with no word reads as one
unknown word: cuDNN's masked kernel refuses a row that is all padding.

The same layer vectorises the training data once, turns a typed review
into model input, and sits at the front of the saved model, so a ``.keras``
file classifies raw strings on its own. There is no second implementation
to drift out of step.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Iterable, Sequence

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

from core.text.tokens import OOV_INDEX, PAD_INDEX, PADDINGS, RESERVED  # noqa: E402

_BREAK = r"<br\s*/?>"
_APOSTROPHE = r"['’]"  # "don't" -> "dont", as Keras's default standardisation does
_NOT_WORD = r"[^\p{L}\p{N}]+"


def as_string_tensor(texts: Iterable[str]) -> tf.Tensor:
    """A 1-D string tensor; text that is not valid Unicode is repaired, not refused."""
    return tf.constant([t.encode("utf-8", "replace") for t in texts], dtype=tf.string)


def standardize(texts: tf.Tensor) -> tf.Tensor:
    """Lowercase, line breaks and punctuation to spaces."""
    x = tf.strings.lower(texts, encoding="utf-8")
    x = tf.strings.regex_replace(x, _BREAK, " ")
    x = tf.strings.regex_replace(x, _APOSTROPHE, "")
    return tf.strings.regex_replace(x, _NOT_WORD, " ")


def split_words(texts: tf.Tensor) -> tf.RaggedTensor:
    return tf.strings.split(standardize(texts))


def pre_pad(ids: tf.RaggedTensor, max_length: int) -> tf.Tensor:
    """Ragged ids (at most ``max_length`` per row) to int32 rows padded at the front."""
    lengths = ids.row_lengths()
    post_padded = ids.to_tensor(PAD_INDEX, shape=[None, max_length])
    # Reverse each review's words, then the whole row: the words end up
    # at the right, in their order, with the padding in front.
    pre_padded = tf.reverse(tf.reverse_sequence(post_padded, lengths, seq_axis=1, batch_axis=0), axis=[1])
    return tf.cast(pre_padded, tf.int32)


def post_pad(ids: tf.RaggedTensor, max_length: int) -> tf.Tensor:
    """Ragged ids (at most ``max_length`` per row) to int32 rows padded at the end; an empty row gets one OOV id."""
    padded = ids.to_tensor(PAD_INDEX, shape=[None, max_length])
    first = tf.where(tf.equal(ids.row_lengths(), 0), tf.constant(OOV_INDEX, padded.dtype), padded[:, 0])
    return tf.cast(tf.concat([first[:, None], padded[:, 1:]], axis=1), tf.int32)


def pad(ids: tf.RaggedTensor, max_length: int, padding: str = "pre") -> tf.Tensor:
    """Ragged ids to int32 rows of ``max_length``, padded as ``padding`` says ("pre" or "post")."""
    return post_pad(ids, max_length) if padding == "post" else pre_pad(ids, max_length)


def pad_ids(ids: Sequence[int], max_length: int, padding: str = "pre") -> list[int]:
    """One review's ids as :func:`pad` pads them, keeping the last ``max_length``: plain Python, for small batches."""
    kept = list(ids[-max_length:])
    if padding == "post":
        return (kept or [OOV_INDEX]) + [PAD_INDEX] * (max_length - max(len(kept), 1))
    return [PAD_INDEX] * (max_length - len(kept)) + kept


@keras.saving.register_keras_serializable(package="imdb_sentiment_studio")
class TextToSequence(keras.layers.Layer):
    """Strings in, integer sequences of ``max_length`` out, padded in front (``"pre"``) or at the end (``"post"``).

    Files saved before ``padding`` existed hold no such key and load as ``"pre"``.
    """

    def __init__(self, vocabulary: Sequence[str], max_length: int = 250, padding: str = "pre", **kwargs):
        kwargs.setdefault("trainable", False)
        super().__init__(**kwargs)
        if padding not in PADDINGS:
            raise ValueError(f"padding must be one of {PADDINGS}, not {padding!r}")
        self.vocabulary = [str(word) for word in vocabulary]
        self.max_length = int(max_length)
        self.padding = padding
        keys = tf.constant(self.vocabulary or [""], dtype=tf.string)
        values = tf.range(RESERVED, RESERVED + len(self.vocabulary or [""]), dtype=tf.int64)
        self._table = tf.lookup.StaticHashTable(
            tf.lookup.KeyValueTensorInitializer(keys, values), default_value=OOV_INDEX
        )

    @property
    def vocab_size(self) -> int:
        """Number of indices the embedding must hold."""
        return len(self.vocabulary) + RESERVED

    def call(self, inputs):
        texts = tf.reshape(tf.convert_to_tensor(inputs, dtype=tf.string), [-1])
        words = split_words(texts)[:, -self.max_length :]
        return pad(tf.ragged.map_flat_values(self._table.lookup, words), self.max_length, self.padding)

    def compute_output_spec(self, inputs):
        return keras.KerasTensor((inputs.shape[0], self.max_length), dtype="int32")

    def get_config(self) -> dict:
        config = super().get_config()
        config.update(vocabulary=self.vocabulary, max_length=self.max_length, padding=self.padding)
        return config


def build_vocabulary(texts: Sequence[str], vocab_size: int, batch_size: int = 4096, exclude: Iterable[str] = ()) -> list[str]:
    """The ``vocab_size - 2`` most frequent words of ``texts`` (ties by spelling), less ``exclude``."""
    counts: Counter[bytes] = Counter()
    for start in range(0, len(texts), batch_size):
        words = split_words(as_string_tensor(texts[start : start + batch_size])).flat_values
        unique, _, count = tf.unique_with_counts(words)
        counts.update(dict(zip(unique.numpy().tolist(), count.numpy().tolist())))
    for word in exclude:
        counts.pop(word.encode("utf-8"), None)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [word.decode("utf-8") for word, _ in ranked[: vocab_size - RESERVED]]


def vectorize(layer: TextToSequence, texts: Sequence[str], batch_size: int = 4096) -> np.ndarray:
    """All of ``texts`` as an int32 array of shape (len(texts), max_length)."""
    out = np.zeros((len(texts), layer.max_length), dtype="int32")
    for start in range(0, len(texts), batch_size):
        out[start : start + batch_size] = layer(as_string_tensor(texts[start : start + batch_size])).numpy()
    return out


def tokenize(text: str) -> list[str]:
    """The words of one review, as the model sees them before the lookup."""
    return [w.decode("utf-8") for w in split_words(as_string_tensor([text]))[0].numpy().tolist()]
