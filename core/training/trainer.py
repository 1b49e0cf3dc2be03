"""Fitting a model, with progress reported to plain callables and a Stop that works.

:class:`StudioCallback` is the seam between Keras and the world: it
forwards batch and epoch ends to :class:`~core.progress.ProgressHooks`,
and sets ``model.stop_training`` once a ``threading.Event`` is set, so a
Stop click ends the run after the current batch. A stopped run keeps its
weights and the history of every finished epoch.

Training reads pre-vectorised int32 arrays and calls ``model.fit`` the way
the tutorial does, so it runs at the tutorial's speed.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from dataclasses import dataclass, field

import keras
import numpy as np

from core.data.loading import Corpus
from core.errors import QT_TRANSLATE_NOOP, TrainingError
from core.insight.metrics import TestPredictions
from core.insight.short_reviews import short_review_accuracy
from core.models.builder import build_model, network_report
from core.models.config import TrainingConfig, preset
from core.models.ensemble import choose_weights, combine
from core.models.prediction import predict_probabilities
from core.progress import ProgressHooks
from core.session import clear_session
from core.text.ragged_ids import RaggedIds
from core.training.devices import strategy_scope
from core.training.length_buckets import LengthBuckets, bucketed_dataset
from core.training.memory import release_memory
from core.training.tensorboard_logs import EpochLogs, final_metrics, write_hparams
from core.training.text_inputs import encode_sequences

logger = logging.getLogger(__name__)


def _never(*args) -> bool:
    return False


class StudioCallback(keras.callbacks.Callback):
    """Forwards progress to ``hooks``; stops when ``stop_event`` is set or the loss diverges."""

    def __init__(self, hooks: ProgressHooks, stop_event: threading.Event | None, steps_per_epoch: int, validates: bool = False):
        super().__init__()
        #: Whether each epoch ends with a validation (and has ``val_*`` logs).
        self.validates = validates
        self.hooks = hooks
        self.stop_event = stop_event or threading.Event()
        self.steps_per_epoch = steps_per_epoch
        self.epoch = 0
        self.interrupted_epoch: int | None = None  # the epoch a Stop cut short
        self.diverged_at: tuple[int, int] | None = None
        self.epoch_seconds: list[float] = []  # of each finished epoch
        self._epoch_start = 0.0
        self._last_report = 0.0

    def _stop_requested(self) -> bool:
        return self.stop_event.is_set()

    def counts(self, epoch: int) -> bool:
        """Whether ``epoch`` (0-based) is a whole epoch of the run, not one a Stop or a divergence cut short."""
        return epoch != self.interrupted_epoch and not self.diverged_at

    def on_train_begin(self, logs=None):
        self.model.__dict__.pop("_should_eval", None)  # left by a fit that raised before its end
        self.hooks.train_begin(self.params.get("epochs", 0), self.steps_per_epoch)

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch
        self._epoch_start = time.perf_counter()

    def on_train_batch_end(self, batch, logs=None):
        logs = logs or {}
        loss = logs.get("loss")
        if loss is not None and not math.isfinite(loss):
            self.diverged_at = (self.epoch + 1, batch + 1)
            self.model.stop_training = True
            return
        now = time.perf_counter()
        last = batch + 1 >= self.steps_per_epoch
        if last or now - self._last_report >= self.hooks.batch_interval:
            self._last_report = now
            self.hooks.batch_end(self.epoch + 1, batch + 1, self.steps_per_epoch, dict(logs))
        if self._stop_requested():
            self.model.stop_training = True
            if not last:
                self.interrupted_epoch = self.epoch
                # Keras would still validate the cut-short epoch, tracing the
                # test step first if this is epoch 1: up to seconds before the
                # Stop takes effect, for a figure nobody uses. (An instance
                # attribute over Keras's private method; removed at train end.)
                self.model._should_eval = _never

    def on_train_end(self, logs=None):
        self.model.__dict__.pop("_should_eval", None)

    def on_test_begin(self, logs=None):
        # A Stop during validation (or a divergence): cut it short.
        if self._stop_requested() or self.diverged_at:
            self.model.stop_evaluating = True

    def on_test_batch_end(self, batch, logs=None):
        if self._stop_requested():
            self.model.stop_evaluating = True

    def on_epoch_end(self, epoch, logs=None):
        if not self.counts(epoch):
            # A partial epoch is not a point on the curves, and it must not count
            # for early stopping, which reads these same logs after us: its
            # validation figures (skipped, or cut short after one batch) go
            # on as NaN, which is never an improvement.
            if logs is not None and self.validates:
                for key in [k for k in logs if not k.startswith("val_")]:
                    logs["val_" + key] = float("nan")
            return
        logs = dict(logs or {})
        logs["seconds"] = time.perf_counter() - self._epoch_start
        self.epoch_seconds.append(logs["seconds"])
        self.hooks.epoch_end(epoch + 1, logs)


@dataclass
class FitResult:
    """What ``fit`` leaves besides the trained model."""

    history: dict[str, list[float]]
    stopped: bool  # by the user
    best_epoch: int | None  # 1-based, by validation loss
    restored_best: bool  # early stopping put the best epoch's weights back
    seconds: float
    epoch_seconds: list[float] = field(default_factory=list)


def fit_count(rows: int, config: TrainingConfig) -> int:
    """How many of ``rows`` training reviews are fitted: the last fraction is held out, as Keras's ``validation_split`` does."""
    return rows - int(rows * config.validation_split)


