"""The convolutional family: the Keras IMDB CNN example's layers, trained for real, saved, and read back by plain Keras."""

from __future__ import annotations

import numpy as np
import pytest
from plain_keras import plain_keras_probabilities

from core.errors import ConfigError
from core.models.builder import build_model
from core.models.config import TrainingConfig, preset
from core.models.families.convolutional import ConvolutionalConfig
from core.models.sentiment_model import SentimentModel

REVIEWS = ["A wonderful film, superb cast.", "Dull and awful. I hated it.", "", "ok"]


def kinds(model) -> list[str]:
    return [type(layer).__name__ for layer in model.layers]


def test_one_layer_is_the_keras_example_shape():
    model = build_model(TrainingConfig(family="convolutional"))
    assert kinds(model) == ["Embedding", "Dropout", "Conv1D", "GlobalMaxPooling1D", "Dropout", "Dense"]
    conv = model.get_layer("conv")
    assert (conv.filters, conv.kernel_size, conv.activation.__name__) == (128, (5,), "relu")
    assert not model.get_layer("embedding").mask_zero


def test_stacked_layers_pool_between_them_and_a_hidden_layer_comes_after():
    config = TrainingConfig(family="convolutional", model=ConvolutionalConfig(conv_layers=3, hidden_units=16, dropout=0.0, filters=8, kernel_size=3))
    model = build_model(config)
    assert kinds(model) == ["Embedding", "Conv1D", "MaxPooling1D", "Conv1D", "MaxPooling1D", "Conv1D", "GlobalMaxPooling1D", "Dense", "Dense"]
    assert model.get_layer("hidden").units == 16


@pytest.mark.parametrize("width", [1, 3, 32])
def test_any_width_even_under_the_kernel_gives_a_probability(width):
    config = TrainingConfig(family="convolutional", bucket_by_length=True, model=ConvolutionalConfig(conv_layers=4, kernel_size=9, filters=4))
    probabilities = build_model(config, vocab_size=50).predict_on_batch(np.full((2, width), 7, dtype="int32"))
    assert probabilities.shape == (2, 1) and np.isfinite(probabilities).all()


def test_description_fields_and_preset():
    assert TrainingConfig(family="convolutional").describe() == "CNN, 128 filters of 5 words, dropout 0.2"
    two = TrainingConfig(family="convolutional", model=ConvolutionalConfig(conv_layers=2, filters=64, kernel_size=3, hidden_units=250))
    assert two.describe(with_family=True) == "Convolutional network, 2-layer CNN, 64 filters of 3 words, hidden 250, dropout 0.2"
    assert preset("Convolutional").family == "convolutional"
    with pytest.raises(ConfigError, match="kernel_size must be from 1 to 25"):
        TrainingConfig(family="convolutional").replace(kernel_size=0)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    from conftest import SMALL_CORPUS

    from core.data.loading import load_corpus
    from core.training.trainer import train

    config = TrainingConfig(family="convolutional", model=ConvolutionalConfig(embedding_dim=8, filters=8, kernel_size=3, conv_layers=2),
                            vocab_size=200, max_length=40, epochs=2, batch_size=8)
    return train(load_corpus(SMALL_CORPUS), config)


def test_it_trains_and_classifies(trained):
    assert len(trained.history["val_accuracy"]) == 2 and trained.test_metrics is not None
    probabilities = trained.predict(REVIEWS)
    assert probabilities.shape == (4,) and ((0 < probabilities) & (probabilities < 1)).all()


def test_saved_it_reopens_and_plain_keras_reads_raw_strings_the_same(trained, tmp_path):
    expected = trained.predict(REVIEWS)
    path = trained.save(tmp_path / "cnn.keras")
    loaded = SentimentModel.load(path)
    assert loaded.config == trained.config and loaded.config.family == "convolutional"
    np.testing.assert_allclose(loaded.predict(REVIEWS), expected, atol=1e-6)
    np.testing.assert_allclose(plain_keras_probabilities(path, REVIEWS), expected, atol=1e-6)


def test_its_explanation_is_one_batched_call_of_the_network(trained):
    from counting_calls import CountingCalls

    from core.insight.explain import explain

    with CountingCalls(trained) as counter:
        explanation = explain(trained, REVIEWS[0])
    assert counter.batch_sizes == [len(explanation.words) + 1]
    assert explanation.probability == pytest.approx(float(trained.predict(REVIEWS[:1])[0]), abs=1e-6)
