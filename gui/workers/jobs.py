"""The engine's side of a task: train, evaluate, open or export a model, on the worker thread.

Each job is a callable ``job(hooks, stop)`` run by a
:class:`~gui.workers.worker_thread.TaskWorker`; it returns the model. The
:class:`~gui.workers.engine_link.EngineLink` builds a job from its plain
request (:meth:`EngineJob.from_request`) and turns what it returns into a
plain :class:`~gui.workers.messages.Finished` message
(:meth:`EngineJob.finished`). Nothing here touches a widget.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from core.data.sources import SourceOptions
from core.errors import StudioError
from core.insight.evaluation_view_data import view_data
from core.models.config import TrainingConfig
from core.models.summary import layer_table
from core.progress import ProgressHooks
from core.training.run_logs import run_log_dir
from gui.i18n import error_text
from gui.workers.data_loading import shared_corpus
from gui.workers.messages import CombineRequest, EvaluateRequest, ExportRequest, Finished, Handle, OpenRequest, TrainRequest
from gui.workers.worker_thread import Cancelled

#: Takes the object a handle names (None for None); gives a handle to an object.
Take = Callable[[Handle | None], object]
Put = Callable[[object], Handle]


def _load(source: str | None, hooks: ProgressHooks, options: dict | None = None):
    from core.data.loading import load_corpus  # light: no TensorFlow

    hooks.phase("loading data")
    extra = {"options": SourceOptions(**options)} if options else {}
    return load_corpus(source or None, progress=hooks.reading, download_progress=hooks.download, **extra)


def _prepare(model) -> None:
    """What the window will show of ``model``, made here rather than in the GUI thread.

    The first predict traces a graph (~0.5 s); the evaluation tab's data (a
    decimated ROC curve, sorted probabilities) and the layer table call NumPy
    over every test review and Keras.
    """
    model.predict(["warm up"])
    view_data(model)
    layer_table(model)


def preload_engine(hooks: ProgressHooks, stop: threading.Event) -> int | None:
    """Import TensorFlow and Keras while the window idles, before the first Train or Open.

    The import takes seconds and, in places, holds the GIL for a few hundred
    milliseconds at a time (loading libraries, registering bindings): done
    here, those pauses fall at start-up rather than in the middle of a run
    (the app does it behind its splash, before the window takes input).
    The controller then freezes what was imported out of the garbage
    collector's reach (in the GUI thread), so later collections stay short.
    """
    if stop.is_set():
        return None
    import core.models.sentiment_model  # noqa: F401 - the import is the point
    import core.training.trainer  # noqa: F401

    return threading.get_ident()  # the thread that imported it, for the tests


class EngineJob:
    """What every job has: the corpus it used and the run list's copy, if any."""

    corpus = None
    keep_as: Path | None = None
    kept: Path | None = None
    keep_error: Exception | None = None

    @classmethod
    def from_request(cls, request, take: Take, discard: threading.Event) -> EngineJob:
        raise NotImplementedError

    def finished(self, model, put: Put) -> Finished:
        """The plain message for the model this job returned."""
        return Finished(
            model=put(model),
            corpus=put(self.corpus) if self.corpus is not None else None,
            kept=str(self.kept) if self.kept is not None else None,
            keep_error=error_text(self.keep_error) if self.keep_error is not None else None,
        )

    def _keep(self, model) -> None:
        try:
            self.keep_as.parent.mkdir(parents=True, exist_ok=True)
            model.save(self.keep_as)
            self.kept = self.keep_as
        except (OSError, StudioError) as exc:
            self.keep_error = exc
        finally:
            model.path = None  # the copy is the run list's; the model is still unsaved for the user


