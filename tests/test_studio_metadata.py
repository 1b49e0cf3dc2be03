"""Every field of studio.json is checked: a wrong one is named in one line, by the CLI and by the loader."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, Callable

import pytest

from core.cli.commands import run
from core.errors import ModelFileError
from core.models.model_file import read_metadata
from tests.legacy_model_file import legacy_model_file

ROOT = Path(__file__).resolve().parent.parent
LEGACY = legacy_model_file()


def with_metadata(tmp_path: Path, edit: Callable[[dict], Any], name: str = "edited.keras") -> Path:
    """A copy of a real model file whose studio.json went through ``edit``."""
    target = tmp_path / name
    with zipfile.ZipFile(LEGACY) as source, zipfile.ZipFile(target, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "studio.json":
                metadata = json.loads(data)
                edit(metadata)
                data = json.dumps(metadata).encode()
            archive.writestr(item, data)
    return target


def setter(dotted: str, value: Any) -> Callable[[dict], None]:
    """Set ``a.b[2].c`` in the metadata (or delete it, for value ``...``)."""
    def edit(metadata: dict) -> None:
        keys = [int(part) if part.isdigit() else part for part in dotted.replace("[", ".").replace("]", "").split(".")]
        container = metadata
        for key in keys[:-1]:
            container = container[key]
        if value is ...:
            del container[keys[-1]]
        else:
            container[keys[-1]] = value
    return edit


BAD_FIELDS = [
    ("config", [], "config must be a JSON object, not []"),
    ("config", ..., "its studio.json has no config"),
    ("app_version", 3, "app_version must be text, not 3"),
    ("saved_at", None, "saved_at must be text, not null"),
    ("max_length", "250", "max_length must be a whole number, 1 or more, not '250'"),
    ("vocab_size", 0, "vocab_size must be a whole number, 1 or more, not 0"),
    ("preprocessing", "lowercase", "preprocessing must be a JSON object, not 'lowercase'"),
    ("history", "oops", "history must be a JSON object, not 'oops'"),
    ("history.loss", 0.5, "history.loss must be a list of numbers, not 0.5"),
    ("history.loss[1]", "low", "history.loss[1] must be a number, not 'low'"),
    ("history.accuracy[0]", True, "history.accuracy[0] must be a number, not true"),
    ("test_metrics", [], "test_metrics must be a JSON object, not []"),
    ("test_metrics.accuracy", ..., "test_metrics.accuracy must be a number, not null"),
    ("test_metrics.f1", "0.5", "test_metrics.f1 must be a number, not '0.5'"),
    ("test_metrics.threshold", 2, "test_metrics.threshold must be a number from 0 to 1, not 2"),
    ("test_metrics.confusion_matrix", [[6, 2]], "test_metrics.confusion_matrix must be two rows of two whole numbers, 0 or more"),
    ("test_metrics.confusion_matrix[1][0]", -4, "test_metrics.confusion_matrix must be two rows of two whole numbers, 0 or more"),
    ("test_metrics.count", 16.5, "test_metrics.count must be a whole number, 0 or more, not 16.5"),
    ("test_predictions", "all", "test_predictions must be a JSON object, not 'all'"),
    ("test_predictions.labels", ..., "test_predictions.labels must be a list, not null"),
    ("test_predictions.labels[3]", 7, "test_predictions.labels[3] must be 0 or 1, not 7"),
    ("test_predictions.labels[0]", "x", "test_predictions.labels[0] must be 0 or 1, not 'x'"),
    ("test_predictions.probabilities[2]", 1.5, "test_predictions.probabilities[2] must be a number from 0 to 1, not 1.5"),
    ("test_predictions.probabilities", [0.5], "test_predictions.probabilities must be a list as long as test_predictions.labels"),
    ("test_predictions.wrong", {}, "test_predictions.wrong must be a list, not {}"),
    ("test_predictions.wrong[0]", "text", "test_predictions.wrong[0] must be a JSON object, not 'text'"),
    ("test_predictions.wrong[0].text", 5, "test_predictions.wrong[0].text must be text, not 5"),
    ("test_predictions.wrong[0].index", -1, "test_predictions.wrong[0].index must be a whole number, 0 or more, not -1"),
    ("test_predictions.wrong[0].label", 2, "test_predictions.wrong[0].label must be 0 or 1, not 2"),
    ("test_predictions.wrong[0].probability", None, "test_predictions.wrong[0].probability must be a number from 0 to 1, not null"),
    ("training", "yes", "training must be a JSON object, not 'yes'"),
    ("training.stopped", "no", "training.stopped must be true or false, not 'no'"),
    ("training.best_epoch", 0, "training.best_epoch must be a whole number, 1 or more, or null, not 0"),
    ("training.epochs_done", -1, "training.epochs_done must be a whole number, 0 or more, not -1"),
    ("training.seconds", "fast", "training.seconds must be a number, not 'fast'"),
    ("source", 12, "source must be a JSON object, not 12"),
    ("source.train_count", "many", "source.train_count must be a whole number, 0 or more, not 'many'"),
    ("source.name", 3, "source.name must be text, not 3"),
    ("source.extra", {"nested": 1}, "source.extra must be text, a number, true, false or null, not {'nested': 1}"),
]


@pytest.mark.parametrize("field, value, expected", BAD_FIELDS, ids=[f"{field}={value!r}" for field, value, _ in BAD_FIELDS])
def test_a_wrong_field_is_named_in_one_line(tmp_path, field, value, expected):
    path = with_metadata(tmp_path, setter(field, value))
    with pytest.raises(ModelFileError) as refusal:
        read_metadata(path)
    message = str(refusal.value)
    assert message.startswith("edited.keras is damaged: ") and expected in message, message
    assert "\n" not in message


def test_what_may_be_missing_or_null_and_what_is_left_alone(tmp_path):
    """Optional fields may be absent or null; fields this version does not know are not looked at."""
    def edit(metadata):
        for key in ("history", "training", "source", "preprocessing", "app_version"):
            del metadata[key]
        metadata["test_metrics"] = metadata["test_predictions"] = None
        metadata["written_by_a_newer_version"] = {"anything": [1, "two"]}
    read_metadata(with_metadata(tmp_path, edit))


def test_the_command_line_names_the_field_and_exits_1(tmp_path):
    """In process: every bad field is an ``error:`` line, exit 1."""
    for index, (field, value, expected) in enumerate(BAD_FIELDS):
        path = with_metadata(tmp_path, setter(field, value), name=f"bad{index}.keras")
        stdout, stderr = io.StringIO(), io.StringIO()
        assert run(["classify", "--model", str(path), "A fine film."], stdout=stdout, stderr=stderr) == 1, field
        assert stderr.getvalue().startswith(f"error: bad{index}.keras is damaged: ") and expected in stderr.getvalue()
        assert stderr.getvalue().count("\n") == 1 and stdout.getvalue() == ""


def test_the_command_line_prints_no_traceback_for_a_bad_field(tmp_path):
    """A real process, for the fields that used to end in a KeyError or TypeError deep in the code."""
    for field, value in (("test_predictions.labels[0]", "x"), ("history", "oops"), ("training", [1])):
        path = with_metadata(tmp_path, setter(field, value))
        result = subprocess.run([sys.executable, "main.py", "classify", "--model", str(path), "A fine film."],
                                cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert result.returncode == 1, result.stderr[-2000:]
        assert result.stderr.startswith("error: edited.keras is damaged: in its studio.json, " + field.split("[")[0])
        assert "Traceback" not in result.stderr
