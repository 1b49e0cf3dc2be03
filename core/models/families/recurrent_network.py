"""The recurrent family's Keras network, and whether it can run on cuDNN.

With the defaults this is exactly the tutorial's model::

    Embedding(10000, 32) -> LSTM(32) -> Dense(1, sigmoid)

Every option keeps the recurrent layers eligible for the fused cuDNN
kernel on a GPU: the default tanh/sigmoid activations, no
``recurrent_dropout`` and ``unroll=False``. Sequences padded in front (the
tutorial's) carry no mask, which cuDNN's masked path would refuse, and the
LSTM learns to ignore the leading zeros. Sequences padded at the end
(``padding="post"``) get ``mask_zero=True`` on the embedding: a
right-padded mask is what cuDNN does accept, as each row's length (the
vectorizer gives an empty review one unknown word, since cuDNN also refuses
a row that is all padding).
"""

from __future__ import annotations

import keras

from core.models.families.base import BuildSettings
from core.models.layers import MaxMeanPooling1D, WordDropout


def build_network(config: BuildSettings, vocab_size: int) -> keras.Sequential:
    """The network reading int sequences of ``config.max_length`` (any length with buckets); not compiled."""
    model = config.model
    cell = keras.layers.LSTM if model.cell == "lstm" else keras.layers.GRU
    name = "lstm" if model.cell == "lstm" else "gru"

    layers: list[keras.layers.Layer] = [
        # With length buckets, batches come in several widths.
        keras.Input(shape=(None if config.bucket_by_length else config.max_length,), dtype="int32", name="tokens"),
    ]
    if model.word_dropout:
        layers.append(WordDropout(model.word_dropout, seed=config.seed, name="word_dropout"))
    layers.append(keras.layers.Embedding(vocab_size, model.embedding_dim, mask_zero=model.padding == "post", name="embedding"))
    if model.embedding_dropout:
        layers.append(keras.layers.SpatialDropout1D(model.embedding_dropout, name="embedding_dropout"))
    for index in range(model.recurrent_layers):
        keep_sequence = index < model.recurrent_layers - 1 or model.pooling != "last"
        suffix = f"_{index + 1}" if model.recurrent_layers > 1 else ""
        rnn = cell(model.units, return_sequences=keep_sequence, name=f"{name}{suffix}")
        if model.bidirectional:
            rnn = keras.layers.Bidirectional(rnn, name=f"bidirectional_{name}{suffix}")
        layers.append(rnn)
        if model.dropout:
            layers.append(keras.layers.Dropout(model.dropout, name=f"dropout{suffix}"))
    if model.pooling == "max":
        layers.append(keras.layers.GlobalMaxPooling1D(name="max_pooling"))
    elif model.pooling == "max+mean":
        layers.append(MaxMeanPooling1D(name="max_mean_pooling"))
    layers.append(keras.layers.Dense(1, activation="sigmoid", name="sentiment"))
    return keras.Sequential(layers, name="sentiment_classifier")


def _recurrent_layers(model: keras.Model) -> list[keras.layers.Layer]:
    found = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Bidirectional):
            found += [layer.forward_layer, layer.backward_layer]
        elif isinstance(layer, (keras.layers.LSTM, keras.layers.GRU)):
            found.append(layer)
    return found


def cudnn_blockers(layer: keras.layers.Layer, masked_padding: str | None = None) -> list[str]:
    """Why Keras could not run this LSTM/GRU with the fused cuDNN kernel (empty: it can).

    These are the conditions Keras's TensorFlow backend checks before it
    picks cuDNN (``cudnn_ok``, the layers' ``inner_loop``, and that a mask is
    right-padded). ``masked_padding`` is where the padding of the sequences
    the layer reads is, if it reads a mask ("pre" or "post"); None if no mask.
    """
    cell = layer.cell
    reasons = []
    if cell.activation is not keras.activations.tanh:
        reasons.append("activation is not tanh")
    if cell.recurrent_activation is not keras.activations.sigmoid:
        reasons.append("recurrent_activation is not sigmoid")
    if layer.unroll:
        reasons.append("unroll=True")
    if not cell.use_bias:
        reasons.append("use_bias=False")
    if cell.recurrent_dropout:
        reasons.append("recurrent_dropout > 0")
    if isinstance(layer, keras.layers.GRU) and not cell.reset_after:
        reasons.append("reset_after=False")
    if getattr(layer, "use_cudnn", "auto") is False:
        reasons.append("use_cudnn=False")
    if masked_padding is not None and masked_padding != "post":
        reasons.append("a mask over sequences padded in front (cuDNN takes only right-padded masks)")
    return reasons


def cudnn_report(model: keras.Model, padding: str = "pre") -> str:
    """One line for the log: will the recurrent layers run on the cuDNN kernel? ``padding``: where the inputs are padded."""
    import tensorflow as tf  # noqa: PLC0415

    layers = _recurrent_layers(model)
    if not layers:
        return "cuDNN: the model has no recurrent layer."
    masked = any(getattr(layer, "mask_zero", False) for layer in model.layers)
    masked_padding = padding if masked else None
    blocked = {layer.name: why for layer in layers if (why := cudnn_blockers(layer, masked_padding))}
    if blocked:
        detail = "; ".join(f"{name}: {', '.join(why)}" for name, why in blocked.items())
        return f"cuDNN: not eligible ({detail}); the generic kernel is used."
    eligible = "all recurrent layers are cuDNN-eligible" + (" (masked, padded at the end: cuDNN reads each row's length)" if masked else "")
    gpus = tf.config.list_logical_devices("GPU")
    if gpus:
        return f"cuDNN: {eligible}; the cuDNN kernel will be used on {gpus[0].name}."
    return f"cuDNN: {eligible}; no GPU here, so the CPU kernel is used."
