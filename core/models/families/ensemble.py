"""The ensemble family: several trained models whose probabilities are averaged.

Models of different families err on different reviews: a bag of n-grams
misses word order, a network that reads the words in turn misses rare
phrases. Averaging their probabilities corrects some of each. A run of this
family trains its members in turn, each with its own preset and this run's
seed and validation split, then combines them
(:func:`core.training.trainer.train`); trained models are combined with
:func:`core.models.sentiment_model.combine` (the Runs tab and the
``ensemble`` command). The result is one ``.keras`` file that reads raw
strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.errors import QT_TRANSLATE_NOOP, ConfigError, Message
from core.models.families.base import BuildSettings, FamilyConfig, ModelFamily
from core.models.fields import choice

#: The members a run trains, by the ``members`` choice: preset names, in training order.
#: "combined" is an ensemble of models trained before (it trains nothing).
MEMBER_SETS: dict[str, tuple[str, ...]] = {
    "ngrams_cnn": ("Bag of n-grams", "Convolutional"),
    "ngrams_masked_lstm": ("Bag of n-grams", "Masked LSTM"),
    "ngrams_cnn_masked_lstm": ("Bag of n-grams", "Convolutional", "Masked LSTM"),
    "combined": (),
}
MEMBER_LABELS = {
    "ngrams_cnn": QT_TRANSLATE_NOOP("core", "Bag of n-grams + Convolutional"),
    "ngrams_masked_lstm": QT_TRANSLATE_NOOP("core", "Bag of n-grams + Masked LSTM"),
    "ngrams_cnn_masked_lstm": QT_TRANSLATE_NOOP("core", "Bag of n-grams + Convolutional + Masked LSTM"),
    "combined": QT_TRANSLATE_NOOP("core", "trained models, combined"),
}
#: The common fields a run of this family uses; the members take the rest from their presets.
COMMON_FIELDS = ("validation_split", "seed")


@dataclass
class EnsembleConfig(FamilyConfig):
    """Which members an ensemble run trains."""

    members: str = field(default="ngrams_cnn", metadata=choice(
        QT_TRANSLATE_NOOP("core", "Members"), tuple(MEMBER_SETS),
        QT_TRANSLATE_NOOP("core", "the models trained in turn, each with its own preset, then averaged"),
        labels=MEMBER_LABELS))


def member_presets(config: EnsembleConfig) -> tuple[str, ...]:
    """The presets of the members a run trains, in order (none for a combination of trained models)."""
    return MEMBER_SETS[config.members]


def describe(config: EnsembleConfig) -> list[Message]:
    """'Bag of n-grams + Convolutional' (with the family: 'Ensemble, Bag of n-grams + Convolutional')."""
    return [Message(MEMBER_LABELS[config.members])]


def build(config: BuildSettings, vocab_size: int) -> Any:
    """An ensemble has no network of its own to build: it is made of trained members."""
    raise ConfigError(QT_TRANSLATE_NOOP("core", "An ensemble is not built as one network: train it (its members are trained in turn) "
                                        "or combine trained models."))


#: The members chosen on the validation accuracy of their weighted mean (docs/performance.md).
PRESETS: dict[str, dict[str, Any]] = {
    QT_TRANSLATE_NOOP("core", "Best accuracy"): {"family": "ensemble", "members": "ngrams_cnn_masked_lstm"},
}

FAMILY = ModelFamily(
    name="ensemble",
    label=QT_TRANSLATE_NOOP("core", "Ensemble"),
    config_class=EnsembleConfig,
    build=build,
    describe=describe,
    described=("members",),
    presets=PRESETS,
    members=member_presets,
    common_fields=COMMON_FIELDS,
)
