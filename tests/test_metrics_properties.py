"""The test metrics agree with a brute-force count at any threshold, for any labels and probabilities."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from core.insight.metrics import TestPredictions, classification_metrics

# Ties matter (the ROC curve steps over them), so probabilities come from a small grid as well as anywhere.
PROBABILITY = st.one_of(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]), st.floats(0, 1))
CASES = st.integers(1, 40).flatmap(lambda n: st.tuples(st.lists(st.integers(0, 1), min_size=n, max_size=n),
                                                       st.lists(PROBABILITY, min_size=n, max_size=n)))
THRESHOLD = st.one_of(st.floats(0, 1), PROBABILITY)


def brute_force(labels: list[int], probabilities: list[float], threshold: float) -> dict:
    """Every metric by counting, one review at a time."""
    tp = fp = tn = fn = 0
    for label, p in zip(labels, probabilities):
        predicted = p >= threshold
        tp += label == 1 and predicted
        fp += label == 0 and predicted
        tn += label == 0 and not predicted
        fn += label == 1 and not predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    positives = [p for label, p in zip(labels, probabilities) if label == 1]
    negatives = [p for label, p in zip(labels, probabilities) if label == 0]
    # ROC AUC: the chance that a positive review scores above a negative one, ties counting half.
    pairs = [(pos > neg) + 0.5 * (pos == neg) for pos in positives for neg in negatives]
    clipped = [min(max(p, 1e-7), 1 - 1e-7) for p in probabilities]
    loss = -sum(label * math.log(p) + (1 - label) * math.log(1 - p) for label, p in zip(labels, clipped)) / len(labels)
    return {
        "confusion_matrix": [[tn, fp], [fn, tp]],
        "count": len(labels),
        "accuracy": (tp + tn) / len(labels),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "roc_auc": sum(pairs) / len(pairs) if pairs else math.nan,
        "loss": loss,
    }


def assert_agree(metrics: dict, expected: dict) -> None:
    assert metrics["confusion_matrix"] == expected["confusion_matrix"]
    assert metrics["count"] == expected["count"]
    for key in ("accuracy", "precision", "recall", "f1", "loss"):
        assert math.isclose(metrics[key], expected[key], rel_tol=1e-9, abs_tol=1e-12), key
    if math.isnan(expected["roc_auc"]):
        assert math.isnan(metrics["roc_auc"])
    else:
        assert math.isclose(metrics["roc_auc"], expected["roc_auc"], rel_tol=1e-9, abs_tol=1e-12)


@settings(max_examples=400, deadline=None)
@given(CASES, THRESHOLD)
def test_metrics_match_a_brute_force_count(case, threshold):
    labels, probabilities = case
    metrics = classification_metrics(np.array(labels), np.array(probabilities), threshold)
    assert metrics["threshold"] == threshold
    assert_agree(metrics, brute_force(labels, probabilities, threshold))


@settings(max_examples=400, deadline=None)
@given(CASES, THRESHOLD)
def test_kept_predictions_match_a_brute_force_count_at_the_sliders_threshold(case, threshold):
    """The evaluation view's path: probabilities kept as float32 in the model file, any threshold from the slider."""
    labels, probabilities = case
    kept = TestPredictions(np.array(labels), np.array(probabilities))
    as_kept = [float(p) for p in kept.probabilities]  # what the file holds, compared with the threshold exactly
    assert_agree(kept.metrics(threshold), brute_force(labels, as_kept, threshold))
