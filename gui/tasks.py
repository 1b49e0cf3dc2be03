"""The kinds of task the window runs, as the controller sees them: train, evaluate, open, export.

A task is the GUI's side of one request to the engine. It carries its plain
request (:mod:`gui.workers.messages`), its kind, the texts the status bar
shows for it, and what is kept when it ends (the run list's entry). So the
controller and the window never ask which kind a task is: they ask the task.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from gui.i18n import context_tr, format_duration
from gui.run_store import Run, RunStore
from gui.workers.messages import CombineRequest, EvaluateRequest, ExportRequest, Finished, Handle, OpenRequest, TrainRequest


class Task:
    """One request and what it means to the window."""

    #: The kind's name, as ``MainWindow.task_ended`` reports it.
    kind = ""
    #: Stop (Esc) can end it early.
    stoppable = False
    #: Quitting while it runs keeps what it made so far (a training's model) unless told not to.
    keeps_model_on_quit = False
    #: After it finished, the form shows the model's configuration, read-only
    #: (True), the user's own (False), or stays as it is (None).
    config_from_model: bool | None = None
    #: The run list selects the task's run once it is kept.
    selects_run = False
    #: The window draws something at the click (an emptied chart) and says when
    #: it is drawn (``TaskController.start_ack``); the job waits a moment for that.
    waits_for_draw = False

    def __init__(self, request, epochs: int = 0, data_key: tuple | None = None):
        #: What goes to the engine: a plain request (or, in tests, a job callable).
        self.request = request
        #: Epochs planned (a training), else 0.
        self.epochs = epochs
        #: The data choice the task reads (``DataChoice.key()``): its corpus is reused for it.
        self.data_key = data_key

    def starting_text(self) -> str:
        raise NotImplementedError

    def failed_title(self) -> str:
        raise NotImplementedError

    def abandoned_text(self) -> str:
        raise NotImplementedError

    def done_text(self, model) -> str:
        raise NotImplementedError

    def ended_text(self, seconds: float) -> str | None:
        """What the run panel says once the task has ended, after ``seconds``; None leaves it."""
        return None

    def keep(self, runs: RunStore, current: Run | None, model, finished: Finished) -> tuple[Run | None, str | None]:
        """Keep the finished ``model`` in the run list; the current run after, and an error message if any."""
        return current, None


def _name(model, fallback: str) -> str:
    return Path(model.path).name if model.path else fallback


def _plain(options) -> dict | None:
    """``SourceOptions`` as the dict a request carries."""
    return dataclasses.asdict(options) if options is not None else None


class TrainTask(Task):
    """Read the data and train a new model."""

    kind = "train"
    stoppable = True
    keeps_model_on_quit = True
    config_from_model = False
    selects_run = True
    waits_for_draw = True
    tr = context_tr("TrainTask")

    @classmethod
    def of(cls, config, source: str | None, options, corpus: Handle | None, keep_as: Path, data_key: tuple | None = None) -> TrainTask:
        """``corpus``: a read already done, or under way (the data panel's)."""
        request = TrainRequest(config.to_dict(), source, _plain(options), corpus, str(keep_as))
        return cls(request, epochs=config.epochs, data_key=data_key)

    def starting_text(self) -> str:
        return self.tr("Loading data…")

    def failed_title(self) -> str:
        return self.tr("Training failed")

    def abandoned_text(self) -> str:
        return self.tr("Training stopped before it produced anything; nothing changed.")

    def done_text(self, model) -> str:
        training = model.training or {}
        if training.get("stopped"):
            return self.tr("Stopped after {epochs} epoch(s); the model is kept. Evaluate, save or use it.").format(epochs=training.get("epochs_done", 0))
        return self.tr("Done in {time}.").format(time=format_duration(training.get("seconds", 0)))

    def ended_text(self, seconds: float) -> str | None:
        return self.tr("Finished after {time}").format(time=format_duration(seconds))

    def keep(self, runs: RunStore, current: Run | None, model, finished: Finished) -> tuple[Run | None, str | None]:
        saved = Path(finished.kept) if finished.kept else None
        return runs.add_model(model, "trained", saved=saved, save_error=finished.keep_error)


class EvaluateTask(Task):
    """Compute the test metrics of the current model."""

    kind = "evaluate"
    stoppable = True
    tr = context_tr("EvaluateTask")

    @classmethod
    def of(cls, model: Handle, source: str | None, options, corpus: Handle | None, data_key: tuple | None = None) -> EvaluateTask:
        return cls(EvaluateRequest(model, source, _plain(options), corpus), data_key=data_key)

    def starting_text(self) -> str:
        return self.tr("Evaluating…")

    def failed_title(self) -> str:
        return self.tr("Evaluation failed")

    def abandoned_text(self) -> str:
        return self.tr("Evaluation stopped before it produced anything; nothing changed.")

    def done_text(self, model) -> str:
        return self.tr("Evaluated on the test reviews.")

    def keep(self, runs: RunStore, current: Run | None, model, finished: Finished) -> tuple[Run | None, str | None]:
        if current is None or runs.get(current.id) is None:
            return current, None
        return current, runs.update_model(current, model)


class OpenTask(Task):
    """Load a model file."""

    kind = "open"
    config_from_model = True
    selects_run = True
    tr = context_tr("OpenTask")

    @classmethod
    def of(cls, path: Path) -> OpenTask:
        return cls(OpenRequest(str(path)))

    def starting_text(self) -> str:
        return self.tr("Opening {name}…").format(name=Path(self.request.path).name)

    def failed_title(self) -> str:
        return self.tr("Cannot open the model")

    def abandoned_text(self) -> str:
        return self.tr("Opening stopped before it produced anything; nothing changed.")

    def done_text(self, model) -> str:
        return self.tr("Opened {name}.").format(name=_name(model, self.tr("the model")))

    def keep(self, runs: RunStore, current: Run | None, model, finished: Finished) -> tuple[Run | None, str | None]:
        run = runs.run_for_path(model.path)
        if run is not None:
            return run, None
        return runs.add_model(model, str(model.path))


class CombineTask(Task):
    """Combine the models of several runs into an ensemble: a new run."""

    kind = "combine"
    stoppable = True
    config_from_model = True
    selects_run = True
    tr = context_tr("CombineTask")

    @classmethod
    def of(cls, runs: list[Run], paths: list[Path], keep_as: Path) -> CombineTask:
        task = cls(CombineRequest(tuple(str(path) for path in paths), str(keep_as)))
        task.names = [run.name for run in runs]
        return task

    def starting_text(self) -> str:
        return self.tr("Combining {count} models into an ensemble…").format(count=len(self.request.paths))

    def failed_title(self) -> str:
        return self.tr("Cannot combine the models")

    def abandoned_text(self) -> str:
        return self.tr("Combining stopped before it produced anything; nothing changed.")

    def done_text(self, model) -> str:
        if model.test_metrics:
            return self.tr("Combined into an ensemble: test accuracy {accuracy:.2%}.").format(accuracy=model.test_metrics["accuracy"])
        return self.tr("Combined into an ensemble. Its models were tested on different reviews: Evaluate it to test it.")

    def keep(self, runs: RunStore, current: Run | None, model, finished: Finished) -> tuple[Run | None, str | None]:
        saved = Path(finished.kept) if finished.kept else None
        name = self.tr("Ensemble of {runs}").format(runs=" + ".join(self.names))
        return runs.add_model(model, "trained", name=name, saved=saved, save_error=finished.keep_error)
class ExportTask(Task):
    """Write the current model as a TensorFlow SavedModel for serving; the model and its run stay as they are."""

    kind = "export"
    tr = context_tr("ExportTask")

    @classmethod
    def of(cls, model: Handle, out: Path) -> ExportTask:
        return cls(ExportRequest(model, str(out)))

    def starting_text(self) -> str:
        return self.tr("Exporting for serving to {folder}…").format(folder=self.request.out)

    def failed_title(self) -> str:
        return self.tr("Cannot export for serving")

    def abandoned_text(self) -> str:
        return self.tr("Export stopped before it wrote anything; nothing changed.")

    def done_text(self, model) -> str:
        return self.tr("Exported for serving to {folder} (signature serving_default: text -> positive_probability).").format(folder=self.request.out)
