"""File > Export for serving… and the Runs tab's Open log folder, in the real window.

Each test trains a model for real (the small corpus, one epoch) in the
window, then answers the real folder dialog the menu opens, as a user who
types a folder and presses Enter. The SavedModel is read back with
TensorFlow alone. The one thing replaced is the operating system's file
manager (``gui.panels.runs_view.open_url``), by a recorder of the URLs it
would be asked to show.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

import gui.panels.runs_view as runs_view_module
from core.models.config import TrainingConfig
from core.models.families.convolutional import ConvolutionalConfig
from core.models.families.ngram import NGramConfig
from core.models.families.recurrent import RecurrentConfig
from core.training.run_logs import has_logs, run_log_dir

SMALL = Path(__file__).parent / "data" / "small_reviews"
TIMEOUT = 90_000
REVIEWS = [
    "Saw it with friends. The film was wonderful, and the cast was superb too. I loved it!",
    "Saw it with friends. The film was awful.<br /><br />The cast was dull too. I hated it.",
    "An odd one: DULL in places, yet the ending is moving.",
]
#: One small config of each model family, trained for one epoch.
CONFIGS = {
    "recurrent": TrainingConfig(vocab_size=200, max_length=40, model=RecurrentConfig(embedding_dim=8, units=8), epochs=1, batch_size=8),
    "ngram": TrainingConfig(family="ngram", vocab_size=200, model=NGramConfig(hash_bits=12), epochs=1, batch_size=8),
    "convolutional": TrainingConfig(family="convolutional", vocab_size=200, max_length=40, epochs=1, batch_size=8,
                                    model=ConvolutionalConfig(embedding_dim=8, filters=8, kernel_size=3, conv_layers=2)),
}


def train_in(qtbot, window, config: TrainingConfig):
    """Choose the small corpus and ``config``, click Train, wait until the task has ended."""
    window.data_panel.set_source(str(SMALL))
    window.form.set_config(config)
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT) as ended:
        qtbot.mouseClick(window.train_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["train"] and window.model is not None
    return window.model


def export_from_the_menu(window, folder: Path) -> list[str]:
    """Trigger File > Export for serving… and answer its folder dialog with ``folder``; the dialog's title."""
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)  # not shown yet
            return
        seen.append(dialog.windowTitle())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setText(str(folder))
        name.returnPressed.emit()  # Enter in the name field

    QTimer.singleShot(0, answer)
    action = window.menus.export_serving_action
    assert action.isEnabled()
    action.trigger()
    return seen


@pytest.mark.parametrize("family", list(CONFIGS))
def test_export_for_serving_from_the_menu_serves_the_windows_probabilities(qtbot, window, tmp_path, family):
    import tensorflow as tf

    assert not window.menus.export_serving_action.isEnabled()  # no model yet
    model = train_in(qtbot, window, CONFIGS[family])
    out = tmp_path / "serving" / "sentiment" / "1"
    out.mkdir(parents=True)  # a new, empty version folder, as the dialog's New Folder makes it

    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT) as ended:
        titles = export_from_the_menu(window, out)
        assert titles and window.is_busy()  # the export runs on the worker: the GUI thread is already back
        assert not window.menus.export_serving_action.isEnabled() and not window.train_button.isEnabled()
    assert ended.args == ["export"] and window.dialogs.last_error is None
    assert str(out) in window.statusBar().currentMessage()
    assert window.model is model and window.menus.export_serving_action.isEnabled()

    serving = tf.saved_model.load(str(out)).signatures["serving_default"]
    served = serving(text=tf.constant(REVIEWS))["positive_probability"].numpy()
    assert served.dtype == np.float32 and served.shape == (len(REVIEWS),)
    np.testing.assert_allclose(served, window.model.predict(REVIEWS), atol=1e-5)
    assert not list(out.parent.glob(".*.partial"))  # nothing left beside it


def test_export_for_serving_refuses_a_folder_that_is_not_empty(qtbot, window, tmp_path):
    train_in(qtbot, window, CONFIGS["recurrent"])
    taken = tmp_path / "serving" / "1"
    taken.mkdir(parents=True)
    (taken / "saved_model.pb").write_bytes(b"an older version")

    with qtbot.waitSignal(window.dialogs.error_shown, timeout=10_000) as shown:
        export_from_the_menu(window, taken)
    message = shown.args[0]
    assert str(taken) in message and "not an empty folder" in message and "sentiment/1" in message
    assert "\n" not in message
    assert not window.is_busy()  # refused before any task started
    assert [path.name for path in taken.iterdir()] == ["saved_model.pb"] and (taken / "saved_model.pb").read_bytes() == b"an older version"
    assert window.menus.export_serving_action.isEnabled()  # the app keeps working: a new folder is accepted
    fresh = tmp_path / "serving" / "2"
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT) as ended:
        assert window.files.export_for_serving(fresh)
    assert ended.args == ["export"] and (fresh / "saved_model.pb").is_file()


def test_open_log_folder_shows_the_selected_runs_tensorboard_logs(qtbot, window, tmp_path, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(runs_view_module, "open_url", lambda url: opened.append(url) or True)
    view = window.runs_view
    assert not view.logs_button.isEnabled()  # no run yet

    train_in(qtbot, window, CONFIGS["recurrent"])
    run = window.controller.current_run
    assert view.selected_runs() == [run]
    folder = run_log_dir(window.runs.model_path(run))
    assert has_logs(folder) and folder.parent == window.runs.models_folder
    window.tabs.setCurrentWidget(view)
    assert view.logs_button.isEnabled()
    qtbot.mouseClick(view.logs_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(folder)]
    assert Path(opened[0].toLocalFile()).is_dir()

    # An opened model's run has no logs: the button is off, and clicking does nothing.
    saved = tmp_path / "mine.keras"
    assert window.files.save_model_to(saved)
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT):
        assert window.open_model(saved)
    opened_run = window.controller.current_run
    assert opened_run is not run and view.selected_runs() == [opened_run]
    assert not has_logs(window.runs.log_folder(opened_run)) and not view.logs_button.isEnabled()
    assert not view.open_selected_logs() and len(opened) == 1

    view.select_runs([run, opened_run])  # two runs: which folder would it be?
    assert not view.logs_button.isEnabled()
    view.select_runs([run])
    assert view.logs_button.isEnabled()


def test_open_log_folder_says_so_when_no_file_manager_can_show_it(qtbot, window, monkeypatch):
    monkeypatch.setattr(runs_view_module, "open_url", lambda url: False)  # as on a machine with no file manager
    train_in(qtbot, window, CONFIGS["recurrent"])
    with qtbot.waitSignal(window.dialogs.error_shown, timeout=5_000) as shown:
        window.runs_view.logs_button.click()
    folder = window.runs.log_folder(window.controller.current_run)
    assert str(folder) in shown.args[0] and "tensorboard --logdir" in shown.args[0]
