"""One lock for the Keras session, so that Train never clears it under a running prediction.

Train starts with ``keras.backend.clear_session()``, which resets Keras's
global state and, with TensorFlow, the default graph and the kernel cache.
Meanwhile a batch classification, a live classification or Evaluate may be
predicting on another thread with a model made earlier. Every prediction and
every clear holds :data:`SESSION_LOCK`, so they take turns; two predictions
on one model (a batch and Evaluate) take turns too, so a Stop of one never
cuts the other short.
"""

from __future__ import annotations

import threading

import keras

#: Held by every prediction and by :func:`clear_session`; re-entrant, as a prediction may nest another.
SESSION_LOCK = threading.RLock()


def clear_session() -> None:
    """``keras.backend.clear_session`` once no prediction is running (and none starts until it is done)."""
    with SESSION_LOCK:
        keras.backend.clear_session(free_memory=False)
