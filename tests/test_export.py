"""Exports of real models trained on the small corpus: a SavedModel served without this project, and a model card."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import numpy as np
import pytest

from core.cli.commands import run
from core.errors import ModelFileError
from core.export.model_card import NOT_MEASURED, model_card
from core.export.saved_model import save_for_serving
from core.models.model_file import read_metadata
from core.models.sentiment_model import SentimentModel
from tests.legacy_model_file import legacy_model_file

ROOT = Path(__file__).resolve().parent.parent
OLD_MODEL = legacy_model_file()
REVIEWS = [
    "Saw it with friends. The film was wonderful, and the cast was superb too. I loved it!",
    "Saw it with friends. The film was awful.<br /><br />The cast was dull too. I hated it.",
    "An odd one: DULL in places, yet the ending is moving.",
]

#: Run in a Python where this project cannot be imported: TensorFlow alone serves the folder.
SERVE_WITHOUT_PROJECT = textwrap.dedent("""
    import importlib.abc, json, sys

    class NoProject(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in ("core", "gui"):
                raise ImportError(f"{name} is blocked: the SavedModel must not need this project")
            return None

    sys.meta_path.insert(0, NoProject())
    import tensorflow as tf

    folder, reviews = sys.argv[1], json.loads(sys.argv[2])
    serving = tf.saved_model.load(folder).signatures["serving_default"]
    _, inputs = serving.structured_input_signature
    outputs = serving.structured_outputs
    result = serving(text=tf.constant(reviews))["positive_probability"]
    print(json.dumps({
        "inputs": {name: [spec.dtype.name, spec.shape.as_list()] for name, spec in inputs.items()},
        "outputs": {name: [spec.dtype.name, spec.shape.as_list()] for name, spec in outputs.items()},
        "probabilities": result.numpy().tolist(),
        "project_imported": sorted(name for name in sys.modules if name.partition(".")[0] in ("core", "gui")),
    }))
""")


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def serve_elsewhere(folder: Path, reviews: list[str], cwd: Path) -> dict:
    """Load ``folder`` in a fresh Python that has TensorFlow and not this project, and call serving_default."""
    done = subprocess.run([sys.executable, "-c", SERVE_WITHOUT_PROJECT, str(folder), json.dumps(reviews)],
                          cwd=cwd, capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "TF_CPP_MIN_LOG_LEVEL": "2"})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def model_file(tmp_path_factory, trained_small_model) -> Path:
    return trained_small_model.save(tmp_path_factory.mktemp("export") / "small.keras")


def test_the_saved_model_serves_the_apps_probabilities_without_this_project(model_file, tmp_path):
    out = tmp_path / "serving" / "sentiment" / "1"
    code, stdout, stderr = call("export", "--model", str(model_file), "--format", "saved-model", "--out", str(out))
    assert code == 0, stderr
    assert f"Wrote a SavedModel to {out}" in stdout and (out / "saved_model.pb").is_file()
    assert not [path for path in out.parent.iterdir() if path.name.startswith(".")]  # no partial folder left behind

    served = serve_elsewhere(out, REVIEWS, cwd=tmp_path)
    assert served["project_imported"] == []
    assert served["inputs"] == {"text": ["string", [None]]}
    assert served["outputs"] == {"positive_probability": ["float32", [None]]}
    app = SentimentModel.load(model_file).predict(REVIEWS)
    np.testing.assert_allclose(served["probabilities"], app, atol=1e-5, rtol=0)
    assert app[0] > 0.5 > app[1]  # a model that has learnt something, so equal numbers mean something


def test_an_ensemble_file_of_two_families_exports_the_same_way(trained_small_model, tmp_path):
    """The app's own ensemble (a recurrent model and a bag of n-grams, weighted 0.75/0.25), saved, then exported by the CLI."""
    from conftest import SMALL_CORPUS

    from core.data.loading import load_corpus
    from core.models.config import TrainingConfig
    from core.models.ensemble import combine
    from core.models.families.ngram import NGramConfig
    from core.training.trainer import train

    ngram = train(load_corpus(SMALL_CORPUS), TrainingConfig(family="ngram", model=NGramConfig(hash_bits=12), epochs=2, batch_size=8))
    path = combine([trained_small_model, ngram], weights=[3, 1]).save(tmp_path / "ensemble.keras")
    out = tmp_path / "ensemble" / "1"
    code, stdout, stderr = call("export", "--model", str(path), "--format", "saved-model", "--out", str(out))
    assert code == 0, stderr
    served = serve_elsewhere(out, REVIEWS, cwd=tmp_path)
    expected = SentimentModel.load(path).predict(REVIEWS)
    np.testing.assert_allclose(expected, 0.75 * trained_small_model.predict(REVIEWS) + 0.25 * ngram.predict(REVIEWS), atol=1e-6)
    np.testing.assert_allclose(served["probabilities"], expected, atol=1e-5, rtol=0)
    assert served["outputs"] == {"positive_probability": ["float32", [None]]} and served["project_imported"] == []


def test_an_export_never_overwrites_and_refuses_a_model_that_does_not_read_text(trained_small_model, model_file, tmp_path):
    taken = tmp_path / "1"
    taken.mkdir()
    (taken / "saved_model.pb").write_bytes(b"an earlier version")
    code, _, stderr = call("export", "--model", str(model_file), "--format", "saved-model", "--out", str(taken))
    assert code == 1 and "already exists and is not an empty folder" in stderr
    assert (taken / "saved_model.pb").read_bytes() == b"an earlier version"

    with pytest.raises(ModelFileError, match="must read raw review text"):
        save_for_serving(trained_small_model.classifier, tmp_path / "numbers")  # reads token ids, not text
    assert not (tmp_path / "numbers").exists()


def test_the_model_card_holds_source_config_metrics_limits_and_who_made_it():
    metadata = read_metadata(OLD_MODEL)
    card = model_card(metadata, title="small", today=dt.date(2027, 1, 2))
    assert card.startswith("# Model card: small\n")
    assert "IMDB Sentiment Studio 0.1.0 (Keras 3.15.1), saved 2026-12-01T15:22:48+00:00" in card
    assert "- **Card written**: 2027-01-02, by IMDB Sentiment Studio" in card
    assert "- **Source**: IMDB (aclImdb)" in card
    assert "- **Training reviews**: 48 (24 positive, 24 negative)" in card and "- **Test reviews**: 16 (8 positive, 8 negative)" in card
    for name in metadata["config"]:
        assert f"| {name} | " in card, name
    assert "| learning_rate | 0.01 |" in card and "| bidirectional | no |" in card
    assert "- **Epochs**: 3 of 3" in card
    assert "| Accuracy | 0.6250 |" in card and "| ROC AUC | 0.7500 |" in card and "On 16 test reviews, threshold 0.5." in card
    assert "| **negative** | 6 | 2 |" in card and "| **positive** | 4 | 4 |" in card  # [[TN, FP], [FN, TP]]
    assert f"Accuracy on short reviews (one or two sentences): {NOT_MEASURED}." in card
    assert "**Reads the last 40 tokens** of a review" in card and "**English only.**" in card
    assert "**Knows 77 word indices**" in card


def test_the_model_card_shows_a_measured_short_review_accuracy_and_a_stopped_run():
    metadata = read_metadata(OLD_MODEL)
    metadata.update(short_reviews={"accuracy": 0.9133, "count": 150}, test_metrics=None,
                    training={"stopped": True, "epochs_done": 1, "best_epoch": 1, "restored_best": False, "seconds": 0.4},
                    source={"name": "my_reviews.csv", "kind": "table", "path": "/data/my_reviews.csv", "train_count": 80, "train_positive": 41,
                            "test_count": 20, "test_positive": 10, "test_fraction": 0.2, "split_seed": 7})
    card = model_card(metadata)
    assert "Accuracy on short reviews (one or two sentences) (150 reviews): 0.9133." in card
    assert "- **Epochs**: 1 of 3 (stopped by the user)" in card
    assert "## Test metrics\n\nNot measured" in card
    assert "- **Test split**: 0.2 of the file, stratified, seed 7" in card
    assert "**Only the language of its training data** (my_reviews.csv)" in card and "English only" not in card


def test_the_model_card_command_reads_studio_json_alone(tmp_path):
    """Written with TensorFlow and Keras unimportable, from a copy whose weights are not even there."""
    bare = tmp_path / "bare.keras"
    with zipfile.ZipFile(OLD_MODEL) as source, zipfile.ZipFile(bare, "w") as target:
        for name in ("config.json", "studio.json"):
            target.writestr(name, source.read(name))
    script = textwrap.dedent("""
        import importlib.abc, sys
        class NoTensorFlow(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.partition(".")[0] in ("tensorflow", "keras"):
                    raise ImportError(f"{name} is blocked")
        sys.meta_path.insert(0, NoTensorFlow())
        from core.cli.commands import run
        sys.exit(run(sys.argv[1:]))
    """)
    card = tmp_path / "card.md"
    done = subprocess.run([sys.executable, "-c", script, "export", "--model", str(bare), "--format", "model-card", "--out", str(card)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Wrote the model card to {card}\n"
    today = dt.datetime.now(dt.timezone.utc).date()
    assert card.read_text(encoding="utf-8") == model_card(read_metadata(OLD_MODEL), title="bare", today=today)


def test_export_errors_are_one_line(tmp_path):
    code, _, err = call("export", "--model", str(tmp_path / "missing.keras"), "--format", "model-card", "--out", str(tmp_path / "c.md"))
    assert code == 1 and err.startswith("error: No model file at") and err.count("\n") == 1
    code, _, err = call("export", "--model", str(OLD_MODEL), "--format", "model-card", "--out", str(tmp_path))
    assert code == 1 and "is a folder; give a file name for the model card" in err
    code, _, err = call("export", "--model", str(OLD_MODEL), "--format", "onnx", "--out", str(tmp_path / "x"))
    assert code == 2 and "invalid choice: 'onnx'" in err


def test_train_writes_tensorboard_logs_under_the_models_name(small_corpus_dir, tmp_path):
    logs = tmp_path / "logs"
    args = ["train", "--data", str(small_corpus_dir), "--epochs", "1", "--vocab-size", "200", "--max-length", "40", "--batch-size", "16",
            "--out", str(tmp_path / "first.keras"), "--tensorboard", str(logs)]
    code, stdout, stderr = call(*args)
    assert code == 0, stderr
    assert f"TensorBoard logs in {logs / 'first'}; view them with: tensorboard --logdir {logs}" in stdout
    assert {path.name for path in (logs / "first").iterdir() if path.is_dir()} == {"train", "validation"}
