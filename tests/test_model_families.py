"""The model-family registry and the two-part config: round trips, routing, and a family added only to the registry."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from families_for_tests import AVERAGED, AveragedConfig

from core.cli.commands import parse
from core.errors import ConfigError
from core.models.config import PRESETS, TrainingConfig, config_fields, described_fields, field_info, preset
from core.models.families import DEFAULT_FAMILY, FAMILIES, model_family
from core.models.families.recurrent import RecurrentConfig

ROOT = Path(__file__).resolve().parent.parent
#: A config as files saved before families hold it: flat, without a family.
LEGACY_FLAT = {
    "vocab_size": 5000, "max_length": 100, "embedding_dim": 16, "cell": "gru", "bidirectional": True, "recurrent_layers": 2,
    "units": 24, "dropout": 0.2, "word_dropout": 0.1, "embedding_dropout": 0.0, "pooling": "max", "optimizer": "rmsprop",
    "learning_rate": 0.002, "clipnorm": 1.0, "epochs": 4, "batch_size": 64, "validation_split": 0.1, "early_stopping": True,
    "patience": 3, "min_delta": 0.001, "restore_best_weights": False, "ema_momentum": 0.0, "jit_compile": False,
    "bucket_by_length": True, "seed": 7,
}


@pytest.fixture
def averaged(monkeypatch):
    """The registry with a second family in it."""
    monkeypatch.setitem(FAMILIES, AVERAGED.name, AVERAGED)
    return AVERAGED


# --- the registry -------------------------------------------------------------------


def test_the_recurrent_family_is_the_default_and_unknown_families_are_named():
    assert DEFAULT_FAMILY == "recurrent" and list(FAMILIES)[0] == "recurrent" and "convolutional" in FAMILIES
    assert TrainingConfig().family == "recurrent" and TrainingConfig().model == RecurrentConfig()
    with pytest.raises(ConfigError, match=f"Unknown model family 'cnn'; choose one of: {', '.join(FAMILIES)}"):
        model_family("cnn")
    with pytest.raises(ConfigError, match="Unknown model family"):
        TrainingConfig(family="cnn")


@pytest.mark.parametrize("name", list(FAMILIES))
def test_every_field_of_every_family_describes_itself(name):
    for f in fields(model_family(name).config_class):
        meta = f.metadata
        assert meta.get("label") and meta.get("help"), f.name
        assert f.type in ("bool", bool) or "range" in meta or "choices" in meta, f.name


@pytest.mark.parametrize("name", [name for name, family in FAMILIES.items() if family.members is None])
def test_every_family_builds_a_network_from_int_sequences_to_one_probability(name):
    import numpy as np

    from core.models.builder import build_model

    config = TrainingConfig(family=name, vocab_size=300, max_length=20)
    model = build_model(config)
    # Word ids of max_length, or any number a review (a bag of n-grams reads every word).
    assert tuple(model.input_shape) in ((None, 20), (None, None)) and tuple(model.output_shape) == (None, 1)
    probabilities = model.predict_on_batch(np.array([[0] * 18 + [5, 299], [7] * 20], dtype="int32"))
    assert probabilities.shape == (2, 1) and ((0 < probabilities) & (probabilities < 1)).all()
    assert model.loss == "binary_crossentropy" and type(model.optimizer).__name__ == "Adam"


def test_every_preset_comes_from_its_family_and_is_written_flat():
    for family in FAMILIES.values():
        for name, changes in family.presets.items():
            assert PRESETS[name] == {"family": family.name, **changes}
            assert "model" not in changes
            assert preset(name) == TrainingConfig().replace(**changes) == TrainingConfig.from_dict(PRESETS[name])
    assert list(PRESETS)[0] == "Tutorial LSTM" and preset("Tutorial LSTM") == TrainingConfig()


def test_the_registry_loads_no_keras():
    probe = "import sys, core.models.config, core.models.families; print('keras' in sys.modules, 'tensorflow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --- the config's two parts -----------------------------------------------------------


def test_legacy_flat_to_new_to_json_and_back():
    config = TrainingConfig.from_dict(LEGACY_FLAT)
    assert config.family == "recurrent"
    assert config.model == RecurrentConfig(embedding_dim=16, cell="gru", bidirectional=True, recurrent_layers=2, units=24, dropout=0.2,
                                           word_dropout=0.1, pooling="max")
    assert (config.vocab_size, config.epochs, config.seed, config.bucket_by_length) == (5000, 4, 7, True)
    nested = json.loads(config.to_json())
    assert nested["family"] == "recurrent" and nested["model"]["units"] == 24 and "units" not in nested
    assert set(nested) == {"family", "model"} | {f.name for f in config_fields() if f.name not in RecurrentConfig.__dataclass_fields__}
    assert TrainingConfig.from_json(config.to_json()) == config
    assert config.flat_dict() == {"family": "recurrent", **LEGACY_FLAT, "padding": "pre"}  # a field added since: its default
    assert TrainingConfig.from_dict(config.flat_dict()) == config  # the flat form with a family reads back too


def test_flat_fields_route_to_the_family_part():
    config = TrainingConfig().replace(units=64, epochs=3, cell="gru")
    assert (config.model.units, config.model.cell, config.epochs) == (64, "gru", 3)
    assert config.value("units") == 64 and config.value("epochs") == 3
    assert TrainingConfig.from_dict({"units": 16.0, "epochs": 2.0}).model.units == 16  # JSON numbers, made whole
    mixed = TrainingConfig.from_dict({"family": "recurrent", "model": {"units": 10}, "cell": "gru", "epochs": 2})
    assert (mixed.model.units, mixed.model.cell, mixed.epochs) == (10, "gru", 2)


@pytest.mark.parametrize(
    "data, words",
    [
        ({"model": {"units": 0}}, ["units", "1", "1024"]),
        ({"model": {"colour": "red"}}, ["Unknown configuration field", "colour"]),
        ({"model": 3}, ["model", "recurrent"]),
        ({"family": None}, ["Unknown model family"]),
        ({"family": "recurrent", "filters": 8}, ["Unknown configuration field", "filters"]),
    ],
)
def test_bad_configs_name_the_field(data, words):
    with pytest.raises(ConfigError) as error:
        TrainingConfig.from_dict(data)
    for word in words:
        assert word in str(error.value)


def test_replace_names_unknown_fields_and_validates():
    with pytest.raises(ConfigError, match="Unknown configuration field.*colour"):
        TrainingConfig().replace(colour="red")
    with pytest.raises(ConfigError, match="pooling must be one of last, max, max\\+mean"):
        TrainingConfig().replace(pooling="mean")


def test_the_config_and_its_field_info_keep_the_fields_order_for_forms():
    names = [f.name for f in config_fields()]
    assert names[:3] == ["vocab_size", "max_length", "embedding_dim"] and names[-1] == "seed"
    assert field_info("units")["range"] == (1, 1024) and field_info("vocab_size")["label"] == "Vocabulary size"
    assert described_fields() == ("family", "cell", "bidirectional", "recurrent_layers", "units", "dropout", "padding", "early_stopping")


# --- a family added only to the registry ---------------------------------------------------


def test_a_family_in_the_registry_has_its_config_round_trips_and_its_own_defaults(averaged):
    config = TrainingConfig(family="averaged", epochs=2)
    assert config.model == AveragedConfig() and config.model.embedding_dim == 4
    assert TrainingConfig.from_json(config.to_json()) == config
    assert json.loads(config.to_json())["model"] == {"embedding_dim": 4, "hidden": 0, "normalise": False}
    # A new family starts from its defaults; the common fields stay.
    switched = TrainingConfig().replace(units=64, epochs=3).replace(family="averaged", hidden=5)
    assert switched.model == AveragedConfig(hidden=5) and switched.epochs == 3
    assert switched.replace(family="recurrent").model == RecurrentConfig()
    with pytest.raises(ConfigError, match="Unknown configuration field.*units"):
        switched.replace(units=8)
    with pytest.raises(ConfigError, match="embedding_dim must be from 2 to 64"):
        switched.replace(embedding_dim=128)  # the same name, the family's own range
    with pytest.raises(ConfigError, match="model must hold the fields of the averaged family"):
        TrainingConfig(family="averaged", model=RecurrentConfig())


def test_a_family_in_the_registry_is_described_with_its_name_when_asked(averaged):
    config = TrainingConfig(family="averaged", early_stopping=True)
    assert config.describe() == "averaged 4-d vectors, early stopping"
    assert config.describe(with_family=True) == "Averaged embeddings, averaged 4-d vectors, early stopping"
    assert TrainingConfig().describe(with_family=True) == "Recurrent network, LSTM, 32 units"


def test_a_family_in_the_registry_gets_command_line_flags(averaged, capsys):
    _, config = parse(["train", "--family", "averaged", "--hidden", "3", "--embedding-dim", "8", "--epochs", "2"])
    assert config == TrainingConfig(family="averaged", model=AveragedConfig(hidden=3, embedding_dim=8), epochs=2)
    assert parse(["train", "--embedding-dim", "8"])[1].model == RecurrentConfig(embedding_dim=8)  # the shared name, the config's family
    with pytest.raises(ConfigError, match="hidden"):
        parse(["train", "--hidden", "3"])  # not a field of the recurrent family
    with pytest.raises(SystemExit):
        parse(["train", "--help"])
    help_text = capsys.readouterr().out
    assert "Averaged embeddings (--family averaged)" in help_text and "--hidden N" in help_text and "0 to 16" in help_text
    assert "Recurrent network (--family recurrent)" in help_text and f"--family {{{','.join(FAMILIES)}}}" in help_text


def test_a_family_in_the_registry_builds_and_trains(averaged, small_corpus_dir):
    from core.data.loading import load_corpus
    from core.training.trainer import train

    config = TrainingConfig(family="averaged", model=AveragedConfig(hidden=4), vocab_size=200, max_length=40, epochs=1, batch_size=8)
    model = train(load_corpus(small_corpus_dir), config)
    assert [type(layer).__name__ for layer in model.classifier.layers][-2:] == ["Dense", "Dense"]
    assert len(model.history["loss"]) == 1 and model.predict(["A fine film."]).shape == (1,)
