"""The classifier network of a config: its family builds it, the common part compiles it.

Every family's network reads int sequences and gives P(positive); the
optimiser, its learning rate, clipping and weight averaging, the loss and
XLA are common to all, so they are set here, once. With the defaults this
is exactly the tutorial's model, compiled with adam, binary cross-entropy
and accuracy.
"""

from __future__ import annotations

import keras

from core.models.config import TrainingConfig

_OPTIMIZERS = {
    "adam": keras.optimizers.Adam,
    "rmsprop": keras.optimizers.RMSprop,
    "sgd": keras.optimizers.SGD,
}


def build_model(config: TrainingConfig, vocab_size: int | None = None) -> keras.Model:
    """A compiled model reading int sequences of ``config.max_length``."""
    model = config.model_family.build(config, vocab_size or config.vocab_size)
    model.compile(
        optimizer=_OPTIMIZERS[config.optimizer](
            learning_rate=config.learning_rate,
            clipnorm=config.clipnorm or None,
            use_ema=config.ema_momentum > 0,
            ema_momentum=config.ema_momentum or 0.99,
        ),
        loss="binary_crossentropy",
        metrics=["accuracy"],
        jit_compile=config.jit_compile,
    )
    return model


def network_report(config: TrainingConfig, model: keras.Model) -> str | None:
    """The family's line for the log on how the built network will run (None if it has none)."""
    report = config.model_family.report
    return report(model, config) if report else None
