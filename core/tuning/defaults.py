"""The names a search is set up with, and where its database is by default: no Optuna imported.

The window shows these choices at start-up; Optuna (and SQLAlchemy) load
only when a search starts.
"""

from __future__ import annotations

from pathlib import Path

from core.app_data import data_folder
from core.errors import QT_TRANSLATE_NOOP

#: What a trial's value is, and which way is better. Never a test-set figure.
OBJECTIVES: dict[str, str] = {"val_accuracy": "maximize", "val_loss": "minimize"}
OBJECTIVE_LABELS = {
    "val_accuracy": QT_TRANSLATE_NOOP("core", "best validation accuracy"),
    "val_loss": QT_TRANSLATE_NOOP("core", "lowest validation loss"),
}
#: The pruners by name (built in :mod:`core.tuning.search`).
PRUNER_LABELS = {
    "median": QT_TRANSLATE_NOOP("core", "Median"),
    "halving": QT_TRANSLATE_NOOP("core", "Successive halving"),
    "none": QT_TRANSLATE_NOOP("core", "None"),
}
#: The default database's file name, in the app's data folder.
DEFAULT_FILE = "tuning.sqlite3"


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def default_storage_url() -> str:
    """``sqlite:///<app data>/tuning.sqlite3``."""
    return sqlite_url(data_folder() / DEFAULT_FILE)
