"""The data panel, for real: a CSV chosen in the window, previewed, trained on, saved and reopened.

The CSVs are written by the tests from our small review corpus. File reads
are counted with a Python audit hook on ``open`` (the interpreter's own
event, nothing of ours replaced), so "read once per run" is measured, not
assumed.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.data.kinds.table import TABLE
from core.data.sources import SourceOptions
from gui.main_window import MainWindow
from gui.settings import StudioSettings

TIMEOUT = 90_000
REVIEW = "A wonderful film, moving and beautifully acted. I loved every minute."

# --- counting file opens -------------------------------------------------------

_watched: dict[str, int] = {}


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _watched and isinstance(args[0], (str, Path)):
        key = str(args[0])
        if key in _watched:
            _watched[key] += 1


sys.addaudithook(_audit)  # audit hooks cannot be removed; it counts only watched paths


@pytest.fixture
def opens():
    """``opens(path)`` starts counting how often ``path`` is opened; returns a reader of the count."""

    def watch(path: Path):
        _watched[str(path)] = 0
        return lambda: _watched[str(path)]

    yield watch
    _watched.clear()


# --- files and windows ---------------------------------------------------------------


def review_rows(small_corpus_dir: Path) -> list[tuple[str, str]]:
    """Every review of the small corpus with "positive"/"negative", sorted by file for a stable order."""
    rows = []
    for file in sorted(small_corpus_dir.glob("*/*/*.txt")):
        rows.append((file.read_text(encoding="utf-8"), "positive" if file.parent.name == "pos" else "negative"))
    return rows


def write_csv(path: Path, rows, header=("review", "sentiment")) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def reviews_csv(tmp_path, small_corpus_dir) -> Path:
    return write_csv(tmp_path / "reviews.csv", review_rows(small_corpus_dir))


@pytest.fixture
def make_window(qtbot, tmp_path, tiny_config):
    def make(name: str = "settings.ini") -> MainWindow:
        window = MainWindow(StudioSettings.in_file(str(tmp_path / name)), runs_folder=tmp_path / "runs")
        window.dialogs.auto_answer = True
        qtbot.addWidget(window)
        window.form.set_config(tiny_config)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def choose_table(qtbot, window: MainWindow, path: Path, signal: str = "inspected"):
    """Pick "a CSV or TSV file" in the kind box, type the path, and wait for the panel's verdict."""
    panel = window.data_panel
    with qtbot.waitSignal(getattr(panel, signal), timeout=TIMEOUT) as seen:
        panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(TABLE))
        panel.path_edit.setText(str(path))
    return seen.args[0]


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), f"{widget.text()} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def train(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT) as ended:
        click(qtbot, window.train_button)
    assert ended.args == ["train"]
    return window.model


# --- tests ---------------------------------------------------------------------------


def test_a_csv_chosen_in_the_panel_previews_trains_saves_and_reopens(qtbot, make_window, reviews_csv, tmp_path, opens):
    window = make_window("first.ini")
    panel = window.data_panel
    load = choose_table(qtbot, window, reviews_csv)

    # Columns from the header, the first rows, the counts and the balance, before Train.
    assert [panel.text_combo.itemText(i) for i in range(panel.text_combo.count())] == ["review", "sentiment"]
    assert (panel.text_combo.currentText(), panel.label_combo.currentText()) == ("review", "sentiment")
    table = panel.preview_table
    assert table.isVisible() and (table.rowCount(), table.columnCount()) == (5, 2)
    assert [table.horizontalHeaderItem(c).text() for c in range(2)] == ["review", "sentiment"]
    first_text, first_label = review_rows(Path(__file__).parent / "data" / "small_reviews")[0]
    assert table.item(0, 0).toolTip() == first_text and table.item(0, 1).text() == first_label
    status = panel.status.text()
    assert "reviews.csv" in status and str(reviews_csv) in status
    assert "Train: 52 reviews: 26 positive (50%) / 26 negative" in status  # 64 rows, 20% of each class held out
    assert "Test: 12 reviews: 6 positive (50%) / 6 negative" in status
    assert not panel.progress.isVisible() and not panel.status.property("error")

    # Train 2 epochs: the panel's corpus is the one trained on; the file is not opened again.
    count = opens(reviews_csv)
    model = train(qtbot, window)
    assert count() == 0
    assert window.controller.corpus is load.corpus and len(model.history["loss"]) == 2
    assert model.source == {"name": "your reviews (reviews.csv)", "kind": "table", "path": str(reviews_csv),
                            "train_count": 52, "test_count": 12, "train_positive": 26, "test_positive": 6,
                            "test_fraction": 0.2, "split_seed": 113}
    assert "reviews.csv" in window.results.data_info.text() and "Test: 12 reviews" in window.results.data_info.text()

    path = tmp_path / "from_csv.keras"
    assert window.files.save_model_to(path)
    window.classify_panel.text_edit.setPlainText(REVIEW)
    probability = window.classify_panel.classify()

    fresh = make_window("fresh.ini")
    with qtbot.waitSignal(fresh.task_ended, timeout=TIMEOUT) as ended:
        assert fresh.open_model(path)
    assert ended.args == ["open"] and fresh.dialogs.last_error is None
    assert fresh.model.source == model.source
    info = fresh.results.data_info.text()
    assert f"your reviews (reviews.csv) — {reviews_csv}" in info and "Train: 52 reviews: 26 positive (50%) / 26 negative" in info
    fresh.classify_panel.text_edit.setPlainText(REVIEW)
    assert fresh.classify_panel.classify() == pytest.approx(probability, abs=1e-6)


