"""A thread pool with one thread that lives as long as the pool."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool


def one_thread_pool(parent: QObject) -> QThreadPool:
    """Tasks run one at a time, always on the same thread.

    The thread never expires: one that expired and was replaced would leave
    Python a record of one more foreign thread each time.
    """
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    pool.setExpiryTimeout(-1)
    return pool
