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
        pytest.skip("root writes to read-only folders; the size-limit test below covers the failure path")
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


SAVE_WITH_A_SIZE_LIMIT = """
import resource, signal, sys
from core.errors import ModelFileError
from core.models.model_file import read_metadata
from core.models.sentiment_model import SentimentModel
model = SentimentModel.load(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing us
resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, resource.RLIM_INFINITY))
try:
    model.save(sys.argv[2])
except ModelFileError as error:
    print(error)
"""


def test_a_write_that_fails_part_way_leaves_the_existing_file_untouched(trained_small_model, tmp_path):
    """A file size limit (RLIMIT_FSIZE) makes the save's writes fail part way, as a full disk would."""
    source = trained_small_model.save(tmp_path / "source.keras")
    folder = tmp_path / "target"
    folder.mkdir()
    target = folder / "model.keras"
    target.write_bytes(b"previous model")
    result = subprocess.run([sys.executable, "-c", SAVE_WITH_A_SIZE_LIMIT, str(source), str(target)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.stdout.startswith(f"Could not save the model to {str(target)!r}: File too large."), result.stdout + result.stderr[-2000:]
    assert target.read_bytes() == b"previous model"
    assert sorted(p.name for p in folder.iterdir()) == ["model.keras"], "a temporary file was left behind"


def test_a_link_planted_at_a_predictable_temporary_name_is_not_followed(trained_small_model, tmp_path):
    """The temporary file comes from mkstemp: a name nobody can guess, created only if it does not exist."""
    import threading

    victim = tmp_path / "victim.txt"
    victim.write_text("not yours")
    target = tmp_path / "model.keras"
    # Where a save with a name built from the process and thread ids would write.
    (tmp_path / f".model.{os.getpid()}.{threading.get_ident()}.partial.keras").symlink_to(victim)
    trained_small_model.save(target)
    assert victim.read_text() == "not yours"
    assert not target.is_symlink()
    assert SentimentModel.load(target).predict(["The film was superb."]).shape == (1,)


def test_a_saved_file_has_the_mode_of_any_new_file(trained_small_model, tmp_path):
    """mkstemp makes its file private (0600); the model it becomes gets what the umask gives a new file."""
    previous = os.umask(0o022)
    try:
        path = trained_small_model.save(tmp_path / "model.keras")
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == 0o644


def test_stale_temporary_files_are_removed_when_saving_into_their_folder(trained_small_model, tmp_path):
    """Leftovers of killed saves older than a day go at the start of the next save into that folder; nothing else does."""
    two_days_ago = time.time() - 2 * 24 * 3600
    stale = tmp_path / ".model.4242.140000.partial.keras"  # the pattern of an earlier version
    stale_random = tmp_path / ".review.k3x9_w2a.partial.keras"  # mkstemp's
    fresh = tmp_path / ".other.abc123.partial.keras"  # a save under way elsewhere
    unrelated = tmp_path / ".notes.keras"
    for path in (stale, stale_random, fresh, unrelated):
        path.write_bytes(b"partial")
    for path in (stale, stale_random, unrelated):
        os.utime(path, (two_days_ago, two_days_ago))
    trained_small_model.save(tmp_path / "model.keras")
    assert not stale.exists() and not stale_random.exists()
    assert fresh.exists() and unrelated.exists()


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
