"""Reading the chosen data once, off the GUI thread, for the panel and the run alike.

The data panel starts a :class:`SharedLoad` as soon as a source is chosen, so
it can show the row counts, the class balance and a preview before Train is
pressed. When Train is pressed for the same source and options, the training
worker waits for that very load (or takes its finished corpus) instead of
reading the file again: one read per run, whichever side asked first.

A load runs in a one-thread QThreadPool owned by :class:`DataLoader`. A newer
choice cancels the older load at its next progress report; results of a
cancelled load are dropped. Nothing here touches a widget.
"""

from __future__ import annotations

import logging
import threading
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QRunnable, Signal

from core.data.registry import kind_for
from core.data.sources import SourceKind, SourceOptions
from core.errors import StudioError
from gui.i18n import error_text
from gui.workers.thread_pools import one_thread_pool

log = logging.getLogger(__name__)

#: Rows of a table shown in the panel's preview.
PREVIEW_ROWS = 5


def _stamp(path: str | None) -> tuple:
    """Size and modification time of a file (a folder's own time), so an edited file is read again."""
    if not path:
        return ()
    try:
        info = Path(path).expanduser().stat()
    except OSError:
        return ("missing",)
    return (info.st_size, info.st_mtime_ns)


@dataclass(frozen=True)
class DataChoice:
    """A source and how to read it; equal choices read the same reviews."""

    source: str
    options: SourceOptions
    stamp: tuple = ()

    @classmethod
    def of(cls, source: str, options: SourceOptions | None = None) -> DataChoice:
        options = options or SourceOptions()
        local = kind_for(source).has_path
        return cls(source, options, (_stamp(source), _stamp(options.test_path)) if local else ())

    @property
    def kind(self) -> SourceKind:
        return kind_for(self.source)

    def key(self) -> tuple:
        """Hashable identity: source, every option, and the files' stamps."""
        o = self.options
        return (self.source, o.text_column, o.label_column, o.test_path, o.test_fraction, o.split_seed,
                o.num_words, o.keras_npz, o.keras_word_index, self.stamp)


class _Abandoned(Exception):
    """A newer choice (or closing the window) made this load pointless."""


class SharedLoad:
    """One read of one :class:`DataChoice`; any thread may wait for it.

    ``run`` executes in the loader's pool thread. ``wait`` executes in the
    training worker's thread and relays the progress to its hooks, which also
    raise there when Stop is pressed.
    """

    def __init__(self, choice: DataChoice):
        self.choice = choice
        #: The choice with the CSV columns filled in from the preview's guess.
        self.resolved: DataChoice = choice
        self.cancel = threading.Event()
        self.preview = None  # core.data.preview.TablePreview for a kind that previews (a table)
        self.corpus = None  # core.data.loading.Corpus once read
        self.error: BaseException | None = None
        self.progress: tuple[str, int, int] = ("reading", 0, 0)
        self.reads = 0  # how many times the full read ran (0 or 1)
        self._done = threading.Event()

    def matches(self, choice: DataChoice) -> bool:
        return choice.key() in (self.choice.key(), self.resolved.key())

    def done(self) -> bool:
        return self._done.is_set()

    def succeeded(self) -> bool:
        return self.done() and self.corpus is not None

    def abandoned(self) -> bool:
        return self.done() and isinstance(self.error, _Abandoned)

    # --- in the pool thread -------------------------------------------------

    def _report(self, kind: str):
        def report(done: int, total: int) -> None:
            if self.cancel.is_set():
                raise _Abandoned()
            self.progress = (kind, int(done), int(total))
            if self.on_progress is not None:
                self.on_progress(kind, int(done), int(total))

        return report

    on_preview = None  # set by the loader: callables run in the pool thread
    on_progress = None

    def run(self) -> None:
        from core.data.loading import load_corpus

        try:
            if self.cancel.is_set():
                raise _Abandoned()
            options = self.choice.options
            preview = self.choice.kind.preview
            if preview is not None and Path(self.choice.source).expanduser().is_file():  # else load_corpus says why
                self.preview = preview(self.choice.source, options, PREVIEW_ROWS)
                options = replace(options, text_column=self.preview.text_column, label_column=self.preview.label_column)
                self.resolved = replace(self.choice, options=options)
                if self.on_preview is not None:
                    self.on_preview(self.preview)
            self.reads += 1
            self.corpus = load_corpus(self.choice.source, progress=self._report("reading"), download_progress=self._report("download"),
                                      options=options)
        except _Abandoned as exc:
            self.error = exc
        except StudioError as exc:
            self.error = exc
        except MemoryError:
            self.error = StudioError(QT_TRANSLATE_NOOP("core", "Out of memory reading {source}. Choose a smaller file."), source=self.choice.source)
        except Exception as exc:  # noqa: BLE001 - a bug must not take the app down with it
            log.error("Reading the data failed:\n%s", traceback.format_exc())
            self.error = StudioError(QT_TRANSLATE_NOOP("core", "Unexpected error reading the data ({kind}): {reason}"), kind=type(exc).__name__, reason=str(exc))
        finally:
            self._done.set()

    # --- in the training worker's thread ------------------------------------

    def wait(self, hooks):
        """The corpus, once read; relays progress to ``hooks`` (which raise on Stop)."""
        hooks.phase("loading data")
        while not self._done.wait(0.1):
            kind, done, total = self.progress
            (hooks.download if kind == "download" else hooks.reading)(done, total)
        if self.corpus is not None:
            return self.corpus
        if isinstance(self.error, _Abandoned) or self.error is None:
            # Cancelled under us (the window is closing): read it here instead.
            from core.data.loading import load_corpus

            return load_corpus(self.choice.source, progress=hooks.reading, download_progress=hooks.download, options=self.resolved.options)
        raise self.error


