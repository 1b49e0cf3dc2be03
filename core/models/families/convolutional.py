"""The convolutional family: the Keras IMDB CNN example and its variations.

Embedding -> Conv1D (one or more, with max pooling between them) -> global
max pooling -> (optional hidden Dense layer) -> Dense. Each filter is a
detector of a phrase of ``kernel_size`` words, and global max pooling keeps
its strongest match anywhere in the review, so where the padding is does
not matter much: the family reads the vectorizer's word ids, padded in
front like the tutorial's. :mod:`core.models.families.convolutional_network`
builds it with Keras.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.errors import QT_TRANSLATE_NOOP, Message
from core.models.families.base import BuildSettings, FamilyConfig, ModelFamily
from core.models.fields import number
from core.models.search_space import among, span


@dataclass
class ConvolutionalConfig(FamilyConfig):
    """The convolutional network's shape and regularisation."""

    embedding_dim: int = field(default=64, metadata=number(QT_TRANSLATE_NOOP("core", "Embedding size"), 2, 1_024, QT_TRANSLATE_NOOP("core", "size of each word vector")))
    filters: int = field(default=128, metadata=number(
        QT_TRANSLATE_NOOP("core", "Filters"), 1, 1_024, QT_TRANSLATE_NOOP("core", "filters per convolutional layer: each learns one kind of phrase")))
    kernel_size: int = field(default=5, metadata=number(
        QT_TRANSLATE_NOOP("core", "Kernel size (words)"), 1, 25, QT_TRANSLATE_NOOP("core", "words each filter reads at once")))
    conv_layers: int = field(default=1, metadata=number(
        QT_TRANSLATE_NOOP("core", "Convolutional layers"), 1, 4,
        QT_TRANSLATE_NOOP("core", "stacked convolutional layers, with max pooling over pairs of steps between them")))
    hidden_units: int = field(default=0, metadata=number(
        QT_TRANSLATE_NOOP("core", "Hidden units"), 0, 1_024, QT_TRANSLATE_NOOP("core", "units of a hidden layer after the pooling (0: none)")))
    dropout: float = field(default=0.2, metadata=number(
        QT_TRANSLATE_NOOP("core", "Dropout"), 0.0, 0.9, QT_TRANSLATE_NOOP("core", "dropout on the word vectors and before the classifier")))


def describe(config: ConvolutionalConfig) -> list[Message]:
    """'CNN, 128 filters of 5 words', '2-layer CNN, 64 filters of 3 words, hidden 250, dropout 0.2'."""
    if config.conv_layers > 1:
        name = Message(QT_TRANSLATE_NOOP("core", "{layers}-layer CNN, {filters} filters of {kernel} words"),
                       layers=config.conv_layers, filters=config.filters, kernel=config.kernel_size)
    else:
        name = Message(QT_TRANSLATE_NOOP("core", "CNN, {filters} filters of {kernel} words"), filters=config.filters, kernel=config.kernel_size)
    parts = [name]
    if config.hidden_units:
        parts.append(Message(QT_TRANSLATE_NOOP("core", "hidden {units}"), units=config.hidden_units))
    if config.dropout:
        parts.append(Message(QT_TRANSLATE_NOOP("core", "dropout {dropout:g}"), dropout=config.dropout))
    return parts


def build(config: BuildSettings, vocab_size: int) -> Any:
    """The Keras network (Keras loads here, not when the registry is read)."""
    from core.models.families.convolutional_network import build_network  # noqa: PLC0415 - Keras only when a model is built

    return build_network(config, vocab_size)


#: Chosen on the validation split of the IMDB training set (docs/performance.md).
PRESETS: dict[str, dict[str, Any]] = {
    # The family's defaults on a larger vocabulary and longer reviews, as the
    # Keras example reads them. The validation loss was lowest at epoch 3 of 4
    # (accuracy 0.801, 0.859, 0.874, 0.872): at most 4 epochs, keeping the best.
    QT_TRANSLATE_NOOP("core", "Convolutional"): {
        "family": "convolutional", "vocab_size": 20_000, "max_length": 400,
        "epochs": 4, "early_stopping": True, "patience": 1,
    },
}

#: The Keras CNN example's knobs: word vectors, filters and the phrase length they read.
SEARCH_SPACE: dict[str, dict[str, Any]] = {
    "embedding_dim": span(16, 128, log=True),
    "filters": span(32, 256, log=True),
    "kernel_size": span(2, 7),
    "dropout": span(0.0, 0.5),
    "batch_size": among(32, 64, 128),
    "learning_rate": span(1e-4, 1e-2, log=True),
}

FAMILY = ModelFamily(
    name="convolutional",
    label=QT_TRANSLATE_NOOP("core", "Convolutional network"),
    config_class=ConvolutionalConfig,
    build=build,
    describe=describe,
    described=("filters", "kernel_size", "conv_layers", "hidden_units", "dropout"),
    presets=PRESETS,
    search_space=SEARCH_SPACE,
)
