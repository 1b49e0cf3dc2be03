"""Every hyperparameter of a training run, in one validated dataclass.

A config is a common part plus the chosen model family's own part::

    TrainingConfig(family="recurrent", model=RecurrentConfig(units=64), epochs=5)

The common part holds what every family uses, whatever its network: how
text becomes token ids (``vocab_size``, ``max_length``), how the weights
are optimised (optimizer, learning rate, clipnorm, EMA, XLA) and how the
fit runs (epochs, batches and their length buckets, the validation split,
early stopping, the seed). The family's part
(:mod:`core.models.families`) holds the network's shape and its
regularisation: a recurrent network's cell and units mean nothing to a bag
of n-grams, and two families may each have a field of the same name (an
embedding size) with their own range and default.

The defaults are the Keras IMDB tutorial's recipe, so a run with
``TrainingConfig()`` reproduces it. The same object travels to the model
file, the command line and the GUI form, which is why it validates itself
and converts to and from plain JSON. For callers, fields may also be named
flat: :meth:`TrainingConfig.from_dict` reads the flat form (what files
saved before families hold: no ``family`` key means the recurrent family)
as well as the nested one, :meth:`TrainingConfig.replace` sends a family's
field to the family's part, and presets are written flat.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field, fields
from typing import Any

from core.errors import QT_TRANSLATE_NOOP, ConfigError, Message
from core.models.families import DEFAULT_FAMILY, FAMILIES, FamilyConfig, ModelFamily, model_family
from core.models.fields import choice, flag, from_json_values, number, validate_fields

OPTIMIZERS = ("adam", "rmsprop", "sgd")
#: The common fields the form and ``--help`` show before the family's own.
TEXT_FIELDS = ("vocab_size", "max_length")
#: How the parts of a description are joined ("LSTM, 32 units, early stopping").
SEPARATOR = QT_TRANSLATE_NOOP("core", ", ")


@dataclass
class TrainingConfig:
    """The text pipeline, the optimisation and the fit, plus the family's own part in ``model``."""

    #: The model family (:data:`core.models.families.FAMILIES`); ``model`` holds its fields.
    family: str = DEFAULT_FAMILY
    #: The family's own config; None means the family's defaults.
    model: FamilyConfig | None = None
    # Text vectorisation.
    vocab_size: int = field(default=10_000, metadata=number(QT_TRANSLATE_NOOP("core", "Vocabulary size"), 100, 200_000, QT_TRANSLATE_NOOP("core", "vocabulary size, padding and out-of-vocabulary indices included")))
    max_length: int = field(default=250, metadata=number(QT_TRANSLATE_NOOP("core", "Sequence length"), 8, 2_000, QT_TRANSLATE_NOOP("core", "tokens kept per review; longer reviews lose their beginning")))
    # Optimisation.
    optimizer: str = field(default="adam", metadata=choice(QT_TRANSLATE_NOOP("core", "Optimizer"), OPTIMIZERS, QT_TRANSLATE_NOOP("core", "optimizer")))
    learning_rate: float = field(default=0.001, metadata=number(QT_TRANSLATE_NOOP("core", "Learning rate"), 1e-6, 1.0, QT_TRANSLATE_NOOP("core", "learning rate")))
    clipnorm: float = field(default=0.0, metadata=number(QT_TRANSLATE_NOOP("core", "Clipnorm"), 0.0, 100.0, QT_TRANSLATE_NOOP("core", "clip the norm of each gradient step to this (0: off); steadies recurrent training")))
    epochs: int = field(default=10, metadata=number(QT_TRANSLATE_NOOP("core", "Epochs"), 1, 1_000, QT_TRANSLATE_NOOP("core", "passes over the training data")))
    batch_size: int = field(default=128, metadata=number(QT_TRANSLATE_NOOP("core", "Batch size"), 1, 8_192, QT_TRANSLATE_NOOP("core", "reviews per gradient step")))
    validation_split: float = field(default=0.2, metadata=number(QT_TRANSLATE_NOOP("core", "Validation split"), 0.0, 0.5, QT_TRANSLATE_NOOP("core", "fraction of the training reviews held out for validation")))
    early_stopping: bool = field(default=False, metadata=flag(QT_TRANSLATE_NOOP("core", "Early stopping"), QT_TRANSLATE_NOOP("core", "stop when the validation loss stops improving")))
    patience: int = field(default=2, metadata=number(QT_TRANSLATE_NOOP("core", "Patience (epochs)"), 0, 100, QT_TRANSLATE_NOOP("core", "epochs without improvement before early stopping")))
    min_delta: float = field(default=0.0, metadata=number(QT_TRANSLATE_NOOP("core", "Min. improvement"), 0.0, 1.0, QT_TRANSLATE_NOOP("core", "smallest fall of the validation loss that early stopping counts as an improvement"), step=0.001))
    restore_best_weights: bool = field(default=True, metadata=flag(QT_TRANSLATE_NOOP("core", "Restore best weights"), QT_TRANSLATE_NOOP("core", "with early stopping, keep the weights of the best validation epoch")))
    ema_momentum: float = field(default=0.0, metadata=number(QT_TRANSLATE_NOOP("core", "Weight averaging (EMA)"), 0.0, 0.999, QT_TRANSLATE_NOOP("core", "keep a moving average of the weights with this momentum; validation and the saved model use it (0: off)"), step=0.001))
    jit_compile: bool = field(default=False, metadata=flag(QT_TRANSLATE_NOOP("core", "JIT compile (XLA)"), QT_TRANSLATE_NOOP("core", "compile the training step with XLA (ignored where cuDNN runs the recurrent layers)")))
    bucket_by_length: bool = field(default=False, metadata=flag(QT_TRANSLATE_NOOP("core", "Bucket by length"), QT_TRANSLATE_NOOP("core", "batch reviews of similar length and skip their shared padding")))
    seed: int = field(default=42, metadata=number(QT_TRANSLATE_NOOP("core", "Random seed"), 0, 2**31 - 1, QT_TRANSLATE_NOOP("core", "random seed for the split, the shuffling and the initial weights")))

    def __post_init__(self) -> None:
        if self.model is None:
            self.model = model_family(self.family).config_class()
        self.validate()

    @property
    def model_family(self) -> ModelFamily:
        """The registry entry of this config's family."""
        return model_family(self.family)

    def validate(self) -> None:
        """Raise ConfigError naming the first field that is out of range."""
        family = model_family(self.family)
        if not isinstance(self.model, family.config_class):
            raise ConfigError(QT_TRANSLATE_NOOP("core", "model must hold the fields of the {family} family, not {value!r}."), family=self.family, value=self.model)
        validate_fields(self)
        self.model.validate()
        if self.early_stopping and self.validation_split == 0:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "early_stopping needs validation data: set validation_split above 0."))

    # --- conversion -------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The nested form: ``{"family": ..., "model": {...}, common fields...}``."""
        return dataclasses.asdict(self)

    def flat_dict(self) -> dict[str, Any]:
        """``family`` and every field by name, in the order of :func:`config_fields`."""
        return {"family": self.family, **{f.name: self.value(f.name) for f in config_fields(self.family)}}

    def value(self, name: str) -> Any:
        """A field's value by name, from the common part or the family's."""
        return getattr(self.model if name in self.model_family.field_names() else self, name)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TrainingConfig":
        """Build a config from a dict, nested or flat; missing keys take their defaults.

        Without a ``family`` key it is the recurrent family, with its fields
        at the top level: the form of every config saved before families.
        """
        if not isinstance(data, dict):
            raise ConfigError(QT_TRANSLATE_NOOP("core", "A configuration must be a JSON object of field names and values."))
        data = dict(data)
        family = model_family(data.pop("family", DEFAULT_FAMILY))
        own = data.pop("model", None)
        own = {} if own is None else own
        if not isinstance(own, dict):
            raise ConfigError(QT_TRANSLATE_NOOP("core", "model must be a JSON object of the {family} family's fields."), family=family.name)
        own = {**own, **{name: data.pop(name) for name in list(data) if name in family.field_names()}}
        unknown = sorted((set(data) - _common_names()) | (set(own) - set(family.field_names())))
        if unknown:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "Unknown configuration field(s): {fields}."), fields=", ".join(unknown))
        model = family.config_class(**from_json_values(family.config_class, own))
        return cls(family=family.name, model=model, **from_json_values(cls, data))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "TrainingConfig":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "The configuration is not valid JSON: {reason}."), reason=str(exc)) from None
        return cls.from_dict(data)

    def replace(self, **changes: Any) -> "TrainingConfig":
        """A validated copy with some fields changed, named flat: a family's field goes to ``model``.

        A new ``family`` starts from that family's defaults (or the ``model`` given).
        """
        family = model_family(changes.pop("family", self.family))
        model = changes.pop("model", None) or (self.model if family.name == self.family else family.config_class())
        own = {name: changes.pop(name) for name in list(changes) if name in family.field_names()}
        unknown = sorted(set(changes) - _common_names())
        if unknown:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "Unknown configuration field(s): {fields}."), fields=", ".join(unknown))
        if own:
            model = model.replace(**own)
        return dataclasses.replace(self, family=family.name, model=model, **changes)

    # --- description --------------------------------------------------------

    def describe_parts(self, with_family: bool = False) -> list[Message]:
        """The description's phrases, each a translatable message."""
        family = self.model_family
        parts = [Message(family.label)] if with_family else []
        parts += family.describe(self.model)
        if self.early_stopping:
            parts.append(Message(QT_TRANSLATE_NOOP("core", "early stopping")))
        return parts

    def describe(self, with_family: bool = False) -> str:
        """A short human label such as 'Bidirectional GRU, 64 units'; the family first if asked."""
        return SEPARATOR.join(str(part) for part in self.describe_parts(with_family))