def test_a_bad_label_names_line_and_value_and_train_shows_the_same_error(qtbot, make_window, tmp_path, reviews_csv, small_corpus_dir):
    rows = review_rows(small_corpus_dir)
    rows[2] = (rows[2][0], "maybe")
    bad = write_csv(tmp_path / "bad.csv", rows)
    line = next(n for n, text in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if text.endswith(",maybe"))
    window = make_window()
    message = choose_table(qtbot, window, bad, signal="inspection_failed")
    assert f"bad.csv, line {line}:" in message and "'maybe'" in message
    panel = window.data_panel
    assert panel.status.text() == message and panel.status.property("error") and panel.read_button.isVisible()
    assert window.train_button.isEnabled()

    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT), qtbot.waitSignal(window.dialogs.error_shown, timeout=TIMEOUT) as shown:
        click(qtbot, window.train_button)
    assert shown.args == [message] and window.dialogs.error_box.windowTitle() == "Training failed"
    window.dialogs.error_box.close()
    assert not window.is_busy() and window.model is None and panel.isEnabled()

    # Still usable: another source is read and trained on.
    choose_table(qtbot, window, reviews_csv)
    assert not panel.status.property("error")
    model = train(qtbot, window)
    assert model.source["path"] == str(reviews_csv) and window.dialogs.last_error == message  # no new error


@pytest.mark.parametrize(
    "case, expected",
    [
        ("missing label column", "has no column 'stars'"),
        ("no label column to guess", "choose the label column"),
        ("empty file", "empty.csv is empty"),
        ("a single class", "only positive reviews"),
        ("missing path", "does not exist"),
    ],
)
def test_bad_tables_show_the_engines_message_in_the_panel(qtbot, make_window, tmp_path, case, expected):
    window = make_window()
    panel = window.data_panel
    if case == "missing label column":
        path = write_csv(tmp_path / "mine.csv", [("good", "1"), ("bad", "0")])
        with qtbot.waitSignal(panel.inspection_failed, timeout=TIMEOUT) as failed:
            panel.set_source(str(path))
            panel.set_options(SourceOptions(label_column="stars"))  # as remembered from another file
        message = failed.args[0]
        # The combos then offer the file's real columns.
        assert [panel.label_combo.itemText(i) for i in range(panel.label_combo.count())] == ["review", "sentiment"]
    else:
        if case == "no label column to guess":
            path = write_csv(tmp_path / "mine.csv", [("good", "1"), ("bad", "0")], header=("review", "stars"))
        elif case == "empty file":
            path = tmp_path / "empty.csv"
            path.write_text("")
        elif case == "a single class":
            path = write_csv(tmp_path / "mine.csv", [("good", "pos"), ("great", "positive")])
        else:
            path = tmp_path / "nowhere" / "mine.csv"
        message = choose_table(qtbot, window, path, signal="inspection_failed")
    assert expected in message and panel.status.text() == message and panel.status.property("error")
    assert panel.preview_table.isVisible() == (case in ("missing label column", "no label column to guess", "a single class"))
    assert window.train_button.isEnabled() and not window.is_busy()


