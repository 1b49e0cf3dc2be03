"""Where a run's TensorBoard logs go: plain paths, no TensorFlow.

A run's logs live in a folder of their own, so ``tensorboard --logdir``
on the parent compares runs side by side. In the app that folder sits
beside the run's model (``runs/<id>.keras`` and ``runs/<id>/``); on the
command line it is ``DIR/<model name>/`` under ``--tensorboard DIR``.
Nothing here imports Keras, so the GUI thread may call it.
"""

from __future__ import annotations

import os
from pathlib import Path


def run_log_dir(model_file: str | os.PathLike) -> Path:
    """The log folder of the run whose model is ``model_file``: the same path without ``.keras``."""
    return Path(model_file).with_suffix("")


def has_logs(folder: str | os.PathLike) -> bool:
    """Whether ``folder`` holds any TensorBoard event file (an opened model's run has none)."""
    folder = Path(folder)
    return folder.is_dir() and any(folder.rglob("events.out.tfevents.*"))


def fresh_log_dir(parent: str | os.PathLike, name: str) -> Path:
    """``parent/name``, or ``parent/name-2``, ``-3``...: the first that holds no logs yet.

    Two runs written into one folder would draw as one tangled curve.
    """
    parent = Path(parent).expanduser()
    candidate, number = parent / name, 1
    while candidate.exists() and (not candidate.is_dir() or any(candidate.iterdir())):
        number += 1
        candidate = parent / f"{name}-{number}"
    return candidate
