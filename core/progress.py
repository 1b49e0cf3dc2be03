"""The seam between a training run and whoever watches it.

:class:`ProgressHooks` holds plain callables; the console bar, the Qt
worker and the tests each fill in the ones they need. Nothing here imports
Keras, so a GUI can create hooks before TensorFlow is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


def _ignore(*args: Any, **kwargs: Any) -> None:
    return None


@dataclass
class ProgressHooks:
    """Callables a training run reports to; each defaults to doing nothing.

    - ``phase(name)``: "loading data", "building vocabulary", "vectorising",
      "training", "evaluating", "done".
    - ``download(done_bytes, total_bytes)`` and ``reading(done, total)``.
    - ``train_begin(epochs, steps_per_epoch)``.
    - ``batch_end(epoch, step, steps_per_epoch, logs)``: epoch and step count from 1.
    - ``epoch_end(epoch, logs)``: every log value, ``val_*`` included, and
      ``seconds``, the epoch's wall time.
    - ``train_end(history)``.
    - ``log(message)``: facts worth a line in a log, such as whether the
      cuDNN kernel will be used.
    - ``member(index, count, name)``: an ensemble's run starts training its
      member ``index`` (from 1) of ``count``, made from the preset ``name``;
      the member's own phases and epochs follow.
    - ``encoding(done, total)``: reviews tokenised while the vocabulary and
      the vectors are built; a caller may raise here to abandon the run.
    """

    phase: Callable[[str], None] = _ignore
    download: Callable[[int, int], None] = _ignore
    reading: Callable[[int, int], None] = _ignore
    train_begin: Callable[[int, int], None] = _ignore
    batch_end: Callable[[int, int, int, dict], None] = _ignore
    epoch_end: Callable[[int, dict], None] = _ignore
    train_end: Callable[[dict], None] = _ignore
    log: Callable[[str], None] = _ignore
    encoding: Callable[[int, int], None] = _ignore
    member: Callable[[int, int, str], None] = _ignore
    #: At most one batch_end call per this many seconds (the last batch of an
    #: epoch is always reported). 0 reports every batch.
    batch_interval: float = 0.0
