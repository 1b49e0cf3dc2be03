"""What the task controller and the engine say to each other: plain, picklable values only.

The controller (:mod:`gui.controller`) never calls the engine and never
receives one of its objects: it hands a *request* to its
:class:`~gui.workers.engine_link.EngineLink` and gets *messages* back.
Both are frozen dataclasses of strings, numbers, dicts, tuples and
:class:`Handle` s, so the link that carries them over a thread today could
carry them over a pipe to an engine process tomorrow, with no change to the
controller or the panels.

Requests (controller -> engine), one at a time:

- :class:`TrainRequest`: read the data and train a new model with ``config``
  (``TrainingConfig.to_dict()``); save a copy at ``keep_as`` for the run list.
- :class:`EvaluateRequest`: compute the test metrics of the model ``model``.
- :class:`OpenRequest`: load the model file at ``path``.
- :class:`CombineRequest`: combine the model files ``paths`` into an
  ensemble; save it at ``keep_as`` for the run list.
- :class:`ExportRequest`: write the model ``model`` as a TensorFlow
  SavedModel for serving into the new or empty folder ``out``.

Data is named by ``source`` (what ``core.data.loading.load_corpus`` takes,
``None`` for the download) and ``options`` (``SourceOptions`` as a dict).
``corpus`` may name a read already done, to be used instead of reading again.

While a request runs, the controller may *stop* it (after the current batch;
with *discard* the result will not be shown, so the warm-up and the run
list's copy are skipped), and *acknowledge* an epoch once it is drawn (the
engine waits a moment for that, so the draw has the GIL to itself).

Messages (engine -> controller) for one request, in this order:

1. any number of progress messages: :class:`Phase`, :class:`Download`,
   :class:`Reading`, :class:`TrainBegin`, :class:`Batch`, :class:`Epoch`;
2. exactly one outcome: :class:`Finished` (the model, as a handle),
   :class:`Failed` (a message fit to show the user) or :class:`Abandoned`
   (stopped before there was anything to keep);
3. :class:`Ended`, always last.

A :class:`Handle` names an object that lives on the engine's side (a model,
a corpus). Whoever receives one takes the object with the link's ``take``;
an engine in another process would hand over a proxy there instead.

Nothing here imports Qt or TensorFlow.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Handle:
    """An object kept by the engine's side, named by a number."""

    key: int


# --- requests ------------------------------------------------------------------


@dataclass(frozen=True)
class TrainRequest:
    config: dict
    source: str | None
    options: dict | None = None
    corpus: Handle | None = None
    keep_as: str | None = None


@dataclass(frozen=True)
class EvaluateRequest:
    model: Handle
    source: str | None
    options: dict | None = None
    corpus: Handle | None = None


@dataclass(frozen=True)
class OpenRequest:
    path: str


@dataclass(frozen=True)
class CombineRequest:
    """Combine the model files ``paths`` into one ensemble, kept at ``keep_as``."""

    paths: tuple[str, ...]
    keep_as: str | None = None


@dataclass(frozen=True)
class ExportRequest:
    model: Handle
    out: str


# --- progress ------------------------------------------------------------------


@dataclass(frozen=True)
class Phase:
    """"loading data", "building vocabulary", "vectorising", "training", "evaluating", "opening model", "exporting", "done"."""

    name: str


@dataclass(frozen=True)
class Download:
    done: int  # bytes so far
    total: int  # 0 if unknown


@dataclass(frozen=True)
class Reading:
    done: int  # files or bytes read
    total: int


@dataclass(frozen=True)
class TrainBegin:
    epochs: int
    steps: int  # per epoch


@dataclass(frozen=True)
class Member:
    """An ensemble's run starts training one of its members; its phases and epochs follow."""

    index: int  # from 1
    count: int
    name: str  # the member's preset


@dataclass(frozen=True)
class Batch:
    epoch: int  # from 1
    step: int  # from 1
    steps: int
    logs: dict = field(default_factory=dict)  # str -> float: loss, accuracy


@dataclass(frozen=True)
class Epoch:
    epoch: int
    logs: dict = field(default_factory=dict)  # str -> float: loss, accuracy, val_*, seconds


# --- outcome -------------------------------------------------------------------


@dataclass(frozen=True)
class Finished:
    """The request's model (trained, evaluated, opened or exported)."""

    model: Handle
    #: The corpus the run read (trained or evaluated on), for the next Evaluate.
    corpus: Handle | None = None
    #: Where the run list's copy was saved, or why it could not be.
    kept: str | None = None
    keep_error: str | None = None


@dataclass(frozen=True)
class Failed:
    message: str


@dataclass(frozen=True)
class Abandoned:
    """Stopped before there was anything to keep: nothing changed."""


@dataclass(frozen=True)
class Ended:
    """Always the last message of a request."""


PROGRESS = (Phase, Download, Reading, TrainBegin, Batch, Epoch)
OUTCOMES = (Finished, Failed, Abandoned)
