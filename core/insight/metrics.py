"""Test-set metrics from labels and predicted probabilities.

Plain NumPy, so the GUI can recompute everything for a new decision
threshold without touching the model.
"""

from __future__ import annotations

import itertools

import numpy as np

_EPSILON = 1e-7  # Keras's clipping for binary cross-entropy


def binary_crossentropy(labels: np.ndarray, probabilities: np.ndarray) -> float:
    p = np.clip(np.asarray(probabilities, dtype="float64"), _EPSILON, 1 - _EPSILON)
    y = np.asarray(labels, dtype="float64")
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def confusion_matrix(labels: np.ndarray, probabilities: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """``[[TN, FP], [FN, TP]]``: rows are the true class, columns the predicted."""
    y = np.asarray(labels).astype(bool)
    # In float64: NumPy 2 compares float32 probabilities (as kept in a model file) with the
    # threshold rounded to float32, which counts a probability just under it as above it.
    predicted = np.asarray(probabilities, dtype="float64") >= threshold
    return np.array(
        [[np.sum(~y & ~predicted), np.sum(~y & predicted)], [np.sum(y & ~predicted), np.sum(y & predicted)]],
        dtype="int64",
    )


def roc_curve(labels: np.ndarray, probabilities: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """False and true positive rates at every distinct threshold, highest first."""
    y = np.asarray(labels).astype(bool)
    scores = np.asarray(probabilities, dtype="float64").ravel()
    order = np.argsort(-scores, kind="mergesort")
    scores, y = scores[order], y[order]
    # The last index of each run of equal scores.
    cuts = np.r_[np.flatnonzero(np.diff(scores)), len(scores) - 1]
    tps = np.cumsum(y)[cuts]
    fps = (cuts + 1) - tps
    positives, negatives = max(int(y.sum()), 1), max(int((~y).sum()), 1)
    fpr = np.r_[0.0, fps / negatives]
    tpr = np.r_[0.0, tps / positives]
    thresholds = np.r_[np.inf, scores[cuts]]
    return fpr, tpr, thresholds


def roc_auc(labels: np.ndarray, probabilities: np.ndarray) -> float:
    y = np.asarray(labels).astype(bool)
    if y.all() or not y.any():
        return float("nan")  # undefined with one class
    fpr, tpr, _ = roc_curve(labels, probabilities)
    return float(np.trapezoid(tpr, fpr))


def classification_metrics(labels: np.ndarray, probabilities: np.ndarray, threshold: float = 0.5) -> dict:
    """Loss, accuracy, precision, recall, F1, ROC AUC and the confusion matrix."""
    matrix = confusion_matrix(labels, probabilities, threshold)
    (tn, fp), (fn, tp) = matrix.tolist()
    total = tn + fp + fn + tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "loss": binary_crossentropy(labels, probabilities),
        "accuracy": (tp + tn) / total if total else 0.0,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "roc_auc": roc_auc(labels, probabilities),
        "threshold": threshold,
        "confusion_matrix": matrix.tolist(),
        "count": total,
    }


def format_metrics(metrics: dict) -> str:
    """A few lines of text for the console."""
    (tn, fp), (fn, tp) = metrics["confusion_matrix"]
    return (
        f"test loss {metrics['loss']:.4f}  accuracy {metrics['accuracy']:.4f}  "
        f"precision {metrics['precision']:.4f}  recall {metrics['recall']:.4f}  "
        f"F1 {metrics['f1']:.4f}  ROC AUC {metrics['roc_auc']:.4f}\n"
        f"confusion matrix (rows true, columns predicted; neg, pos):\n"
        f"  neg {tn:>7,} {fp:>7,}\n  pos {fn:>7,} {tp:>7,}"
    )


class TestPredictions:
    """The test set's labels and predicted probabilities, kept with the model.

    With them the evaluation view recomputes the matrix, the ROC curve and
    the metrics for any threshold, after training or after opening a file,
    without the data. The most confidently wrong reviews keep their text.
    """

    WRONG_KEPT = 100
    #: What the evaluation tab draws, once built (``core.insight.evaluation_view_data.view_data``).
    view_data = None

    def __init__(self, labels: np.ndarray, probabilities: np.ndarray, wrong: list[dict] | None = None):
        self.labels = np.asarray(labels, dtype="int32")
        self.probabilities = np.asarray(probabilities, dtype="float32")
        self.wrong = wrong or []

    @classmethod
    def from_texts(cls, texts, labels: np.ndarray, probabilities: np.ndarray) -> "TestPredictions":
        """The most confidently wrong reviews keep their text: ``texts[i]`` (a list, or a dict of the
        indices whose text is known; the others are passed over)."""
        labels = np.asarray(labels)
        probabilities = np.asarray(probabilities, dtype="float32")
        confidence_wrong = np.abs(probabilities - labels)  # 1.0 is a sure mistake
        order = np.argsort(-confidence_wrong, kind="stable")
        known = texts if isinstance(texts, dict) else None
        listed = (i for i in order[: np.count_nonzero(confidence_wrong > 0.5)] if known is None or int(i) in known)
        wrong = [
            {"index": int(i), "text": texts[int(i)], "label": int(labels[i]), "probability": float(probabilities[i])}
            for i in itertools.islice(listed, cls.WRONG_KEPT)
        ]
        return cls(labels, probabilities, wrong)

    def metrics(self, threshold: float = 0.5) -> dict:
        return classification_metrics(self.labels, self.probabilities, threshold)

    def roc(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return roc_curve(self.labels, self.probabilities)

    def to_dict(self) -> dict:
        return {
            "labels": self.labels.tolist(),
            "probabilities": [round(float(p), 6) for p in self.probabilities],
            "wrong": self.wrong,
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> "TestPredictions | None":
        if not data:
            return None
        return cls(np.array(data["labels"]), np.array(data["probabilities"]), data.get("wrong", []))