def fitted_labels(corpus: Corpus, config: TrainingConfig) -> np.ndarray:
    return np.asarray(corpus.train_labels)[: fit_count(len(corpus.train_labels), config)]


def fit(
    model: keras.Model,
    x: np.ndarray | RaggedIds,
    y: np.ndarray,
    config: TrainingConfig,
    hooks: ProgressHooks | None = None,
    stop_event: threading.Event | None = None,
    log_dir: str | os.PathLike | None = None,
) -> FitResult:
    """``model.fit`` as the tutorial calls it, plus our callback and optional early stopping.

    With ``log_dir``, Keras's TensorBoard callback writes each whole epoch's metrics there.
    """
    hooks = hooks or ProgressHooks()
    train_count = fit_count(len(x), config)
    steps = max(1, math.ceil(train_count / config.batch_size))
    callback = StudioCallback(hooks, stop_event, steps, validates=train_count < len(x))
    callbacks: list[keras.callbacks.Callback] = [callback]
    if config.ema_momentum:
        # First, so that validation and early stopping's snapshot of the
        # best weights see the averaged weights.
        callbacks.insert(0, keras.callbacks.SwapEMAWeights(swap_on_epoch=True))
    early = None
    if config.early_stopping:
        early = keras.callbacks.EarlyStopping(
            monitor="val_loss",
            patience=config.patience,
            min_delta=config.min_delta,
            restore_best_weights=config.restore_best_weights,
        )
        callbacks.append(early)
    if log_dir is not None:
        callbacks.append(EpochLogs(log_dir, counts=callback.counts))

    start = time.perf_counter()
    if stop_event is not None and stop_event.is_set():
        names = ["accuracy", "loss"] + (["val_accuracy", "val_loss"] if config.validation_split else [])
        history: dict[str, list[float]] = {name: [] for name in names}
    else:
        if config.bucket_by_length or isinstance(x, RaggedIds):
            # Hold out the last fraction, as validation_split does, then bucket both parts.
            split = len(x) - int(len(x) * config.validation_split)
            padding = config.model.text_padding()
            train_data = bucketed_dataset(LengthBuckets(x[:split], y[:split], config.batch_size, shuffle=True, seed=config.seed, padding=padding))
            # Validation needs no gradients: larger batches, fewer sequential passes.
            validation = None
            if split < len(x):
                validation = bucketed_dataset(LengthBuckets(x[split:], y[split:], max(config.batch_size, 1024), shuffle=False, padding=padding))
            # The buckets shuffle themselves each epoch; Keras cannot shuffle a dataset.
            keras_history = model.fit(
                train_data, validation_data=validation, epochs=config.epochs, callbacks=callbacks, verbose=0, shuffle=False
            )
        else:
            keras_history = model.fit(
                x,
                y,
                epochs=config.epochs,
                batch_size=config.batch_size,
                validation_split=config.validation_split,
                callbacks=callbacks,
                verbose=0,
            )
        history = {key: [float(v) for v in values] for key, values in keras_history.history.items()}
        # The traced training step is 25,000 Python objects in cycles that every garbage collection
        # would scan for as long as the model is kept; nothing fits a trained model again.
        model.train_function = None
    seconds = time.perf_counter() - start

    if callback.diverged_at:
        epoch, batch = callback.diverged_at
        raise TrainingError(
            QT_TRANSLATE_NOOP("core", "Training diverged at epoch {epoch}, batch {batch}: the loss became NaN or infinite. "
                              "Lower the learning rate (now {learning_rate:g}) and train again."),
            epoch=epoch, batch=batch, learning_rate=config.learning_rate,
        )
    epoch_seconds = callback.epoch_seconds
    finished = len(epoch_seconds)
    history = {key: values[:finished] for key, values in history.items()}
    history["seconds"] = epoch_seconds
    best_epoch = None
    if history.get("val_loss"):
        best_epoch = int(np.argmin(history["val_loss"])) + 1
    restored = bool(early and config.restore_best_weights and early.best_weights is not None and finished)
    if restored and early.best_epoch is not None:
        best_epoch = int(early.best_epoch) + 1
    hooks.train_end(history)
    return FitResult(
        history=history,
        stopped=callback.interrupted_epoch is not None or bool(stop_event and stop_event.is_set()),
        best_epoch=best_epoch,
        restored_best=restored,
        seconds=seconds,
        epoch_seconds=epoch_seconds,
    )


