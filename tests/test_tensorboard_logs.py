"""TensorBoard logs of real runs on the small corpus, read back with TensorBoard's own event reader."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.plugins.hparams import metadata as hparams_metadata
from tensorboard.util import tensor_util

from core.data.loading import load_corpus
from core.progress import ProgressHooks
from core.training.run_logs import fresh_log_dir, has_logs, run_log_dir
from core.training.trainer import train


@pytest.fixture(scope="module")
def corpus():
    from conftest import SMALL_CORPUS

    return load_corpus(SMALL_CORPUS)


def read_events(folder: Path) -> EventAccumulator:
    events = EventAccumulator(str(folder), size_guidance={"tensors": 0})
    events.Reload()
    return events


def epoch_scalars(folder: Path, tag: str) -> dict[int, float]:
    """Step -> value of one scalar, as the Scalars tab reads it (Keras writes TF2 tensor summaries)."""
    return {event.step: float(tensor_util.make_ndarray(event.tensor_proto)) for event in read_events(folder).Tensors(tag)}


def run_hparams(folder: Path) -> dict:
    """The hyperparameters of the run's HParams session-start summary."""
    events = read_events(folder)
    content = events.SummaryMetadata(hparams_metadata.SESSION_START_INFO_TAG).plugin_data.content
    info = hparams_metadata.parse_session_start_info_plugin_data(content)
    return {name: getattr(value, value.WhichOneof("kind")) for name, value in info.hparams.items()}, info


def test_a_two_epoch_run_logs_each_epoch_and_its_hparams(corpus, tiny_config, tmp_path):
    log_dir = tmp_path / "run-1"
    model = train(corpus, tiny_config, log_dir=log_dir)
    assert has_logs(log_dir)

    # One point per epoch for loss, accuracy, val_loss and val_accuracy (Keras puts the
    # validation figures under the same tags in validation/), equal to the history.
    for group, prefix in (("train", ""), ("validation", "val_")):
        for metric in ("loss", "accuracy"):
            points = epoch_scalars(log_dir / group, f"epoch_{metric}")
            assert sorted(points) == [0, 1], f"{group}/epoch_{metric}: {points}"
            np.testing.assert_allclose([points[0], points[1]], model.history[prefix + metric], rtol=1e-6)

    train_tags = read_events(log_dir / "train").Tags()
    assert "keras" in train_tags["tensors"]  # the model's summary, for the Graphs tab
    assert not [tag for tag in train_tags["tensors"] if tag.startswith("batch_")]  # per-epoch points only

    hparams, info = run_hparams(log_dir)
    assert hparams == tiny_config.flat_dict()  # every field, the family's own included
    assert info.group_name == "run-1"
    test_accuracy = epoch_scalars(log_dir, "test_accuracy")
    assert test_accuracy == {1: pytest.approx(model.test_metrics["accuracy"])}
    assert epoch_scalars(log_dir, "test_loss") == {1: pytest.approx(model.test_metrics["loss"], rel=1e-6)}


def test_an_epoch_cut_short_by_stop_is_not_logged(corpus, tiny_config, tmp_path):
    stop = threading.Event()

    def batch_end(epoch, step, steps, logs):
        if (epoch, step) == (2, 2):
            stop.set()

    log_dir = tmp_path / "stopped"
    model = train(corpus, tiny_config.replace(epochs=5), ProgressHooks(batch_end=batch_end), stop, log_dir=log_dir)
    assert model.training["epochs_done"] == 1
    assert sorted(epoch_scalars(log_dir / "train", "epoch_loss")) == [0]
    assert sorted(epoch_scalars(log_dir / "validation", "epoch_loss")) == [0]
    hparams, _ = run_hparams(log_dir)
    assert hparams["epochs"] == 5
    assert "test_accuracy" not in read_events(log_dir).Tags()["tensors"]  # not evaluated: no test metrics


def test_without_a_log_dir_nothing_is_written(corpus, tiny_config, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    train(corpus, tiny_config.replace(epochs=1))
    assert list(tmp_path.iterdir()) == []


def test_log_folders_sit_beside_the_model_and_never_mix_two_runs(tmp_path):
    assert run_log_dir(tmp_path / "runs" / "0123abcd.keras") == tmp_path / "runs" / "0123abcd"
    assert fresh_log_dir(tmp_path, "model") == tmp_path / "model"
    (tmp_path / "model").mkdir()
    assert fresh_log_dir(tmp_path, "model") == tmp_path / "model"  # empty: still free
    (tmp_path / "model" / "train").mkdir()
    assert fresh_log_dir(tmp_path, "model") == tmp_path / "model-2"
    (tmp_path / "model-2").write_text("a file, not a folder")
    assert fresh_log_dir(tmp_path, "model") == tmp_path / "model-3"
    assert not has_logs(tmp_path / "model") and not has_logs(tmp_path / "missing")
