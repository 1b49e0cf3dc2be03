import json

import pytest

from core.errors import ConfigError
from core.models.config import PRESETS, TrainingConfig, preset
from core.models.families.recurrent import RecurrentConfig


def test_defaults_are_the_tutorial_recipe():
    c = TrainingConfig()
    m = c.model
    assert (c.vocab_size, c.max_length, m.embedding_dim, m.units) == (10_000, 250, 32, 32)
    assert (m.cell, m.bidirectional, m.recurrent_layers, m.dropout, m.pooling) == ("lstm", False, 1, 0.0, "last")
    assert (c.optimizer, c.learning_rate, c.epochs, c.batch_size, c.validation_split) == ("adam", 0.001, 10, 128, 0.2)
    assert c.early_stopping is False


def test_json_round_trip():
    c = TrainingConfig(model=RecurrentConfig(cell="gru", bidirectional=True, units=64, dropout=0.25), early_stopping=True)
    assert TrainingConfig.from_json(c.to_json()) == c
    assert json.loads(c.to_json())["model"]["units"] == 64


def test_missing_keys_take_defaults_and_whole_floats_become_ints():
    assert TrainingConfig.from_dict({"units": 16.0}).model.units == 16


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("units", 0, ["units", "1", "1024"]),
        ("vocab_size", 50, ["vocab_size", "100"]),
        ("dropout", 0.95, ["dropout", "0.9"]),
        ("dropout", float("nan"), ["dropout"]),
        ("learning_rate", 0.0, ["learning_rate"]),
        ("validation_split", 0.7, ["validation_split", "0.5"]),
        ("epochs", 2.5, ["epochs", "whole number"]),
        ("cell", "rnn", ["cell", "lstm", "gru"]),
        ("optimizer", "adagrad", ["optimizer", "adam"]),
        ("bidirectional", "yes", ["bidirectional", "true or false"]),
        ("batch_size", True, ["batch_size"]),
    ],
)
def test_out_of_range_values_name_the_field_and_range(field, value, words):
    with pytest.raises(ConfigError) as error:
        TrainingConfig().replace(**{field: value})
    for word in words:
        assert word in str(error.value)


def test_early_stopping_needs_validation_data():
    with pytest.raises(ConfigError, match="validation_split"):
        TrainingConfig(early_stopping=True, validation_split=0.0)


def test_unknown_and_malformed_json_are_reported():
    with pytest.raises(ConfigError, match="Unknown configuration field"):
        TrainingConfig.from_dict({"colour": "red"})
    with pytest.raises(ConfigError, match="not valid JSON"):
        TrainingConfig.from_json("{units: 3")


def test_every_preset_is_valid_and_describes_itself():
    labels = {name: preset(name).describe() for name in PRESETS}
    assert labels["Tutorial LSTM"] == "LSTM, 32 units"
    assert labels["Bidirectional LSTM"].startswith("Bidirectional LSTM")
    assert "GRU" in labels["GRU"]
    with pytest.raises(ConfigError, match="Unknown preset"):
        preset("Nope")
