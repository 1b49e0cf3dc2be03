"""A built network's layers as rows and as text: the Results pane's table and the log's summary.

Any Keras model will do, whatever its family; nothing here imports Keras.
"""

from __future__ import annotations

from typing import Any


def summary_rows(model: Any) -> list[tuple[str, str, str, int]]:
    """(name, type, output shape, parameters) of each layer of a Keras model."""
    rows = []
    for layer in model.layers:
        try:
            shape = _shape_text(layer.output.shape)
        except (AttributeError, ValueError):
            shape = "?"
        rows.append((layer.name, type(layer).__name__, shape, int(layer.count_params())))
    return rows


def _shape_text(shape) -> str:
    """'(batch, 250, 32)'; a length that varies (length buckets) reads 'length', not 'batch'."""
    dims = ["batch" if index == 0 else "length" if dim is None else str(dim) for index, dim in enumerate(shape)]
    return f"({', '.join(dims)})"


def trainable_parameters(model: Any) -> int:
    """How many numbers training changes in a Keras model."""
    return sum(int(w.numpy().size) for w in model.trainable_weights)


def summary_text(model: Any) -> str:
    """The layers, their output shapes and parameter counts, as plain text."""
    rows = summary_rows(model)
    lines = [f"{'Layer':<28}{'Type':<20}{'Output shape':<20}{'Params':>10}"]
    lines += [f"{name:<28}{kind:<20}{shape:<20}{params:>10,}" for name, kind, shape, params in rows]
    lines.append(f"Total trainable parameters: {trainable_parameters(model):,}")
    return "\n".join(lines)


def layer_table(model: Any) -> tuple[list[tuple[str, str, str, int]], int | None]:
    """A ``SentimentModel``'s layer rows and trainable total, computed once and kept on it.

    Both call Keras (the weights' sizes); the app builds them on the worker
    thread at the end of a run or an open, and the window only shows them.
    """
    cached = getattr(model, "layer_table_cache", None)
    if cached is None:
        try:
            network = model.classifier
            cached = (summary_rows(network), trainable_parameters(network))
        except Exception:  # noqa: BLE001 - the window falls back to the plain-text summary
            cached = ([], None)
        model.layer_table_cache = cached
    return cached
