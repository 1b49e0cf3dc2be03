"""Classifying many reviews at once, with progress and a Stop, off the GUI thread."""

from __future__ import annotations

import threading
from typing import Callable, Sequence

import numpy as np


def classify_many(
    model,
    texts: Sequence[str],
    progress: Callable[[int, int], None] | None = None,
    stop_event: threading.Event | None = None,
    chunk_size: int = 2048,
) -> np.ndarray | None:
    """Probabilities for ``texts`` in chunks; None if ``stop_event`` was set."""
    out = np.zeros((len(texts),), dtype="float32")
    for start in range(0, len(texts), chunk_size):
        if stop_event is not None and stop_event.is_set():
            return None
        out[start : start + chunk_size] = model.predict(list(texts[start : start + chunk_size]))
        if progress:
            progress(min(start + chunk_size, len(texts)), len(texts))
    return out
