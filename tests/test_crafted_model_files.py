"""Crafted model files of every known shape of Keras safe-mode bypass are refused by name, and never run.

Each case takes a real model of ours and plants one payload in it, aimed so
that it WOULD create a marker file if a loader executed it: a Lambda with
saved bytecode, a Lambda naming a function, a TFSMLayer over a SavedModel
that writes the marker, a call of ``keras.config.enable_unsafe_deserialization``,
a function from a module outside Keras, a function object nested in a
layer's or the compile config, and an archive entry whose path leads out
of the folder it is unpacked to. ``test_each_payload_is_live`` fires each
payload the way an unguarded loader would and sees the marker appear;
``test_each_crafted_file_is_refused_and_never_runs`` opens each file with
the app and sees a one-line refusal naming the payload, and no marker.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import keras
import pytest
from keras.src.saving import serialization_lib

from core.errors import ModelFileError
from core.models.model_file import read_metadata
from core.models.sentiment_model import SentimentModel

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Crafted:
    """A planted file, what the app must name when refusing it, and how to fire its payload by hand."""

    path: Path
    names: str
    fire: Callable[[], None]


class Workshop:
    """Everything one case needs: a model file of ours, a marker path, a payload module that writes it."""

    def __init__(self, model: SentimentModel, folder: Path):
        self.folder = folder
        self.marker = folder / "payload-ran.txt"
        self.original = model.save(folder / "ours.keras")
        self.model = model
        # A module outside Keras that writes the marker when imported or called; importable,
        # as an older Keras would have imported it.
        self.module = f"studio_payload_{uuid.uuid4().hex[:8]}"
        (folder / f"{self.module}.py").write_text(
            "from pathlib import Path\n"
            f"MARKER = Path({str(self.marker)!r})\n"
            "MARKER.write_text('imported')\n"
            "def write_marker(*args, **kwargs):\n"
            "    MARKER.write_text('called')\n"
            "    return args[0] if args else None\n",
            encoding="utf-8",
        )

    def function_ref(self, module: str, name: str) -> dict:
        return {"module": module, "class_name": "function", "config": name, "registered_name": name}

    def craft(self, name: str, edit: Callable[[dict], None] | None = None, extra: dict[str, bytes] | None = None,
              source: Path | None = None) -> Path:
        """A copy of ``source`` (our file) with its config.json edited and entries added."""
        target = self.folder / f"{name}.keras"
        with zipfile.ZipFile(source or self.original) as archive_in, zipfile.ZipFile(target, "w") as archive_out:
            for item in archive_in.infolist():
                data = archive_in.read(item.filename)
                if item.filename == "config.json" and edit is not None:
                    config = json.loads(data)
                    edit(config)
                    data = json.dumps(config).encode()
                archive_out.writestr(item, data)
            for entry, data in (extra or {}).items():
                archive_out.writestr(zipfile.ZipInfo(entry), data)
        return target

    def lambda_file(self) -> Path:
        """A model whose Lambda layer is saved Python bytecode that writes the marker."""
        marker = str(self.marker)
        payload = lambda x: (open(marker, "w").write("code from a model file ran"), x)[1]  # noqa: E731
        text = keras.Input(shape=(), dtype="string", name="review")
        tokens = keras.layers.Lambda(payload, output_shape=lambda shape: shape, name="payload")(self.model.vectorizer(text))
        crafted = keras.Model(text, self.model.classifier(tokens))
        plain = self.folder / "lambda-plain.keras"
        crafted.save(plain)
        with zipfile.ZipFile(self.original) as ours, zipfile.ZipFile(plain, "a") as target:
            target.writestr("studio.json", ours.read("studio.json"))
        return plain


def _classifier_layers(config: dict) -> list:
    """The layer list of our Sequential classifier inside the end-to-end model."""
    return next(layer for layer in config["config"]["layers"] if layer["class_name"] == "Sequential")["config"]["layers"]


def _insert_before_classifier(config: dict, entry: dict) -> None:
    layers = config["config"]["layers"]
    index = next(i for i, layer in enumerate(layers) if layer["class_name"] == "Sequential")
    layers.insert(index, entry)


def _load_unsafely(path: Path) -> None:
    model = keras.saving.load_model(path, safe_mode=False)
    model.predict(keras.ops.convert_to_tensor(["a review"]), verbose=0)


def _import_and_call(module: str, name: str, *args) -> None:
    getattr(importlib.import_module(module), name)(*args)


# --- the cases -----------------------------------------------------------------


def lambda_bytecode(shop: Workshop) -> Crafted:
    path = shop.lambda_file()
    return Crafted(path, "Lambda", lambda: _load_unsafely(path))


def lambda_function_reference(shop: Workshop) -> Crafted:
    def edit(config):
        layers = _classifier_layers(config)
        layers.insert(1, {"module": "keras.layers", "class_name": "Lambda", "registered_name": None,
                          "config": {"name": "payload", "function": shop.function_ref(shop.module, "write_marker"), "arguments": {}}})

    return Crafted(shop.craft("lambda-reference", edit), "Lambda", lambda: _import_and_call(shop.module, "write_marker", 1))


def tfsm_layer(shop: Workshop) -> Crafted:
    import tensorflow as tf

    class Payload(tf.Module):
        @tf.function(input_signature=[tf.TensorSpec([None, None], tf.float32)])
        def serve(self, x):
            tf.io.write_file(str(shop.marker), "a SavedModel from a model file ran")
            return x

    saved = shop.folder / "saved_model"
    module = Payload()
    tf.saved_model.save(module, str(saved), signatures={"serve": module.serve})

    def edit(config):
        _classifier_layers(config).insert(2, {"module": "keras.layers", "class_name": "TFSMLayer", "registered_name": None,
                                              "config": {"name": "payload", "filepath": str(saved), "call_endpoint": "serve", "trainable": False}})

    def fire():
        keras.layers.TFSMLayer(str(saved), call_endpoint="serve")(tf.zeros([1, 3]))

    return Crafted(shop.craft("tfsm", edit), "TFSMLayer", fire)


def unsafe_switch(shop: Workshop) -> Crafted:
    """``enable_unsafe_deserialization`` called as a layer, before a Lambda whose bytecode it would let through."""
    lambda_path = shop.lambda_file()

    def edit(config):
        config["config"]["layers"].insert(1, {**shop.function_ref("keras.config", "enable_unsafe_deserialization"),
                                              "name": "unlock", "inbound_nodes": [{"args": [], "kwargs": {}}]})

    def fire():
        with zipfile.ZipFile(lambda_path) as archive:
            layers = json.loads(archive.read("config.json"))["config"]["layers"]
        payload = next(layer for layer in layers if layer["class_name"] == "Lambda")
        with serialization_lib.SafeModeScope(True):  # as during a load; puts the switch back afterwards
            keras.config.enable_unsafe_deserialization()  # what the planted "unlock" layer would call
            layer = serialization_lib.deserialize_keras_object(payload)
        layer(keras.ops.convert_to_tensor([[1, 2]]))

    return Crafted(shop.craft("unsafe-switch", edit, source=lambda_path), "keras.config.enable_unsafe_deserialization", fire)


def _outside_keras(module: str, name: str, arguments: Callable[[Path], list]) -> Callable[[Workshop], Crafted]:
    def case(shop: Workshop) -> Crafted:
        args = arguments(shop.marker)

        def edit(config):
            _insert_before_classifier(config, {**shop.function_ref(module, name), "name": "payload",
                                               "inbound_nodes": [{"args": args, "kwargs": {}}]})

        return Crafted(shop.craft(f"{module}-{name}", edit), f"{module}.{name}", lambda: _import_and_call(module, name, *args))

    case.__name__ = f"{module}_{name}"
    return case


def nested_activation(shop: Workshop) -> Crafted:
    def edit(config):
        dense = next(layer for layer in _classifier_layers(config) if layer["class_name"] == "Dense")
        dense["config"]["activation"] = shop.function_ref(shop.module, "write_marker")

    return Crafted(shop.craft("nested-activation", edit), f"{shop.module}.write_marker", lambda: _import_and_call(shop.module, "write_marker", 1))


def nested_metric(shop: Workshop) -> Crafted:
    def edit(config):
        classifier = next(layer for layer in config["config"]["layers"] if layer["class_name"] == "Sequential")
        classifier["compile_config"]["metrics"] = ["accuracy", shop.function_ref(shop.module, "write_marker")]

    return Crafted(shop.craft("nested-metric", edit), f"{shop.module}.write_marker", lambda: _import_and_call(shop.module, "write_marker", 1))


def path_traversal(shop: Workshop) -> Crafted:
    """An entry that, unpacked by joining its name to the folder, lands on the marker."""
    entry = "../" * 40 + str(shop.marker).lstrip("/")

    def fire():
        folder = shop.folder / "unpacked"
        folder.mkdir(exist_ok=True)
        Path(os.path.normpath(os.path.join(folder, entry))).write_text("unpacked outside its folder")

    return Crafted(shop.craft("traversal", extra={entry: b"x"}), entry, fire)


CASES = [
    lambda_bytecode,
    lambda_function_reference,
    tfsm_layer,
    unsafe_switch,
    _outside_keras("os", "system", lambda marker: [f"touch '{marker}'"]),
    _outside_keras("builtins", "exec", lambda marker: [f"open({str(marker)!r}, 'w').write('ran')"]),
    _outside_keras("subprocess", "call", lambda marker: [["touch", str(marker)]]),
    nested_activation,
    nested_metric,
    path_traversal,
]


@pytest.fixture
def shop(trained_small_model, tmp_path, monkeypatch) -> Workshop:
    monkeypatch.syspath_prepend(str(tmp_path))
    workshop = Workshop(trained_small_model, tmp_path)
    yield workshop
    sys.modules.pop(workshop.module, None)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_each_crafted_file_is_refused_and_never_runs(case, shop):
    crafted = case(shop)
    assert not shop.marker.exists()

    for opener in (read_metadata, SentimentModel.load):
        with pytest.raises(ModelFileError) as refusal:
            opener(crafted.path)
        message = str(refusal.value)
        assert "\n" not in message
        assert "refused" in message and "nothing from it was run" in message, message
        assert crafted.names in message, message

    assert not shop.marker.exists(), "a payload ran"
    assert shop.module not in sys.modules, "the payload's module was imported"
    assert serialization_lib.in_safe_mode() is not False, "safe mode was switched off"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_each_payload_is_live(case, shop):
    """The refusals above mean something: fired as an unguarded loader would, each payload writes the marker."""
    crafted = case(shop)
    crafted.fire()
    assert shop.marker.exists()
    assert serialization_lib.in_safe_mode() is not False


CLASSIFY_CRAFTED = """
import sys
from core.cli.commands import run
sys.exit(run(["classify", "--model", sys.argv[1], "a review"]))
"""


def test_the_command_line_refuses_a_crafted_file_in_one_line(shop):
    crafted = _outside_keras("os", "system", lambda marker: [f"touch '{marker}'"])(shop)
    result = subprocess.run([sys.executable, "-c", CLASSIFY_CRAFTED, str(crafted.path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"error: {crafted.path.name} was refused: it contains os.system, "
                                                  "which this app never saves; nothing from it was run."]
    assert "Traceback" not in result.stderr
    assert not shop.marker.exists()
