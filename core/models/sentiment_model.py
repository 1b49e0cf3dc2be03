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
from core.models.layers import WeightedMean
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
        short_reviews: dict | None = None,
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
        #: Accuracy on the short reviews we wrote (``core.insight.short_reviews``): {"accuracy", "count"}, or None.
        self.short_reviews = short_reviews
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

    @property
    def max_length(self) -> int | None:
        """The last words of a review it reads; None if it reads every word."""
        return self.vectorizer.max_length

    @property
    def reads_word_ids(self) -> bool:
        """True if its network reads fixed-width rows of word ids (the vectorizer's), so they can be fed directly."""
        return isinstance(self.vectorizer, TextToSequence)

    def evaluate(self, texts: Sequence[str], labels: np.ndarray, stop_event: threading.Event | None = None) -> dict | None:
        """Test metrics on labelled texts; stored on the model. None if stopped."""
        if self.reads_word_ids:
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
        """Its words; empty if it knows every word (hashed n-grams, an ensemble)."""
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
            "short_reviews": self.short_reviews,
            "max_length": self.max_length,
            "vocab_size": self.vectorizer.vocab_size if self.vectorizer is not None else None,
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
        config = _config_of(metadata, path.name)
        if _member_networks(end_to_end):
            return EnsembleModel.from_network(end_to_end, metadata, config, path)
        return cls.from_network(end_to_end, metadata, config, path)

    @classmethod
    def from_network(cls, end_to_end: keras.Model, metadata: dict, config: TrainingConfig, path: Path | None, name: str | None = None) -> "SentimentModel":
        """The model around a loaded end-to-end network and its ``studio.json`` entry."""
        vectorizer = next((layer for layer in end_to_end.layers if isinstance(layer, (TextToSequence, TextToNGrams))), None)
        classifier = next((layer for layer in end_to_end.layers if isinstance(layer, keras.Model)), None)
        if vectorizer is None or classifier is None:
            raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} is not a model made by this app; it has no vocabulary."), name=name or path.name)
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
            short_reviews=metadata.get("short_reviews"),
        )


class EnsembleModel(SentimentModel):
    """Two or more models whose probabilities are averaged: one network, strings in, in one file.

    Its ``members`` are whole :class:`SentimentModel` s; the network calls
    each member's own end-to-end network on the text and averages their
    outputs with Keras's ``Average`` layer, so the file loads with plain
    Keras like any other. It has no vectorizer of its own: it is explained
    and evaluated on the text.
    """

    def __init__(
        self,
        members: Sequence[SentimentModel],
        config: TrainingConfig,
        weights: Sequence[float] | None = None,
        test_metrics: dict | None = None,
        test_predictions: TestPredictions | None = None,
        training: dict | None = None,
        source: dict | None = None,
        end_to_end: keras.Model | None = None,
        path: Path | None = None,
        short_reviews: dict | None = None,
    ):
        if len(members) < 2:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "An ensemble needs two or more models; {count} given."), count=len(members))
        if any(isinstance(member, EnsembleModel) for member in members):
            raise ConfigError(QT_TRANSLATE_NOOP("core", "An ensemble cannot hold another ensemble: combine the models it was made of instead."))
        self.members = list(members)
        if weights is not None and len(weights) != len(members):
            raise ConfigError(QT_TRANSLATE_NOOP("core", "An ensemble of {count} models needs {count} weights, not {given}."), count=len(members), given=len(weights))
        #: Each member's share of the mean (they sum to 1); equal unless chosen on validation data.
        self.weights = [float(w) / sum(weights) for w in weights] if weights is not None else [1 / len(members)] * len(members)
        end_to_end = end_to_end or ensemble_network([member.end_to_end for member in self.members], self.weights)
        super().__init__(None, end_to_end, config, {}, test_metrics, test_predictions, training, source, end_to_end, path, short_reviews)

    @property
    def max_length(self) -> int | None:
        lengths = [member.max_length for member in self.members]
        return None if None in lengths else max(lengths)

    @property
    def reads_word_ids(self) -> bool:
        return False

    @property
    def vocabulary(self) -> list[str]:
        return []

    def summary(self) -> str:
        parts = [summary_text(self.end_to_end)]
        for index, member in enumerate(self.members, 1):
            parts.append(f"\nmember_{index}: {member.config.describe(with_family=True)}\n{member.summary()}")
        return "\n".join(parts)

    def metadata(self) -> dict:
        data = super().metadata()
        data.pop("vocab_size")
        data["preprocessing"] = dict(PREPROCESSING, padding=None, truncating=None)
        data["members"] = [{key: value for key, value in member.metadata().items() if key != "test_predictions"} for member in self.members]
        data["member_weights"] = self.weights
        return data

    @classmethod
    def from_network(cls, end_to_end: keras.Model, metadata: dict, config: TrainingConfig, path: Path | None, name: str | None = None) -> "EnsembleModel":
        networks = _member_networks(end_to_end)
        entries = metadata.get("members") or []
        members = []
        for index, network in enumerate(networks):
            entry = entries[index] if index < len(entries) else {}
            member_name = f"{name or path.name} member {index + 1}"
            members.append(SentimentModel.from_network(network, entry, _config_of(entry, member_name), None, name=member_name))
        mean = end_to_end.layers[-1]
        return cls(
            members,
            config,
            weights=mean.member_weights if isinstance(mean, WeightedMean) else None,
            test_metrics=metadata.get("test_metrics"),
            test_predictions=TestPredictions.from_dict(metadata.get("test_predictions")),
            training=metadata.get("training") or {},
            source=metadata.get("source") or {},
            end_to_end=end_to_end,
            path=path,
            short_reviews=metadata.get("short_reviews"),
        )


def ensemble_network(networks: Sequence[keras.Model], weights: Sequence[float] | None = None) -> keras.Model:
    """Strings in, the (weighted) mean of the networks' probabilities out; each network keeps its own weights.

    Equal weights use Keras's own ``Average`` layer.
    """
    text = keras.Input(shape=(), dtype="string", name="review")
    outputs = []
    for index, network in enumerate(networks, 1):
        member = keras.Model(network.input, network.output, name=f"member_{index}")  # unique names, same layers
        outputs.append(member(text))
    if weights is None or max(weights) - min(weights) < 1e-9:
        mean = keras.layers.Average(name="mean_probability")
    else:
        mean = WeightedMean(list(weights), name="mean_probability")
    return keras.Model(text, mean(outputs), name="imdb_sentiment_ensemble")


def _member_networks(end_to_end: keras.Model) -> list[keras.Model]:
    """The members of an ensemble's network: end-to-end models with a text layer of their own; none for a single model."""
    return [layer for layer in end_to_end.layers
            if isinstance(layer, keras.Model) and any(isinstance(inner, (TextToSequence, TextToNGrams)) for inner in layer.layers)]


def _config_of(metadata: dict, name: str) -> TrainingConfig:
    try:
        return TrainingConfig.from_dict(metadata.get("config") or {})
    except ConfigError as exc:
        raise ModelFileError(QT_TRANSLATE_NOOP("core", "{name} has an invalid training configuration: {reason}"), name=name, reason=exc.message) from None


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
