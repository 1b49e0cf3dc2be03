"""The bag-of-n-grams family: its features, its weights from the fitted reviews only, and its one-file model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.data.loading import load_corpus
from core.models.config import TrainingConfig, preset
from core.models.families.ngram import NGramConfig
from core.text.ragged_ids import RaggedIds

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "data" / "small_reviews"
TEXTS = ["A wonderful film, moving and beautifully acted.", "Dull, boring and far too long.", "Not bad at all!", ""]


def small_config(**changes) -> TrainingConfig:
    return TrainingConfig(family="ngram", model=NGramConfig(hash_bits=12), epochs=2, batch_size=8, learning_rate=0.05).replace(**changes)


def test_ragged_ids_pad_each_batch_to_its_longest_row():
    ids = RaggedIds(np.array([5, 6, 7, 8, 9, 10], dtype=np.int32), np.array([2, 0, 4]))
    assert ids.padded(np.array([2, 0])).tolist() == [[7, 8, 9, 10], [5, 6, 0, 0]]
    assert ids.padded(np.array([1])).tolist() == [[0]]
    assert ids[1:].padded(np.array([0, 1])).tolist() == [[0, 0, 0, 0], [7, 8, 9, 10]]


def test_the_layer_and_the_bulk_featuriser_give_the_same_distinct_ids():
    from core.text.ngrams import TextToNGrams, hash_ngrams

    layer = TextToNGrams(ngrams=2, buckets=1 << 12)
    padded = layer(np.array(TEXTS)).numpy()
    bulk = hash_ngrams(TEXTS, 2, 1 << 12)
    for row, text in enumerate(TEXTS):
        assert sorted(set(padded[row]) - {0}) == bulk.padded(np.array([row]))[0][: bulk.lengths[row]].tolist(), text
    # "Not bad at all!": four words and three pairs, "not bad" a feature of its own; the empty review has none.
    import tensorflow as tf

    not_bad = int(tf.strings.to_hash_bucket_fast(["not bad"], 1 << 12)[0]) + 1
    assert bulk.lengths[2] == 4 + 3 and not_bad in padded[2] and bulk.lengths[3] == 0


def test_nb_ratios_come_from_the_fitted_reviews_never_the_validation_ones():
    from core.text.ngrams import hash_ngrams, log_count_ratios
    from core.training.trainer import train

    corpus = load_corpus(SMALL)
    config = small_config(validation_split=0.25)
    model = train(corpus, config)
    fitted = int(len(corpus.train_texts) * 0.75)
    ids = hash_ngrams(corpus.train_texts, 2, 1 << 12)
    expected = log_count_ratios(ids[:fitted], corpus.train_labels[:fitted], (1 << 12) + 1)
    with_validation = log_count_ratios(ids, corpus.train_labels, (1 << 12) + 1)
    weights = model.classifier.get_layer("weighted_bag").feature_weights.numpy()
    np.testing.assert_allclose(weights, expected, rtol=1e-6)
    assert not np.allclose(weights, with_validation)
    assert len(model.history["val_loss"]) == 2 and model.test_metrics["count"] == len(corpus.test_texts)


@pytest.mark.parametrize("changes", [{}, {"embedding_dim": 8, "dropout": 0.2, "weighting": "binary", "ngrams": 3}])
def test_it_trains_saves_and_loads_with_plain_keras_to_1e6(tmp_path, changes):
    from core.models.sentiment_model import SentimentModel
    from core.training.trainer import train

    model = train(load_corpus(SMALL), small_config(**changes))
    expected = model.predict(TEXTS)
    path = model.save(tmp_path / "bag.keras")
    reopened = SentimentModel.load(path)
    np.testing.assert_allclose(reopened.predict(TEXTS), expected, atol=1e-6)
    assert reopened.config == model.config and reopened.config.family == "ngram"
    script = (
        "import json, sys, core, keras, numpy as np\n"
        "m = keras.saving.load_model(sys.argv[1])\n"
        "print(json.dumps(np.asarray(m.predict(keras.ops.convert_to_tensor(json.loads(sys.argv[2])), verbose=0)).ravel().tolist()))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", script, str(path), json.dumps(TEXTS)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True)
    np.testing.assert_allclose(json.loads(out.stdout.strip().splitlines()[-1]), expected, atol=1e-6)


def test_the_preset_is_the_linear_nb_model_with_early_stopping():
    config = preset("Bag of n-grams")
    assert config.family == "ngram" and config.model == NGramConfig(ngrams=2, hash_bits=20, weighting="nb", embedding_dim=1)
    assert config.early_stopping and config.restore_best_weights


def test_its_explanation_deletes_each_word_of_the_text_in_one_batch():
    from core.insight.explain import explain
    from core.training.trainer import train

    model = train(load_corpus(SMALL), small_config())
    text = "A wonderful film, not bad at all."
    explanation = explain(model, text)
    words = [w.token for w in explanation.words]
    assert words == ["a", "wonderful", "film", "not", "bad", "at", "all"]
    assert all(w.seen and w.in_vocabulary for w in explanation.words)
    assert explanation.probability == pytest.approx(float(model.predict([text])[0]), abs=1e-6)
    for position, word in enumerate(explanation.words):
        without = " ".join(words[:position] + words[position + 1 :])
        assert word.contribution == pytest.approx(explanation.probability - float(model.predict([without])[0]), abs=1e-6)
