"""The allow-list accepts every model our presets save, and names what it refuses."""

from __future__ import annotations

import json
import zipfile

import pytest

from core.models.model_file import read_metadata
from core.models.safety import TEXT_LAYERS, inspect_config, unsafe_entry
from tests.legacy_model_file import legacy_model_file

VECTORIZER = "imdb_sentiment_studio>TextToSequence"

LEGACY = legacy_model_file()


def _dense(**config) -> dict:
    return {"module": "keras.layers", "class_name": "Dense", "registered_name": None, "config": {"units": 1, **config}}


def _model(*layers: dict) -> dict:
    return {"module": "keras", "class_name": "Sequential", "registered_name": None, "config": {"layers": list(layers)}}


@pytest.mark.filterwarnings("ignore:Skipping variable loading for optimizer")  # untrained: the optimizer has no state yet
def test_every_preset_saves_a_file_the_allow_list_accepts(tmp_path):
    """Each preset's network (small), saved as the app saves it, passes the check and loads; an ensemble's of its members'."""
    from core.models.builder import build_model
    from core.models.config import PRESETS, TrainingConfig, config_fields, preset
    from core.models.sentiment_model import EnsembleModel, SentimentModel
    from core.text.ngrams import TextToNGrams
    from core.text.vectorizer import TextToSequence

    vocabulary = ["good", "bad", "film", "plot"]
    small = {"vocab_size": 100, "max_length": 16, "embedding_dim": 4, "units": 4, "filters": 4, "hash_bits": 12}

    def untrained(config: TrainingConfig) -> SentimentModel:
        config = config.replace(**{key: value for key, value in small.items() if key in {f.name for f in config_fields(config.family)}})
        if config.family == "ngram":
            vectorizer = TextToNGrams(config.model.ngrams, 2**config.model.hash_bits, name="text_to_ngrams")
        else:
            vectorizer = TextToSequence(vocabulary, config.max_length, padding=getattr(config.model, "padding", "pre"), name="text_to_sequence")
        return SentimentModel(vectorizer, build_model(config, vocab_size=vectorizer.vocab_size), config)

    for index, (name, changes) in enumerate(PRESETS.items()):
        config = TrainingConfig.from_dict(changes)
        members = config.model_family.members
        if members is None:
            model = untrained(config)
        else:
            names = members(config.model)
            model = EnsembleModel([untrained(preset(member)) for member in names], config, weights=range(1, len(names) + 1))
        path = model.save(tmp_path / f"preset{index}.keras")
        with zipfile.ZipFile(path) as archive:
            inspection = inspect_config(json.loads(archive.read("config.json")))
        assert inspection.refused is None, f"{name}: {inspection.refused}"
        assert inspection.registered & TEXT_LAYERS
        read_metadata(path)
        assert SentimentModel.load(path).predict(["good film"]).shape == (1,)


def test_a_file_saved_by_an_earlier_version_passes():
    """0.1.0 wrote our vectoriser's module as core.vectorizer; the registered name is what counts."""
    assert read_metadata(LEGACY)["app_version"] == "0.1.0"


@pytest.mark.parametrize("config, named", [
    (_model(_dense(), {"module": "keras.layers", "class_name": "TFSMLayer", "registered_name": None, "config": {}}), "TFSMLayer"),
    (_model({"module": "keras.layers", "class_name": "Lambda", "registered_name": None, "config": {}}), "Lambda"),
    (_model({"module": "keras_hub.layers", "class_name": "Dense", "registered_name": None, "config": {}}), "keras_hub.layers.Dense"),
    (_model({"module": "keras.utils", "class_name": "get_file", "registered_name": None, "config": {}}), "keras.utils.get_file"),
    (_model(_dense(activation={"module": "keras.utils", "class_name": "function", "config": "get_file", "registered_name": "get_file"})),
     "keras.utils.get_file"),
    (_model(_dense(activation={"module": "builtins", "class_name": "function", "config": "eval", "registered_name": None})), "builtins.eval"),
    (_model(_dense(activation="os.system")), "os.system"),
    (_model(_dense(kernel_initializer="other_package>Payload")), "other_package>Payload"),
    (_model({**_dense(), "registered_name": "other_package>Payload"}), "other_package>Payload"),
    (_model({"module": "os", "class_name": "TextToSequence", "registered_name": VECTORIZER, "config": {}}), "os.TextToSequence"),
    (_model({"module": None, "class_name": "__typespec__", "spec_name": "TensorSpec", "registered_name": None, "config": []}), "__typespec__"),
    (_model({"module": None, "class_name": "__lambda__", "registered_name": None, "config": {"value": "..."}}), "a Python lambda"),
    (_model({"module": "keras.layers", "class_name": ["Dense"], "config": {}}), "not a plain name"),
    ({"config": {"fn": "subprocess.run", "name": "loss"}}, "subprocess.run"),
    ({"module": "shutil", "registered_name": None}, "an object reference that is not a plain name"),
])
def test_a_refused_object_is_named(config, named):
    assert named in str(inspect_config(config).refused)


@pytest.mark.parametrize("config", [
    _model(_dense(activation="sigmoid", kernel_initializer={"module": "keras.initializers", "class_name": "GlorotUniform",
                                                            "registered_name": None, "config": {}})),
    _model(_dense(activation={"module": "keras.activations", "class_name": "function", "config": "relu", "registered_name": "relu"})),
    _model({"module": "core.models.layers", "class_name": "WordDropout", "registered_name": "imdb_sentiment_studio>WordDropout",
            "config": {"rate": 0.1}}),
    {"class_name": "__keras_tensor__", "config": {"shape": [None], "dtype": "string", "keras_history": ["review", 0, 0]}},
    {"vocabulary": ["os.system", "a>b", "../x"]},  # words are data, not references
])
def test_what_our_models_save_is_accepted(config):
    assert inspect_config(config).refused is None


def test_a_deeply_nested_config_is_walked_without_recursion():
    config: list = []
    for _ in range(100_000):
        config = [config]
    config = [config, {"module": "os", "class_name": "system"}]
    assert inspect_config(config).refused == "os.system"


@pytest.mark.parametrize("entry", ["../x", "assets/../../x", "/etc/passwd", "\\evil", "assets\\..\\x", "C:evil", "a\x00b"])
def test_an_entry_outside_the_archive_folder_is_found(entry):
    assert unsafe_entry(["config.json", entry]) == entry


def test_ordinary_entries_pass():
    assert unsafe_entry(["metadata.json", "config.json", "model.weights.h5", "studio.json", "assets/vocabulary.txt", "a..b"]) is None