def train(
    corpus: Corpus,
    config: TrainingConfig,
    hooks: ProgressHooks | None = None,
    stop_event: threading.Event | None = None,
    evaluate_after_stop: bool = False,
    log_dir: str | os.PathLike | None = None,
    evaluate: bool = True,
    devices: int = 1,
):
    """Vocabulary, vectors, model, fit and test metrics: a whole run.

    Returns a :class:`~core.models.sentiment_model.SentimentModel`. After a Stop
    the test set is evaluated only if ``evaluate_after_stop``; never without
    ``evaluate`` (a tuning trial must not see the test set). ``devices`` above 1
    mirrors the model over that many devices (:mod:`core.training.devices`). With ``log_dir``
    the run writes TensorBoard logs there: scalars per epoch, then its config
    and test metrics as an HParams summary (:mod:`core.training.tensorboard_logs`).
    """
    from core.models.sentiment_model import SentimentModel  # noqa: PLC0415 - avoids an import cycle

    hooks = hooks or ProgressHooks()
    stop_event = stop_event or threading.Event()
    family = config.model_family
    if family.members is not None:
        return _train_members(corpus, config, family.members(config.model), hooks, stop_event, evaluate_after_stop, log_dir, evaluate, devices)
    # A blank Keras state for each run: without it, a long app session keeps
    # the state of every earlier model alive (benchmarks/memory_growth.py).
    clear_session()
    encoded = (family.encode or encode_sequences)(corpus, config, hooks)
    release_memory()

    keras.utils.set_random_seed(config.seed)
    with strategy_scope(devices):
        classifier = build_model(config, vocab_size=encoded.vocab_size)
        if family.prepare:
            family.prepare(classifier, encoded.x_train[: fit_count(len(encoded.x_train), config)], fitted_labels(corpus, config), config)
        report = network_report(config, classifier)
        if report:
            logger.info(report)
            hooks.log(report)
        hooks.phase("training")
        result = fit(classifier, encoded.x_train, corpus.train_labels, config, hooks, stop_event, log_dir=log_dir)

    metrics = predictions = None
    if evaluate and (not result.stopped or evaluate_after_stop):
        hooks.phase("evaluating")
        evaluation_stop = None if evaluate_after_stop else stop_event
        probabilities = predict_probabilities(classifier, encoded.x_test, stop_event=evaluation_stop)
        if probabilities is not None:
            predictions = TestPredictions.from_texts(corpus.test_texts, corpus.test_labels, probabilities)
            metrics = predictions.metrics()
    if log_dir is not None:
        write_hparams(log_dir, config.flat_dict(), final_metrics(metrics), step=max(len(result.epoch_seconds) - 1, 0))
    model = SentimentModel(
        vectorizer=encoded.layer,
        classifier=classifier,
        config=config,
        history=result.history,
        test_metrics=metrics,
        test_predictions=predictions,
        training={
            "stopped": result.stopped,
            "best_epoch": result.best_epoch,
            "restored_best": result.restored_best,
            "seconds": result.seconds,
            "epochs_done": len(result.epoch_seconds),
        },
        source=corpus.source,
    )
    if metrics is not None:
        model.short_reviews = short_review_accuracy(model)
    hooks.phase("done")
    return model


