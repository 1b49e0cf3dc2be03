"""The bag-of-n-grams network: weighted n-gram ids to P(positive), and its text pipeline."""

from __future__ import annotations

import keras
import numpy as np

from core.models.families.base import BuildSettings
from core.progress import ProgressHooks
from core.text import ngrams  # a module import: Keras may be loading it right now (core.models.keras_objects)
from core.text.encoded_text import EncodedText
from core.text.ragged_ids import RaggedIds


@keras.saving.register_keras_serializable(package="imdb_sentiment_studio")
class WeightedBag(keras.layers.Layer):
    """A review's n-gram ids to one vector: sum of learned vectors times fixed, unit-length weights.

    ``feature_weights`` (not trained) holds each id's weight, 0 for padding;
    a review's weights are divided by their L2 norm, so a one-line review
    and a long one give vectors of the same scale.
    """

    def __init__(self, input_dim: int, output_dim: int = 1, use_bias: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.input_dim = int(input_dim)
        self.output_dim = int(output_dim)
        self.use_bias = bool(use_bias)

    def build(self, input_shape) -> None:
        self.feature_weights = self.add_weight(shape=(self.input_dim,), initializer="ones", trainable=False, name="feature_weights")
        # A linear model starts at "no evidence"; vectors start small and random.
        initializer = "zeros" if self.output_dim == 1 else keras.initializers.RandomUniform(-0.05, 0.05)
        self.embeddings = self.add_weight(shape=(self.input_dim, self.output_dim), initializer=initializer, name="embeddings")
        self.bias = self.add_weight(shape=(self.output_dim,), initializer="zeros", name="bias") if self.use_bias else None

    def call(self, ids):
        weights = keras.ops.take(self.feature_weights, ids)
        weights = weights / (keras.ops.sqrt(keras.ops.sum(weights * weights, axis=1, keepdims=True)) + 1e-6)
        vectors = keras.ops.take(self.embeddings, ids, axis=0)
        bag = keras.ops.sum(vectors * keras.ops.expand_dims(weights, -1), axis=1)
        return bag + self.bias if self.use_bias else bag

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.output_dim)

    def get_config(self) -> dict:
        config = super().get_config()
        config.update(input_dim=self.input_dim, output_dim=self.output_dim, use_bias=self.use_bias)
        return config


def build_network(config: BuildSettings, vocab_size: int) -> keras.Sequential:
    """Ids (any number a review) -> weighted bag -> P(positive); not compiled.

    With an embedding size of 1 the bag is the logit itself (a logistic
    regression: one weight an n-gram, and a bias); with more, its vector
    goes through dropout into Dense(1, sigmoid).
    """
    model = config.model
    linear = model.embedding_dim == 1
    layers: list[keras.layers.Layer] = [
        keras.Input(shape=(None,), dtype="int32", name="ngram_ids"),
        WeightedBag(vocab_size, model.embedding_dim, use_bias=linear, name="weighted_bag"),
    ]
    if linear:
        layers.append(keras.layers.Activation("sigmoid", name="classifier"))
    else:
        if model.dropout:
            layers.append(keras.layers.Dropout(model.dropout, seed=config.seed, name="dropout"))
        layers.append(keras.layers.Dense(1, activation="sigmoid", name="classifier"))
    return keras.Sequential(layers, name="bag_of_ngrams")


def encode_ngrams(corpus, config, hooks: ProgressHooks) -> EncodedText:
    """Every review's distinct hashed n-grams, kept ragged (no vocabulary to build)."""
    model = config.model
    layer = ngrams.TextToNGrams(model.ngrams, 2**model.hash_bits, name="text_to_ngrams")
    hooks.phase("building vocabulary")
    total = len(corpus.train_texts) + len(corpus.test_texts)

    def progress(offset: int):
        return lambda done, _total: hooks.encoding(offset + done, total)

    x_train = ngrams.hash_ngrams(corpus.train_texts, model.ngrams, layer.buckets, progress(0))
    x_test = ngrams.hash_ngrams(corpus.test_texts, model.ngrams, layer.buckets, progress(len(corpus.train_texts)))
    return EncodedText(layer, x_train, x_test)


def set_feature_weights(network: keras.Model, x_fit: RaggedIds, y_fit: np.ndarray, config) -> None:
    """NB log-count ratios from the fitted reviews only (never the validation ones), or 1 for each id."""
    bag = network.get_layer("weighted_bag")
    if config.model.weighting == "nb":
        weights = ngrams.log_count_ratios(x_fit, y_fit, bag.input_dim)
    else:
        weights = np.ones(bag.input_dim, dtype=np.float32)
        weights[0] = 0.0
    bag.feature_weights.assign(weights)
