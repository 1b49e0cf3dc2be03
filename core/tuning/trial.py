"""One trial: the study's base config with the sampled values, trained by the usual trainer.

Every finished epoch goes to Optuna (``trial.report``) and into the
trial's ``history`` user attribute, so a pruned or stopped trial keeps its
curve. The value is the best validation accuracy of the trial's epochs,
or its lowest validation loss; the test set is never read. What ended a
trial early is said in its ``reason`` attribute.
"""

from __future__ import annotations

import os
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import optuna
from optuna.trial import TrialState

from core.data.corpus import Corpus
from core.errors import ConfigError, StudioError
from core.progress import ProgressHooks
from core.tuning.space import suggest
from core.tuning.study import StudySettings

#: The per-epoch figures a trial keeps.
CURVES = ("loss", "accuracy", "val_loss", "val_accuracy", "seconds")
#: States a trial takes a place of the budget in (a failed one gives its place back).
TAKES_PLACE = (TrialState.RUNNING, TrialState.COMPLETE, TrialState.PRUNED, TrialState.WAITING)


class TrialStopped(Exception):
    """Stop came before the trial finished one epoch: recorded as failed, with that reason."""


class BudgetTaken(Exception):
    """Other workers took the study's last places while this one asked for a trial."""


def worker_id() -> str:
    """``host:pid``: which worker ran a trial."""
    return f"{socket.gethostname()}:{os.getpid()}"


class _EitherEvent(threading.Event):
    """Set when itself or ``other`` is: a trial ends on pruning or on the worker's Stop."""

    def __init__(self, other: threading.Event):
        super().__init__()
        self.other = other

    def is_set(self) -> bool:
        return super().is_set() or self.other.is_set()


@dataclass
class TrialHooks:
    """What a watcher hears of each trial; every callable defaults to doing nothing."""

    trial_begin: Callable[[int, dict], None] = lambda number, params: None
    epoch_end: Callable[[int, int, dict], None] = lambda number, epoch, logs: None
    #: The trial as the study recorded it (an ``optuna.trial.FrozenTrial``), whatever its state.
    trial_end: Callable[[Any], None] = lambda trial: None
    progress: ProgressHooks = field(default_factory=ProgressHooks)


@dataclass
class TrialRunner:
    """The objective Optuna calls: one training run per trial."""

    settings: StudySettings
    corpus: Corpus
    stop_event: threading.Event
    hooks: TrialHooks = field(default_factory=TrialHooks)
    budget: int | None = None
    log_dir: Path | None = None
    devices: int = 1

    def __call__(self, trial: optuna.Trial) -> float:
        others = trial.study.get_trials(deepcopy=False)
        retry_of = next((other.system_attrs.get("failed_trial") for other in others if other.number == trial.number), None)
        if self.budget is not None and retry_of is None:
            places = sum(1 for other in others if other.number < trial.number and other.state in TAKES_PLACE)
            if places >= self.budget:
                trial.set_user_attr("reason", "budget already taken by other workers")
                raise BudgetTaken(f"the study's {self.budget} trials were already taken")
        # A retry starts with the failed trial's attributes: its own replace them.
        trial.set_user_attr("worker", worker_id())
        trial.set_user_attr("retry_of", retry_of)
        trial.set_user_attr("reason", None)
        trial.set_user_attr("history", {})
        params = suggest(trial, self.settings.space)
        twin = _earlier_twin(trial, params)
        if twin is not None:
            # The sampler proposed a set already trained: its value, without training it again.
            trial.set_user_attr("duplicate_of", twin.number)
            trial.set_user_attr("config", twin.user_attrs.get("config"))
            return float(twin.value)
        try:
            config = self.settings.base.replace(**params)
        except ConfigError as exc:
            trial.set_user_attr("reason", str(exc))
            raise
        trial.set_user_attr("config", config.to_dict())
        self.hooks.trial_begin(trial.number, params)
        return self._train(trial, config)

    def _train(self, trial: optuna.Trial, config) -> float:
        from core.training.run_logs import fresh_log_dir  # noqa: PLC0415 - paths only
        from core.training.trainer import train  # noqa: PLC0415 - Keras loads with the first trial, not on import

        stop = _EitherEvent(self.stop_event)
        history: dict[str, list[float]] = {name: [] for name in CURVES}
        pruned_at: list[int] = []
        metric = self.settings.objective

        def epoch_end(epoch: int, logs: dict) -> None:
            for name in CURVES:
                history[name].append(float(logs.get(name, float("nan"))))
            trial.set_user_attr("history", history)
            trial.report(float(logs[metric]), step=epoch)
            self.hooks.epoch_end(trial.number, epoch, dict(logs))
            self.hooks.progress.epoch_end(epoch, logs)
            if trial.should_prune():
                pruned_at.append(epoch)
                stop.set()

        progress = self.hooks.progress
        hooks = ProgressHooks(phase=progress.phase, train_begin=progress.train_begin, batch_end=progress.batch_end,
                              epoch_end=epoch_end, log=progress.log, encoding=progress.encoding, batch_interval=progress.batch_interval)
        log_dir = fresh_log_dir(self.log_dir, f"trial-{trial.number}") if self.log_dir is not None else None
        try:
            train(self.corpus, config, hooks, stop, log_dir=log_dir, evaluate=False, devices=self.devices)
        except StudioError as exc:
            trial.set_user_attr("reason", str(exc))
            raise
        epochs = len(history[metric])
        if pruned_at:
            trial.set_user_attr("reason", f"pruned after epoch {pruned_at[0]}")
            raise optuna.TrialPruned(f"pruned after epoch {pruned_at[0]}")
        if self.stop_event.is_set():
            if epochs:
                trial.set_user_attr("reason", f"stopped by the user after epoch {epochs}")
                raise optuna.TrialPruned(f"stopped by the user after epoch {epochs}")
            trial.set_user_attr("reason", "stopped by the user before its first epoch ended")
            raise TrialStopped("stopped before its first epoch ended")
        if not epochs:
            trial.set_user_attr("reason", "no epoch finished")
            raise TrialStopped("no epoch finished")
        values = history[metric]
        return max(values) if self.settings.direction == "maximize" else min(values)


def _earlier_twin(trial: optuna.Trial, params: dict[str, Any]) -> optuna.trial.FrozenTrial | None:
    for other in trial.study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,)):
        if other.number != trial.number and other.params == params and "duplicate_of" not in other.user_attrs:
            return other
    return None

