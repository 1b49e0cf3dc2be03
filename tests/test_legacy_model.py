"""A model file saved by 0.1.0, before the model-family registry, still opens, classifies and shows its curves.

The fixture (``tests/data/models``, see its README) was trained on the small
corpus by that version and is kept as its entries in text, from which
``tests.legacy_model_file`` writes the file again; its ``studio.json`` holds
the flat config of the time, and the ``.json`` beside it what that version
predicted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from core.models.config import TrainingConfig
from core.models.families.recurrent import RecurrentConfig
from core.models.sentiment_model import SentimentModel
from tests.legacy_model_file import legacy_model_file

ROOT = Path(__file__).resolve().parent.parent
MODELS = Path(__file__).parent / "data" / "models"
LEGACY = legacy_model_file()
EXPECTED = json.loads((MODELS / "saved_by_0.1.0_recurrent.json").read_text(encoding="utf-8"))
#: The config the README says the file was trained with.
TRAINED_WITH = TrainingConfig(vocab_size=200, max_length=40, model=RecurrentConfig(embedding_dim=8, units=8), epochs=3, batch_size=8,
                              learning_rate=0.01, validation_split=0.1)


def stored_metadata() -> dict:
    with zipfile.ZipFile(LEGACY) as archive:
        return json.loads(archive.read("studio.json"))


def test_the_fixture_holds_the_flat_config_of_before_families():
    config = stored_metadata()["config"]
    assert "family" not in config and "model" not in config
    assert config["units"] == 8 and config["cell"] == "lstm"


def test_it_opens_classifies_as_it_did_and_reads_as_the_recurrent_family():
    model = SentimentModel.load(LEGACY)
    np.testing.assert_allclose(model.predict(EXPECTED["texts"]), EXPECTED["probabilities"], atol=1e-6)
    config = model.config
    assert config.family == "recurrent" and isinstance(config.model, RecurrentConfig)
    assert config == TRAINED_WITH
    flat = stored_metadata()["config"]
    assert config.flat_dict() == {"family": "recurrent", **flat, "padding": "pre"}  # every old field, with its old value; the new one, its default
    assert model.history == stored_metadata()["history"] and len(model.history["loss"]) == 3


def test_saved_again_it_is_written_in_the_new_form_and_reads_back_the_same(tmp_path):
    model = SentimentModel.load(LEGACY)
    path = model.save(tmp_path / "resaved.keras")
    with zipfile.ZipFile(path) as archive:
        config = json.loads(archive.read("studio.json"))["config"]
    assert config["family"] == "recurrent" and config["model"]["units"] == 8 and "units" not in config
    again = SentimentModel.load(path)
    assert again.config == model.config
    np.testing.assert_allclose(again.predict(EXPECTED["texts"]), EXPECTED["probabilities"], atol=1e-6)


def test_plain_keras_loads_it_after_import_core(tmp_path):
    script = (
        "import core, keras\n"
        "print(core.__file__)\n"
        f"model = keras.saving.load_model({str(LEGACY)!r})\n"
        f"reviews = keras.ops.convert_to_tensor({EXPECTED['texts']!r})\n"
        "print(model.predict(reviews, verbose=0).ravel().tolist())\n"
    )
    # PYTHONPATH: this checkout's core, not another one the environment may have installed.
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    *_, core_file, probabilities = out.stdout.strip().splitlines()
    assert Path(core_file).resolve() == ROOT / "core" / "__init__.py"
    np.testing.assert_allclose(json.loads(probabilities), EXPECTED["probabilities"], atol=1e-6)


def test_the_window_opens_it_with_its_curves_metrics_and_config(qtbot, window):
    with qtbot.waitSignal(window.task_ended, timeout=90_000):
        assert window.open_model(LEGACY)
    assert window.dialogs.last_error is None
    metadata = stored_metadata()
    history, metrics = metadata["history"], metadata["test_metrics"]
    for key in ("accuracy", "val_accuracy", "loss", "val_loss"):
        line = window.chart.lines[key]
        assert [float(x) for x in line.get_xdata()] == [1.0, 2.0, 3.0], key
        assert [float(y) for y in line.get_ydata()] == history[key], key
    for key in ("accuracy", "f1", "roc_auc"):
        assert window.results.metric_values[key].text() == f"{metrics[key]:.4f}", key
    assert window.form.config() == TRAINED_WITH
    assert window.form.widgets["family"].currentData() == "recurrent"
    window.classify_panel.text_edit.setPlainText(EXPECTED["texts"][0])
    assert window.classify_panel.classify() == pytest.approx(EXPECTED["probabilities"][0], abs=1e-6)


def test_its_run_compares_field_by_field_with_a_run_of_the_new_form(qapp):
    from gui.charts.run_compare_chart import run_labels
    from gui.run_store import Run

    legacy = Run(id="a", name="old file", config=stored_metadata()["config"])
    new = Run(id="b", name="new run", config=TRAINED_WITH.replace(units=6).to_dict())
    same = Run(id="c", name="same", config=TRAINED_WITH.to_dict())
    assert run_labels([legacy, new]) == ["LSTM, 8 units", "LSTM, 6 units"]
    assert run_labels([legacy, same]) == ["old file", "same"]  # no difference found: the runs' names tell them apart


def test_it_loads_as_front_padding_without_a_mask():
    model = SentimentModel.load(LEGACY)
    assert model.vectorizer.padding == "pre" and model.config.model.padding == "pre"
    assert not model.classifier.get_layer("embedding").mask_zero
    assert model.vectorize(["wonderful"])[0, -1] != 0 and not model.vectorize(["wonderful"])[0, :-1].any()
