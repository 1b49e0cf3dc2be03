"""The recurrent family: the Keras IMDB tutorial's LSTM and its variations.

Embedding -> (stacked, optionally bidirectional) LSTM or GRU -> Dense. Its
defaults are the tutorial's network; :mod:`core.models.families.recurrent_network`
builds it with Keras.

The tutorial pads each review in front, so a one-line review reaches the
LSTM after some 240 padding steps, and the last state has carried them.
With ``padding="post"`` the words come first and the embedding masks the
padding after them: the last state is the one after the last real word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.errors import QT_TRANSLATE_NOOP, ConfigError, Message
from core.models.families.base import BuildSettings, FamilyConfig, ModelFamily
from core.models.fields import choice, flag, number
from core.models.search_space import among, span
from core.text.tokens import PADDINGS

CELLS = ("lstm", "gru")
POOLINGS = ("last", "max", "max+mean")


@dataclass
class RecurrentConfig(FamilyConfig):
    """The recurrent network's shape and regularisation."""

    embedding_dim: int = field(default=32, metadata=number(QT_TRANSLATE_NOOP("core", "Embedding size"), 2, 1_024, QT_TRANSLATE_NOOP("core", "size of each word vector")))
    cell: str = field(default="lstm", metadata=choice(QT_TRANSLATE_NOOP("core", "Recurrent cell"), CELLS, QT_TRANSLATE_NOOP("core", "recurrent cell"),
                                                      labels={"lstm": "LSTM", "gru": "GRU"}))
    bidirectional: bool = field(default=False, metadata=flag(QT_TRANSLATE_NOOP("core", "Bidirectional"), QT_TRANSLATE_NOOP("core", "read the review in both directions")))
    recurrent_layers: int = field(default=1, metadata=number(QT_TRANSLATE_NOOP("core", "Recurrent layers"), 1, 4, QT_TRANSLATE_NOOP("core", "stacked recurrent layers")))
    units: int = field(default=32, metadata=number(QT_TRANSLATE_NOOP("core", "Units per layer"), 1, 1_024, QT_TRANSLATE_NOOP("core", "units per recurrent layer")))
    dropout: float = field(default=0.0, metadata=number(QT_TRANSLATE_NOOP("core", "Dropout"), 0.0, 0.9, QT_TRANSLATE_NOOP("core", "dropout after each recurrent layer")))
    word_dropout: float = field(default=0.0, metadata=number(
        QT_TRANSLATE_NOOP("core", "Word dropout"), 0.0, 0.9,
        QT_TRANSLATE_NOOP("core", "share of words made unknown in each training batch, so the model reads the whole review")))
    embedding_dropout: float = field(default=0.0, metadata=number(
        QT_TRANSLATE_NOOP("core", "Embedding dropout"), 0.0, 0.9, QT_TRANSLATE_NOOP("core", "share of word-vector channels dropped in each training batch")))
    pooling: str = field(default="last", metadata=choice(
        QT_TRANSLATE_NOOP("core", "Pooling"), POOLINGS,
        QT_TRANSLATE_NOOP("core", "what the classifier sees: the last state, the max over all steps, or the max and the mean"),
        labels={"last": QT_TRANSLATE_NOOP("core", "last state"), "max": QT_TRANSLATE_NOOP("core", "max over steps"),
                "max+mean": QT_TRANSLATE_NOOP("core", "max and mean over steps")}))
    padding: str = field(default="pre", metadata=choice(
        QT_TRANSLATE_NOOP("core", "Padding"), PADDINGS,
        QT_TRANSLATE_NOOP("core", "where short reviews are padded: in front, as the tutorial does, or at the end with the padding masked, "
                                  "so the last state sits on the last real word"),
        labels={"pre": QT_TRANSLATE_NOOP("core", "front (tutorial)"), "post": QT_TRANSLATE_NOOP("core", "end, masked")}))

    def check(self) -> None:
        # Pooling over the steps would count the masked padding steps (Keras's max pooling ignores masks).
        if self.padding == "post" and self.pooling != "last":
            raise ConfigError(QT_TRANSLATE_NOOP("core", "Padding at the end (masked) reads the last state: set pooling to 'last', or pad in front."))

    def text_padding(self) -> str:
        return self.padding


