"""A model file from elsewhere never runs code, and saving never loses the file that was there."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import keras
import pytest

from core.errors import ModelFileError
from core.models.sentiment_model import SentimentModel

ROOT = Path(__file__).resolve().parent.parent


def _with_our_metadata(path: Path, donor: Path) -> None:
    """Give a crafted file the studio.json of a real model, so only safe mode stands in the way."""
    with zipfile.ZipFile(donor) as source:
        metadata = source.read("studio.json")
    with zipfile.ZipFile(path, "a") as target:
        target.writestr("studio.json", metadata)


def test_a_lambda_layer_is_refused_and_never_runs(trained_small_model, tmp_path):
    marker = tmp_path / "pwned.txt"
    donor = trained_small_model.save(tmp_path / "donor.keras")

    # A lambda is saved as bytecode, which is what safe mode exists to refuse.
    path = str(marker)
    payload = lambda x: (open(path, "w").write("code from a model file ran"), x)[1]  # noqa: E731

    text = keras.Input(shape=(), dtype="string")
    tokens = trained_small_model.vectorizer(text)
    tokens = keras.layers.Lambda(payload, output_shape=lambda shape: shape)(tokens)
    crafted = keras.Model(text, trained_small_model.classifier(tokens))
    evil = tmp_path / "evil.keras"
    crafted.save(evil)
    _with_our_metadata(evil, donor)
    marker.unlink(missing_ok=True)

    with pytest.raises(ModelFileError, match="refused.*code"):
        SentimentModel.load(evil)
    assert not marker.exists(), "safe mode let the Lambda run"

    # The file really is dangerous: without safe mode, Keras loads it and the payload runs.
    unsafe = keras.saving.load_model(evil, safe_mode=False)
    unsafe.predict(keras.ops.convert_to_tensor(["a review"]), verbose=0)
    assert marker.exists()


def test_an_unknown_custom_object_is_refused(trained_small_model, tmp_path):
    path = trained_small_model.save(tmp_path / "model.keras")
    crafted = tmp_path / "custom.keras"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(crafted, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "config.json":
                config = json.loads(data)
                layer = config["config"]["layers"][-1]
                layer.update(module="evil_module", class_name="Payload", registered_name="evil>Payload")
                data = json.dumps(config).encode()
            target.writestr(item, data)
    with pytest.raises(ModelFileError, match="refused|could not be loaded"):
        SentimentModel.load(crafted)
    assert "evil_module" not in sys.modules


def test_an_unwritable_folder_leaves_the_existing_file_untouched(trained_small_model, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes to read-only folders; the full-disk test below covers the failure path")
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "model.keras"
    target.write_bytes(b"previous model")
    folder.chmod(0o500)
    try:
        with pytest.raises(ModelFileError, match="Could not save"):
            trained_small_model.save(target)
    finally:
        folder.chmod(0o700)
    assert target.read_bytes() == b"previous model"


def test_a_full_disk_leaves_the_existing_file_untouched(trained_small_model, tmp_path):
    """/dev/full fails every write with ENOSPC; a symlink puts it where the temporary file goes."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    target = tmp_path / "model.keras"
    target.write_bytes(b"previous model")
    # Every partial file name this process could use points at /dev/full.
    import threading

    partial = tmp_path / f".model.{os.getpid()}.{threading.get_ident()}.partial.keras"
    partial.symlink_to("/dev/full")
    with pytest.raises(ModelFileError, match="Could not save.*(space|No space)"):
        trained_small_model.save(target)
    assert target.read_bytes() == b"previous model"


KILL_DURING_SAVE = """
import sys, time, core
from core.models.sentiment_model import SentimentModel
model = SentimentModel.load(sys.argv[1])
print("ready", flush=True)
while True:
    model.save(sys.argv[2])
"""


def test_killing_the_process_mid_save_leaves_the_previous_file_intact(trained_small_model, tmp_path):
    source = trained_small_model.save(tmp_path / "source.keras")
    target = tmp_path / "target.keras"
    target.write_bytes(source.read_bytes())
    before = SentimentModel.load(target).predict(["The film was superb."])
    process = subprocess.Popen([sys.executable, "-c", KILL_DURING_SAVE, str(source), str(target)],
                               cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "ready"
        time.sleep(1.5)  # several saves are under way or done by now
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    after = SentimentModel.load(target)  # intact: loads and predicts as before
    assert after.predict(["The film was superb."]) == pytest.approx(before, abs=1e-6)
