"""The one-file model: save, load, predict, and every kind of bad file."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import keras
import numpy as np
import pytest

from core.errors import ModelFileError
from core.models.sentiment_model import SentimentModel

ROOT = Path(__file__).resolve().parent.parent
REVIEWS = [
    "Saw it with friends. The film was wonderful. The cast was superb too. I loved it.",
    "The story was a mess. I want my time back.",
    "",
    "電影 😀 <b>html</b>\x00\x07",
]


def test_save_load_predict_gives_the_same_probabilities(trained_small_model, tmp_path):
    before = trained_small_model.predict(REVIEWS)
    path = trained_small_model.save(tmp_path / "model.keras")
    loaded = SentimentModel.load(path)
    np.testing.assert_allclose(loaded.predict(REVIEWS), before, atol=1e-6)
    assert loaded.config == trained_small_model.config
    assert loaded.history == trained_small_model.history
    assert loaded.test_metrics == trained_small_model.test_metrics
    assert loaded.vocabulary == trained_small_model.vocabulary
    assert loaded.vectorizer.max_length == 40
    assert loaded.training["epochs_done"] == 25
    assert loaded.source["train_count"] == 48


def test_a_model_trained_with_weight_averaging_saves_and_loads(small_corpus_dir, tiny_config, tmp_path):
    from core.data.loading import load_corpus
    from core.training.trainer import train

    model = train(load_corpus(small_corpus_dir), tiny_config.replace(ema_momentum=0.9, epochs=1))
    loaded = SentimentModel.load(model.save(tmp_path / "ema.keras"))
    np.testing.assert_allclose(loaded.predict(REVIEWS), model.predict(REVIEWS), atol=1e-6)
    assert loaded.config.ema_momentum == 0.9


def test_the_file_holds_everything_in_one_archive(trained_small_model, tmp_path):
    path = trained_small_model.save(tmp_path / "model.keras")
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
    assert {"config.json", "model.weights.h5", "studio.json"} <= names
    assert list(tmp_path.iterdir()) == [path], "no temporary file may be left beside the model"


def test_plain_keras_loads_the_file_after_import_core(trained_small_model, tmp_path):
    path = trained_small_model.save(tmp_path / "model.keras")
    expected = trained_small_model.predict(REVIEWS[:2])
    script = (
        "import core, keras\n"
        f"model = keras.saving.load_model({str(path)!r})\n"
        f"reviews = keras.ops.convert_to_tensor({REVIEWS[:2]!r})\n"
        "print(model.predict(reviews, verbose=0).ravel().tolist())\n"
    )
    # PYTHONPATH: this checkout's core, not another one the environment may have installed.
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    np.testing.assert_allclose(eval(out.stdout.strip().splitlines()[-1]), expected, atol=1e-6)


def test_saving_replaces_an_existing_file_atomically(trained_small_model, tmp_path):
    path = tmp_path / "model.keras"
    path.write_bytes(b"old")
    trained_small_model.save(path)
    assert zipfile.is_zipfile(path)


def test_saving_into_a_missing_folder_or_without_the_suffix(trained_small_model, tmp_path):
    with pytest.raises(ModelFileError, match="does not exist"):
        trained_small_model.save(tmp_path / "nope" / "model.keras")
    with pytest.raises(ModelFileError, match="must end in .keras"):
        trained_small_model.save(tmp_path / "model.h5")


def test_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="No model file"):
        SentimentModel.load(tmp_path / "missing.keras")


def test_not_a_zip(tmp_path):
    path = tmp_path / "notes.keras"
    path.write_text("hello")
    with pytest.raises(ModelFileError, match="not a .keras model file"):
        SentimentModel.load(path)


def test_truncated_file(trained_small_model, tmp_path):
    path = trained_small_model.save(tmp_path / "model.keras")
    data = path.read_bytes()
    for cut in (len(data) // 2, len(data) - 10):
        broken = tmp_path / f"cut{cut}.keras"
        broken.write_bytes(data[:cut])
        with pytest.raises(ModelFileError, match="truncated|damaged"):
            SentimentModel.load(broken)


def test_a_keras_model_from_another_program_has_no_vocabulary(tmp_path):
    other = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
    path = tmp_path / "other.keras"
    other.save(path)
    with pytest.raises(ModelFileError, match="not a model made by this app; it has no vocabulary"):
        SentimentModel.load(path)


def test_summary_lists_layers_and_parameters(trained_small_model):
    text = trained_small_model.summary()
    assert "embedding" in text and "lstm" in text and "sentiment" in text
    assert "Total trainable parameters" in text


def test_test_predictions_travel_with_the_file(trained_small_model, tmp_path):
    predictions = trained_small_model.test_predictions
    assert len(predictions.labels) == len(predictions.probabilities) == 16
    assert predictions.metrics() == trained_small_model.test_metrics
    loaded = SentimentModel.load(trained_small_model.save(tmp_path / "model.keras"))
    np.testing.assert_allclose(loaded.test_predictions.probabilities, predictions.probabilities, atol=1e-6)
    assert loaded.test_predictions.metrics(0.3)["confusion_matrix"] == predictions.metrics(0.3)["confusion_matrix"]
    assert loaded.test_predictions.wrong == predictions.wrong
