"""A model file from elsewhere never runs code, and saving never loses the file that was there.

The crafted files of each known bypass shape are in test_crafted_model_files.py.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from core.errors import ModelFileError
from core.models.model_file import read_metadata
from core.models.sentiment_model import SentimentModel

ROOT = Path(__file__).resolve().parent.parent


def _with_config(source: Path, target: Path, edit) -> Path:
    with zipfile.ZipFile(source) as archive_in, zipfile.ZipFile(target, "w") as archive_out:
        for item in archive_in.infolist():
            data = archive_in.read(item.filename)
            if item.filename == "config.json":
                config = json.loads(data)
                edit(config)
                data = json.dumps(config).encode()
            archive_out.writestr(item, data)
    return target


def _last_layer(config: dict) -> dict:
    return config["config"]["layers"][-1]


def test_an_object_from_an_unknown_module_is_refused_by_name(trained_small_model, tmp_path):
    path = trained_small_model.save(tmp_path / "model.keras")
    crafted = _with_config(path, tmp_path / "custom.keras",
                           lambda config: _last_layer(config).update(module="evil_module", class_name="Payload", registered_name="evil>Payload"))
    with pytest.raises(ModelFileError, match=r"^custom.keras was refused: it contains evil_module.Payload, which this app never saves; nothing from it was run.$"):
        SentimentModel.load(crafted)
    assert "evil_module" not in sys.modules


def test_an_unknown_name_of_our_package_is_left_to_keras_which_refuses_it(trained_small_model, tmp_path):
    """Our package is allowed wholesale; a name in it that no layer registered fails in Keras, with one line."""
    path = trained_small_model.save(tmp_path / "model.keras")
    crafted = _with_config(path, tmp_path / "ours.keras",
                           lambda config: _last_layer(config).update(module="core.models.layers", class_name="Nope", registered_name="imdb_sentiment_studio>Nope"))
    read_metadata(crafted)  # passes the allow-list
    with pytest.raises(ModelFileError, match=r"^ours.keras was refused: it contains a layer or object this app does not know, and nothing from it was run.$"):
        SentimentModel.load(crafted)


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
