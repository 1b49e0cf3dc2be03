"""The classifier network, built from a TrainingConfig.

With the defaults this is exactly the tutorial's model::

    Embedding(10000, 32) -> LSTM(32) -> Dense(1, sigmoid)

compiled with adam, binary cross-entropy and accuracy. Every option keeps
the recurrent layers eligible for the fused cuDNN kernel on a GPU: the
default tanh/sigmoid activations, no ``recurrent_dropout``, ``unroll=False``
and no mask (the sequences are padded at the front, which cuDNN's masked
path does not accept, and the LSTM learns to ignore leading zeros).
"""

from __future__ import annotations

import keras

from .config import TrainingConfig

_OPTIMIZERS = {
    "adam": keras.optimizers.Adam,
    "rmsprop": keras.optimizers.RMSprop,
    "sgd": keras.optimizers.SGD,
}


def build_model(config: TrainingConfig, vocab_size: int | None = None) -> keras.Model:
    """A compiled model reading int sequences of ``config.max_length``."""
    vocab_size = vocab_size or config.vocab_size
    cell = keras.layers.LSTM if config.cell == "lstm" else keras.layers.GRU
    name = "lstm" if config.cell == "lstm" else "gru"

    layers: list[keras.layers.Layer] = [
        keras.Input(shape=(config.max_length,), dtype="int32", name="tokens"),
        keras.layers.Embedding(vocab_size, config.embedding_dim, name="embedding"),
    ]
    for index in range(config.recurrent_layers):
        keep_sequence = index < config.recurrent_layers - 1 or config.pooling == "max"
        suffix = f"_{index + 1}" if config.recurrent_layers > 1 else ""
        rnn = cell(config.units, return_sequences=keep_sequence, name=f"{name}{suffix}")
        if config.bidirectional:
            rnn = keras.layers.Bidirectional(rnn, name=f"bidirectional_{name}{suffix}")
        layers.append(rnn)
        if config.dropout:
            layers.append(keras.layers.Dropout(config.dropout, name=f"dropout{suffix}"))
    if config.pooling == "max":
        layers.append(keras.layers.GlobalMaxPooling1D(name="max_pooling"))
    layers.append(keras.layers.Dense(1, activation="sigmoid", name="sentiment"))

    model = keras.Sequential(layers, name="sentiment_classifier")
    model.compile(
        optimizer=_OPTIMIZERS[config.optimizer](learning_rate=config.learning_rate),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    return model


def summary_rows(model: keras.Model) -> list[tuple[str, str, str, int]]:
    """(name, type, output shape, parameters) of each layer."""
    rows = []
    for layer in model.layers:
        try:
            shape = str(tuple(layer.output.shape)).replace("None", "batch")
        except (AttributeError, ValueError):
            shape = "?"
        rows.append((layer.name, type(layer).__name__, shape, int(layer.count_params())))
    return rows


def summary_text(model: keras.Model) -> str:
    """The layers, their output shapes and parameter counts, as plain text."""
    rows = summary_rows(model)
    lines = [f"{'Layer':<28}{'Type':<20}{'Output shape':<20}{'Params':>10}"]
    lines += [f"{name:<28}{kind:<20}{shape:<20}{params:>10,}" for name, kind, shape, params in rows]
    lines.append(f"Total trainable parameters: {sum(int(w.numpy().size) for w in model.trainable_weights):,}")
    return "\n".join(lines)
