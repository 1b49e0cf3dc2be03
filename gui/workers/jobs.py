"""The engine's side of a task: train, evaluate or open a model, on the worker thread.

Each job is a callable ``job(hooks, stop)`` run by a
:class:`~gui.workers.worker_thread.TaskWorker`; it returns the model.
Nothing here touches a widget.
"""

from __future__ import annotations

import threading
from pathlib import Path

from core.errors import StudioError
from core.models.config import TrainingConfig
from core.progress import ProgressHooks
from gui.workers.data_loading import shared_corpus
from gui.workers.worker_thread import Cancelled


def _load(source: str | None, hooks: ProgressHooks):
    from core.data.loading import load_corpus  # light: no TensorFlow

    hooks.phase("loading data")
    return load_corpus(source or None, progress=hooks.reading, download_progress=hooks.download)


def _warm_up(model) -> None:
    """The first predict traces a graph (~0.5 s); do it here, not in the GUI thread."""
    model.predict(["warm up"])


def preload_engine(hooks: ProgressHooks, stop: threading.Event) -> None:
    """Import TensorFlow and Keras while the window idles, before the first Train or Open.

    The import takes seconds and, in places, holds the GIL for a few hundred
    milliseconds at a time (loading libraries, registering bindings): done
    here, those pauses fall at start-up rather than in the middle of a run.
    The window then freezes what was imported out of the garbage
    collector's reach (in the GUI thread), so later collections stay short.
    """
    if stop.is_set():
        return
    import core.models.sentiment_model  # noqa: F401 - the import is the point
    import core.training.trainer  # noqa: F401


class TrainJob:
    """Read the data and train; keeps the corpus for a later Evaluate.

    ``corpus`` may be a read already done, or the data panel's
    :class:`~gui.workers.data_loading.SharedLoad`, which the job waits for.
    """

    def __init__(self, source: str | None, config: TrainingConfig, corpus=None, keep_as: Path | None = None):
        self.source = source
        self.config = config
        self.corpus = corpus
        #: Where to keep a copy for the run list; saving takes a few hundred
        #: milliseconds, so it happens here rather than in the GUI thread.
        self.keep_as = keep_as
        self.kept: Path | None = None
        self.keep_error: Exception | None = None
        #: Set by the window when it closes: the result will not be shown,
        #: so the warm-up and the run list's copy are skipped.
        self.discard = False

    def __call__(self, hooks: ProgressHooks, stop: threading.Event):
        if self.corpus is None:
            self.corpus = _load(self.source, hooks)
        self.corpus = shared_corpus(self.corpus, hooks)  # the data panel's read: waited for, not repeated
        if stop.is_set():
            raise Cancelled()  # before TensorFlow's import, which takes seconds and cannot be cut short
        from core.training.trainer import train  # TensorFlow loads here, in the worker thread

        model = train(self.corpus, self.config, hooks, stop)
        if self.discard:
            return model
        _warm_up(model)
        if self.keep_as is not None:
            self._keep(model)
        return model

    def _keep(self, model) -> None:
        try:
            self.keep_as.parent.mkdir(parents=True, exist_ok=True)
            model.save(self.keep_as)
            self.kept = self.keep_as
        except (OSError, StudioError) as exc:
            self.keep_error = exc
        finally:
            model.path = None  # the copy is the run list's; the model is still unsaved for the user


class EvaluateJob:
    """Compute the test metrics of a model (for one whose training was stopped)."""

    def __init__(self, model, source: str | None, corpus=None):
        self.model = model
        self.source = source
        self.corpus = corpus

    def __call__(self, hooks: ProgressHooks, stop: threading.Event):
        if self.corpus is None:
            self.corpus = _load(self.source, hooks)
        self.corpus = shared_corpus(self.corpus, hooks)
        hooks.phase("evaluating")
        metrics = self.model.evaluate(self.corpus.test_texts, self.corpus.test_labels, stop_event=stop)
        if metrics is None:
            raise Cancelled()
        hooks.phase("done")
        return self.model


class OpenJob:
    """Load a model file (TensorFlow's import is the slow part of a first open)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def __call__(self, hooks: ProgressHooks, stop: threading.Event):
        hooks.phase("opening model")
        from core.models.sentiment_model import SentimentModel

        model = SentimentModel.load(self.path)
        _warm_up(model)
        hooks.phase("done")
        return model
