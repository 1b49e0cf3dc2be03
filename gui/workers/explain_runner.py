"""Explanations (and with them the live verdict) computed off the GUI thread.

Typing must never wait for the model, so each request goes to one pooled
thread. Requests are coalesced: while one runs, only the newest waiting
request is kept, and a result is delivered only if no newer request was
made since (a stale result for text the user has already changed is
dropped). The relay QObject lives in the GUI thread, so its signal, emitted
from the pool thread, arrives there queued.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from core.errors import StudioError
from gui.i18n import error_text
from gui.workers.thread_pools import one_thread_pool

log = logging.getLogger(__name__)

#: Text in, a core.insight.explain.Explanation out; runs in the pool thread.
Explainer = Callable[[str], Any]


class _Relay(QObject):
    # The text goes as ``object``: a ``str`` argument would be converted to a QString and
    # back on every hop, a copy of a 10 MB review in the GUI thread each time.
    done = Signal(int, object, object, str)  # request id, text, explanation or None, error message


class _ExplainTask(QRunnable):
    def __init__(self, request_id: int, text: str, explainer: Explainer, relay: _Relay):
        super().__init__()
        self.request_id, self.text, self.explainer, self.relay = request_id, text, explainer, relay

    def run(self) -> None:
        try:
            result, error = self.explainer(self.text), ""
        except StudioError as exc:
            result, error = None, error_text(exc)
        except Exception as exc:  # noqa: BLE001 - keep the app alive; say what happened
            log.error("Explaining failed:\n%s", traceback.format_exc())
            text = QCoreApplication.translate("ExplainRunner", "Could not explain the review ({kind}: {reason})")
            result, error = None, text.format(kind=type(exc).__name__, reason=exc)
        self.relay.done.emit(self.request_id, self.text, result, error)


class ExplainRunner(QObject):
    """One-at-a-time explanations with stale results dropped."""

    #: The newest request's explanation: request id, text, Explanation.
    explained = Signal(int, object, object)  # the text as ``object``: passed, never copied
    #: The newest request failed: request id, message.
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = one_thread_pool(self)
        self.explainer: Explainer | None = None
        self.latest = 0
        self.running = False
        self.pending: tuple[int, str, Explainer] | None = None
        self.relay = _Relay()
        self.relay.done.connect(self._on_done)

    def set_explainer(self, explainer: Explainer | None) -> None:
        """A new model (or none): results of earlier requests are dropped."""
        self.explainer = explainer
        self.latest += 1
        self.pending = None

    def request(self, text: str) -> int | None:
        """Explain ``text`` soon; returns the request id (None without an explainer)."""
        if self.explainer is None:
            return None
        self.latest += 1
        if self.running:
            self.pending = (self.latest, text, self.explainer)
        else:
            self._start(self.latest, text, self.explainer)
        return self.latest

    def is_idle(self) -> bool:
        return not self.running and self.pending is None

    def _start(self, request_id: int, text: str, explainer: Explainer) -> None:
        self.running = True
        self.pool.start(_ExplainTask(request_id, text, explainer, self.relay))

    def _on_done(self, request_id: int, text: str, result: object, error: str) -> None:
        self.running = False
        if self.pending is not None:
            self._start(*self.pending)
            self.pending = None
        if request_id != self.latest:
            return  # the text or the model changed since: drop it
        if error:
            self.failed.emit(request_id, error)
        else:
            self.explained.emit(request_id, text, result)

    def shutdown(self, wait_ms: int = 5000) -> None:
        """Drop waiting work and wait for the running one (before the app quits)."""
        self.pending = None
        self.latest += 1
        self.pool.waitForDone(wait_ms)


def explainer_for(model):
    """Text -> Explanation with ``model``; runs on the classify panel's thread (TensorFlow is loaded)."""

    def explain_text(text: str):
        from core.insight.explain import explain

        return explain(model, text)

    return explain_text
