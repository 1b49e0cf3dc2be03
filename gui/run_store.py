"""Every run of the session and every model opened, kept across restarts.

A run is what the comparison needs without loading a model: its name, the
config, the history of every epoch, the final metrics and the duration.
Those go into ``runs.json`` in the app's data folder
(``QStandardPaths.AppDataLocation``); each run's model is saved beside it
as ``runs/<id>.keras``, so any run can be reopened later. The store reads
no model and imports no TensorFlow.

The index never loses data:

- it is written to a fresh temporary file (``tempfile.mkstemp``), flushed
  to disk with ``fsync``, then renamed over the old one, so a crash or a
  power cut leaves the old index or the new one, never half of either;
- a damaged index is set aside under a name of its own
  (``runs.damaged-<time>.json``, never reused), and the Runs tab names it;
  if it cannot be set aside, the store writes nothing until it can, so the
  damaged file is never overwritten;
- a model file named in the index is only ever opened or deleted if it is a
  plain file name inside the runs folder: an index naming ``../x`` or an
  absolute path cannot make the app touch anything else.
"""

from __future__ import annotations

import datetime as _dt
import errno
import itertools
import json
import logging
import os
import shutil
import tempfile
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal

from core.errors import ConfigError, StudioError
from core.models.config import TrainingConfig
from core.training.run_logs import run_log_dir
from gui.i18n import describe_config, error_text

log = logging.getLogger(__name__)

INDEX_NAME = "runs.json"
MODELS_FOLDER = "runs"
INDEX_VERSION = 1
#: Test metrics kept in the index (the full set stays in the model file).
KEPT_METRICS = ("loss", "accuracy", "precision", "recall", "f1", "roc_auc", "count")
# errno values of a file system without hard links (then the damaged copy is renamed instead).
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}


