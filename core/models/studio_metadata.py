"""``studio.json``, our entry in a model file, checked field by field before anything uses it.

A file can hold valid JSON with a wrong field (edited by hand, written by
another program, damaged): a list where the history should be, a label of 7,
a probability of "high". Each such field is named in one line, as the
command line's ``error:`` and the app's message, instead of failing later
with a ``KeyError`` deep in a chart. Fields this version does not know are
left alone, so that a newer app's files still open.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from core.errors import QT_TRANSLATE_NOOP, Message, ModelFileError

FORMAT = "imdb-sentiment-studio/1"
METADATA_ENTRY = "studio.json"

_METRIC_NUMBERS = ("loss", "accuracy", "precision", "recall", "f1", "roc_auc")
_SOURCE_COUNTS = ("train_count", "test_count", "train_positive", "test_positive")
_SOURCE_TEXTS = ("name", "kind", "path", "url", "test_path")

OBJECT = QT_TRANSLATE_NOOP("core", "a JSON object")
TEXT = QT_TRANSLATE_NOOP("core", "text")
NUMBER = QT_TRANSLATE_NOOP("core", "a number")
NUMBERS = QT_TRANSLATE_NOOP("core", "a list of numbers")
SHARE = QT_TRANSLATE_NOOP("core", "a number from 0 to 1")
BOOLEAN = QT_TRANSLATE_NOOP("core", "true or false")
COUNT = QT_TRANSLATE_NOOP("core", "a whole number, 0 or more")
POSITIVE = QT_TRANSLATE_NOOP("core", "a whole number, 1 or more")
EPOCH = QT_TRANSLATE_NOOP("core", "a whole number, 1 or more, or null")
LABEL = QT_TRANSLATE_NOOP("core", "0 or 1")
LIST = QT_TRANSLATE_NOOP("core", "a list")
MATRIX = QT_TRANSLATE_NOOP("core", "two rows of two whole numbers, 0 or more")
SCALAR = QT_TRANSLATE_NOOP("core", "text, a number, true, false or null")
SAME_LENGTH = QT_TRANSLATE_NOOP("core", "a list as long as test_predictions.labels")


class _Invalid(Exception):
    """One field that is not what it must be."""

    def __init__(self, field: str, expected: str, value: Any):
        super().__init__(field)
        self.field, self.expected, self.value = field, expected, value


def check_metadata(metadata: dict, name: str) -> None:
    """Raise ModelFileError naming the first field of ``metadata`` that is wrong; ``name`` names the file."""
    if "config" not in metadata:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} is damaged: its studio.json has no {field}."), name=name, field="config")
    try:
        _check(metadata)
    except _Invalid as problem:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("core", "{name} is damaged: in its studio.json, {field} must be {expected}, not {found}."),
            name=name, field=problem.field, expected=Message(problem.expected), found=_short(problem.value),
        ) from None


def _check(metadata: dict) -> None:
    for key in ("app_version", "keras_version", "saved_at"):
        _optional(metadata, key, _text)
    _require(isinstance(metadata["config"], dict), "config", OBJECT, metadata["config"])
    # A bag of n-grams reads every word: its max_length is null.
    _optional(metadata, "max_length", lambda value, field: _whole(value, field, 1), nullable=True)
    _optional(metadata, "vocab_size", lambda value, field: _whole(value, field, 1))
    _optional(metadata, "preprocessing", lambda value, field: _require(isinstance(value, dict), field, OBJECT, value))
    _optional(metadata, "history", _history)
    _optional(metadata, "test_metrics", _metrics, nullable=True)
    _optional(metadata, "test_predictions", _predictions, nullable=True)
    _optional(metadata, "training", _training, nullable=True)
    _optional(metadata, "source", _source, nullable=True)
    _optional(metadata, "members", _members)
    _optional(metadata, "short_reviews", _short_reviews, nullable=True)


# --- the fields ------------------------------------------------------------


def _history(history: Any, field: str) -> None:
    _require(isinstance(history, dict), field, OBJECT, history)
    for key, values in history.items():
        _require(isinstance(values, list), f"{field}.{key}", NUMBERS, values)
        for index, value in enumerate(values):
            _number(value, f"{field}.{key}[{index}]")


def _members(members: Any, field: str) -> None:
    """An ensemble's members: each an object with a config, checked as a model's own entry is."""
    _list(members, field, lambda member, where: _require(isinstance(member, dict) and isinstance(member.get("config"), dict), where, OBJECT, member))
    for index, member in enumerate(members):
        try:
            _check(member)
        except _Invalid as problem:
            raise _Invalid(f"{field}[{index}].{problem.field}", problem.expected, problem.value) from None


def _short_reviews(short: Any, field: str) -> None:
    _require(isinstance(short, dict), field, OBJECT, short)
    _share(short.get("accuracy"), f"{field}.accuracy")
    _whole(short.get("count"), f"{field}.count", 0)


def _metrics(metrics: Any, field: str) -> None:
    _require(isinstance(metrics, dict), field, OBJECT, metrics)
    for key in _METRIC_NUMBERS:
        _number(metrics.get(key), f"{field}.{key}")
    _optional(metrics, "threshold", _share, prefix=field)
    matrix = metrics.get("confusion_matrix")
    _require(isinstance(matrix, list) and len(matrix) == 2
             and all(isinstance(row, list) and len(row) == 2 and all(_is_whole(cell, 0) for cell in row) for row in matrix),
             f"{field}.confusion_matrix", MATRIX, matrix)
    _whole(metrics.get("count"), f"{field}.count", 0)


def _predictions(predictions: Any, field: str) -> None:
    _require(isinstance(predictions, dict), field, OBJECT, predictions)
    labels, probabilities = predictions.get("labels"), predictions.get("probabilities")
    _list(labels, f"{field}.labels", _label)
    _list(probabilities, f"{field}.probabilities", _share)
    _require(len(probabilities) == len(labels), f"{field}.probabilities", SAME_LENGTH, f"{len(probabilities)} values")
    wrong = predictions.get("wrong", [])
    _require(isinstance(wrong, list), f"{field}.wrong", LIST, wrong)
    for index, review in enumerate(wrong):
        where = f"{field}.wrong[{index}]"
        _require(isinstance(review, dict), where, OBJECT, review)
        _whole(review.get("index"), f"{where}.index", 0)
        _text(review.get("text"), f"{where}.text")
        _label(review.get("label"), f"{where}.label")
        _share(review.get("probability"), f"{where}.probability")


def _training(training: Any, field: str) -> None:
    _require(isinstance(training, dict), field, OBJECT, training)
    for key in ("stopped", "restored_best"):
        _optional(training, key, _boolean, prefix=field)
    _optional(training, "best_epoch", lambda value, where: _require(value is None or _is_whole(value, 1), where, EPOCH, value), prefix=field)
    _optional(training, "epochs_done", lambda value, where: _whole(value, where, 0), prefix=field)
    _optional(training, "seconds", _number, prefix=field)


def _source(source: Any, field: str) -> None:
    _require(isinstance(source, dict), field, OBJECT, source)
    for key, value in source.items():
        where = f"{field}.{key}"
        if key in _SOURCE_COUNTS:
            _whole(value, where, 0)
        elif key in _SOURCE_TEXTS:
            _text(value, where)
        else:
            _require(value is None or isinstance(value, (str, int, float, bool)), where, SCALAR, value)


# --- the kinds of value ------------------------------------------------------


def _require(condition: bool, field: str, expected: str, value: Any) -> None:
    if not condition:
        raise _Invalid(field, expected, value)


def _optional(container: dict, key: str, check: Callable[[Any, str], None], nullable: bool = False, prefix: str = "") -> None:
    """Check ``container[key]`` if it is there (and, where ``nullable``, not null)."""
    if key in container and not (nullable and container[key] is None):
        check(container[key], f"{prefix}.{key}" if prefix else key)


def _list(value: Any, field: str, check: Callable[[Any, str], None]) -> None:
    _require(isinstance(value, list), field, LIST, value)
    for index, item in enumerate(value):
        check(item, f"{field}[{index}]")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_whole(value: Any, low: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= low


def _number(value: Any, field: str) -> None:
    _require(_is_number(value), field, NUMBER, value)


def _share(value: Any, field: str) -> None:
    _require(_is_number(value) and 0 <= value <= 1, field, SHARE, value)


def _whole(value: Any, field: str, low: int) -> None:
    _require(_is_whole(value, low), field, COUNT if low == 0 else POSITIVE, value)


def _label(value: Any, field: str) -> None:
    _require(_is_whole(value, 0) and value <= 1, field, LABEL, value)


def _boolean(value: Any, field: str) -> None:
    _require(isinstance(value, bool), field, BOOLEAN, value)


def _text(value: Any, field: str) -> None:
    _require(isinstance(value, str), field, TEXT, value)


def _short(value: Any) -> str:
    """A value as JSON would show it, cut to one short line."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    text = " ".join(repr(value).split())
    return text if len(text) <= 40 else text[:37] + "..."
