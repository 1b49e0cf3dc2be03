"""A second model family that lives only in the tests, to show the registry is all a family needs.

Embedding -> global average pooling -> (optional hidden layer) -> Dense. It
shares one field name (``embedding_dim``) with the recurrent family, with
its own range and default. Tests add it with
``monkeypatch.setitem(FAMILIES, "averaged", AVERAGED)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import Message
from core.models.families.base import FamilyConfig, ModelFamily
from core.models.fields import flag, number


@dataclass
class AveragedConfig(FamilyConfig):
    embedding_dim: int = field(default=4, metadata=number("Embedding size", 2, 64, "size of each word vector"))
    hidden: int = field(default=0, metadata=number("Hidden units", 0, 16, "units of a hidden layer (0: none)"))
    normalise: bool = field(default=False, metadata=flag("Normalise", "normalise the averaged vector"))


def build(config, vocab_size: int):
    import keras

    model = config.model
    layers = [keras.Input(shape=(None if config.bucket_by_length else config.max_length,), dtype="int32"),
              keras.layers.Embedding(vocab_size, model.embedding_dim), keras.layers.GlobalAveragePooling1D()]
    if model.normalise:
        layers.append(keras.layers.LayerNormalization())
    if model.hidden:
        layers.append(keras.layers.Dense(model.hidden, activation="relu"))
    layers.append(keras.layers.Dense(1, activation="sigmoid"))
    return keras.Sequential(layers, name="averaged")


def describe(config: AveragedConfig) -> list[Message]:
    return [Message("averaged {dim}-d vectors", dim=config.embedding_dim)]


AVERAGED = ModelFamily(name="averaged", label="Averaged embeddings", config_class=AveragedConfig, build=build, describe=describe,
                       described=("embedding_dim",))
