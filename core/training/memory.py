"""Give freed memory back to the system between trainings, and keep glibc from scattering it.

After a run, glibc keeps most of what TensorFlow and numpy freed in its
heaps, so the resident size of a long app session only ever grows.
``malloc_trim`` returns those pages; elsewhere it is a no-op.

Trimming cannot return a page that still holds one live block, and glibc
gives each thread that meets a busy heap a heap (arena) of its own, up to
eight per core: TensorFlow's thread pools and the tokenising threads
spread every run's short-lived blocks over a dozen arenas, and what stays
behind pins pages in all of them. With at most :data:`ARENAS` arenas a run's
free space is reused by the next one: ten runs grew by about 3 MB each
instead of 67 (``benchmarks/memory_growth.py``, ``docs/performance.md``).
:func:`limit_heap_arenas` sets that; ``main.py`` calls it first thing, before
any thread starts.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import sys
import threading


def _trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None


_MALLOC_TRIM = _trim()

#: glibc's ``mallopt`` parameter for the most arenas (malloc.h's ``M_ARENA_MAX``).
M_ARENA_MAX = -8
#: The arenas the process may use; the ``MALLOC_ARENA_MAX`` environment variable, if set, wins.
ARENAS = 2


def limit_heap_arenas(count: int = ARENAS) -> bool:
    """Let glibc's malloc use at most ``count`` arenas from now on; True if it was set.

    Call it before threads start: arenas made earlier stay. A no-op off glibc,
    and when ``MALLOC_ARENA_MAX`` is set (glibc has read it already).
    """
    if not sys.platform.startswith("linux") or os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        return bool(ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt(M_ARENA_MAX, count))
    except (OSError, AttributeError):  # musl and others have no mallopt parameter for it
        return False


def release_memory() -> None:
    """Collect garbage, then return free heap pages to the system where the C library allows.

    Only the main thread collects: a collection elsewhere may destroy objects
    that belong to it (in the app, Qt objects of the GUI thread), and the app
    collects in its GUI thread after each task anyway.
    """
    if threading.current_thread() is threading.main_thread():
        gc.collect()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
