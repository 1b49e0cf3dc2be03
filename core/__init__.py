"""The engine of IMDB Sentiment Studio: data, vectorisation, models, training.

Importing ``core`` is cheap: it never imports Qt, and it does not import
Keras or TensorFlow (seconds of start-up) until a module that needs them
is used. Our Keras layer is registered the moment Keras is imported, by
us or by anyone after us, so after ``import core`` a saved model also loads with a
plain ``keras.saving.load_model``.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.abc
import importlib.util
import os
import sys

__version__ = "0.1.0"


@contextlib.contextmanager
def _native_stderr_silenced():
    """Hide the C++ start-up notices TensorFlow prints while it loads (CUDA, oneDNN).

    They bypass Python and ignore TF_CPP_MIN_LOG_LEVEL; set
    IMDB_STUDIO_TF_LOGS=1 to see them.
    """
    if os.environ.get("IMDB_STUDIO_TF_LOGS"):
        yield
        return
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        sys.stderr.flush()
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _register_layers() -> None:
    """Import ``core.models.keras_objects``, which registers every layer a file of ours may hold.

    If a module of ours imported Keras while it was itself being imported,
    keras_objects may need a name that half-made module has not defined yet
    (``core.text.ngrams`` needs the vectorizer's words). Then the
    registration waits: each layer registers when its module finishes, and
    ``core.models.sentiment_model`` imports keras_objects before it loads a file.
    """
    try:
        importlib.import_module("core.models.keras_objects")
    except ImportError:
        if not any(getattr(getattr(module, "__spec__", None), "_initializing", False)
                   for name, module in list(sys.modules.items()) if name.startswith("core.")):
            raise


class _RegisterLayersWhenKerasLoads(importlib.abc.MetaPathFinder):
    """Import ``core.models.keras_objects`` (which registers our layers) right after Keras."""

    def find_spec(self, name, path=None, target=None):
        if name != "keras":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec("keras")
        if spec is None or spec.loader is None:
            return spec
        exec_keras = spec.loader.exec_module

        def exec_module(module):
            os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
            with _native_stderr_silenced():
                exec_keras(module)
                # Looking for devices is what reports a missing CUDA driver.
                sys.modules["tensorflow"].config.list_physical_devices()
            _register_layers()

        spec.loader.exec_module = exec_module
        return spec


if "keras" in sys.modules:
    _register_layers()
else:
    sys.meta_path.insert(0, _RegisterLayersWhenKerasLoads())
