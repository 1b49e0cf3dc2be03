"""A worker of a study: asks Optuna for trials and trains them until the budget is spent or Stop.

Any number of workers, on one machine or many, run :meth:`Search.run` on
one study in one database; Optuna hands each a trial of its own. The
budget is the study's, not the worker's: ``trials=20`` means twenty
finished trials in all, however many workers share them. A worker whose
study is one trial short while another worker still runs it waits for
that trial to end (or for its worker's heartbeat to stop, then runs it
again), so a worker returns when the study is complete.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import optuna
from optuna.trial import TrialState

from core.data.corpus import Corpus
from core.errors import QT_TRANSLATE_NOOP, ConfigError, StudioError
from core.tuning.study import StudySettings
from core.tuning.trial import BudgetTaken, TrialHooks, TrialRunner, TrialStopped

logger = logging.getLogger(__name__)

#: The pruners a search may use, by name: the median of earlier trials at the same epoch, or
#: successive halving (only the best third of the trials that reached an epoch go on from it).
PRUNERS: dict[str, Callable[[], optuna.pruners.BasePruner]] = {
    "median": lambda: optuna.pruners.MedianPruner(n_startup_trials=3, n_warmup_steps=1),
    "halving": lambda: optuna.pruners.SuccessiveHalvingPruner(min_resource=1, reduction_factor=3),
    "none": optuna.pruners.NopPruner,
}
FINISHED = (TrialState.COMPLETE, TrialState.PRUNED)


def make_pruner(name: str) -> optuna.pruners.BasePruner:
    if name not in PRUNERS:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "Unknown pruner {name!r}; choose one of: {names}."), name=name, names=", ".join(PRUNERS))
    return PRUNERS[name]()


@dataclass
class Search:
    """One worker's part of a study."""

    study: optuna.Study
    settings: StudySettings
    corpus: Corpus
    #: Finished trials the study should have in all (None: no limit); seconds after which no trial starts.
    trials: int | None = None
    timeout: float | None = None
    stop_event: threading.Event = field(default_factory=threading.Event)
    hooks: TrialHooks = field(default_factory=TrialHooks)
    #: Each trial's TensorBoard logs go to ``log_dir/trial-<number>``, if given.
    log_dir: Path | None = None
    devices: int = 1
    #: Called while this worker waits for other workers' last trials: (running trials).
    waiting: Callable[[int], None] = lambda running: None
    #: Seconds between looks at the study while waiting.
    poll_seconds: float = 1.0

    def run(self) -> int:
        """Train trials until the budget is spent, the time is up or Stop; returns how many this worker ran."""
        if self.trials is not None and self.trials < 1:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "--trials must be at least 1, not {trials}."), trials=self.trials)
        runner = TrialRunner(self.settings, self.corpus, self.stop_event, self.hooks, self.trials, self.log_dir, self.devices)
        start = time.monotonic()
        ran = 0
        while not self.stop_event.is_set():
            if self.timeout is not None and time.monotonic() - start >= self.timeout:
                break
            if self.trials is not None and not self._room_left():
                break
            if self.stop_event.is_set():
                break
            self.study.optimize(runner, n_trials=1, catch=(StudioError, TrialStopped, BudgetTaken),
                                callbacks=[lambda study, trial: self.hooks.trial_end(trial)])
            ran += 1
        return ran

    def _room_left(self) -> bool:
        """Whether a trial should start now; waits while other workers run the study's last trials."""
        while not self.stop_event.is_set():
            optuna.storages.fail_stale_trials(self.study)  # a dead worker's trial fails, and is queued again
            trials = self.study.get_trials(deepcopy=False)
            finished = sum(1 for t in trials if t.state in FINISHED)
            if finished >= self.trials:
                return False
            if any(t.state == TrialState.WAITING for t in trials):
                return True
            running = sum(1 for t in trials if t.state == TrialState.RUNNING)
            if finished + running < self.trials:
                return True
            self.waiting(running)
            self.stop_event.wait(self.poll_seconds)
        return False


def best_config(study: optuna.Study) -> dict[str, Any]:
    """The full config (nested form) of the study's best finished trial; ConfigError if none has finished."""
    try:
        best = study.best_trial
    except ValueError:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "Study {name!r} has no completed trial yet."), name=study.study_name) from None
    return best.user_attrs["config"]
