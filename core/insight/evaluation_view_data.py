"""What the evaluation tab draws, computed once, off the GUI thread: a decimated ROC curve and fast recounts.

A full-data model's ROC curve has one point per distinct score, about
24,000; a line of that many points costs Matplotlib a few hundred
milliseconds per draw, and the screen shows at most a few hundred. So
:func:`decimate_curve` keeps :data:`ROC_POINTS` of them, chosen along the
curve's length (every stretch of the curve keeps points in proportion to
how long it is on screen) plus every corner of its convex hull (the
thresholds worth choosing), and always both ends.

:class:`EvaluationViewData` also keeps each class's probabilities sorted,
so moving the threshold recounts the confusion matrix with two binary
searches instead of a pass over every review, and the metrics that do not
depend on the threshold (loss, AUC) are computed once. The app builds it on
the worker thread at the end of a run or an open, and the GUI only draws it.
"""

from __future__ import annotations

import threading

import numpy as np

from core.insight.metrics import TestPredictions, binary_crossentropy, roc_auc

#: About how many points of the ROC curve are drawn.
ROC_POINTS = 400


def _hull_corners(x: list[float], y: list[float]) -> list[int]:
    """Indices of the upper convex hull of a curve whose x never decreases (Andrew's monotone chain)."""
    hull: list[int] = []
    for index in range(len(x)):
        while len(hull) >= 2:
            a, b = hull[-2], hull[-1]
            if (x[b] - x[a]) * (y[index] - y[a]) - (y[b] - y[a]) * (x[index] - x[a]) < 0:
                break  # a right turn: b stays on the upper hull
            hull.pop()
        hull.append(index)
    return hull


def decimate_curve(x: np.ndarray, y: np.ndarray, points: int = ROC_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """At most about ``points`` points of the curve ``(x, y)`` that keep its shape: its hull's corners, both ends, and the rest by arc length."""
    x, y = np.asarray(x, dtype="float64"), np.asarray(y, dtype="float64")
    if len(x) <= points:
        return x, y
    corners = np.asarray(_hull_corners(x.tolist(), y.tolist()), dtype="int64")
    length = np.r_[0.0, np.cumsum(np.hypot(np.diff(x), np.diff(y)))]
    marks = np.linspace(0.0, length[-1], max(points - len(corners), points // 2))
    along = np.searchsorted(length, marks, side="left").clip(0, len(x) - 1)
    keep = np.unique(np.r_[0, along, corners, len(x) - 1])
    return x[keep], y[keep]


class EvaluationViewData:
    """A model's test predictions as the evaluation tab needs them; built off the GUI thread."""

    def __init__(self, predictions: TestPredictions, points: int = ROC_POINTS):
        labels = predictions.labels.astype(bool)
        probabilities = predictions.probabilities.astype("float64")
        fpr, tpr, _ = predictions.roc()
        #: The full curve's size, and the points drawn.
        self.roc_size = len(fpr)
        self.roc_fpr, self.roc_tpr = decimate_curve(fpr, tpr, points)
        self.auc = roc_auc(labels, probabilities)
        self.loss = binary_crossentropy(labels, probabilities)
        self._negatives = np.sort(probabilities[~labels])
        self._positives = np.sort(probabilities[labels])
        self.wrong = list(predictions.wrong)
        #: The thread that built it (the app's worker; the tests check).
        self.built_on = threading.get_ident()

    def metrics(self, threshold: float = 0.5) -> dict:
        """The same dict as :func:`core.insight.metrics.classification_metrics`, in two binary searches."""
        negatives, positives = len(self._negatives), len(self._positives)
        # Predicted positive: probability >= threshold (as confusion_matrix, in float64).
        fp = negatives - int(np.searchsorted(self._negatives, threshold, side="left"))
        tp = positives - int(np.searchsorted(self._positives, threshold, side="left"))
        tn, fn = negatives - fp, positives - tp
        total = negatives + positives
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "loss": self.loss,
            "accuracy": (tp + tn) / total if total else 0.0,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "roc_auc": self.auc,
            "threshold": threshold,
            "confusion_matrix": [[tn, fp], [fn, tp]],
            "count": total,
        }


def view_data(model) -> EvaluationViewData | None:
    """``model``'s view data, built once and kept on it (None without test predictions)."""
    predictions = getattr(model, "test_predictions", None)
    if predictions is None:
        return None
    cached = getattr(predictions, "view_data", None)
    if cached is None:
        cached = predictions.view_data = EvaluationViewData(predictions)
    return cached