def test_one_read_per_run_even_when_train_is_pressed_at_once(qtbot, make_window, reviews_csv, tmp_path, opens):
    window = make_window()
    panel = window.data_panel

    # What one inspection costs in opens of the file (preview and read), on a copy.
    copy = tmp_path / "copy.csv"
    copy.write_bytes(reviews_csv.read_bytes())
    count_copy = opens(copy)
    choose_table(qtbot, window, copy)
    one_read = count_copy()
    assert one_read >= 1

    # Train right after choosing, before the panel's own delay: training waits for that one read.
    count = opens(reviews_csv)
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT):
        panel.path_edit.setText(str(reviews_csv))
        click(qtbot, window.train_button)
    assert window.dialogs.last_error is None and count() == one_read
    load = panel.current_load()
    assert load is not None and window.controller.corpus is load.corpus and load.reads == 1

    # Evaluate reuses the window's corpus: no read at all.
    with qtbot.waitSignal(window.task_ended, timeout=TIMEOUT):
        click(qtbot, window.evaluate_button)
    assert count() == one_read and window.dialogs.last_error is None

    # Another split seed is another corpus: read once more, and that one is trained on.
    with qtbot.waitSignal(panel.inspected, timeout=TIMEOUT) as seen:
        panel.seed_spin.setValue(7)
    assert count() == 2 * one_read
    train(qtbot, window)
    assert count() == 2 * one_read and window.controller.corpus is seen.args[0].corpus
    assert window.controller.corpus.test_texts != load.corpus.test_texts


def test_the_choice_is_remembered(qtbot, make_window, tmp_path, reviews_csv):
    test_file = write_csv(tmp_path / "test.csv", [("good", "positive"), ("bad", "negative")])
    window = make_window("kept.ini")
    panel = window.data_panel
    choose_table(qtbot, window, reviews_csv)
    with qtbot.waitSignal(panel.inspected, timeout=TIMEOUT) as seen:
        panel.test_file_radio.setChecked(True)
        panel.test_path_edit.setText(str(test_file))
    assert seen.args[0].corpus.source["test_count"] == 2 and seen.args[0].corpus.source["train_count"] == 64
    window.close()

    again = MainWindow(StudioSettings.in_file(str(tmp_path / "kept.ini")), runs_folder=tmp_path / "runs")
    qtbot.addWidget(again)
    assert again.data_panel.kind() == TABLE and again.data_panel.source() == str(reviews_csv)
    assert again.data_panel.options() == SourceOptions(text_column="review", label_column="sentiment", test_path=str(test_file))
    with qtbot.waitSignal(again.data_panel.inspected, timeout=TIMEOUT):
        pass  # read on its own shortly after start
    again.close()


def test_keras_and_download_sources_are_not_fetched_until_asked(qtbot, make_window, tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "empty_keras_home"))
    window = make_window()
    panel = window.data_panel
    panel.set_source("keras-imdb")
    assert panel.source() == "keras-imdb" and panel.words_row.isVisibleTo(panel) and not panel.path_row.isVisibleTo(panel)
    qtbot.waitUntil(lambda: "not downloaded yet" in panel.status.text(), timeout=5_000)
    assert panel.read_button.isVisible() and panel.loader.current is None
    panel.set_source("download")
    qtbot.waitUntil(lambda: "The IMDB archive (84 MB) is not downloaded yet" in panel.status.text(), timeout=5_000)
    assert panel.loader.current is None


def test_a_fresh_window_with_no_data_configured_starts_on_the_download_with_train_enabled(qtbot, tmp_path, monkeypatch, small_corpus_dir):
    monkeypatch.delenv("IMDB_DATA", raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "empty_keras_home"))

    def start(settings: str) -> MainWindow:
        window = MainWindow(StudioSettings.in_file(str(tmp_path / "fresh" / settings)), runs_folder=tmp_path / "runs")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    window = start("first.ini")
    panel = window.data_panel
    assert panel.kind() == "download" and panel.source() == "download"
    assert window.train_button.isEnabled()
    qtbot.waitUntil(lambda: "The IMDB archive (84 MB) is not downloaded yet" in panel.status.text(), timeout=5_000)
    assert panel.loader.current is None, "nothing is fetched before Train"
    window.close()

    monkeypatch.setenv("IMDB_DATA", str(small_corpus_dir))  # a local copy named by the environment comes first
    window = start("with_imdb_data.ini")
    assert window.data_panel.kind() == "aclimdb" and window.data_panel.source() == str(small_corpus_dir)
    window.data_panel.set_source("keras-imdb")
    window.close()  # remembered
    monkeypatch.delenv("IMDB_DATA")
    again = start("with_imdb_data.ini")
    assert again.data_panel.kind() == "keras"
    again.close()


