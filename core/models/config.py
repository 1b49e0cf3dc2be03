"""Every hyperparameter of a training run, in one validated dataclass.

The defaults are the Keras IMDB tutorial's recipe, so a run with
``TrainingConfig()`` reproduces it. The same object travels to the model
file, the command line and the GUI form, which is why it validates itself
and converts to and from plain JSON.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field, fields
from typing import Any

from core.errors import QT_TRANSLATE_NOOP, ConfigError

CELLS = ("lstm", "gru")
OPTIMIZERS = ("adam", "rmsprop", "sgd")
POOLINGS = ("last", "max", "max+mean")


def _range(low: float, high: float, help: str) -> dict[str, Any]:
    """Field metadata: the inclusive range and a one-line description."""
    return {"range": (low, high), "help": help}


def _choice(options: tuple[str, ...], help: str) -> dict[str, Any]:
    return {"choices": options, "help": help}


@dataclass
class TrainingConfig:
    """Hyperparameters of the text pipeline, the model and the fit."""

    # Text vectorisation.
    vocab_size: int = field(default=10_000, metadata=_range(100, 200_000, QT_TRANSLATE_NOOP("core", "vocabulary size, padding and out-of-vocabulary indices included")))
    max_length: int = field(default=250, metadata=_range(8, 2_000, QT_TRANSLATE_NOOP("core", "tokens kept per review; longer reviews lose their beginning")))
    # Model.
    embedding_dim: int = field(default=32, metadata=_range(2, 1_024, QT_TRANSLATE_NOOP("core", "size of each word vector")))
    cell: str = field(default="lstm", metadata=_choice(CELLS, QT_TRANSLATE_NOOP("core", "recurrent cell")))
    bidirectional: bool = field(default=False, metadata={"help": QT_TRANSLATE_NOOP("core", "read the review in both directions")})
    recurrent_layers: int = field(default=1, metadata=_range(1, 4, QT_TRANSLATE_NOOP("core", "stacked recurrent layers")))
    units: int = field(default=32, metadata=_range(1, 1_024, QT_TRANSLATE_NOOP("core", "units per recurrent layer")))
    dropout: float = field(default=0.0, metadata=_range(0.0, 0.9, QT_TRANSLATE_NOOP("core", "dropout after each recurrent layer")))
    word_dropout: float = field(default=0.0, metadata=_range(0.0, 0.9, QT_TRANSLATE_NOOP("core", "share of words made unknown in each training batch, so the model reads the whole review")))
    embedding_dropout: float = field(default=0.0, metadata=_range(0.0, 0.9, QT_TRANSLATE_NOOP("core", "share of word-vector channels dropped in each training batch")))
    pooling: str = field(default="last", metadata=_choice(POOLINGS, QT_TRANSLATE_NOOP("core", "what the classifier sees: the last state, the max over all steps, or the max and the mean")))
    # Optimisation.
    optimizer: str = field(default="adam", metadata=_choice(OPTIMIZERS, QT_TRANSLATE_NOOP("core", "optimizer")))
    learning_rate: float = field(default=0.001, metadata=_range(1e-6, 1.0, QT_TRANSLATE_NOOP("core", "learning rate")))
    clipnorm: float = field(default=0.0, metadata=_range(0.0, 100.0, QT_TRANSLATE_NOOP("core", "clip the norm of each gradient step to this (0: off); steadies recurrent training")))
    epochs: int = field(default=10, metadata=_range(1, 1_000, QT_TRANSLATE_NOOP("core", "passes over the training data")))
    batch_size: int = field(default=128, metadata=_range(1, 8_192, QT_TRANSLATE_NOOP("core", "reviews per gradient step")))
    validation_split: float = field(default=0.2, metadata=_range(0.0, 0.5, QT_TRANSLATE_NOOP("core", "fraction of the training reviews held out for validation")))
    early_stopping: bool = field(default=False, metadata={"help": QT_TRANSLATE_NOOP("core", "stop when the validation loss stops improving")})
    patience: int = field(default=2, metadata=_range(0, 100, QT_TRANSLATE_NOOP("core", "epochs without improvement before early stopping")))
    min_delta: float = field(default=0.0, metadata=_range(0.0, 1.0, QT_TRANSLATE_NOOP("core", "smallest fall of the validation loss that early stopping counts as an improvement")))
    restore_best_weights: bool = field(default=True, metadata={"help": QT_TRANSLATE_NOOP("core", "with early stopping, keep the weights of the best validation epoch")})
    ema_momentum: float = field(default=0.0, metadata=_range(0.0, 0.999, QT_TRANSLATE_NOOP("core", "keep a moving average of the weights with this momentum; validation and the saved model use it (0: off)")))
    jit_compile: bool = field(default=False, metadata={"help": QT_TRANSLATE_NOOP("core", "compile the training step with XLA (ignored where cuDNN runs the recurrent layers)")})
    bucket_by_length: bool = field(default=False, metadata={"help": QT_TRANSLATE_NOOP("core", "batch reviews of similar length and skip their shared padding")})
    seed: int = field(default=42, metadata=_range(0, 2**31 - 1, QT_TRANSLATE_NOOP("core", "random seed for the split, the shuffling and the initial weights")))

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise ConfigError naming the first field that is out of range."""
        for f in fields(self):
            value = getattr(self, f.name)
            meta = f.metadata
            if f.type in ("bool", bool):
                if not isinstance(value, bool):
                    raise ConfigError(QT_TRANSLATE_NOOP("core", "{name} must be true or false, not {value!r}."), name=f.name, value=value)
            elif "choices" in meta:
                if value not in meta["choices"]:
                    raise ConfigError(QT_TRANSLATE_NOOP("core", "{name} must be one of {options}, not {value!r}."),
                                      name=f.name, options=", ".join(meta["choices"]), value=value)
            elif "range" in meta:
                low, high = meta["range"]
                is_int = f.type in ("int", int)
                if isinstance(value, bool) or not isinstance(value, (int, float)) or (is_int and not isinstance(value, int)):
                    template = (QT_TRANSLATE_NOOP("core", "{name} must be a whole number from {low:g} to {high:g}, not {value!r}.") if is_int
                                else QT_TRANSLATE_NOOP("core", "{name} must be a number from {low:g} to {high:g}, not {value!r}."))
                    raise ConfigError(template, name=f.name, low=low, high=high, value=value)
                if not (low <= value <= high) or value != value:  # NaN fails both
                    raise ConfigError(QT_TRANSLATE_NOOP("core", "{name} must be from {low:g} to {high:g}; got {value!r}."), name=f.name, low=low, high=high, value=value)
        if self.early_stopping and self.validation_split == 0:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "early_stopping needs validation data: set validation_split above 0."))

    # --- conversion -------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TrainingConfig":
        """Build a config from a dict; missing keys take their defaults."""
        if not isinstance(data, dict):
            raise ConfigError(QT_TRANSLATE_NOOP("core", "A configuration must be a JSON object of field names and values."))
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "Unknown configuration field(s): {fields}."), fields=", ".join(unknown))
        values = {}
        for name, value in data.items():
            # JSON has one number type: accept 3.0 for an int field.
            if known[name].type in ("int", int) and isinstance(value, float) and value.is_integer():
                value = int(value)
            values[name] = value
        return cls(**values)

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
        """A validated copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def describe(self) -> str:
        """A short human label such as 'Bidirectional GRU, 64 units'."""
        parts = []
        cell = self.cell.upper()
        name = f"Bidirectional {cell}" if self.bidirectional else cell
        if self.recurrent_layers > 1:
            name = f"{self.recurrent_layers}x {name}"
        parts.append(f"{name}, {self.units} units")
        if self.dropout:
            parts.append(f"dropout {self.dropout:g}")
        if self.early_stopping:
            parts.append("early stopping")
        return ", ".join(parts)


def field_info(name: str) -> dict[str, Any]:
    """Range, choices and help of one field, for forms and the CLI."""
    for f in fields(TrainingConfig):
        if f.name == name:
            return dict(f.metadata)
    raise KeyError(name)


#: Named starting points offered by the GUI and the CLI. Each maps to the
#: fields it changes from the tutorial's defaults.
PRESETS: dict[str, dict[str, Any]] = {
    QT_TRANSLATE_NOOP("core", "Tutorial LSTM"): {},
    QT_TRANSLATE_NOOP("core", "GRU"): {"cell": "gru"},
    QT_TRANSLATE_NOOP("core", "Bidirectional LSTM"): {"bidirectional": True},
    QT_TRANSLATE_NOOP("core", "Stacked LSTM (2 layers)"): {"recurrent_layers": 2},
    QT_TRANSLATE_NOOP("core", "Regularised"): {"dropout": 0.3, "early_stopping": True, "patience": 2, "epochs": 20},
    # Four times the batch with a matched learning rate, batches of similar length
    # that skip their shared padding, XLA-compiled steps, clipped gradients
    # and early stopping: the same network in less than half the time.
    QT_TRANSLATE_NOOP("core", "Fast"): {
        "batch_size": 512, "learning_rate": 0.002, "clipnorm": 1.0, "jit_compile": True,
        "bucket_by_length": True, "early_stopping": True, "patience": 2,
    },
    # Still a recurrent model built from these options: a larger vocabulary,
    # longer reviews, wider embeddings and a bidirectional LSTM whose outputs
    # are max- and mean-pooled over every step. Trained on 25,000 reviews it
    # soon leans on words particular to the movies it saw, so it is held back
    # three ways: words hidden at random (word dropout), embedding channels
    # and recurrent outputs dropped, and early stopping. Validation and the
    # kept weights are a moving average of the weights (steadier than the
    # last step's), and early stopping ignores falls of the validation loss
    # under 0.002, well inside its noise on 2,500 reviews: of two near-equal
    # epochs it keeps the earlier, less fitted one. The length buckets skip
    # the padding; XLA stays off (it recompiled this network for every
    # bucket width and ran several times slower).
    QT_TRANSLATE_NOOP("core", "Best accuracy"): {
        "vocab_size": 40_000, "max_length": 800, "embedding_dim": 128, "bidirectional": True, "units": 64,
        "pooling": "max+mean", "word_dropout": 0.4, "embedding_dropout": 0.4, "dropout": 0.4,
        "clipnorm": 1.0, "learning_rate": 0.001, "batch_size": 128, "validation_split": 0.1,
        "jit_compile": False, "bucket_by_length": True, "early_stopping": True, "patience": 3, "epochs": 12,
        "ema_momentum": 0.99, "min_delta": 0.002,
    },
}


def preset(name: str) -> TrainingConfig:
    """The config of a named preset."""
    try:
        return TrainingConfig(**PRESETS[name])
    except KeyError:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "Unknown preset {name!r}; choose one of: {presets}."), name=name, presets=", ".join(PRESETS)) from None
