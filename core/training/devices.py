"""Training on several devices of one machine with ``tf.distribute.MirroredStrategy``.

Each batch is split across the devices, each computes its part's
gradients on its own copy of the weights, and the gradients are summed
before every step: the same model as one device, trained faster where
there are several GPUs. On a machine with N GPUs ``devices=N`` uses them;
without GPUs, it uses CPU devices if TensorFlow has that many (the tests
split the CPU into two logical devices before TensorFlow starts).
"""

from __future__ import annotations

import contextlib
from typing import ContextManager

from core.errors import QT_TRANSLATE_NOOP, ConfigError


def strategy_scope(devices: int) -> ContextManager:
    """A context in which a model built, compiled and fitted is mirrored over ``devices`` devices; nothing for one."""
    if not isinstance(devices, int) or devices < 1:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "--devices must be a whole number of at least 1, not {devices!r}."), devices=devices)
    if devices == 1:
        return contextlib.nullcontext()
    import tensorflow as tf  # noqa: PLC0415 - with Keras loaded, a dictionary look-up

    for kind in ("GPU", "CPU"):
        found = [device.name for device in tf.config.list_logical_devices(kind)]
        if len(found) >= devices:
            return tf.distribute.MirroredStrategy(found[:devices]).scope()
    gpus = len(tf.config.list_logical_devices("GPU"))
    raise ConfigError(QT_TRANSLATE_NOOP("core", "--devices {devices}: this machine has {gpus} GPU(s); give at most that many, or 1."),
                      devices=devices, gpus=gpus)