def shared_corpus(corpus, hooks):
    """A job's corpus: as given, or the panel's :class:`SharedLoad` waited for."""
    return corpus.wait(hooks) if isinstance(corpus, SharedLoad) else corpus


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the pool arrive there queued."""

    previewed = Signal(object, object)  # SharedLoad, TablePreview
    progressed = Signal(object, str, "qlonglong", "qlonglong")  # SharedLoad, "reading"/"download", done, total
    ended = Signal(object)  # SharedLoad


class _LoadTask(QRunnable):
    def __init__(self, load: SharedLoad, relay: _Relay):
        super().__init__()
        self.load, self.relay = load, relay

    def run(self) -> None:
        self.load.on_preview = lambda preview: self.relay.previewed.emit(self.load, preview)
        self.load.on_progress = lambda kind, done, total: self.relay.progressed.emit(self.load, kind, done, total)
        try:
            self.load.run()
        finally:
            self.relay.ended.emit(self.load)


class DataLoader(QObject):
    """Keeps the newest :class:`SharedLoad` and reports it; older ones are cancelled and ignored."""

    previewed = Signal(object)  # TablePreview of the current load
    progressed = Signal(str, "qlonglong", "qlonglong")  # "reading"/"download", done, total
    loaded = Signal(object)  # the current load, succeeded
    failed = Signal(str)  # the current load's message
    started = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = one_thread_pool(self)
        self.current: SharedLoad | None = None
        self.relay = _Relay()
        self.relay.previewed.connect(self._on_previewed)
        self.relay.progressed.connect(self._on_progressed)
        self.relay.ended.connect(self._on_ended)

    def load(self, choice: DataChoice, again: bool = False) -> SharedLoad:
        """The load of ``choice``: the current one if it matches, else a new one.

        With ``again``, a current load that failed is tried again (the file may
        have been fixed, or the internet come back).
        """
        current = self.current
        failed = current is not None and current.done() and not current.succeeded()
        if current is not None and current.matches(choice) and not current.abandoned() and not (again and failed):
            return current
        self.cancel()
        load = SharedLoad(choice)
        self.current = load
        self.started.emit()
        self.pool.start(_LoadTask(load, self.relay))
        return load

    def cancel(self) -> None:
        """Abandon the current load (its results are dropped)."""
        if self.current is not None:
            self.current.cancel.set()
            self.current = None

    def shutdown(self, wait_ms: int = 3000) -> None:
        """Cancel and wait for the pool thread (before the window goes)."""
        self.cancel()
        self.pool.waitForDone(wait_ms)

    def _on_previewed(self, load: SharedLoad, preview) -> None:
        if load is self.current:
            self.previewed.emit(preview)

    def _on_progressed(self, load: SharedLoad, kind: str, done: int, total: int) -> None:
        if load is self.current:
            self.progressed.emit(kind, done, total)

    def _on_ended(self, load: SharedLoad) -> None:
        if load is not self.current:
            return
        if load.succeeded():
            self.loaded.emit(load)
        elif not load.abandoned():
            self.failed.emit(error_text(load.error))
