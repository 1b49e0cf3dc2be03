"""Run one short blocking call off the GUI thread while the window keeps painting, and wait for its result.

Saving a model writes Keras's archive, its metadata (every test
prediction) and a deflated zip: a few hundred milliseconds with the GIL
released only in places. Called in the GUI thread, the window froze for as
long. :func:`call_off_gui_thread` runs the call on a thread of its own and
turns a local event loop meanwhile, with user input held back (Qt delivers
it afterwards): timers, paints and the workers' signals go on, and nothing
the user does can start while the call runs, so callers keep their plain
``result = call()`` shape.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QTimer

T = TypeVar("T")

#: How often the local loop checks whether the call has ended, in milliseconds.
POLL_MS = 10


def call_off_gui_thread(call: Callable[[], T]) -> T:
    """``call()`` on a thread of its own; its result, or its exception raised here."""
    outcome: dict = {}

    def run() -> None:
        outcome["thread"] = threading.get_ident()
        try:
            outcome["result"] = call()
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            outcome["error"] = exc

    thread = threading.Thread(target=run, name="studio-off-gui", daemon=True)
    thread.start()
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    poll.start()
    if thread.is_alive():
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    poll.stop()
    thread.join()
    call_off_gui_thread.last_thread = outcome.get("thread")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


#: The thread id of the last call (the tests check it was not the GUI thread).
call_off_gui_thread.last_thread = None
