"""The app's data folder, found without Qt: where the command line keeps what the app keeps.

The window asks Qt (``QStandardPaths.AppDataLocation``, see
``gui.run_store.default_folder``); the engine must not import Qt, so this
module follows the same rules for the organisation and application names
the app sets, on each platform. A study's default database lives here, so
the Tune tab and ``main.py tune`` share it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The names the app gives Qt (gui.settings.ORGANIZATION and APPLICATION).
ORGANIZATION = "IMDB Sentiment Studio"
APPLICATION = "IMDB Sentiment Studio"


def data_folder() -> Path:
    """``~/.local/share/<organisation>/<application>`` on Linux (or under ``$XDG_DATA_HOME``), as Qt has it."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION / APPLICATION