def test_a_models_source_is_described_for_every_kind(qapp):
    from gui.panels.data_summary import describe_source

    assert describe_source({}) == "Data: not recorded in this model file."
    download = {"name": "IMDB (aclImdb)", "kind": "download", "path": "/cache/aclImdb_v1.tar.gz", "url": "https://example.org/a.tar.gz",
                "train_count": 25000, "test_count": 25000, "train_positive": 12500, "test_positive": 12500}
    assert describe_source(download).splitlines() == [
        "Data: IMDB (aclImdb) — https://example.org/a.tar.gz",
        "Train: 25,000 reviews: 12,500 positive (50%) / 12,500 negative",
        "Test: 25,000 reviews: 12,500 positive (50%) / 12,500 negative",
    ]
    keras = {"name": "Keras IMDB (keras.datasets.imdb)", "kind": "keras-imdb", "path": "keras-imdb", "train_count": 40,
             "test_count": 10, "train_positive": 30, "test_positive": 5}
    lines = describe_source(keras).splitlines()
    assert lines[0].endswith("tf-keras-datasets/imdb.npz") and lines[1] == "Train: 40 reviews: 30 positive (75%) / 10 negative"


def test_the_panel_offers_every_registered_kind_with_the_controls_of_its_options(qtbot, tmp_path, small_corpus_dir):
    """A kind registered in core (JSON lines, read for real) is in the kind box, shows its own controls and loads."""
    import json

    import numpy as np

    from core.data.labelled import labelled_corpus
    from core.data.registry import kinds, register, unregister
    from core.data.sources import SEED, TEST_PATH, TEST_SPLIT, SourceKind
    from gui.panels.data_source import DataSourcePanel

    def read_lines(path, options, progress):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return [row["text"] for row in rows], np.array([row["label"] for row in rows], dtype="int32"), 0

    kind = SourceKind(id="jsonl", label="Your reviews: JSON lines", read=lambda request: labelled_corpus(request, read_lines, "json lines"),
                      suffixes=(".jsonl",), options=(TEST_SPLIT, SEED, TEST_PATH), placeholder="a .jsonl file", file_tip="Choose it",
                      file_title="Choose a .jsonl file", file_types="JSON lines", cli_help="a .jsonl of labelled reviews")
    path = tmp_path / "reviews.jsonl"
    path.write_text("".join(json.dumps({"text": text, "label": int(label == "positive")}) + "\n" for text, label in review_rows(small_corpus_dir)),
                    encoding="utf-8")
    register(kind)
    try:
        panel = DataSourcePanel()
        qtbot.addWidget(panel)
        panel.show()
        assert [panel.kind_combo.itemData(i) for i in range(panel.kind_combo.count())] == [k.id for k in kinds()]
        assert panel.kind_combo.itemText(panel.kind_combo.count() - 1) == "Your reviews: JSON lines"
        with qtbot.waitSignal(panel.inspected, timeout=TIMEOUT) as seen:
            panel.set_source(str(path))
        assert panel.kind() == "jsonl" and panel.path_edit.placeholderText() == "a .jsonl file"
        assert panel.file_button.isVisible() and not panel.folder_button.isVisible()
        assert panel.split_row.isVisible() and panel.test_path_row.isVisible()
        assert not panel.columns_row.isVisible() and not panel.words_row.isVisible() and not panel.preview_table.isVisible()
        assert seen.args[0].corpus.source["kind"] == "json lines"
        assert "Train: 52 reviews: 26 positive (50%) / 26 negative" in panel.status.text()
        assert panel.options() == SourceOptions()
        panel.shutdown()
    finally:
        unregister(kind.id)
