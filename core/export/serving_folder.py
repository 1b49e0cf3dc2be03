"""Where a SavedModel may go: a new or empty folder. Plain paths, no TensorFlow.

TensorFlow Serving reads each version of a model from its own numbered
folder (``serving/sentiment/1``, ``.../2``), so an export never writes into
a folder that already holds something. The window checks this in the GUI
thread, before it starts the export on the worker; the export checks again.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.errors import QT_TRANSLATE_NOOP, ModelFileError


def check_serving_folder(out: str | os.PathLike) -> Path:
    """``out`` (expanded) if it is new or an empty folder; else a :class:`ModelFileError` saying what to choose."""
    out = Path(out).expanduser()
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ModelFileError(
            QT_TRANSLATE_NOOP("core", "{path!r} already exists and is not an empty folder. Choose a new folder: TensorFlow Serving "
                              "reads each version of a model from its own numbered folder, such as sentiment/1, sentiment/2."),
            path=str(out),
        )
    return out
