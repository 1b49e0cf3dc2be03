"""Our own Keras layers: word dropout, and max-and-mean pooling over the steps.

They are registered with Keras (``core.models.keras_objects`` imports this module),
so a saved model that holds them loads with ``keras.saving.load_model``.

Word dropout: while training, some words of each review become "unknown".
A model trained on 25,000 reviews soon leans on words that are rare and
particular to the movies it saw (names, titles), which the test reviews,
about other movies, do not contain. Hiding a random share of the words in
every batch (replacing them with the out-of-vocabulary index, as an unseen
word would be) makes it weigh the evidence of the whole review instead:
the "word dropout" of Iyyer et al. (2015), for a recurrent model.

At inference the layer passes its input through unchanged, and padding is
never touched, so the pre-padded sequences keep their shape.
"""

from __future__ import annotations

import keras

from core.text.tokens import OOV_INDEX, PAD_INDEX


@keras.saving.register_keras_serializable(package="imdb_sentiment_studio")
class WordDropout(keras.layers.Layer):
    """Replace each word index by ``OOV_INDEX`` with probability ``rate``, in training only."""

    def __init__(self, rate: float, seed: int | None = None, **kwargs):
        super().__init__(**kwargs)
        if not 0.0 <= rate < 1.0:
            raise ValueError(f"rate must be in [0, 1), not {rate!r}")
        self.rate = float(rate)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)
        self.supports_masking = True

    def call(self, inputs, training=None):
        if not training or self.rate == 0.0:
            return inputs
        hidden = keras.random.uniform(keras.ops.shape(inputs), seed=self.seed_generator) < self.rate
        words = keras.ops.not_equal(inputs, PAD_INDEX)
        return keras.ops.where(keras.ops.logical_and(hidden, words), keras.ops.full_like(inputs, OOV_INDEX), inputs)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self) -> dict:
        return {**super().get_config(), "rate": self.rate, "seed": self.seed}


@keras.saving.register_keras_serializable(package="imdb_sentiment_studio")
class MaxMeanPooling1D(keras.layers.Layer):
    """The maximum and the mean of each feature over all steps, side by side.

    The maximum keeps the strongest phrase for each feature wherever it
    occurs; the mean says how much of the review agrees with it.
    """

    def call(self, inputs):
        return keras.ops.concatenate([keras.ops.max(inputs, axis=1), keras.ops.mean(inputs, axis=1)], axis=-1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], 2 * input_shape[-1])


@keras.saving.register_keras_serializable(package="imdb_sentiment_studio")
class WeightedMean(keras.layers.Layer):
    """A fixed weighted mean of its inputs: an ensemble's members, weighted as chosen on validation data.

    Keras's ``Average`` weighs every input alike; a weak member then pulls a
    strong one down as far as it helps it up.
    """

    def __init__(self, member_weights: list[float], **kwargs):
        super().__init__(**kwargs)
        total = float(sum(member_weights))
        if len(member_weights) < 2 or min(member_weights) < 0 or total <= 0:
            raise ValueError(f"member_weights must be two or more non-negative numbers with a positive sum, not {member_weights!r}")
        self.member_weights = [float(w) / total for w in member_weights]

    def call(self, inputs):
        return keras.ops.sum(keras.ops.stack([w * x for w, x in zip(self.member_weights, inputs)], axis=0), axis=0)

    def compute_output_shape(self, input_shape):
        return input_shape[0]

    def get_config(self) -> dict:
        return {**super().get_config(), "member_weights": self.member_weights}
