"""What a model file may hold: an allow-list, checked before Keras reads the file.

Keras's safe mode refuses saved Python bytecode, but it has been bypassed
again and again: by a reference to a function of any module, by a call of
``keras.config.enable_unsafe_deserialization`` before a Lambda, by a
``TFSMLayer`` that runs a TensorFlow SavedModel, by archive paths that lead
outside the folder they are extracted to. Each was fixed in a later Keras
(hence our floor of 3.14), and the next one will be too. So we do not rely
on safe mode alone: before Keras sees a file, :func:`inspect_config` walks
every object that its ``config.json`` names, at any depth, and accepts only

- the Keras classes in :data:`KERAS_CLASSES` (the layers, models,
  optimizers, losses, metrics, initializers, regularizers and constraints
  our model families save), from a Keras module;
- the Keras functions in :data:`KERAS_FUNCTIONS` (activations, losses,
  metrics), and a bare name where Keras looks one up in its own tables;
- anything registered under our package, :data:`OUR_PACKAGE`, wholesale.

Everything else is refused by name, and Keras never sees the file. A model
family that needs another Keras layer adds its class name to
:data:`LAYERS`; a layer of our own needs nothing here once it is registered
under our package.

No Keras or TensorFlow is imported: the check runs before they load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Iterable

from core.errors import QT_TRANSLATE_NOOP, Message

OUR_PACKAGE = "imdb_sentiment_studio"
#: The text layers a model of ours starts with: one of them makes a file ours.
TEXT_LAYERS = frozenset({f"{OUR_PACKAGE}>TextToSequence", f"{OUR_PACKAGE}>TextToNGrams"})

LAYERS = frozenset({
    "InputLayer", "Embedding", "LSTM", "GRU", "SimpleRNN", "Bidirectional",
    "Conv1D", "SeparableConv1D", "MaxPooling1D", "AveragePooling1D", "GlobalMaxPooling1D", "GlobalAveragePooling1D",
    "Dense", "Dropout", "SpatialDropout1D", "GaussianNoise", "Activation", "Flatten", "Reshape", "Masking",
    "LayerNormalization", "BatchNormalization",
    "Average", "Concatenate", "Add", "Maximum", "Minimum", "Multiply",
})  # No TextVectorization or lookup layers: our vectoriser reads the text, and theirs can name a file to read.
MODELS = frozenset({"Functional", "Sequential", "Model"})
OPTIMIZERS = frozenset({"Adam", "AdamW", "Adamax", "Nadam", "RMSprop", "SGD", "Adagrad", "Adadelta", "Ftrl", "Lion"})
SCHEDULES = frozenset({"ExponentialDecay", "CosineDecay", "CosineDecayRestarts", "InverseTimeDecay", "PiecewiseConstantDecay", "PolynomialDecay"})
LOSSES = frozenset({"BinaryCrossentropy", "BinaryFocalCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy",
                    "Hinge", "MeanSquaredError", "MeanAbsoluteError"})
METRICS = frozenset({"Accuracy", "BinaryAccuracy", "AUC", "Precision", "Recall", "Mean"})
INITIALIZERS = frozenset({"Zeros", "Ones", "Constant", "RandomUniform", "RandomNormal", "TruncatedNormal", "VarianceScaling",
                          "GlorotUniform", "GlorotNormal", "HeUniform", "HeNormal", "LecunUniform", "LecunNormal", "Orthogonal", "Identity"})
REGULARIZERS = frozenset({"L1", "L2", "L1L2", "OrthogonalRegularizer"})
CONSTRAINTS = frozenset({"MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm"})
DTYPE_POLICIES = frozenset({"DTypePolicy", "FloatDTypePolicy"})

#: Every Keras class a model file of ours may name.
KERAS_CLASSES = LAYERS | MODELS | OPTIMIZERS | SCHEDULES | LOSSES | METRICS | INITIALIZERS | REGULARIZERS | CONSTRAINTS | DTYPE_POLICIES

#: Keras functions a file may reference by module and name (activations, losses, metrics).
KERAS_FUNCTIONS = frozenset({
    "relu", "relu6", "leaky_relu", "elu", "selu", "gelu", "silu", "swish", "mish", "sigmoid", "hard_sigmoid", "hard_silu",
    "tanh", "softmax", "log_softmax", "softplus", "softsign", "linear", "exponential",
    "binary_crossentropy", "binary_focal_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy",
    "mean_squared_error", "mean_absolute_error", "hinge",
    "accuracy", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
})

#: Plain data that Keras rebuilds without looking anything up.
DATA_MARKERS = frozenset({"__keras_tensor__"})

#: Keys whose string value Keras resolves to an object by name (``"activation": "tanh"``).
REFERENCE_KEYS = frozenset({"activation", "recurrent_activation", "loss", "metrics", "weighted_metrics", "fn", "function",
                            "output_shape", "optimizer", "standardize", "split"})
_REFERENCE_SUFFIXES = ("_initializer", "_regularizer", "_constraint")

_OBJECT_KEYS = ("class_name", "module", "registered_name", "spec_name")
_BARE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OUR_NAME = re.compile(re.escape(OUR_PACKAGE) + r">[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class Inspection:
    """What :func:`inspect_config` found: the first thing refused, if any, and our registered names."""

    refused: str | Message | None = None
    registered: set[str] = field(default_factory=set)


def inspect_config(config: Any) -> Inspection:
    """Walk every object ``config`` (a parsed ``config.json``) names; stop at the first one refused.

    ``refused`` is a short name for a person: a class (``TFSMLayer``), a
    module and function (``os.system``), or a phrase saying what a marker
    stands for (a Message, so that the app translates it).
    """
    found = Inspection()
    stack: list[tuple[Any, str | None]] = [(config, None)]
    while stack:
        value, key = stack.pop()
        if isinstance(value, dict):
            if any(name in value for name in _OBJECT_KEYS):
                found.refused = _refused_object(value, found.registered)
                if found.refused is not None:
                    return found
            # Reversed, so that the first object in the file is the first one named.
            stack.extend((item, name) for name, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((item, key) for item in reversed(value))
        elif isinstance(value, str) and _is_reference_key(key):
            found.refused = _refused_name(value, found.registered)
            if found.refused is not None:
                return found
    return found


def unsafe_entry(names: Iterable[str]) -> str | None:
    """The first archive entry that would land outside the folder it is extracted to, if any."""
    for name in names:
        path = PurePosixPath(name)
        if (name.startswith(("/", "\\")) or "\\" in name or "\x00" in name or ".." in path.parts
                or re.match(r"[A-Za-z]:", name)):
            return name
    return None


def _is_reference_key(key: str | None) -> bool:
    return key is not None and (key in REFERENCE_KEYS or key.endswith(_REFERENCE_SUFFIXES))


def _is_keras_module(module: Any) -> bool:
    return isinstance(module, str) and (module == "keras" or module.startswith("keras."))


def _is_our_module(module: Any) -> bool:
    return module is None or (isinstance(module, str) and (module == "core" or module.startswith("core.")))


def _refused_name(name: str, registered: set[str]) -> str | None:
    """A name Keras looks up by itself: bare (Keras's own tables) or registered under our package."""
    if _OUR_NAME.fullmatch(name):
        registered.add(name)
        return None
    return None if _BARE_NAME.fullmatch(name) else name


def _refused_object(obj: dict, registered: set[str]) -> str | Message | None:
    class_name, module, registered_name = obj.get("class_name"), obj.get("module"), obj.get("registered_name")
    if not all(isinstance(part, (str, type(None))) for part in (class_name, module, registered_name)) or not class_name:
        return Message(QT_TRANSLATE_NOOP("core", "an object reference that is not a plain name"))
    if class_name in DATA_MARKERS:
        return None
    if class_name == "__lambda__":
        return Message(QT_TRANSLATE_NOOP("core", "a Python lambda (saved bytecode)"))
    if class_name.startswith("__"):
        return class_name
    if class_name == "function":
        return _refused_function(obj.get("config"), module, registered_name, registered)
    if registered_name is not None and _OUR_NAME.fullmatch(registered_name):
        if not _is_our_module(module):
            return f"{module}.{class_name}"
        registered.add(registered_name)
        return None
    if not _is_keras_module(module):
        return class_name if module is None else f"{module}.{class_name}"
    if registered_name not in (None, class_name):
        return registered_name  # Keras looks a registered name up first, whatever the module says
    if class_name in KERAS_CLASSES:
        return None
    return class_name if module in ("keras", "keras.layers") or module.startswith("keras.src.layers") else f"{module}.{class_name}"


def _refused_function(name: Any, module: str | None, registered_name: str | None, registered: set[str]) -> str | Message | None:
    if not isinstance(name, str):
        return Message(QT_TRANSLATE_NOOP("core", "a function reference that is not a plain name"))
    if _OUR_NAME.fullmatch(name) and _is_our_module(module):
        registered.add(name)
        return None
    if (_is_keras_module(module) or module == "builtins") and name in KERAS_FUNCTIONS and registered_name in (None, name, "function"):
        return None
    return f"{module}.{name}" if module else name
