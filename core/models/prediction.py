"""Test-set probabilities from a classifier, cut short when a Stop is asked for.

Both a training run (its final evaluation) and a loaded model (Evaluate)
use it, so it lives with the models, below the training loop.
"""

from __future__ import annotations

import threading

import keras
import numpy as np
import tensorflow as tf

from core.session import SESSION_LOCK
from core.text.ragged_ids import RaggedIds


class _StopPredicting(keras.callbacks.Callback):
    """Ends ``predict`` after the current batch once ``stop_event`` is set."""

    def __init__(self, stop_event: threading.Event):
        super().__init__()
        self.stop_event = stop_event

    def on_predict_batch_end(self, batch, logs=None):
        if self.stop_event.is_set():
            self.model.stop_predicting = True


def _in_order(x: RaggedIds, batch_size: int) -> tf.data.Dataset:
    """Ragged rows as padded batches, in their order (each batch as wide as its longest row)."""

    def batches():
        for start in range(0, len(x), batch_size):
            yield x.padded(np.arange(start, min(start + batch_size, len(x))))

    signature = tf.TensorSpec(shape=(None, None), dtype=tf.as_dtype(x.dtype))
    dataset = tf.data.Dataset.from_generator(batches, output_signature=signature)
    return dataset.apply(tf.data.experimental.assert_cardinality(-(-len(x) // batch_size)))


def predict_probabilities(
    model: keras.Model, x: np.ndarray | RaggedIds, batch_size: int = 1024, stop_event: threading.Event | None = None
) -> np.ndarray | None:
    """Probabilities for int ids (padded rows or ragged ones); None if ``stop_event`` cut it short."""
    callbacks = [_StopPredicting(stop_event)] if stop_event is not None else []
    with SESSION_LOCK:
        if isinstance(x, RaggedIds):
            probabilities = model.predict(_in_order(x, batch_size), verbose=0, callbacks=callbacks).ravel()
        else:
            probabilities = model.predict(x, batch_size=batch_size, verbose=0, callbacks=callbacks).ravel()
    if stop_event is not None and stop_event.is_set():
        return None
    return probabilities
