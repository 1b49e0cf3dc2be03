"""A trained classifier that reads raw text, and its one-file ``.keras`` form.

The file is an ordinary Keras archive of an end-to-end model, strings in
and probabilities out (:class:`~core.text.vectorizer.TextToSequence` in front
of the trained network), so it also loads with ``keras.saving.load_model``
after ``import core``. Beside Keras's own entries it holds ``studio.json``:
the training config, history, test metrics, preprocessing settings and the
data source.

Files are saved atomically (written to a temporary file beside the target,
then renamed) and loaded in Keras's safe mode, after checks that need no
deserialisation (:mod:`core.models.model_file`, whose allow-list refuses
every object our models never save), so a file from elsewhere never runs
code.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Sequence

import keras
import numpy as np

from core import __version__
from core.errors import QT_TRANSLATE_NOOP, ConfigError, Message, ModelFileError
from core.insight.metrics import TestPredictions
from core.models import keras_objects  # noqa: F401 - every layer a file may hold, registered before a load
from core.models.config import TrainingConfig
from core.models.model_file import FORMAT, METADATA_ENTRY, fsync_folder, read_metadata
from core.models.prediction import predict_probabilities
from core.models.summary import summary_text
from core.session import SESSION_LOCK
from core.text.ngrams import TextToNGrams
from core.text.vectorizer import TextToSequence, as_string_tensor, vectorize

#: Temporary files of a save end so; ``remove_stale_partials`` knows them by it.
PARTIAL_SUFFIX = ".partial.keras"
#: A temporary file older than this belongs to a save that was killed.
STALE_AFTER_SECONDS = 24 * 3600

PREPROCESSING = {
    "lowercase": True,
    "line_breaks": "<br /> becomes a space",
    "apostrophes": "removed (don't -> dont)",
    "other_punctuation": "becomes a space",
    "split": "white space",
    "padding": "pre",
    "truncating": "pre",
    "pad_index": 0,
    "oov_index": 1,
}


class SentimentModel:
    """A vectoriser, a trained network, and what is known about how it was made."""

    def __init__(
        self,
        vectorizer: TextToSequence | TextToNGrams,
        classifier: keras.Model,
        config: TrainingConfig,
        history: dict | None = None,
        test_metrics: dict | None = None,
        test_predictions: TestPredictions | None = None,
        training: dict | None = None,
        source: dict | None = None,
        end_to_end: keras.Model | None = None,
        path: Path | None = None,
    ):
        self.vectorizer = vectorizer
        self.classifier = classifier
        self.config = config
        self.history = history or {}
        self.test_metrics = test_metrics
        #: Per-review test results, for the evaluation view (None until evaluated).
        self.test_predictions = test_predictions
        self.training = training or {}
        self.source = source or {}
        self.path = path
        self._end_to_end = end_to_end

    # --- using the model ------------------------------------------------

    @property
    def end_to_end(self) -> keras.Model:
        """Strings in, probabilities out: what the file holds."""
        if self._end_to_end is None:
            text = keras.Input(shape=(), dtype="string", name="review")
            self._end_to_end = keras.Model(text, self.classifier(self.vectorizer(text)), name="imdb_sentiment")
        return self._end_to_end

    def predict(self, texts: Sequence[str], batch_size: int = 512) -> np.ndarray:
        """The probability that each review is positive."""
        if isinstance(texts, str):
            texts = [texts]
        if len(texts) == 0:
            return np.zeros((0,), dtype="float32")
        tensor = as_string_tensor(texts)
        with SESSION_LOCK:  # Train's clear_session waits for it (core.session)
            if len(texts) <= batch_size:
                return np.asarray(self.end_to_end.predict_on_batch(tensor)).reshape(-1)
            return self.end_to_end.predict(tensor, batch_size=batch_size, verbose=0).reshape(-1)

    def vectorize(self, texts: Sequence[str]) -> np.ndarray:
        return vectorize(self.vectorizer, list(texts))

    def evaluate(self, texts: Sequence[str], labels: np.ndarray, stop_event: threading.Event | None = None) -> dict | None:
        """Test metrics on labelled texts; stored on the model. None if stopped."""
        if isinstance(self.vectorizer, TextToSequence):
            probabilities = predict_probabilities(self.classifier, self.vectorize(texts), stop_event=stop_event)
        else:  # rows of any width: the strings go through the whole model, batch by batch
            probabilities = predict_probabilities(self.end_to_end, as_string_tensor(texts), stop_event=stop_event)
        if probabilities is None:
            return None
        self.test_predictions = TestPredictions.from_texts(list(texts), labels, probabilities)
        self.test_metrics = self.test_predictions.metrics()
        return self.test_metrics

    def summary(self) -> str:
        return summary_text(self.classifier)

    @property
    def vocabulary(self) -> list[str]:
        return self.vectorizer.vocabulary

    # --- the file ---------------------------------------------------------

    def metadata(self) -> dict:
        return {
            "format": FORMAT,
            "app_version": __version__,
            "keras_version": keras.__version__,
            "saved_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "config": self.config.to_dict(),
            "history": self.history,
            "test_metrics": self.test_metrics,
            "test_predictions": self.test_predictions.to_dict() if self.test_predictions else None,
            "training": self.training,
            "source": self.source,
            "max_length": self.vectorizer.max_length,
            "vocab_size": self.vectorizer.vocab_size,
            "preprocessing": {**PREPROCESSING, "padding": getattr(self.vectorizer, "padding", "pre")},
        }

    def save(self, path: str | os.PathLike) -> Path:
        """Write the one-file model atomically: to a fresh temporary file beside the target, then rename.

        The temporary name comes from ``tempfile.mkstemp`` (unpredictable,
        created exclusively), and leftovers of killed saves older than a
        day are removed from the folder first (:func:`remove_stale_partials`).
        """
        path = Path(path).expanduser()
        if path.suffix != ".keras":
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "A model file must end in .keras; {name!r} does not."), name=path.name)
        if not path.parent.is_dir():
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "Cannot save to {path!r}: the folder {folder!r} does not exist."), path=str(path), folder=str(path.parent))
        remove_stale_partials(path.parent)
        temporary = None
        try:
            handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=PARTIAL_SUFFIX, dir=path.parent)
            os.close(handle)
            temporary = Path(name)
            os.chmod(temporary, _new_file_mode())  # mkstemp's 0600, else the saved model would be private
            self.end_to_end.save(temporary)
            with zipfile.ZipFile(temporary, "a", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(METADATA_ENTRY, json.dumps(self.metadata(), indent=1))
            with open(temporary, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temporary, path)
            fsync_folder(path.parent)
        except OSError as exc:
            raise ModelFileError(
                QT_TRANSLATE_NOOP("core", "Could not save the model to {path!r}: {reason}. "
                                  "Choose a folder you can write to with free space; any file already there is unchanged."),
                path=str(path), reason=str(exc.strerror or exc),
            ) from None
        finally:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
        self.path = path
        return path

    @classmethod
    def load(cls, path: str | os.PathLike) -> "SentimentModel":
        """Open a file written by :meth:`save`, refusing anything else before it can run."""
        path = Path(path).expanduser()
        metadata = read_metadata(path)
        try:
            end_to_end = keras.saving.load_model(path, compile=False, safe_mode=True)
        except Exception as exc:  # noqa: BLE001 - every failure becomes one clear message
            raise ModelFileError(_load_failure(path, exc)) from None
        vectorizer = next((layer for layer in end_to_end.layers if isinstance(layer, (TextToSequence, TextToNGrams))), None)
        classifier = next((layer for layer in end_to_end.layers if isinstance(layer, keras.Model)), None)
        if vectorizer is None or classifier is None:
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} is not a model made by this app; it has no vocabulary."), name=path.name)
        try:
            config = TrainingConfig.from_dict(metadata.get("config") or {})
        except ConfigError as exc:
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} has an invalid training configuration: {reason}"), name=path.name, reason=exc.message) from None
        return cls(
            vectorizer=vectorizer,
            classifier=classifier,
            config=config,
            history=metadata.get("history") or {},
            test_metrics=metadata.get("test_metrics"),
            test_predictions=TestPredictions.from_dict(metadata.get("test_predictions")),
            training=metadata.get("training") or {},
            source=metadata.get("source") or {},
            end_to_end=end_to_end,
            path=path,
        )


def remove_stale_partials(folder: Path, older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Delete the temporary files of saves that were killed before they ended.

    Only names of our pattern (``.<stem>.<anything>.partial.keras``) older than
    ``older_than`` seconds: a save under way elsewhere is younger than that.
    Returns what was removed; a file that cannot be removed is left.
    """
    removed = []
    cutoff = time.time() - older_than
    try:
        candidates = list(folder.glob(f".*{PARTIAL_SUFFIX}"))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            if candidate.is_file() and not candidate.is_symlink() and candidate.stat().st_mtime < cutoff:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def _new_file_mode() -> int:
    """The mode ``open`` gives a new file under this process's umask (read without changing it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644


def _load_failure(path: Path, exc: Exception) -> Message:
    """Keras's own refusal or failure, in one line (our allow-list has already passed the file)."""
    text = str(exc)
    if "safe_mode" in text or "unsafe" in text.lower():
        return Message(QT_TRANSLATE_NOOP("core", "{name} was refused by Keras's safe mode: it contains code, and nothing from it was run."), name=path.name)
    if "Could not locate" in text or "custom" in text.lower():
        return Message(QT_TRANSLATE_NOOP("core", "{name} was refused: it contains a layer or object this app does not know, and nothing from it was run."), name=path.name)
    first_line = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return Message(QT_TRANSLATE_NOOP("core", "{name} could not be loaded: {reason}"), name=path.name, reason=first_line[:300])
