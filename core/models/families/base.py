"""What a model family is: its own config fields, a builder, a description and presets.

A family is one kind of network the studio trains (today: recurrent). Its
settings live in a dataclass of its own (a :class:`FamilyConfig`) whose
fields carry the same self-describing metadata as the common ones
(:mod:`core.models.fields`), so the form, the command line and validation
pick them up from the registry in :mod:`core.models.families`.

This module and the family modules import no Keras: the app reads the
registry at start-up. A family's ``build`` imports its Keras module when a
model is first built.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from core.errors import Message
from core.models.fields import validate_fields


@dataclass
class FamilyConfig:
    """The family's own hyperparameters; validated on creation, like the whole config."""

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise ConfigError naming the first field out of range; then the family's own rules."""
        validate_fields(self)
        self.check()

    def check(self) -> None:
        """Rules between fields of this family (none by default); raise ConfigError."""

    def text_padding(self) -> str:
        """Where the default text pipeline pads a review's word ids: "pre" (in front, the tutorial's) or "post" (at the end)."""
        return "pre"

    def replace(self, **changes: Any) -> "FamilyConfig":
        return dataclasses.replace(self, **changes)


class BuildSettings(Protocol):
    """What a builder reads of the whole config (a ``core.models.config.TrainingConfig``).

    A builder gets the whole config because the network's input depends on
    common fields: the sequence length, and whether batches vary in width
    (``bucket_by_length``); and its random layers take the run's seed.
    """

    family: str
    model: Any
    max_length: int
    bucket_by_length: bool
    seed: int


@dataclass(frozen=True)
class ModelFamily:
    """One entry of the registry."""

    #: The id stored in configs and model files; never rename it.
    name: str
    #: How the window names the family (marked with ``QT_TRANSLATE_NOOP("core", ...)``).
    label: str
    #: The dataclass of the family's own fields (a FamilyConfig subclass); its defaults are the family's defaults.
    config_class: type[FamilyConfig]
    #: ``(config, vocab_size) -> keras.Model``: the network from int sequences to P(positive), not compiled
    #: (the optimiser is common: :func:`core.models.builder.build_model` compiles it).
    build: Callable[[BuildSettings, int], Any]
    #: ``(model config) -> [Message, ...]``: a few words on the network, e.g. "Bidirectional GRU, 64 units".
    describe: Callable[[Any], list[Message]]
    #: The fields ``describe`` names, so the run comparison's legend does not repeat them.
    described: tuple[str, ...] = ()
    #: Named starting points: preset name (marked for translation) -> fields, written flat
    #: (the family's own and common ones alike), changed from the defaults.
    presets: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: ``(built network, config) -> str``: a line for the log on how it will run (say, which kernel), or None.
    report: Callable[[Any, Any], str] | None = None
    #: ``(corpus, config, hooks) -> EncodedText``: the family's text layer and the corpus through it;
    #: None is the vectorizer's word ids (:func:`core.training.text_inputs.encode_sequences`).
    encode: Callable[[Any, Any, Any], Any] | None = None
    #: ``(network, x_fit, y_fit, config)``: what the network takes from the fitted reviews before the
    #: fit (never from the validation ones), e.g. n-gram weights; None if nothing.
    prepare: Callable[[Any, Any, Any, Any], None] | None = None
    #: ``(model config) -> (preset name, ...)``: a family whose run trains other families' presets in turn
    #: and combines them (an ensemble); None for a family that trains one network.
    members: Callable[[Any], tuple[str, ...]] | None = None
    #: The common fields a run of this family uses (the form disables the others); None: all of them.
    common_fields: tuple[str, ...] | None = None
    #: The default hyperparameter search: field name (the family's own or a common one, flat) -> spec
    #: (:mod:`core.models.search_space`). The Tune tab and ``main.py tune`` start from it.
    search_space: dict[str, dict[str, Any]] = field(default_factory=dict)

    def fields(self) -> tuple[dataclasses.Field, ...]:
        return dataclasses.fields(self.config_class)

    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields())
