"""Test-set probabilities from a classifier, cut short when a Stop is asked for.

Both a training run (its final evaluation) and a loaded model (Evaluate)
use it, so it lives with the models, below the training loop.
"""

from __future__ import annotations

import threading

import keras
import numpy as np

from core.session import SESSION_LOCK


class _StopPredicting(keras.callbacks.Callback):
    """Ends ``predict`` after the current batch once ``stop_event`` is set."""

    def __init__(self, stop_event: threading.Event):
        super().__init__()
        self.stop_event = stop_event

    def on_predict_batch_end(self, batch, logs=None):
        if self.stop_event.is_set():
            self.model.stop_predicting = True


def predict_probabilities(
    model: keras.Model, x: np.ndarray, batch_size: int = 1024, stop_event: threading.Event | None = None
) -> np.ndarray | None:
    """Probabilities for int sequences; None if ``stop_event`` cut it short."""
    callbacks = [_StopPredicting(stop_event)] if stop_event is not None else []
    with SESSION_LOCK:
        probabilities = model.predict(x, batch_size=batch_size, verbose=0, callbacks=callbacks).ravel()
    if stop_event is not None and stop_event.is_set():
        return None
    return probabilities