def default_folder() -> Path:
    """The app's data folder, e.g. ``~/.local/share/<organisation>/<application>`` on Linux."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


@dataclass
class Run:
    """One training run or opened model, as the run list and the comparison chart need it."""

    id: str
    name: str
    config: dict
    history: dict = field(default_factory=dict)
    metrics: dict | None = None
    seconds: float | None = None
    epochs_done: int | None = None
    stopped: bool = False
    created: str = ""
    origin: str = "trained"  # "trained", or the path of the opened file
    origin_stamp: str = ""  # size and mtime of the opened file, to know it again
    model_file: str | None = None  # inside the runs folder; None if it could not be saved

    def description(self) -> str:
        """The config in a few words, e.g. "GRU, 64 units"."""
        try:
            return describe_config(TrainingConfig.from_dict(self.config))
        except ConfigError:
            return QCoreApplication.translate("RunStore", "unknown configuration")

    def final(self, key: str) -> float | None:
        values = self.history.get(key) or []
        return float(values[-1]) if values else None

    @classmethod
    def from_dict(cls, data: dict) -> "Run":
        known = {name for name in cls.__dataclass_fields__}
        return cls(**{key: value for key, value in data.items() if key in known})


def _kept_metrics(metrics: dict | None) -> dict | None:
    if not metrics:
        return None
    return {key: metrics[key] for key in KEPT_METRICS if key in metrics}


def _plain_name(name) -> str | None:
    """``name`` if it is a plain file name (no folder, no ``..``, not absolute); else None."""
    if not isinstance(name, str) or name in ("", ".", ".."):
        return None
    if os.sep in name or (os.altsep and os.altsep in name) or Path(name).is_absolute() or Path(name).name != name:
        return None
    return name


def keep_aside(path: Path) -> Path:
    """Rename ``path`` to ``<stem>.damaged-<time>[-n].json``, a name no earlier copy has; returns it.

    A hard link is made first, which fails rather than replace an existing
    file, so no earlier damaged copy is ever overwritten; where links are not
    supported, a free name is checked and the file renamed.
    """
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for number in itertools.count(1):
        aside = path.with_name(f"{path.stem}.damaged-{stamp}{'' if number == 1 else f'-{number}'}{path.suffix}")
        try:
            os.link(path, aside)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            if aside.exists():
                continue
            os.rename(path, aside)
            return aside
        os.unlink(path)
        return aside
    raise AssertionError("unreachable")


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _stamp(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return ""
    return f"{info.st_size}:{info.st_mtime_ns}"


class RunStore(QObject):
    """The run list and its folder; emits ``changed`` after every change."""

    changed = Signal()
    #: The index could not be written: a message for the user.
    failed = Signal(str)

    def __init__(self, folder: str | os.PathLike | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = Path(folder) if folder is not None else default_folder()
        self.runs: list[Run] = []
        self.damaged_copy: Path | None = None  # where a damaged index was kept
        self.load_problem: str | None = None  # why the index could not be read
        self.aside_failure: str | None = None  # why it could not be set aside: writes are refused meanwhile
        self._refusal_told = False
        self.load()

    # --- paths --------------------------------------------------------------

    @property
    def index_path(self) -> Path:
        return self.folder / INDEX_NAME

    @property
    def models_folder(self) -> Path:
        return self.folder / MODELS_FOLDER

    def model_path(self, run: Run) -> Path | None:
        """The run's model file; None if it has none, or if the index names one outside the runs folder."""
        name = _plain_name(run.model_file)
        return self.models_folder / name if name is not None else None

    def log_folder(self, run: Run) -> Path:
        """The run's TensorBoard log folder, beside its model (a trained run's id names both); it may not exist."""
        return run_log_dir(self.models_folder / f"{run.id}.keras")

    def run_for_path(self, path: str | os.PathLike | None) -> Run | None:
        """The run whose model file is ``path`` (opening a run's own file adds no new run)."""
        if not path:
            return None
        try:
            resolved = Path(path).resolve()
        except OSError:
            return None
        return next((run for run in self.runs if self.model_path(run) is not None and self.model_path(run).resolve() == resolved), None)

    def get(self, run_id: str) -> Run | None:
        return next((run for run in self.runs if run.id == run_id), None)

    # --- reading and writing ---------------------------------------------

    def load(self) -> None:
        """Read the index; a damaged one is set aside under a new name and the list starts empty."""
        self.runs = []
        self.damaged_copy = None
        self.load_problem = None
        self.aside_failure = None
        if not self.index_path.exists():
            return
        try:
            data = json.loads(self.index_path.read_text(encoding="utf-8"))
            self.runs = [Run.from_dict(item) for item in data.get("runs", [])]
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            self.load_problem = str(exc) or type(exc).__name__
            self._set_damaged_index_aside()
        if self.load_error:
            log.warning("%s", self.load_error)
        outside = [run.model_file for run in self.runs if run.model_file and _plain_name(run.model_file) is None]
        if outside:
            log.warning("The run list names model files outside %s, which are never opened or deleted: %s", self.models_folder, outside)

    def _set_damaged_index_aside(self) -> bool:
        """Keep the damaged index under a name of its own; on failure, block every write to it."""
        try:
            self.damaged_copy = keep_aside(self.index_path)
        except OSError as exc:
            self.aside_failure = exc.strerror or str(exc)
            return False
        self.aside_failure = None
        return True

    @property
    def load_error(self) -> str | None:
        """What went wrong reading the index, for the user; None if nothing did."""
        if self.load_problem is None:
            return None
        translate = QCoreApplication.translate
        if self.aside_failure is not None:
            return translate(
                "RunStore",
                "The run list {path} could not be read ({reason}) nor set aside ({error}). It is left as it is, and changes to the "
                "run list are not saved: move the file away, then start the app again.",
            ).format(path=self.index_path, reason=self.load_problem, error=self.aside_failure)
        if self.damaged_copy is None:  # moved away meanwhile
            return translate("RunStore", "The run list could not be read ({reason}); a new list was started.").format(reason=self.load_problem)
        return translate("RunStore", "The run list could not be read ({reason}). It was kept as {aside}, and a new list was started.").format(
            reason=self.load_problem, aside=self.damaged_copy
        )

    def notices(self) -> list[str]:
        """What the Runs tab should tell the user about the list itself (in the current language)."""
        notices = [self.load_error] if self.load_error else []
        outside = sum(1 for run in self.runs if run.model_file and _plain_name(run.model_file) is None)
        if outside:
            notices.append(
                QCoreApplication.translate(
                    "RunStore", "{count} run(s) name a model file outside {folder}; the app never opens or deletes such a file."
                ).format(count=outside, folder=self.models_folder)
            )
        return notices

    def save(self) -> None:
        """Write the index: a fresh temporary file, fsync, then a rename over the old one.

        Refuses (OSError) while a damaged index could not be set aside, so it is never overwritten.
        """
        if self.aside_failure is not None:  # try again: the damaged index is never written over
            if self.index_path.exists() and not self._set_damaged_index_aside():
                raise OSError(errno.EEXIST, self.load_error)
            self.aside_failure = None
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"version": INDEX_VERSION, "runs": [asdict(run) for run in self.runs]}, indent=1)
        handle, temporary = tempfile.mkstemp(prefix=f".{INDEX_NAME}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.index_path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        _sync_folder(self.folder)

    # --- changes ------------------------------------------------------------

    def new_model_file(self) -> Path:
        """A fresh path in the models folder, for a copy saved off the GUI thread (see :meth:`add_model`)."""
        return self.models_folder / f"{uuid.uuid4().hex[:12]}.keras"

    def add_model(
        self, model, origin: str = "trained", name: str | None = None, saved: Path | None = None, save_error: str | None = None
    ) -> tuple[Run, str | None]:
        """Keep ``model`` as a new run; returns it and an error message if its file could not be kept.

        ``saved`` is the copy the worker thread already saved, or
        ``save_error`` why it could not (a message).

        A trained model is saved into the runs folder; an opened one is
        copied there. ``model.path`` is left as it was, so Save keeps
        meaning the user's own file.
        """
        stamp = _stamp(origin) if origin != "trained" else ""
        if stamp:
            known = next((run for run in self.runs if run.origin == origin and run.origin_stamp == stamp), None)
            if known is not None:
                return known, None  # the same file opened again: one run
        run_id = saved.stem if saved is not None else uuid.uuid4().hex[:12]
        training = model.training or {}
        if name is None:
            name = Path(origin).stem if origin != "trained" else f"Run {self._next_number()}"
        run = Run(
            id=run_id,
            name=name,
            config=model.config.to_dict(),
            history={key: [float(v) for v in values] for key, values in (model.history or {}).items()},
            metrics=_kept_metrics(model.test_metrics),
            seconds=training.get("seconds"),
            epochs_done=training.get("epochs_done", len((model.history or {}).get("loss", []))),
            stopped=bool(training.get("stopped")),
            created=_dt.datetime.now().isoformat(timespec="seconds"),
            origin=origin,
            origin_stamp=stamp,
        )
        if saved is not None or save_error is not None:  # saved on the worker thread already
            run.model_file = saved.name if saved is not None else None
            error = self._not_kept(save_error) if save_error is not None else None
        else:
            error = self._keep_model_file(run, model, copy_from=None if origin == "trained" else origin)
        self.runs.append(run)
        self._save_and_tell()
        return run, error

    def update_model(self, run: Run, model) -> str | None:
        """After Evaluate: new metrics, and the run's file saved again with them."""
        run.metrics = _kept_metrics(model.test_metrics)
        error = self._keep_model_file(run, model, copy_from=None)
        self._save_and_tell()
        return error

    def rename(self, run: Run, name: str) -> None:
        name = name.strip()
        if name and name != run.name:
            run.name = name
            self._save_and_tell()

    def delete(self, runs: list[Run]) -> None:
        """Forget ``runs`` and delete their model files and TensorBoard logs."""
        for run in runs:
            path = self.model_path(run)  # None for a name outside the runs folder: never deleted
            if path is not None:
                path.unlink(missing_ok=True)
            shutil.rmtree(self.log_folder(run), ignore_errors=True)
        ids = {run.id for run in runs}
        self.runs = [run for run in self.runs if run.id not in ids]
        self._save_and_tell()

    def _next_number(self) -> int:
        numbers = [int(run.name[4:]) for run in self.runs if run.name.startswith("Run ") and run.name[4:].isdigit()]
        return max(numbers, default=0) + 1

    def _keep_model_file(self, run: Run, model, copy_from: str | None) -> str | None:
        target = self.models_folder / f"{run.id}.keras"
        try:
            self.models_folder.mkdir(parents=True, exist_ok=True)
            if copy_from is not None:
                shutil.copyfile(copy_from, target)
            else:
                path = model.path
                try:
                    model.save(target)
                finally:
                    model.path = path  # core's save() adopts the target; the user's file stays the model's file
        except (OSError, StudioError) as exc:
            run.model_file = None
            return self._not_kept(error_text(exc))
        run.model_file = target.name
        return None

    def _not_kept(self, reason: str) -> str:
        return QCoreApplication.translate("RunStore", "The run is listed, but its model could not be kept in {folder}: {reason}").format(
            folder=self.models_folder, reason=reason
        )

    def _save_and_tell(self) -> None:
        try:
            self.save()
        except OSError as exc:
            if self.aside_failure is not None:  # said once; the Runs tab keeps saying it
                if not self._refusal_told:
                    self._refusal_told = True
                    self.failed.emit(self.load_error)
                self.changed.emit()
                return
            self.failed.emit(
                QCoreApplication.translate("RunStore", "Could not write the run list {path}: {reason}. The runs stay listed until you quit.").format(
                    path=self.index_path, reason=exc.strerror or exc
                )
            )
        self.changed.emit()