def common_fields() -> list[dataclasses.Field]:
    """The fields every family has (all but ``family`` and ``model``), in declaration order."""
    return [f for f in fields(TrainingConfig) if f.name not in ("family", "model")]


def _common_names() -> set[str]:
    return {f.name for f in common_fields()}


def config_fields(family: str = DEFAULT_FAMILY) -> list[dataclasses.Field]:
    """Every field of a config of ``family``, flat: the text fields, the family's own, then the rest.

    The order the form shows them in.
    """
    common = common_fields()
    text = [f for f in common if f.name in TEXT_FIELDS]
    return text + list(model_family(family).fields()) + [f for f in common if f.name not in TEXT_FIELDS]


def field_info(name: str, family: str = DEFAULT_FAMILY) -> dict[str, Any]:
    """Label, range or choices, and help of one field, for forms and the CLI."""
    for f in config_fields(family):
        if f.name == name:
            return dict(f.metadata)
    raise KeyError(name)


def described_fields(family: str = DEFAULT_FAMILY) -> tuple[str, ...]:
    """The fields :meth:`TrainingConfig.describe` names for a config of ``family``."""
    return ("family", *model_family(family).described, "early_stopping")


def _all_presets() -> dict[str, dict[str, Any]]:
    presets: dict[str, dict[str, Any]] = {}
    for family in FAMILIES.values():
        for name, changes in family.presets.items():
            if name in presets:
                raise RuntimeError(f"Two model families have a preset called {name!r}")
            presets[name] = {"family": family.name, **changes}
    return presets


#: Named starting points offered by the GUI and the CLI, from every family in
#: the registry: each maps to its family and the fields it changes from the
#: defaults, written flat (``TrainingConfig.from_dict`` reads them).
PRESETS: dict[str, dict[str, Any]] = _all_presets()


def preset(name: str) -> TrainingConfig:
    """The config of a named preset."""
    try:
        changes = PRESETS[name]
    except KeyError:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "Unknown preset {name!r}; choose one of: {presets}."), name=name, presets=", ".join(PRESETS)) from None
    return TrainingConfig.from_dict(changes)
