"""A study's trials as the Tune tab and reports read them: plain rows, plus parameter importances.

Read from the database, so trials run by other workers and machines are
there too. Nothing here trains or imports Keras.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import optuna
from optuna.trial import TrialState


@dataclass
class TrialRow:
    """One trial: number, state, parameters, value, epochs, seconds, worker, and why it ended early."""

    number: int
    state: str  # "running", "complete", "pruned", "fail", "waiting"
    params: dict[str, Any]
    value: float | None
    epochs: int
    seconds: float | None
    worker: str
    reason: str = ""
    history: dict[str, list[float]] = field(default_factory=dict)


def trial_rows(study: optuna.Study) -> list[TrialRow]:
    rows = []
    for trial in study.get_trials(deepcopy=False):
        history = trial.user_attrs.get("history") or {}
        seconds = None
        if trial.datetime_start is not None and trial.datetime_complete is not None:
            seconds = (trial.datetime_complete - trial.datetime_start).total_seconds()
        value = trial.value if trial.state == TrialState.COMPLETE else None
        if trial.state == TrialState.PRUNED and trial.intermediate_values:
            value = trial.intermediate_values[max(trial.intermediate_values)]
        rows.append(TrialRow(
            number=trial.number, state=trial.state.name.lower(), params=dict(trial.params), value=value,
            epochs=len(history.get("val_loss", [])), seconds=seconds, worker=str(trial.user_attrs.get("worker") or ""),
            reason=str(trial.user_attrs.get("reason") or ""), history=history,
        ))
    return rows


def importances(study: optuna.Study) -> dict[str, float]:
    """Each parameter's share of the value's variance (Optuna's default evaluator); empty with too few trials."""
    complete = [t for t in study.get_trials(deepcopy=False) if t.state == TrialState.COMPLETE]
    if len(complete) < 2:
        return {}
    try:
        return dict(optuna.importance.get_param_importances(study))
    except (ValueError, RuntimeError, ZeroDivisionError):
        return {}  # every trial alike, or one parameter only: nothing to apportion