def describe(config: RecurrentConfig) -> list[Message]:
    """'Bidirectional GRU, 64 units', '2x LSTM, 32 units, dropout 0.3'."""
    name: str | Message = config.cell.upper()
    if config.bidirectional:
        name = Message(QT_TRANSLATE_NOOP("core", "Bidirectional {cell}"), cell=name)
    if config.recurrent_layers > 1:
        name = Message(QT_TRANSLATE_NOOP("core", "{layers}x {name}"), layers=config.recurrent_layers, name=name)
    parts = [Message(QT_TRANSLATE_NOOP("core", "{name}, {units} units"), name=name, units=config.units)]
    if config.dropout:
        parts.append(Message(QT_TRANSLATE_NOOP("core", "dropout {dropout:g}"), dropout=config.dropout))
    if config.padding == "post":
        parts.append(Message(QT_TRANSLATE_NOOP("core", "masked")))
    return parts


def build(config: BuildSettings, vocab_size: int) -> Any:
    """The Keras network (Keras loads here, not when the registry is read)."""
    from core.models.families.recurrent_network import build_network  # noqa: PLC0415 - Keras only when a model is built

    return build_network(config, vocab_size)


def report(network: Any, config: BuildSettings) -> str:
    """Whether the recurrent layers run on the fused cuDNN kernel, for the log."""
    from core.models.families.recurrent_network import cudnn_report  # noqa: PLC0415 - Keras only when a model is built

    return cudnn_report(network, config.model.padding)


#: Named starting points offered by the GUI and the CLI. Each maps to the
#: fields it changes from the tutorial's defaults.
PRESETS: dict[str, dict[str, Any]] = {
    QT_TRANSLATE_NOOP("core", "Tutorial LSTM"): {},
    QT_TRANSLATE_NOOP("core", "GRU"): {"cell": "gru"},
    QT_TRANSLATE_NOOP("core", "Bidirectional LSTM"): {"bidirectional": True},
    QT_TRANSLATE_NOOP("core", "Stacked LSTM (2 layers)"): {"recurrent_layers": 2},
    # The tutorial's network reading each review up to its last word. On
    # IMDB's validation split its loss was lowest at epoch 4 and rose after
    # (0.325 at epoch 1, 0.325 at 4, 0.49 at 10): early stopping keeps the
    # best epoch, with a patience that sees past the dip of epochs 2 and 3.
    QT_TRANSLATE_NOOP("core", "Masked LSTM"): {"padding": "post", "early_stopping": True, "patience": 3},
    QT_TRANSLATE_NOOP("core", "Regularised"): {"dropout": 0.3, "early_stopping": True, "patience": 2, "epochs": 20},
    # Four times the batch with a matched learning rate, batches of similar length
    # that skip their shared padding, XLA-compiled steps, clipped gradients
    # and early stopping: the same network in less than half the time.
    QT_TRANSLATE_NOOP("core", "Fast"): {
        "batch_size": 512, "learning_rate": 0.002, "clipnorm": 1.0, "jit_compile": True,
        "bucket_by_length": True, "early_stopping": True, "patience": 2,
    },
}

#: What the tutorial asks the reader to tune (embedding size, units, batch size,
#: optimizer), plus the learning rate and dropout.
SEARCH_SPACE: dict[str, dict[str, Any]] = {
    "embedding_dim": span(8, 128, log=True),
    "units": span(8, 128, log=True),
    "dropout": span(0.0, 0.5),
    "batch_size": among(32, 64, 128, 256),
    "optimizer": among("adam", "rmsprop"),
    "learning_rate": span(1e-4, 1e-2, log=True),
}

FAMILY = ModelFamily(
    name="recurrent",
    label=QT_TRANSLATE_NOOP("core", "Recurrent network"),
    config_class=RecurrentConfig,
    build=build,
    describe=describe,
    described=("cell", "bidirectional", "recurrent_layers", "units", "dropout", "padding"),
    presets=PRESETS,
    report=report,
    search_space=SEARCH_SPACE,
)
