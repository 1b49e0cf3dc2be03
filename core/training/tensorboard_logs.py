"""TensorBoard logs of a run: scalars per epoch, and its config with its final metrics.

Keras's own :class:`keras.callbacks.TensorBoard` writes ``train/`` and
``validation/`` under the run's folder, one point per epoch for every
metric (``epoch_loss``, ``epoch_accuracy``; the validation ones under the
same tags in ``validation/``, as Keras always lays them out). At the end
of the run :func:`write_hparams` adds the HParams plugin's summary to the
run's folder itself: the config as hyperparameters, and the test metrics
as scalars, so TensorBoard's HParams tab lists every run with both.

Everything is written from the training thread, once per epoch and once
at the end: ``benchmarks/tensorboard_cost.py`` measures what it costs.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Callable

import keras

#: Test metrics that become HParams metrics (scalars named ``test_<name>``).
TEST_METRICS = ("loss", "accuracy", "precision", "recall", "f1", "roc_auc")


class EpochLogs(keras.callbacks.TensorBoard):
    """Keras's TensorBoard callback, minus epochs the run does not count.

    A Stop in the middle of an epoch, or a loss that diverged, ends an epoch
    that the history leaves out; ``counts(epoch)`` says so, and its partial
    figures stay off the curves too.

    Per-epoch scalars only. With ``update_freq="epoch"`` Keras still builds
    a ``batch_*`` summary for every batch that no writer receives, about
    0.5 ms a batch (``benchmarks/tensorboard_cost.py``): only the first
    batch end of a fit, where Keras writes the train graph when it can
    trace one, goes to Keras. The model's summary is written at the start.
    """

    def __init__(self, log_dir: str | os.PathLike, counts: Callable[[int], bool] = lambda epoch: True):
        super().__init__(log_dir=str(log_dir), histogram_freq=0, write_graph=True, update_freq="epoch", profile_batch=0)
        self.counts = counts
        self._graph_written = False

    def on_train_begin(self, logs=None):
        self._graph_written = False
        super().on_train_begin(logs)

    def on_train_batch_end(self, batch, logs=None):
        if not self._graph_written:
            self._graph_written = True
            super().on_train_batch_end(batch, logs)

    def on_epoch_end(self, epoch, logs=None):
        if self.counts(epoch):
            super().on_epoch_end(epoch, logs)


def final_metrics(test_metrics: dict | None) -> dict[str, float]:
    """``test_loss``, ``test_accuracy``... from the test metrics (empty when not evaluated)."""
    if not test_metrics:
        return {}
    return {f"test_{name}": float(test_metrics[name]) for name in TEST_METRICS if isinstance(test_metrics.get(name), (int, float))}


def write_hparams(log_dir: str | os.PathLike, hparams: dict, metrics: dict[str, float], step: int = 0) -> Path:
    """The HParams summary of one run: ``hparams`` (bool, int, float or str values) and its final ``metrics``.

    TensorBoard's HParams tab pairs them with the run's per-epoch scalars
    (its ``train`` and ``validation`` groups). The run's folder name is its
    trial id, so two runs of one config stay two rows.
    """
    import tensorflow as tf  # noqa: PLC0415 - with Keras already loaded, a dictionary look-up
    from tensorboard.plugins.hparams import api as hp  # noqa: PLC0415

    log_dir = Path(log_dir)
    values = {name: value for name, value in hparams.items() if isinstance(value, (bool, int, float, str))}
    writer = tf.summary.create_file_writer(str(log_dir))
    try:
        with writer.as_default():
            hp.hparams(values, trial_id=log_dir.name)
            for name, value in metrics.items():
                if math.isfinite(value):
                    tf.summary.scalar(name, value, step=step)
    finally:
        writer.close()
    return log_dir
