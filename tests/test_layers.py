"""Our layers: word dropout hides words in training only, never padding; max-and-mean pooling; a model with them saves and loads."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from core.models.layers import MaxMeanPooling1D, WordDropout
from core.text.vectorizer import OOV_INDEX, PAD_INDEX


def tokens() -> np.ndarray:
    rng = np.random.default_rng(0)
    x = rng.integers(2, 500, size=(64, 100)).astype("int32")
    x[:, :30] = PAD_INDEX  # pre-padding
    x[:, 30:35] = OOV_INDEX
    return x


def test_in_training_about_the_rate_of_words_become_unknown_and_padding_stays():
    x = tokens()
    out = np.asarray(WordDropout(0.3, seed=1)(x, training=True))
    words = x >= 2
    hidden = words & (out == OOV_INDEX)
    assert 0.27 < hidden.sum() / words.sum() < 0.33
    assert (out[x == PAD_INDEX] == PAD_INDEX).all()
    assert (out[x == OOV_INDEX] == OOV_INDEX).all()
    kept = words & ~hidden
    assert (out[kept] == x[kept]).all()


def test_at_inference_the_input_passes_unchanged():
    x = tokens()
    assert np.array_equal(np.asarray(WordDropout(0.5)(x, training=False)), x)
    assert np.array_equal(np.asarray(WordDropout(0.5)(x)), x)


def test_the_rate_is_checked():
    with pytest.raises(ValueError, match="rate"):
        WordDropout(1.0)


def test_a_model_with_word_and_embedding_dropout_trains_saves_and_loads(small_corpus_dir, tmp_path):
    """The layers are part of the one-file model; a plain Keras session loads it after ``import core``."""
    from core.data.loading import load_corpus
    from core.models.config import TrainingConfig
    from core.models.families.recurrent import RecurrentConfig
    from core.models.sentiment_model import SentimentModel
    from core.training.trainer import train

    config = TrainingConfig(vocab_size=200, max_length=40, epochs=2, batch_size=8,
                            model=RecurrentConfig(embedding_dim=8, units=8, word_dropout=0.2, embedding_dropout=0.2, pooling="max+mean"))
    model = train(load_corpus(small_corpus_dir), config)
    names = [layer.name for layer in model.classifier.layers]
    assert names[:3] == ["word_dropout", "embedding", "embedding_dropout"]
    assert names[-2:] == ["max_mean_pooling", "sentiment"]
    reviews = ["A wonderful film, I loved it.", "A dull mess."]
    path = model.save(tmp_path / "m.keras")
    np.testing.assert_allclose(SentimentModel.load(path).predict(reviews), model.predict(reviews), atol=1e-6)
    script = f"import core, keras\nm = keras.saving.load_model({str(path)!r})\nprint(m.predict(keras.ops.convert_to_tensor({reviews!r}), verbose=0).ravel().tolist())\n"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    np.testing.assert_allclose(eval(out.stdout.strip().splitlines()[-1]), model.predict(reviews), atol=1e-6)


def test_max_mean_pooling_puts_the_max_and_the_mean_of_each_feature_side_by_side():
    steps = np.array([[[1.0, -2.0], [3.0, 0.0], [-1.0, 2.0]]], dtype="float32")
    assert np.asarray(MaxMeanPooling1D()(steps)).tolist() == [[3.0, 2.0, 1.0, 0.0]]