def _train_members(corpus: Corpus, config: TrainingConfig, presets: tuple[str, ...], hooks: ProgressHooks,
                   stop_event: threading.Event, evaluate_after_stop: bool, log_dir: str | os.PathLike | None,
                   evaluate: bool = True, devices: int = 1):
    """An ensemble's run: each member's preset trained in turn on the same split, then their probabilities averaged.

    Every member takes this run's seed and validation split, so each is
    chosen (early stopping included) on the same held-out reviews, and so
    are the members' shares of the mean (:func:`~core.models.ensemble.choose_weights`).
    A Stop ends the member being trained; the members trained so far are
    kept (one alone is returned as itself), and a member with no epoch done is not.
    """
    if len(presets) < 2:
        raise TrainingError(QT_TRANSLATE_NOOP("core", "This ensemble trains no members: choose members to train, "
                                              "or combine trained models in the Runs tab or with the ensemble command."))
    started = time.perf_counter()
    members = []
    for index, name in enumerate(presets, 1):
        member_config = preset(name).replace(seed=config.seed, validation_split=config.validation_split)
        hooks.member(index, len(presets), name)
        member_logs = None if log_dir is None else os.path.join(log_dir, f"member_{index}")
        member = train(corpus, member_config, hooks, stop_event, evaluate_after_stop=evaluate_after_stop, log_dir=member_logs,
                       evaluate=evaluate, devices=devices)
        if member.training.get("epochs_done") or not stop_event.is_set():  # a member stopped before its first epoch is dropped
            members.append(member)
        if stop_event.is_set():
            break
    if not members:
        return member  # stopped during the first member's first epoch: what a single run would give
    training = {"stopped": stop_event.is_set(), "members_trained": [m.config.describe(with_family=True) for m in members]}
    weights = None
    fitted = fit_count(len(corpus.train_texts), config)
    if len(members) > 1 and fitted < len(corpus.train_texts):
        hooks.phase("weighing members")
        held_out, labels = corpus.train_texts[fitted:], np.asarray(corpus.train_labels)[fitted:]
        probabilities = [member.predict(held_out) for member in members]
        weights, accuracy = choose_weights(probabilities, labels)
        training.update(validation_accuracy=accuracy, member_weights=weights,
                        member_validation_accuracy=[float(np.mean((p > 0.5) == (labels == 1))) for p in probabilities])
    training["seconds"] = time.perf_counter() - started
    if len(members) == 1:
        hooks.phase("done")
        return members[0]
    ensemble = combine(members, config, texts=corpus.test_texts, training=training, weights=weights)
    if log_dir is not None:
        write_hparams(log_dir, config.flat_dict(), final_metrics(ensemble.test_metrics), step=0)
    hooks.phase("done")
    return ensemble
