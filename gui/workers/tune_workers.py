"""The Tune tab's two threads: one worker of the study, and a poller that reads the study's trials.

The search runs :class:`core.tuning.search.Search` on a QThread, as any
``main.py tune`` worker would: Stop sets its event, the running trial ends
after its current batch and is recorded. The poller reads the database
every second on a thread of its own (a shared study's server may be slow
to answer), so trials from other workers and machines appear too.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QThread, Signal

from core.errors import StudioError


class _Abandoned(Exception):
    """Stop while the reviews were read."""


@dataclass
class SearchRequest:
    """What one search of the Tune tab needs."""

    storage_url: str | None
    study_name: str
    settings: Any  # core.tuning.study.StudySettings for a new study; an existing one keeps its own
    source: str | None
    options: Any
    trials: int | None
    timeout: float | None
    pruner: str
    log_dir: Any = None


class SearchThread(QThread):
    """Reads the data, opens (or joins) the study and trains trials until the budget, the time or Stop."""

    #: An engine error, one line (a StudioError's message object or text).
    failed = Signal(object)
    #: The study is open: its storage URL and name, for the poller.
    opened = Signal(str, str)

    def __init__(self, request: SearchRequest, parent=None):
        super().__init__(parent)
        self.request = request
        self.stop_event = threading.Event()

    def stop(self) -> None:
        self.stop_event.set()

    def run(self) -> None:
        try:
            self._search()
        except _Abandoned:
            pass
        except StudioError as exc:
            self.failed.emit(exc)

    def _search(self) -> None:
        import optuna  # noqa: PLC0415

        from core.data.loading import load_corpus  # noqa: PLC0415
        from core.tuning.fingerprint import fingerprint  # noqa: PLC0415
        from core.tuning.search import Search, make_pruner  # noqa: PLC0415
        from core.tuning.storage import open_storage  # noqa: PLC0415
        from core.tuning.study import open_study, stored_settings  # noqa: PLC0415

        request = self.request
        storage = open_storage(request.storage_url)
        # Joining a study (one of other machines, say) takes its own search, whatever the form shows.
        settings = None if stored_settings(storage, request.study_name) is not None else request.settings

        def reading(done: int, total: int) -> None:
            if self.stop_event.is_set():
                raise _Abandoned

        corpus = load_corpus(request.source, progress=reading, download_progress=reading, options=request.options)
        if self.stop_event.is_set():
            return
        sampler = optuna.samplers.TPESampler(constant_liar=True)
        study, settings = open_study(storage, request.study_name, settings, fingerprint(corpus), sampler=sampler,
                                     pruner=make_pruner(request.pruner))
        self.opened.emit(storage.url, request.study_name)
        Search(study, settings, corpus, trials=request.trials, timeout=request.timeout, stop_event=self.stop_event,
               log_dir=request.log_dir, poll_seconds=0.5).run()


class TrialPoller(QThread):
    """Every ``interval`` seconds: the study's trial rows and parameter importances."""

    #: (list of core.tuning.trials.TrialRow, {parameter: importance}, direction)
    polled = Signal(list, dict, str)
    failed = Signal(str)

    def __init__(self, storage_url: str, study_name: str, interval: float = 1.0, parent=None):
        super().__init__(parent)
        self.storage_url, self.study_name, self.interval = storage_url, study_name, interval
        self.stop_event = threading.Event()

    def stop(self) -> None:
        self.stop_event.set()

    def run(self) -> None:
        import optuna  # noqa: PLC0415

        from core.tuning.trials import importances, trial_rows  # noqa: PLC0415

        try:
            storage = optuna.storages.RDBStorage(self.storage_url)
        except Exception as exc:  # noqa: BLE001 - any database error is one line in the tab
            self.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return
        last = None
        while not self.stop_event.is_set():
            try:
                study = optuna.load_study(storage=storage, study_name=self.study_name)
                rows = trial_rows(study)
                key = [(row.number, row.state, row.epochs) for row in rows]
                if key != last:
                    last = key
                    self.polled.emit(rows, importances(study), study.direction.name.lower())
            except KeyError:
                pass  # the study is being created
            except Exception as exc:  # noqa: BLE001
                self.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            self.stop_event.wait(self.interval)
