"""Give freed memory back to the system between trainings.

After a run, glibc keeps most of what TensorFlow and numpy freed in its
heaps, so the resident size of a long app session only ever grows.
``malloc_trim`` returns those pages; elsewhere it is a no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
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
