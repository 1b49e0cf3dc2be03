"""A study's settings, stored in the study itself so that every worker searches the same thing.

The first worker creates the study and writes into its user attributes
the family, the base config (every field the search does not vary), the
space, the objective and the fingerprint of its data. A worker that joins
reads them back: it needs only the study's name, the database and the same
data. It refuses, with one line, a family, objective or space other than
the study's, or other data.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import optuna

from core.errors import QT_TRANSLATE_NOOP, ConfigError
from core.models.config import TrainingConfig
from core.tuning.defaults import OBJECTIVES
from core.tuning.fingerprint import ATTRIBUTE as FINGERPRINT
from core.tuning.fingerprint import check_same_data
from core.tuning.space import Space, checked_space, default_space

# Heartbeats, stale-trial retries and constant_liar are marked experimental; they are the point here.
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)



@dataclass
class StudySettings:
    """What every worker of a study shares: the family, the fixed fields, the space and the objective."""

    base: TrainingConfig
    space: Space
    objective: str = "val_accuracy"

    def __post_init__(self) -> None:
        if self.objective not in OBJECTIVES:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "Unknown objective {name!r}; choose one of: {names}."),
                              name=self.objective, names=", ".join(OBJECTIVES))
        if self.base.validation_split == 0:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "A search is judged on validation data: set validation_split above 0."))
        self.space = checked_space(self.base.family, self.space)

    @classmethod
    def for_family(cls, family: str, objective: str = "val_accuracy", base: TrainingConfig | None = None) -> "StudySettings":
        """The family's default space around ``base`` (default: the family's defaults)."""
        base = base if base is not None and base.family == family else TrainingConfig(family=family)
        return cls(base=base, space=default_space(family), objective=objective)

    @property
    def family(self) -> str:
        return self.base.family

    @property
    def direction(self) -> str:
        return OBJECTIVES[self.objective]

    def attributes(self) -> dict[str, Any]:
        return {"family": self.family, "objective": self.objective, "base_config": self.base.to_dict(), "search_space": self.space}

    @classmethod
    def from_attributes(cls, attributes: dict[str, Any]) -> "StudySettings":
        return cls(base=TrainingConfig.from_dict(attributes["base_config"]), space=attributes["search_space"], objective=attributes["objective"])


def open_study(storage: Any, name: str, settings: StudySettings | None, data_fingerprint: dict | None,
               sampler: optuna.samplers.BaseSampler | None = None, pruner: optuna.pruners.BasePruner | None = None) -> tuple[optuna.Study, StudySettings]:
    """Create the study ``name`` with ``settings``, or join it and read its own.

    Joining with ``settings`` of another family, objective or space raises
    ConfigError; with another ``data_fingerprint``, DataError. Without
    ``settings`` the study must exist.
    """
    existing = stored_settings(storage, name)
    if existing is None:
        if settings is None:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "There is no study {name!r} in {storage}; give a family to start one."),
                              name=name, storage=_where(storage))
        study = optuna.create_study(storage=storage, study_name=name, direction=settings.direction, load_if_exists=True,
                                    sampler=sampler, pruner=pruner)
        if "search_space" not in study.user_attrs:
            for key, value in settings.attributes().items():
                study.set_user_attr(key, value)
            if data_fingerprint is not None:
                study.set_user_attr(FINGERPRINT, data_fingerprint)
        existing = StudySettings.from_attributes(study.user_attrs)
    else:
        study = optuna.load_study(storage=storage, study_name=name, sampler=sampler, pruner=pruner)
    if settings is not None:
        _check_same_search(name, existing, settings)
    recorded = study.user_attrs.get(FINGERPRINT)
    if data_fingerprint is not None:
        if recorded is None:
            study.set_user_attr(FINGERPRINT, data_fingerprint)
        else:
            check_same_data(name, recorded, data_fingerprint)
    return study, existing


def stored_settings(storage: Any, name: str) -> StudySettings | None:
    """The settings study ``name`` was created with; None if there is no such study (yet)."""
    try:
        study = optuna.load_study(storage=storage, study_name=name)
    except KeyError:
        return None
    attributes = study.user_attrs
    if "search_space" not in attributes:
        return None  # being created by another worker this very moment
    return StudySettings.from_attributes(attributes)


def study_names(storage: Any) -> list[str]:
    """The studies in a database, oldest first."""
    return [summary.study_name for summary in optuna.get_all_study_summaries(storage, include_best_trial=False)]


def _check_same_search(name: str, study: StudySettings, mine: StudySettings) -> None:
    if (study.family, study.objective) != (mine.family, mine.objective) or study.space != mine.space:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "Study {name!r} searches {family} for the {objective} over its own space; "
                                            "join it without --family, --objective or --param, or give a new study name."),
                          name=name, family=study.family, objective=study.objective.replace("_", " "))


def _where(storage: Any) -> str:
    url = getattr(storage, "url", storage)
    return str(url)
