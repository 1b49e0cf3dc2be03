"""Combining trained models into an ensemble; its weights and its test results from its members'.

An ensemble's probability is the mean of its members' (the last layer of
:func:`~core.models.sentiment_model.ensemble_network`): equal shares when
trained models are combined, or shares chosen on validation data when an
ensemble run trains its members (:func:`choose_weights`). When every member
was tested on the same reviews, the ensemble's test results are the
weighted mean of theirs, with no second pass over the test set.
"""

from __future__ import annotations

import itertools
from typing import Sequence

import numpy as np

from core.insight.metrics import TestPredictions
from core.insight.short_reviews import short_review_accuracy
from core.models.config import TrainingConfig
from core.models.families.ensemble import EnsembleConfig
from core.models.sentiment_model import EnsembleModel, SentimentModel

#: The weights tried by :func:`choose_weights` are multiples of this.
WEIGHT_STEP = 0.05


def combine(models: Sequence[SentimentModel], config: TrainingConfig | None = None, texts: Sequence[str] | None = None,
            training: dict | None = None, weights: Sequence[float] | None = None) -> EnsembleModel:
    """One model averaging ``models`` (with ``weights``, default equal); tested at once if they all were on the same reviews.

    ``config`` is the ensemble run's (default: a combination of models
    trained before); ``texts`` are the test reviews, for the most wrong ones
    the evaluation view lists (without them, the members' own lists serve).
    """
    config = config or TrainingConfig(family="ensemble", model=EnsembleConfig(members="combined"))
    sources = [model.source for model in models]
    same_data = all(source == sources[0] for source in sources)
    ensemble = EnsembleModel(models, config, weights=weights, training=training, source=sources[0] if same_data else {})
    if same_data:
        predictions = mean_predictions([model.test_predictions for model in models], ensemble.weights, texts)
        if predictions is not None:
            ensemble.test_predictions = predictions
            ensemble.test_metrics = predictions.metrics()
            ensemble.short_reviews = short_review_accuracy(ensemble)
    return ensemble


def mean_predictions(members: Sequence[TestPredictions | None], weights: Sequence[float], texts: Sequence[str] | None = None) -> TestPredictions | None:
    """The weighted mean of the members' test probabilities; None unless all were tested on the same labelled reviews."""
    if not members or any(p is None for p in members):
        return None
    labels = members[0].labels
    if any(len(p.labels) != len(labels) or not np.array_equal(p.labels, labels) for p in members):
        return None
    probabilities = weighted_mean([p.probabilities for p in members], weights)
    # Without the test texts, the reviews the members kept are all that can be listed.
    known = list(texts) if texts is not None else {review["index"]: review["text"] for p in members for review in p.wrong}
    return TestPredictions.from_texts(known, labels, probabilities)


def weighted_mean(probabilities: Sequence[np.ndarray], weights: Sequence[float]) -> np.ndarray:
    """What the ensemble's last layer computes, in NumPy."""
    return np.sum([np.float32(w) * np.asarray(p, dtype="float32") for w, p in zip(weights, probabilities)], axis=0, dtype="float32")


def choose_weights(probabilities: Sequence[np.ndarray], labels: np.ndarray, step: float = WEIGHT_STEP) -> tuple[list[float], float]:
    """The members' shares, multiples of ``step`` summing to 1, with the best accuracy on these (validation) reviews.

    Ties go to the lower log loss, then to the more even shares. Returns the
    weights and their accuracy. Members that only pull the others down get 0.
    """
    labels = np.asarray(labels)
    parts = round(1 / step)
    best: tuple | None = None
    for split in _compositions(parts, len(probabilities)):
        weights = [count / parts for count in split]
        mean = np.clip(weighted_mean(probabilities, weights), 1e-7, 1 - 1e-7)
        accuracy = float(np.mean((mean > 0.5) == (labels == 1)))
        loss = float(-np.mean(labels * np.log(mean) + (1 - labels) * np.log(1 - mean)))
        key = (-accuracy, round(loss, 6), max(weights))
        if best is None or key < best[0]:
            best = (key, weights, accuracy)
    return best[1], best[2]


def _compositions(total: int, count: int):
    """Every way to write ``total`` as ``count`` non-negative whole numbers, in order."""
    for cuts in itertools.combinations(range(total + count - 1), count - 1):
        edges = (-1, *cuts, total + count - 1)
        yield [edges[i + 1] - edges[i] - 1 for i in range(count)]
