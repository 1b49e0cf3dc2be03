"""The convolutional family's Keras network, as in the Keras IMDB CNN example::

    Embedding -> Dropout -> Conv1D(relu) -> GlobalMaxPooling1D -> [Dense(relu)] -> Dropout -> Dense(1, sigmoid)

With more than one convolutional layer, a MaxPooling1D over pairs of steps
sits between them, so each layer sees phrases twice as long as the one
before. Convolutions and pooling pad with ``"same"``: a review shorter than
the kernel, or a length bucket narrower than the stack's reach, still
gives every filter a value.
"""

from __future__ import annotations

import keras

from core.models.families.base import BuildSettings


def build_network(config: BuildSettings, vocab_size: int) -> keras.Sequential:
    """The network reading int sequences of ``config.max_length`` (any length with buckets); not compiled."""
    model = config.model
    layers: list[keras.layers.Layer] = [
        # With length buckets, batches come in several widths.
        keras.Input(shape=(None if config.bucket_by_length else config.max_length,), dtype="int32", name="tokens"),
        keras.layers.Embedding(vocab_size, model.embedding_dim, name="embedding"),
    ]
    if model.dropout:
        layers.append(keras.layers.Dropout(model.dropout, seed=config.seed, name="embedding_dropout"))
    for index in range(model.conv_layers):
        suffix = f"_{index + 1}" if model.conv_layers > 1 else ""
        if index:
            layers.append(keras.layers.MaxPooling1D(2, padding="same", name=f"max_pooling{suffix}"))
        layers.append(keras.layers.Conv1D(model.filters, model.kernel_size, padding="same", activation="relu", name=f"conv{suffix}"))
    layers.append(keras.layers.GlobalMaxPooling1D(name="global_max_pooling"))
    if model.hidden_units:
        layers.append(keras.layers.Dense(model.hidden_units, activation="relu", name="hidden"))
    if model.dropout:
        layers.append(keras.layers.Dropout(model.dropout, seed=config.seed + 1, name="dropout"))
    layers.append(keras.layers.Dense(1, activation="sigmoid", name="sentiment"))
    return keras.Sequential(layers, name="sentiment_cnn")
