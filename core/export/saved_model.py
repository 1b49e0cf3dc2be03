"""A TensorFlow SavedModel for serving: raw reviews in, the probability of "positive" out.

Any Keras model of ours that reads raw strings and gives one probability
per review exports the same way: a single trained model's ``end_to_end``
(:class:`~core.text.vectorizer.TextToSequence` in front of the network), or
a model that averages several of them. Keras's
:class:`keras.export.ExportArchive` writes it with one signature,
``serving_default``::

    text: a 1-D string tensor of raw reviews
      -> positive_probability: float32, one per review

The text preparation travels inside the graph (our vectoriser is made of
TensorFlow string ops and a lookup table), so the folder needs TensorFlow
alone: ``tf.saved_model.load`` in any Python, TensorFlow Serving, or any
other TensorFlow runtime, without this project or its layers.

The folder is written beside its target and renamed into place once it is
complete and gives the model's own probabilities, so a failed export never
leaves a half-written model where a server would pick it up.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import Sequence

import keras
import numpy as np
import tensorflow as tf

from core.errors import QT_TRANSLATE_NOOP, ModelFileError
from core.export.serving_folder import check_serving_folder
from core.text.vectorizer import as_string_tensor

SIGNATURE = "serving_default"
INPUT = "text"
OUTPUT = "positive_probability"
# How closely the written SavedModel must reproduce the Keras model.
TOLERANCE = 1e-5
# Reviews the export checks itself on: punctuation, a line break, an unknown word, nothing at all.
PROBE_REVIEWS = (
    "A wonderful film, moving and beautifully acted. I loved every minute!",
    "Dull.<br /><br />Two hours I will never get back, and the ending makes no sense.",
    "Zyxqwv blorptastic.",
    "",
)


def serving_function(model: keras.Model):
    """The signature's function: ``text`` (1-D strings) to ``{positive_probability: float32[n]}``."""

    def serve(text):
        probabilities = model(text, training=False)
        return {OUTPUT: tf.reshape(tf.cast(probabilities, tf.float32), [-1])}

    return serve


def save_for_serving(model: keras.Model, out: str | os.PathLike, probe: Sequence[str] = PROBE_REVIEWS) -> Path:
    """Write ``model`` (raw strings in, one probability per review out) as a SavedModel folder ``out``.

    ``out`` must be new or empty: TensorFlow Serving reads a model's
    versions from numbered folders (``.../sentiment/1``), so a new version
    goes in a new folder. Returns ``out``.
    """
    _check_reads_text(model)
    out = check_serving_folder(out)
    temporary = out.with_name(f".{out.name}.{os.getpid()}.{threading.get_ident()}.partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        archive = keras.export.ExportArchive()
        archive.track(model)
        archive.add_endpoint(SIGNATURE, serving_function(model), input_signature=[tf.TensorSpec([None], tf.string, name=INPUT)])
        archive.write_out(str(temporary), verbose=False)
        _check_same_probabilities(model, temporary, probe)
        if out.exists():
            out.rmdir()  # empty, checked above
        os.replace(temporary, out)
    except OSError as exc:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("core", "Could not write the SavedModel to {path!r}: {reason}. Choose a folder you can write to, with free space."),
            path=str(out), reason=str(exc.strerror or exc),
        ) from None
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return out


def _check_reads_text(model: keras.Model) -> None:
    """A model whose input is not text, or that gives more than one number per review, cannot be served this way."""
    inputs = getattr(model, "inputs", None) or []
    outputs = getattr(model, "outputs", None) or []
    reads_text = len(inputs) == 1 and inputs[0].dtype == "string"
    one_probability = len(outputs) == 1 and (len(outputs[0].shape) == 1 or outputs[0].shape[-1] in (1, None))
    if not (reads_text and one_probability):
        raise ModelFileError(
            QT_TRANSLATE_NOOP("core", "The model {name!r} cannot be exported for serving: it must read raw review text and give one "
                              "probability per review."),
            name=model.name,
        )


def _check_same_probabilities(model: keras.Model, folder: Path, probe: Sequence[str]) -> None:
    """Load the written folder back and compare it with the model on ``probe``."""
    texts = as_string_tensor(list(probe))
    expected = np.asarray(model(texts, training=False), dtype="float32").reshape(-1)
    served = tf.saved_model.load(str(folder)).signatures[SIGNATURE](**{INPUT: texts})[OUTPUT].numpy()
    difference = float(np.max(np.abs(served - expected))) if len(expected) else 0.0
    if served.shape != expected.shape or difference > TOLERANCE:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("core", "The exported SavedModel does not give the model's probabilities (largest difference {difference:.2g}); "
                              "nothing was written. Please report this with the model file."),
            difference=difference,
        )
