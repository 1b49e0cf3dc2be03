"""The evaluation tab's data: a decimated ROC curve that keeps its shape, and recounts equal to the full ones."""

from __future__ import annotations

import numpy as np
import pytest

from core.insight.evaluation_view_data import ROC_POINTS, EvaluationViewData, decimate_curve
from core.insight.metrics import TestPredictions, classification_metrics, roc_curve


def imdb_like(count: int = 25_000, seed: int = 0) -> TestPredictions:
    """Scores like a full-data model's: two overlapping classes, nearly every score distinct."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, count)
    logits = rng.normal(np.where(labels == 1, 1.2, -1.2), 1.3)
    return TestPredictions(labels, (1 / (1 + np.exp(-logits))).astype("float32"))


def test_the_roc_curve_is_decimated_to_a_few_hundred_points_that_keep_its_shape():
    predictions = imdb_like()
    fpr, tpr, _ = predictions.roc()
    assert len(fpr) > 20_000
    data = EvaluationViewData(predictions)
    x, y = data.roc_fpr, data.roc_tpr
    assert len(x) <= ROC_POINTS and data.roc_size == len(fpr)
    assert (x[0], y[0]) == (0.0, 0.0) and (x[-1], y[-1]) == (1.0, 1.0)
    assert np.all(np.diff(x) >= 0) and np.all(np.diff(y) >= 0)  # still a ROC curve
    # The same area, and nowhere far from the full curve.
    assert abs(np.trapezoid(y, x) - np.trapezoid(tpr, fpr)) < 1e-3
    # Every point of the full curve lies within 0.02 of a point drawn (on a unit square).
    nearest = np.min(np.hypot(fpr[:, None] - x[None, :], tpr[:, None] - y[None, :]), axis=1)
    assert nearest.max() < 0.02


def test_every_corner_of_the_hull_is_kept():
    # A staircase with a few big steps: its corners are what a threshold can reach.
    x = np.r_[0.0, np.linspace(0, 0.1, 1000), np.linspace(0.1, 1.0, 2000)]
    y = np.r_[0.0, np.linspace(0.0, 0.9, 1000), np.full(2000, 0.9)]
    x, y = np.r_[x, 1.0], np.r_[y, 1.0]
    dx, dy = decimate_curve(x, y, points=50)
    assert len(dx) < 100
    assert any(np.isclose(a, 0.1) and np.isclose(b, 0.9) for a, b in zip(dx, dy))


def test_a_short_curve_is_kept_whole():
    x, y = np.array([0.0, 0.5, 1.0]), np.array([0.0, 0.8, 1.0])
    dx, dy = decimate_curve(x, y)
    assert list(dx) == list(x) and list(dy) == list(y)


@pytest.mark.parametrize("threshold", [0.001, 0.2, 0.5, 0.5000001, 0.73, 0.999])
def test_the_recount_at_any_threshold_equals_the_full_metrics(threshold):
    predictions = imdb_like(3_000, seed=1)
    predictions.probabilities[:10] = np.float32(0.5)  # ties at the threshold count as positive, as everywhere
    fast = EvaluationViewData(predictions).metrics(threshold)
    full = classification_metrics(predictions.labels, predictions.probabilities, threshold)
    assert fast["confusion_matrix"] == full["confusion_matrix"]
    for key in ("accuracy", "precision", "recall", "f1", "roc_auc", "loss"):
        assert fast[key] == pytest.approx(full[key])
    assert roc_curve(predictions.labels, predictions.probabilities)[0][0] == 0.0
