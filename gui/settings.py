"""What the app remembers between sessions, behind one small QSettings wrapper.

Keeping the keys in one place means the window never spells a settings key
itself, and tests can point the whole app at a throw-away ini file.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from PySide6.QtCore import QByteArray, QSettings

from core.data.download import DOWNLOAD
from core.data.loading import default_source
from core.data.sources import SourceOptions
from core.errors import ConfigError, DataError
from core.models.config import TrainingConfig

ORGANIZATION = "IMDB Sentiment Studio"
APPLICATION = "IMDB Sentiment Studio"

_DATA_SOURCE = "data/source"
_DATA_OPTIONS = "data/options_json"
_CONFIG = "training/config_json"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_LAST_FOLDER = "files/last_folder"
_LANGUAGE = "ui/language"


class StudioSettings:
    """Data source and its options, hyperparameters, language and window geometry, stored with QSettings."""

    def __init__(self, store: QSettings | None = None):
        # Without an explicit store, QSettings uses the organisation and
        # application names that gui.app sets on the QApplication.
        self.store = store if store is not None else QSettings()

    @classmethod
    def in_file(cls, path: str) -> "StudioSettings":
        """Settings kept in one ini file (tests, benchmarks)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # --- data source ------------------------------------------------------

    def data_source(self) -> str:
        """The remembered choice (a path, or a kind's word such as "download").

        An empty setting falls back to the IMDB_DATA environment variable, and
        then to the download, so that Train works on the first click for
        someone with the internet (the archive is cached after that).
        """
        value = str(self.store.value(_DATA_SOURCE, "") or "")
        return value or default_source() or DOWNLOAD

    def set_data_source(self, value: str | None) -> None:
        self.store.setValue(_DATA_SOURCE, value or "")

    def data_options(self) -> SourceOptions:
        """How the data source is read (columns, test set, num_words); the defaults if none or invalid."""
        try:
            values = json.loads(str(self.store.value(_DATA_OPTIONS, "") or "{}"))
            known = {f.name for f in fields(SourceOptions)}
            return SourceOptions(**{k: v for k, v in values.items() if k in known})
        except (ValueError, TypeError, AttributeError, DataError):
            return SourceOptions()  # an older or hand-edited value: start clean

    def set_data_options(self, options: SourceOptions) -> None:
        self.store.setValue(_DATA_OPTIONS, json.dumps(asdict(options)))

    # --- hyperparameters --------------------------------------------------

    def config(self) -> TrainingConfig:
        """The last hyperparameters; the tutorial's defaults if none or invalid."""
        text = self.store.value(_CONFIG, "")
        if not text:
            return TrainingConfig()
        try:
            return TrainingConfig.from_json(str(text))
        except ConfigError:
            return TrainingConfig()  # an older or hand-edited value: start clean

    def set_config(self, config: TrainingConfig) -> None:
        self.store.setValue(_CONFIG, config.to_json())

    # --- window -----------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        value = self.store.value(_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.store.value(_STATE)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue(_GEOMETRY, geometry)
        self.store.setValue(_STATE, state)

    # --- file dialogs -----------------------------------------------------

    def last_folder(self) -> str:
        return str(self.store.value(_LAST_FOLDER, "") or "")

    def set_last_folder(self, folder: str) -> None:
        self.store.setValue(_LAST_FOLDER, folder)

    # --- language -----------------------------------------------------------

    def language(self) -> str:
        """The chosen language code ("en", "zh_CN"), or "" to follow the system."""
        return str(self.store.value(_LANGUAGE, "") or "")

    def set_language(self, code: str) -> None:
        self.store.setValue(_LANGUAGE, code or "")

    def sync(self) -> None:
        self.store.sync()