class TrainJob(EngineJob):
    """Read the data and train; keeps the corpus for a later Evaluate.

    ``corpus`` may be a read already done, or the data panel's
    :class:`~gui.workers.data_loading.SharedLoad`, which the job waits for.
    """

    def __init__(self, source: str | None, config: TrainingConfig, corpus=None, keep_as: Path | None = None,
                 options: dict | None = None, discard: threading.Event | None = None):
        self.source = source
        self.config = config
        self.corpus = corpus
        self.options = options
        #: Where to keep a copy for the run list; saving takes a few hundred
        #: milliseconds, so it happens here rather than in the GUI thread.
        self.keep_as = keep_as
        #: Set when the window closes: the result will not be shown, so the
        #: warm-up and the run list's copy are skipped.
        self.discard = discard or threading.Event()

    @classmethod
    def from_request(cls, request: TrainRequest, take: Take, discard: threading.Event) -> TrainJob:
        keep_as = Path(request.keep_as) if request.keep_as else None
        return cls(request.source, TrainingConfig.from_dict(request.config), take(request.corpus), keep_as, request.options, discard)

    def __call__(self, hooks: ProgressHooks, stop: threading.Event):
        if self.corpus is None:
            self.corpus = _load(self.source, hooks, self.options)
        self.corpus = shared_corpus(self.corpus, hooks)  # the data panel's read: waited for, not repeated
        if stop.is_set():
            raise Cancelled()  # before TensorFlow's import, which takes seconds and cannot be cut short
        from core.training.trainer import train  # TensorFlow loads here, in the worker thread

        # TensorBoard logs, written here in the worker: runs/<id>/ beside the run list's runs/<id>.keras.
        # A run that does not reach the run list takes its logs with it.
        log_dir = run_log_dir(self.keep_as) if self.keep_as is not None else None
        try:
            model = train(self.corpus, self.config, hooks, stop, log_dir=log_dir)
        except BaseException:
            if log_dir is not None:
                shutil.rmtree(log_dir, ignore_errors=True)
            raise
        if self.discard.is_set():
            if log_dir is not None:
                shutil.rmtree(log_dir, ignore_errors=True)
            return model
        _prepare(model)
        if self.keep_as is not None:
            self._keep(model)
        return model


class EvaluateJob(EngineJob):
    """Compute the test metrics of a model (for one whose training was stopped)."""

    def __init__(self, model, source: str | None, corpus=None, options: dict | None = None):
        self.model = model
        self.source = source
        self.corpus = corpus
        self.options = options

    @classmethod
    def from_request(cls, request: EvaluateRequest, take: Take, discard: threading.Event) -> EvaluateJob:
        return cls(take(request.model), request.source, take(request.corpus), request.options)

    def __call__(self, hooks: ProgressHooks, stop: threading.Event):
        if self.corpus is None:
            self.corpus = _load(self.source, hooks, self.options)
        self.corpus = shared_corpus(self.corpus, hooks)
        hooks.phase("evaluating")
        metrics = self.model.evaluate(self.corpus.test_texts, self.corpus.test_labels, stop_event=stop)
        if metrics is None:
            raise Cancelled()
        view_data(self.model)
        hooks.phase("done")
        return self.model


class OpenJob(EngineJob):
    """Load a model file (TensorFlow's import is the slow part of a first open)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    @classmethod
    def from_request(cls, request: OpenRequest, take: Take, discard: threading.Event) -> OpenJob:
        return cls(request.path)

    def __call__(self, hooks: ProgressHooks, stop: threading.Event):
        hooks.phase("opening model")
        from core.models.sentiment_model import SentimentModel

        model = SentimentModel.load(self.path)
        _prepare(model)
        hooks.phase("done")
        return model


class CombineJob(EngineJob):
    """Load trained models and combine them into an ensemble; keeps its copy for the run list."""

    def __init__(self, paths: tuple[str, ...], keep_as: Path | None = None):
        self.paths = [Path(path) for path in paths]
        self.keep_as = keep_as

    @classmethod
    def from_request(cls, request: CombineRequest, take: Take, discard: threading.Event) -> CombineJob:
        return cls(request.paths, Path(request.keep_as) if request.keep_as else None)

    def __call__(self, hooks: ProgressHooks, stop: threading.Event):
        hooks.phase("opening model")
        from core.models.ensemble import combine
        from core.models.sentiment_model import SentimentModel

        members = []
        for path in self.paths:
            if stop.is_set():
                raise Cancelled()
            members.append(SentimentModel.load(path))
        model = combine(members)
        _prepare(model)
        if self.keep_as is not None:
            self._keep(model)
        hooks.phase("done")
        return model


class ExportJob(EngineJob):
    """Write a model as a TensorFlow SavedModel for serving (tracing and writing the graph takes seconds)."""

    def __init__(self, model, out: str | Path):
        self.model = model
        self.out = Path(out)

    @classmethod
    def from_request(cls, request: ExportRequest, take: Take, discard: threading.Event) -> ExportJob:
        return cls(take(request.model), request.out)

    def __call__(self, hooks: ProgressHooks, stop: threading.Event):
        hooks.phase("exporting")
        from core.export.saved_model import save_for_serving

        save_for_serving(self.model.end_to_end, self.out)
        hooks.phase("done")
        return self.model


#: The job that serves each kind of request.
JOBS: dict[type, type[EngineJob]] = {
    TrainRequest: TrainJob, EvaluateRequest: EvaluateJob, OpenRequest: OpenJob, CombineRequest: CombineJob, ExportRequest: ExportJob,
}
