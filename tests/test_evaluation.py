"""Metrics from labels and probabilities, checked against hand-computed values."""

import numpy as np
import pytest

from core.insight.metrics import TestPredictions, classification_metrics, confusion_matrix, roc_auc, roc_curve

LABELS = np.array([0, 0, 1, 1, 1, 0])
PROBABILITIES = np.array([0.1, 0.7, 0.8, 0.4, 0.9, 0.2])


def test_confusion_matrix_and_threshold():
    assert confusion_matrix(LABELS, PROBABILITIES).tolist() == [[2, 1], [1, 2]]
    assert confusion_matrix(LABELS, PROBABILITIES, threshold=0.3).tolist() == [[2, 1], [0, 3]]


def test_metrics_by_hand():
    m = classification_metrics(LABELS, PROBABILITIES)
    assert m["accuracy"] == pytest.approx(4 / 6)
    assert m["precision"] == pytest.approx(2 / 3) and m["recall"] == pytest.approx(2 / 3)
    assert m["f1"] == pytest.approx(2 / 3)
    expected_loss = -np.mean(LABELS * np.log(PROBABILITIES) + (1 - LABELS) * np.log(1 - PROBABILITIES))
    assert m["loss"] == pytest.approx(expected_loss)


def test_roc_auc_is_the_pairwise_ranking_probability():
    positives, negatives = PROBABILITIES[LABELS == 1], PROBABILITIES[LABELS == 0]
    pairs = np.mean([(p > n) + 0.5 * (p == n) for p in positives for n in negatives])
    assert roc_auc(LABELS, PROBABILITIES) == pytest.approx(pairs)
    fpr, tpr, thresholds = roc_curve(LABELS, PROBABILITIES)
    assert fpr[0] == tpr[0] == 0 and fpr[-1] == tpr[-1] == 1 and np.all(np.diff(fpr) >= 0)


def test_one_class_has_no_auc():
    assert np.isnan(roc_auc(np.ones(3), np.array([0.2, 0.5, 0.9])))


def test_most_confidently_wrong_reviews_come_first():
    texts = [f"review {i}" for i in range(6)]
    predictions = TestPredictions.from_texts(texts, LABELS, PROBABILITIES)
    assert [w["text"] for w in predictions.wrong] == ["review 1", "review 3"]
    assert predictions.wrong[1] == {"index": 3, "text": "review 3", "label": 1, "probability": pytest.approx(0.4)}
