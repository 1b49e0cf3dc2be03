"""The bag-of-n-grams family: the NBSVM and fastText idea, as a Keras model that reads raw strings.

Each review becomes the set of its word n-grams (one to ``ngrams`` words,
hashed into ``2**hash_bits`` ids; :mod:`core.text.ngrams`). Each n-gram has
a fixed weight, its Naive Bayes log-count ratio learned from the fitted
part of the training set (or 1 for a plain binary bag), and the review's
weights are scaled to unit length. With an embedding size of 1 the network
is a logistic regression on those features, NBSVM's model; with more it
sums learned n-gram vectors (fastText's averaged embeddings) into a Dense
layer. It reads every word of a review: ``max_length`` does not apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.errors import QT_TRANSLATE_NOOP, Message
from core.models.families.base import BuildSettings, FamilyConfig, ModelFamily
from core.models.fields import choice, number
from core.models.search_space import among, span

WEIGHTINGS = ("nb", "binary")


@dataclass
class NGramConfig(FamilyConfig):
    """Which n-grams are counted, how they are weighted, and the layer that reads them."""

    ngrams: int = field(default=2, metadata=number(
        QT_TRANSLATE_NOOP("core", "Longest n-gram"), 1, 3, QT_TRANSLATE_NOOP("core", "word runs counted: 1 words, 2 adds pairs of words, 3 adds triples")))
    hash_bits: int = field(default=20, metadata=number(
        QT_TRANSLATE_NOOP("core", "Hash bits"), 12, 24, QT_TRANSLATE_NOOP("core", "n-grams are hashed into 2^bits ids; more bits, fewer collisions, more memory")))
    weighting: str = field(default="nb", metadata=choice(
        QT_TRANSLATE_NOOP("core", "Weighting"), WEIGHTINGS,
        QT_TRANSLATE_NOOP("core", "each n-gram's fixed weight: its Naive Bayes log-count ratio on the training reviews, or 1"),
        labels={"nb": QT_TRANSLATE_NOOP("core", "Naive Bayes log-count ratio"), "binary": QT_TRANSLATE_NOOP("core", "binary (present or not)")}))
    embedding_dim: int = field(default=1, metadata=number(
        QT_TRANSLATE_NOOP("core", "Embedding size"), 1, 512,
        QT_TRANSLATE_NOOP("core", "1: a linear model on the n-grams (logistic regression); more: learned n-gram vectors, summed (fastText)")))
    dropout: float = field(default=0.0, metadata=number(
        QT_TRANSLATE_NOOP("core", "Dropout"), 0.0, 0.9, QT_TRANSLATE_NOOP("core", "dropout on the review's vector (embedding size above 1)")))


def describe(config: NGramConfig) -> list[Message]:
    """'Bag of 1-2-grams, NB-weighted, linear'."""
    grams = "-".join(str(n) for n in range(1, config.ngrams + 1))
    parts = [Message(QT_TRANSLATE_NOOP("core", "Bag of {grams}-grams"), grams=grams)]
    if config.weighting == "nb":
        parts.append(Message(QT_TRANSLATE_NOOP("core", "NB-weighted")))
    parts.append(Message(QT_TRANSLATE_NOOP("core", "linear")) if config.embedding_dim == 1
                 else Message(QT_TRANSLATE_NOOP("core", "{dim}-d vectors"), dim=config.embedding_dim))
    return parts


def build(config: BuildSettings, vocab_size: int) -> Any:
    from core.models.families.ngram_network import build_network  # noqa: PLC0415 - Keras only when a model is built

    return build_network(config, vocab_size)


def encode(corpus: Any, config: Any, hooks: Any) -> Any:
    from core.models.families.ngram_network import encode_ngrams  # noqa: PLC0415

    return encode_ngrams(corpus, config, hooks)


def prepare(network: Any, x_fit: Any, y_fit: Any, config: Any) -> None:
    from core.models.families.ngram_network import set_feature_weights  # noqa: PLC0415

    set_feature_weights(network, x_fit, y_fit, config)


#: Chosen on the validation split of the IMDB training set (docs/performance.md).
PRESETS: dict[str, dict[str, Any]] = {
    QT_TRANSLATE_NOOP("core", "Bag of n-grams"): {
        "family": "ngram", "ngrams": 2, "hash_bits": 20, "weighting": "nb", "embedding_dim": 1,
        "learning_rate": 0.05, "batch_size": 256, "epochs": 10,
        "early_stopping": True, "patience": 2, "min_delta": 0.001,
    },
}

#: Around the preset: a linear model or small summed vectors, and a learning rate
#: several times the recurrent one (one weight per n-gram, updated rarely).
#: Hash bits stay at 20: 2^22 ids times 32-d vectors would not fit in memory.
SEARCH_SPACE: dict[str, dict[str, Any]] = {
    "ngrams": span(1, 3),
    "weighting": among("nb", "binary"),
    "embedding_dim": among(1, 8, 32),
    "dropout": span(0.0, 0.5),
    "batch_size": among(64, 128, 256, 512),
    "learning_rate": span(1e-3, 0.3, log=True),
}

FAMILY = ModelFamily(
    name="ngram",
    label=QT_TRANSLATE_NOOP("core", "Bag of n-grams"),
    config_class=NGramConfig,
    build=build,
    describe=describe,
    described=("ngrams", "weighting", "embedding_dim"),
    presets=PRESETS,
    encode=encode,
    prepare=prepare,
    search_space=SEARCH_SPACE,
)
