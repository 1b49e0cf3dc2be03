"""A 10 ms heartbeat in the GUI thread, and a watchdog thread that says what ran while it was late.

:class:`Heartbeat` runs a QTimer in the GUI thread and records the gap
between every two ticks, tagged with the phase of the user path that was
current when the gap ended. A gap much longer than 10 ms is a freeze a user
would feel.

The watchdog is a plain Python thread. Every 5 ms it looks at the time of
the last tick; once that is more than :data:`LATE_MS` old it samples every
thread's Python stack (``sys._current_frames``), at most every 20 ms, and
the samples are attached to the gap when it ends. The watchdog needs the
GIL to sample, so a freeze inside one C call (an extension module's init)
is sampled as it ends; its innermost Python frame still names the call.

On Linux each gap also says how the GUI thread spent it, from the
kernel's ``/proc/self/task/<tid>/schedstat``: milliseconds it *ran* on a
CPU (its own work, a draw), milliseconds it was runnable but *waited for a
CPU* (other processes on a busy machine), and the rest, when it was
*blocked* (waiting for the GIL another thread held). Only the first and
the last are the app's to fix.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

#: A gap longer than this gets stack samples.
LATE_MS = 40.0
#: Frames from these files say nothing about who is busy.
_BORING = ("threading.py", "heartbeat.py", "selectors.py", "queue.py")


@dataclass
class Gap:
    at_s: float  # seconds since the heartbeat started, at the gap's end
    ms: float
    phase: str
    samples: list[dict] = field(default_factory=list)  # thread name -> "file:line func" innermost frames
    ran_ms: float | None = None  # the GUI thread on a CPU
    queued_ms: float | None = None  # runnable, waiting for a CPU

    def split(self) -> str:
        """"ran 40 / queued 90 / blocked 20 ms", where the kernel says."""
        if self.ran_ms is None or self.queued_ms is None:
            return ""
        blocked = max(0.0, self.ms - self.ran_ms - self.queued_ms)
        return f"ran {self.ran_ms:.0f} / queued {self.queued_ms:.0f} / blocked {blocked:.0f} ms"

    def culprit(self) -> str:
        """The most common stack among the samples, per thread, in one line."""
        if not self.samples:
            return ""
        counts: Counter = Counter()
        for sample in self.samples:
            for thread, where in sample.items():
                counts[(thread, where)] += 1
        best: dict[str, tuple[int, str]] = {}
        for (thread, where), count in counts.items():
            if count > best.get(thread, (0, ""))[0]:
                best[thread] = (count, where)
        return " | ".join(f"{thread}: {where}" for thread, (_count, where) in sorted(best.items()))


def _where(frame, depth: int = 3) -> str:
    """The innermost ``depth`` interesting frames of a stack, innermost first."""
    parts = []
    for summary in reversed(traceback.extract_stack(frame)):
        name = summary.filename.rsplit("/", 1)[-1]
        if name in _BORING:
            continue
        path = summary.filename
        for marker in ("site-packages/", "/wt-resp/", "/main/", "lib/python3"):
            if marker in path:
                path = path.split(marker, 1)[1]
                break
        parts.append(f"{path}:{summary.lineno} {summary.name}")
        if len(parts) == depth:
            break
    return " < ".join(parts) or "(no Python frame)"


class Heartbeat:
    """Ticks every 10 ms in the GUI thread; records gaps with their phase and, when late, stack samples."""

    def __init__(self, interval_ms: int = 10):
        from PySide6.QtCore import QTimer

        self.gaps: list[Gap] = []
        self.phase = "startup"
        self.phase_log: list[tuple[float, str]] = [(0.0, self.phase)]
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._start = time.perf_counter()
        self._last = self._start
        self._samples: list[dict] = []
        self._last_sample = 0.0
        self._running = False
        self._main_id = threading.main_thread().ident
        self._schedstat = f"/proc/self/task/{threading.get_native_id()}/schedstat"  # built in the GUI thread
        self._last_sched = self._sched()
        self._watchdog = threading.Thread(target=self._watch, name="heartbeat-watchdog", daemon=True)

    def start(self) -> None:
        self._start = self._last = time.perf_counter()
        self._running = True
        self._timer.start()
        self._watchdog.start()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    def now(self) -> float:
        return time.perf_counter() - self._start

    def enter(self, phase: str) -> None:
        """The user path moves on to ``phase``; gaps ending from now on belong to it."""
        self.phase = phase
        self.phase_log.append((self.now(), phase))

    def _sched(self) -> tuple[float, float] | None:
        """The GUI thread's time on a CPU and waiting for one so far, in ms (Linux), else None."""
        try:
            with open(self._schedstat) as stat:
                ran, queued, _slices = stat.read().split()
            return int(ran) / 1e6, int(queued) / 1e6
        except (OSError, ValueError):
            return None

    def _tick(self) -> None:
        now = time.perf_counter()
        sched = self._sched()
        samples, self._samples = self._samples, []
        gap = Gap(now - self._start, (now - self._last) * 1000, self.phase, samples)
        if sched is not None and self._last_sched is not None:
            gap.ran_ms, gap.queued_ms = sched[0] - self._last_sched[0], sched[1] - self._last_sched[1]
        self.gaps.append(gap)
        self._last, self._last_sched = now, sched

    def _watch(self) -> None:
        names = {}
        while self._running:
            time.sleep(0.005)
            now = time.perf_counter()
            if (now - self._last) * 1000 < LATE_MS or now - self._last_sample < 0.02:
                continue
            self._last_sample = now
            for thread in threading.enumerate():
                names[thread.ident] = thread.name
            sample = {}
            for ident, frame in sys._current_frames().items():
                if ident == threading.get_ident():
                    continue
                name = "main" if ident == self._main_id else names.get(ident, f"thread-{ident}")
                where = _where(frame)
                if ident != self._main_id and ("wait" in where.split(" < ")[0] or where == "(no Python frame)"):
                    continue  # an idle thread
                sample[name] = where
            self._samples.append(sample)
