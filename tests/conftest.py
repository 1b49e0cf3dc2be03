"""Shared fixtures: the small review corpus we wrote, tiny configs, and Qt offscreen."""

from __future__ import annotations

import ast
import functools
import os
import shutil
import tarfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

TESTS = Path(__file__).parent
SMALL_CORPUS = TESTS / "data" / "small_reviews"


@pytest.fixture
def small_corpus_dir() -> Path:
    """64 short reviews of our own in the aclImdb layout (48 train, 16 test)."""
    return SMALL_CORPUS


@pytest.fixture
def small_corpus_tar(tmp_path: Path) -> Path:
    """The same reviews as a .tar.gz, as Stanford ships the real ones."""
    path = tmp_path / "aclImdb_small.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        archive.add(SMALL_CORPUS, arcname="aclImdb")
    return path


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the small corpus, for tests that damage it."""
    target = tmp_path / "aclImdb"
    shutil.copytree(SMALL_CORPUS, target)
    return target


@pytest.fixture
def tiny_config():
    """A config small enough to train in seconds; the model is the tutorial's shape."""
    from core.models.config import TrainingConfig
    from core.models.families.recurrent import RecurrentConfig

    return TrainingConfig(vocab_size=200, max_length=40, model=RecurrentConfig(embedding_dim=8, units=8), epochs=2, batch_size=8)


@pytest.fixture(scope="session")
def imdb_data() -> Path:
    """The real IMDB archive, where IMDB_DATA names it (CI does); else the test is skipped."""
    value = os.environ.get("IMDB_DATA")
    if not value or not Path(value).exists():
        pytest.skip("IMDB_DATA is not set to the IMDB archive")
    return Path(value)


@pytest.fixture(scope="session")
def trained_small_model(tmp_path_factory):
    """A model trained for real on the small corpus until it separates the classes."""
    from core.data.loading import load_corpus
    from core.models.config import TrainingConfig
    from core.models.families.recurrent import RecurrentConfig
    from core.training.trainer import train

    config = TrainingConfig(vocab_size=200, max_length=40, model=RecurrentConfig(embedding_dim=16, units=16), epochs=25, batch_size=8,
                            learning_rate=0.01, validation_split=0.1)
    return train(load_corpus(SMALL_CORPUS), config)


# --- the "qt" marker: which tests need Qt ------------------------------------------

_QT_PACKAGES = {"PySide6", "shiboken6", "gui", "pytestqt"}


@functools.cache
def _imports_qt(path: str) -> bool:
    """Whether a test module imports Qt, the GUI or pytest-qt anywhere in it."""
    for node in ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if any(name.split(".")[0] in _QT_PACKAGES for name in names):
            return True
    return False


def pytest_collection_modifyitems(config, items):
    """Mark every test that needs Qt ``qt``, so that ``-m "not qt"`` runs the engine's tests alone (CI's floor check)."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or _imports_qt(str(item.path)):
            item.add_marker(pytest.mark.qt)


@pytest.fixture
def window(qtbot, tmp_path):
    """A shown main window with fresh settings and run list, whose dialogs answer Yes (test files may override it)."""
    from gui.main_window import MainWindow
    from gui.settings import StudioSettings

    window = MainWindow(StudioSettings.in_file(str(tmp_path / "settings.ini")), runs_folder=tmp_path / "runs")
    window.dialogs.auto_answer = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
