"""The window says what is wrong with a model file it cannot open, in the engine's words, and keeps working."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.legacy_model_file import legacy_model_file

LEGACY = legacy_model_file()


def _edited(tmp_path: Path, name: str, entry: str, edit) -> Path:
    target = tmp_path / name
    with zipfile.ZipFile(LEGACY) as source, zipfile.ZipFile(target, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == entry:
                content = json.loads(data)
                edit(content)
                data = json.dumps(content).encode()
            archive.writestr(item, data)
    return target


def test_a_wrong_field_in_studio_json_is_named_not_an_unexpected_error(qtbot, window, tmp_path):
    bad = _edited(tmp_path, "labels.keras", "studio.json", lambda metadata: metadata["test_predictions"]["labels"].__setitem__(0, "x"))
    with qtbot.waitSignal(window.dialogs.error_shown, timeout=60_000) as shown:  # unchecked, the load went on to the worker
        window.open_model(bad)
    assert shown.args[0] == ("labels.keras is damaged: in its studio.json, test_predictions.labels[0] must be 0 or 1, not 'x'.")
    assert window.model is None and not window.is_busy()
    window.dialogs.error_box.close()

    # The window still opens a good file afterwards.
    with qtbot.waitSignal(window.task_ended, timeout=60_000):
        assert window.open_model(LEGACY)
    assert window.model is not None


def test_a_crafted_file_is_refused_by_name(qtbot, window, tmp_path):
    def plant(config):
        config["config"]["layers"].insert(1, {"module": "os", "class_name": "function", "config": "system", "registered_name": "system",
                                              "name": "payload", "inbound_nodes": [{"args": ["true"], "kwargs": {}}]})

    crafted = _edited(tmp_path, "crafted.keras", "config.json", plant)
    with qtbot.waitSignal(window.dialogs.error_shown, timeout=5_000) as shown:
        assert not window.open_model(crafted)
    assert shown.args[0] == "crafted.keras was refused: it contains os.system, which this app never saves; nothing from it was run."
    assert window.model is None and not window.is_busy()
    window.dialogs.error_box.close()
